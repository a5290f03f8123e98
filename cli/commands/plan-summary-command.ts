/**
 * `signoz-alerts plan-summary <plan.json>...`: the alert-aware summary of `terraform show -json`
 * plans, sized for a GitHub comment, with the fuller version written to `--overflow-file`.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { isToolkitError, toolkitErrorLines } from '../../constructs/model/toolkit-error';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT } from '../../pipeline/render/render-summary';
import type { StackNameSource, SummaryFormatName } from '../../pipeline/summary/plan-summary';
import { EXIT, UsageError, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';
import { collect, integerOption, oneOf } from './option-parsers';

interface PlanSummaryOptions {
  format: string;
  maxChars: number;
  overflowFile?: string;
  overflowMaxBytes: number;
  overflowNote?: string;
  stack?: string[];
  stackNameFrom: string;
  config?: string;
  detailedExitcode?: boolean;
  driftExitcode?: boolean;
}

async function run(files: string[], options: PlanSummaryOptions, io: CliIO): Promise<number> {
  const format = oneOf<SummaryFormatName>('--format', options.format, ['markdown', 'text']);
  const nameSource = oneOf<StackNameSource>('--stack-name-from', options.stackNameFrom, ['file', 'dir']);
  const stacks = options.stack ?? [];
  if (stacks.length > 0 && stacks.length !== files.length) {
    throw new UsageError(`--stack was given ${stacks.length} times for ${files.length} plan files; give one --stack per plan file, in the same order`);
  }
  // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
  const [{ loadPipelineConfig }, { readPlanFile }, { renderPlanSummary, stackNameFromPath, summarizePlans }, { erroredStacks, hasDrift, hasPlannedChanges }] = await Promise.all([
    import('../../pipeline/config/pipeline-config.js'),
    import('../../pipeline/plan/plan-file.js'),
    import('../../pipeline/summary/plan-summary.js'),
    import('../../pipeline/summary/summary-model.js'),
  ]);
  const config = loadPipelineConfig(io.cwd, options.config);
  const plans = [];
  // One at a time: each plan is streamed, and only what the summary reads of it is kept.
  for (const [i, file] of files.entries()) plans.push({ stack: stacks[i] ?? stackNameFromPath(file, nameSource), plan: await readPlanFile(path.resolve(io.cwd, file)) });
  const { summary, redactor } = summarizePlans(plans, {
    channels: { pagingChannels: config.pagingChannels, nonPagingChannels: config.nonPagingChannels },
    destroyBudgets: config.destroyBudgets,
  });
  const overflowNote = options.overflowNote !== undefined ? { overflowNote: options.overflowNote } : {};
  const main = renderPlanSummary(summary, { format, maxBytes: options.maxChars, redactor, ...overflowNote });
  if (options.overflowFile) {
    const full = renderPlanSummary(summary, {
      format,
      maxBytes: options.overflowMaxBytes,
      redactor,
      overflowNote: 'Some detail was left out to stay under the job-summary size limit; run `signoz-alerts plan-summary` on the plan for the rest.',
    });
    writeFileAtomic(path.resolve(io.cwd, options.overflowFile), full.text);
  }
  io.out(main.text);
  const errored = erroredStacks(summary);
  if (errored.length > 0) {
    // An errored plan says nothing about what would change: never "no changes", never "in sync".
    io.err(`signoz-alerts: planning failed for ${errored.join(', ')} (the plan JSON says "errored": true): the plan cannot be applied and what it would change is unknown.`);
    return EXIT.failed;
  }
  if (options.driftExitcode && (hasDrift(summary) || hasPlannedChanges(summary))) return 2;
  if (options.detailedExitcode && hasPlannedChanges(summary)) return 2;
  return EXIT.ok;
}

export const registerPlanSummary: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('plan-summary')
    .description('Summarize `terraform show -json` plans for review: alerts, channels, routes and windows, paging impact, drift.')
    .argument('<plan.json...>', 'plan files written by `terraform show -json <planfile>` (one per stack)')
    .option('--format <format>', 'markdown or text', 'markdown')
    .option('--max-chars <n>', 'size budget of the printed summary (GitHub comments take 65,536)', integerOption('--max-chars', 1_000), GITHUB_COMMENT_LIMIT)
    .option('--overflow-file <path>', 'also write the fuller summary here (for $GITHUB_STEP_SUMMARY and an artifact)')
    .option('--overflow-max-bytes <n>', 'size budget of the overflow file', integerOption('--overflow-max-bytes', 1_000), JOB_SUMMARY_LIMIT)
    .option('--overflow-note <text>', 'closing note printed when detail was left out (e.g. a link to the run)')
    .option('--stack <name>', 'stack name of each plan file, in order (repeat per file)', collect)
    .option('--stack-name-from <source>', 'without --stack, name stacks after the plan "file" or its "dir"', 'file')
    .option('--config <path>', 'pipeline config file (default: signoz-alerts.pipeline.json if present)')
    .option('--detailed-exitcode', 'exit 2 when the plans change something, 0 when not (decided from the JSON); errors and errored plans exit 1')
    .option('--drift-exitcode', 'exit 2 when objects changed outside Terraform or the code is not applied; errors and errored plans exit 1')
    .action(async (files: string[], options: PlanSummaryOptions) => {
      const exitCodeMode = Boolean(options.detailedExitcode || options.driftExitcode);
      try {
        setExitCode(await run(files, options, io));
      } catch (err) {
        // With an exit-code mode, 2 means "changes"; an input error must not look like one.
        if (!exitCodeMode || !isToolkitError(err)) throw err;
        io.err(`signoz-alerts: ${toolkitErrorLines(err).join('\n')}`);
        setExitCode(EXIT.failed);
      }
    });
};
