/**
 * `signoz-alerts changed-stacks --base <ref>`: the stacks whose synthesized config differs from the
 * base ref, as text for people or as a GitHub Actions matrix (`{"include":[{"stack":...}]}`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError, type CliIO } from '../io';
import type { StackComparison } from '../../pipeline/changes/compare-synth-dirs';
import type { RegisterCommand } from './register-command';
import { oneOf, synthCacheDir, synthCacheOptions } from './option-parsers';

interface ChangedStacksOptions {
  base?: string;
  all?: boolean;
  format: string;
  appDir: string;
  headOutdir?: string;
  synthCache?: string | boolean;
  config?: string;
}

const MAX_BLOCKS_LISTED = 8;

function describe(c: StackComparison): string {
  const blocks =
    c.changedBlocks.length > MAX_BLOCKS_LISTED
      ? `${c.changedBlocks.slice(0, MAX_BLOCKS_LISTED).join(', ')} and ${c.changedBlocks.length - MAX_BLOCKS_LISTED} more`
      : c.changedBlocks.join(', ');
  const details = [blocks, ...c.reasons].filter((d) => d !== '');
  const removedNote = c.status === 'removed' ? 'removed from the app: its alerts are NOT destroyed by a plan; destroy the stack from the base before merging' : '';
  return `${c.status.padEnd(9)} ${c.stack}${details.length > 0 ? `: ${details.join('; ')}` : ''}${removedNote ? `: ${removedNote}` : ''}`;
}

export const registerChangedStacks: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  synthCacheOptions(program.command('changed-stacks'))
    .description('List the stacks whose synthesized config differs from a base git ref (synthesizes both).')
    .option('--base <git-ref>', 'branch, tag or commit to compare with (e.g. origin/main)')
    .option('--all', 'list every stack of the app instead (no comparison)')
    .option('--format <format>', 'text, or json for a GitHub Actions matrix', 'text')
    .option('--app-dir <dir>', 'folder of cdktf.json', '.')
    .option('--head-outdir <dir>', 'synthesize the current code here and keep it (default: a temporary folder)')
    .option('--config <path>', 'pipeline config file (default: signoz-alerts.pipeline.json if present)')
    .action(async (options: ChangedStacksOptions) => {
      const format = oneOf('--format', options.format, ['text', 'json'] as const);
      if (Boolean(options.base) === Boolean(options.all)) throw new UsageError('give exactly one of --base <git-ref> or --all');
      const appDir = path.resolve(io.cwd, options.appDir);
      const headOutdir = options.headOutdir ? path.resolve(io.cwd, options.headOutdir) : undefined;
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
      const [{ detectChangedStacks, listAllStacks }, { matrixJson, stacksToPlan }, { loadPipelineConfig }] = await Promise.all([
        import('../../pipeline/changes/changed-stacks.js'),
        import('../../pipeline/changes/compare-synth-dirs.js'),
        import('../../pipeline/config/pipeline-config.js'),
      ]);
      if (options.all) {
        const { stacks, headOutdir: outdir } = await listAllStacks(appDir, headOutdir);
        if (!headOutdir) fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
        io.out(format === 'json' ? matrixJson(stacks) : stacks.join('\n'));
        setExitCode(EXIT.ok);
        return;
      }
      const config = loadPipelineConfig(appDir, options.config);
      const synthCache = synthCacheDir(options.synthCache, { ...process.env, ...io.env }, io.cwd, appDir);
      const result = await detectChangedStacks({
        appDir,
        base: options.base!,
        locksDir: config.locksDir,
        ...(headOutdir ? { headOutdir } : {}),
        ...(synthCache !== undefined ? { synthCache } : {}),
        log: (line) => io.err(`signoz-alerts: ${line}`),
      });
      if (!headOutdir) fs.rmSync(path.dirname(result.headOutdir), { recursive: true, force: true });
      if (result.baseSynthError) io.err(`signoz-alerts: warning: ${result.baseSynthError}`);
      for (const c of result.comparisons) if (c.status === 'removed') io.err(`signoz-alerts: warning: ${describe(c)}`);
      if (format === 'json') {
        io.out(matrixJson(stacksToPlan(result.comparisons)));
      } else {
        io.out(result.comparisons.length === 0 ? 'the app has no stacks' : result.comparisons.map(describe).join('\n'));
      }
      setExitCode(EXIT.ok);
    });
};
