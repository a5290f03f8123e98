/**
 * `signoz-alerts pr-check --base <ref>` (`npm run pr-check -- --base origin/main`): the whole PR
 * check locally, producing the same comment markdown the workflow posts.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { FINGERPRINT_SALT_ENV } from '../../pipeline/apply-safety/plan-fingerprint';
import { GITHUB_COMMENT_LIMIT } from '../../pipeline/render/render-summary';
import { TerraformCli } from '../../pipeline/terraform/terraform-cli';
import { UsageError, type CliIO } from '../io';
import { resolveReferenceDate } from '../../policies/suppressions/reference-date';
import type { RegisterCommand } from './register-command';
import { integerOption, synthCacheDir, synthCacheOptions } from './option-parsers';

interface PrCheckCliOptions {
  base: string;
  appDir: string;
  outDir: string;
  headOutdir?: string;
  synthCache?: string | boolean;
  maxChars: number;
  overflowNote?: string;
  failOnRefactor?: boolean;
  keepPlans?: boolean;
  config?: string;
  checks: boolean;
  pack?: string;
  format: 'text' | 'json';
  now?: string;
}

function withSynthCache(dir: string | undefined): { synthCache?: string } {
  return dir !== undefined ? { synthCache: dir } : {};
}

export const registerPrCheck: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  synthCacheOptions(program.command('pr-check'))
    .description('Run the pull-request check locally: synth, checks, changed stacks, plan each, summary markdown.')
    .requiredOption('--base <git-ref>', 'branch, tag or commit the change is compared with (e.g. origin/main)')
    .option('--app-dir <dir>', 'folder of cdktf.json', '.')
    .option('--out-dir <dir>', 'where comment.md, summary.md and plans/ are written', '.pr-check')
    .option('--head-outdir <dir>', 'synth output of the code under review (default: cdktf.json "output")')
    .option('--max-chars <n>', 'size budget of comment.md', integerOption('--max-chars', 1_000), GITHUB_COMMENT_LIMIT)
    .option('--overflow-note <text>', 'closing note of comment.md when detail was left out (e.g. a link to the run)')
    .option('--fail-on-refactor', 'fail when a delete/create pair looks like a moved construct')
    .option('--keep-plans', 'keep plan files and their JSON in <out-dir>/plans (they contain secrets in clear text)')
    .option('--config <path>', 'pipeline config file (default: signoz-alerts.pipeline.json if present)')
    .option('--no-checks', 'skip rule validation and the policy pack (when another job runs them)')
    .option(
      '-p, --pack <pack>',
      'policy pack to run: "default" or the path of a module exporting a PolicyPack (.ts needs tsx); default: signozAlerts.pack of cdktf.json, else "default"',
    )
    .option('--now <iso-date>', 'reference date suppressions expire against (YYYY-MM-DD or ISO date-time; default: SOURCE_DATE_EPOCH, else the clock)')
    .addOption(new Option('--format <format>', 'how the outcome is printed on stdout').choices(['text', 'json']).default('text'))
    .action(async (options: PrCheckCliOptions) => {
      const appDir = path.resolve(io.cwd, options.appDir);
      if (!options.checks && options.pack !== undefined) throw new UsageError('--pack and --no-checks contradict each other: --no-checks runs no policy pack');
      // Loaded here, not at the top: `--help` and the other commands do not pay for the pipeline, the CDK engine and the rules.
      const [{ loadPipelineConfig }, { loadPrCheckHooks, readAppCheckConfig }, { runPrCheck }, { loadPolicyPack }] = await Promise.all([
        import('../../pipeline/config/pipeline-config.js'),
        import('../../pipeline/pr-check/app-check-config.js'),
        import('../../pipeline/pr-check/pr-check.js'),
        import('../../policies/load-pack.js'),
      ]);
      // Loaded before anything is written: a pack or hooks module that cannot be loaded is a usage error (exit 2).
      // The app's cdktf.json names its pack and hooks; --pack on the command line wins over the pack.
      const appChecks = options.checks ? readAppCheckConfig(appDir) : {};
      const policyPack =
        options.pack !== undefined
          ? options.pack !== 'default'
            ? await loadPolicyPack(options.pack, io.cwd)
            : undefined
          : appChecks.pack !== undefined
            ? await loadPolicyPack(path.relative(appDir, appChecks.pack), appDir)
            : undefined;
      const appHooks = appChecks.hooks !== undefined ? await loadPrCheckHooks(appChecks.hooks, appDir) : [];
      const env = { ...process.env, ...io.env };
      // Checked before anything runs; --now wins over SOURCE_DATE_EPOCH, which wins over the clock.
      const today = resolveReferenceDate(options.now, env);
      const salt = io.env[FINGERPRINT_SALT_ENV] || undefined;
      if (!salt) io.err(`pr-check: ${FINGERPRINT_SALT_ENV} is not set; fingerprints hash sensitive values without a salt.`);
      const result = await runPrCheck({
        appDir,
        base: options.base,
        outDir: path.resolve(io.cwd, options.outDir),
        ...(options.headOutdir ? { headOutdir: path.resolve(io.cwd, options.headOutdir) } : {}),
        ...withSynthCache(synthCacheDir(options.synthCache, env, io.cwd, appDir)),
        config: loadPipelineConfig(appDir, options.config),
        salt,
        maxCommentBytes: options.maxChars,
        ...(options.overflowNote ? { overflowNote: options.overflowNote } : {}),
        failOnRefactor: Boolean(options.failOnRefactor),
        keepPlans: Boolean(options.keepPlans),
        terraform: new TerraformCli({ env }),
        secretEnv: env,
        log: (line) => io.err(`pr-check: ${line}`),
        ...(options.checks ? {} : { hooks: [] }),
        ...(policyPack ? { policyPack } : {}),
        ...(appHooks.length > 0 ? { appHooks } : {}),
        today,
      });
      for (const note of result.notes) io.err(`pr-check: ${note}`);
      const unplanned = result.unplannedStacks ?? [];
      const errored = result.erroredStacks ?? [];
      // "changes: no" only when every changed stack was planned and no plan errored.
      const known = unplanned.length === 0 && errored.length === 0 && result.headSynthError === undefined;
      setExitCode(result.exitCode);
      if (options.format === 'json') {
        const report = {
          comment: path.relative(io.cwd, result.commentFile),
          jobSummary: path.relative(io.cwd, result.summaryFile),
          planned: result.plannedStacks,
          notPlanned: unplanned,
          planErrored: errored,
          headSynthFailed: result.headSynthError !== undefined,
          changes: !known ? 'unknown' : result.hasChanges ? 'yes' : 'no',
          notes: result.notes,
          exitCode: result.exitCode,
        };
        io.out(JSON.stringify(report, null, 2));
        return;
      }
      io.out(`comment: ${path.relative(io.cwd, result.commentFile)}`);
      io.out(`job summary: ${path.relative(io.cwd, result.summaryFile)}`);
      io.out(
        [
          `planned: ${result.plannedStacks.length > 0 ? result.plannedStacks.join(', ') : 'none'}`,
          ...(unplanned.length > 0 ? [`not planned: ${unplanned.join(', ')}`] : []),
          ...(errored.length > 0 ? [`plan errored: ${errored.join(', ')}`] : []),
          ...(result.headSynthError !== undefined ? ['head synth failed'] : []),
          `changes: ${!known ? 'unknown' : result.hasChanges ? 'yes' : 'no'}`,
        ].join('; '),
      );
    });
};
