/** `signoz-alerts evaluate`: run one rule over given query results and print the alerts per evaluation. */
import { visibleText } from '../../constructs/util/visible-text';
import { formatShortDuration } from '../../constructs/model/duration';
import type { Command } from 'commander';
import type { EvaluableRule, EvaluationTimeline, QueryResults } from '../../constructs/evaluation';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleEntry } from '../../constructs/codecs/rules-in';
import { EXIT, UsageError, type CliIO } from '../io';
import { parseJsonText, parseTimeArgument, readTextFile, resolvePath } from '../input-files';
import type { RegisterCommand } from './register-command';

interface EvaluateFlags {
  rule: string;
  alert?: string;
  series: string;
  format: string;
  from?: string;
  to?: string;
  evalDelay: string;
  ruleId?: string;
}

/** The machine-readable result: per tick, the active alerts. */
export function timelineToJson(timeline: EvaluationTimeline): unknown[] {
  return timeline.ticks.map((tick) => ({
    time: tick.time,
    alerts: tick.alerts.map((a) => ({ labels: a.labels, state: a.state, value: a.value, threshold: a.threshold })),
  }));
}

const HIDDEN_LABELS = ['alertname', 'ruleId', 'ruleSource'];
const utc = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.000Z$/, 'Z');

/** A readable table: one line per active alert per tick; quiet stretches folded into one line. */
export function timelineToText(timeline: EvaluationTimeline, evalDelayMs: number): string {
  const rule = timeline.rule;
  const schedule =
    rule.schedule.kind === 'rolling'
      ? `every ${formatShortDuration(rule.schedule.frequencyMs)} over the last ${formatShortDuration(rule.schedule.evalWindowMs)}`
      : `every ${formatShortDuration(rule.schedule.frequencyMs)} over the ${rule.schedule.schedule.type} period (${rule.schedule.timezone || 'UTC'})`;
  const lines = [`Rule "${rule.name}" (${rule.ruleType}), query ${rule.selectedQuery}, ${schedule}, evaluation delay ${formatShortDuration(evalDelayMs)}`];
  for (const warning of timeline.warnings) lines.push(`warning: ${warning}`);
  const rows: string[][] = [];
  let quietFrom: number | undefined;
  let quietTo = 0;
  const flushQuiet = (): void => {
    if (quietFrom === undefined) return;
    rows.push([quietFrom === quietTo ? utc(quietFrom) : `${utc(quietFrom)} .. ${utc(quietTo)}`, '-', '', '', 'no active alerts']);
    quietFrom = undefined;
  };
  for (const tick of timeline.ticks) {
    if (tick.alerts.length === 0 && tick.resolved.length === 0 && !tick.error) {
      quietFrom ??= tick.time;
      quietTo = tick.time;
      continue;
    }
    flushQuiet();
    for (const alert of tick.alerts) {
      const labels = Object.entries(alert.labels)
        .filter(([k]) => !HIDDEN_LABELS.includes(k))
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(' ');
      const name = alert.labels.alertname !== rule.name ? `${alert.labels.alertname} ` : '';
      rows.push([utc(tick.time), alert.state, String(alert.value), String(alert.threshold), `${name}${labels}`]);
    }
    for (const gone of tick.resolved) {
      const labels = Object.entries(gone.labels)
        .filter(([k]) => !HIDDEN_LABELS.includes(k))
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(' ');
      rows.push([utc(tick.time), 'resolved', '', '', labels]);
    }
    if (tick.error) rows.push([utc(tick.time), 'error', '', '', tick.error]);
  }
  flushQuiet();
  const header = ['time (UTC)', 'state', 'value', 'threshold', 'labels'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: string[]): string =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(render(header), ...rows.map(render));
  return lines.join('\n');
}

/** Default range: from the first point to the moment the last point has left the window. */
function defaultRange(rule: EvaluableRule, results: QueryResults, evalDelayMs: number): { from: number; to: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const list of Object.values(results)) {
    for (const one of list) {
      for (const [t] of one.points) {
        if (t < first) first = t;
        if (t > last) last = t;
      }
    }
  }
  if (first === Infinity) return undefined;
  const span = rule.schedule.kind === 'rolling' ? rule.schedule.evalWindowMs : rule.schedule.frequencyMs;
  return { from: first, to: last + evalDelayMs + span };
}

/**
 * The rules `--rule` names: every stack of a cdktf output folder (read by `readSynthOutput`), or
 * every rule of one JSON file (a rule, a rule list, a `cdk.tf.json`), found by `rulesIn`.
 * A file that is not JSON is bad input (exit 2), like a series file that is not JSON.
 */
async function readRuleSource(rulePath: string, io: CliIO): Promise<{ file: string; rules: (RuleEntry & { stack?: string })[] }> {
  const absolute = resolvePath(io.cwd, rulePath);
  if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory() && existsSync(join(absolute, 'manifest.json'))) {
    const { readSynthOutput, rulesOfStack } = await import('../../constructs/codecs/synth-output.js');
    const stacks = readSynthOutput(rulePath, io.cwd);
    return { file: rulePath, rules: stacks.flatMap((stack) => rulesOfStack(stack).map((rule) => ({ ...rule, stack: stack.name }))) };
  }
  const json = parseJsonText(readTextFile(io.cwd, rulePath, 'rule file'), rulePath);
  if ('error' in json) throw new UsageError(json.error);
  const { rulesIn } = await import('../../constructs/codecs/rules-in.js');
  return { file: rulePath, rules: rulesIn(json.value) };
}

async function run(flags: EvaluateFlags, io: CliIO, setExitCode: (code: number) => void): Promise<void> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, got "${flags.format}"`);
  // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
  const [{ evaluateRule, loadEvaluableRule, parseGoDurationOrError, parseSeriesDocument, RuleEvaluationError, SeriesDocumentError }, { chooseRule }] = await Promise.all([
    import('../../constructs/evaluation/index.js'),
    import('../../constructs/testing/run-alert-test-files.js'),
  ]);
  const evalDelayMs = parseGoDurationOrError(flags.evalDelay);
  if (typeof evalDelayMs !== 'number' || evalDelayMs < 0) throw new UsageError(`--eval-delay must be a duration such as 2m or 0s, got "${flags.evalDelay}"`);
  const seriesText = readTextFile(io.cwd, flags.series, 'series file');
  const seriesJson = parseJsonText(seriesText, flags.series);
  if ('error' in seriesJson) throw new UsageError(seriesJson.error);
  let results: QueryResults;
  try {
    results = parseSeriesDocument(seriesJson.value);
  } catch (err) {
    if (err instanceof SeriesDocumentError) throw new UsageError(`${flags.series}: ${err.path || '/'}: ${err.problems[0]!.message}`);
    throw err;
  }
  const source = await readRuleSource(flags.rule, io);
  // a synth output folder or a cdk.tf.json holds many rules: --alert says which (one way to choose, shared with the YAML tests)
  const entry = chooseRule(source.rules, flags.alert, flags.rule, '--alert', '--rule');
  const alsoIn = source.rules.filter((r) => r.name === entry.name && r.stack !== entry.stack).map((r) => r.stack);
  if (alsoIn.length > 0) {
    io.err(`note: "${entry.name}" taken from stack ${entry.stack} (also in ${alsoIn.join(', ')}); give that stack's cdk.tf.json as --rule to choose another`);
  }
  let rule: EvaluableRule;
  try {
    rule = loadEvaluableRule(entry.json);
  } catch (err) {
    if (err instanceof RuleEvaluationError) {
      const shown = entry.address === '' ? source.file : `${source.file}#${entry.address}`;
      io.err(`signoz-alerts: ${shown}: ${err.summary}`);
      for (const problem of err.problems.slice(1)) io.err(`  ${problem.path || '/'}: ${problem.message}`);
      setExitCode(EXIT.failed);
      return;
    }
    throw err;
  }
  const range = defaultRange(rule, results, evalDelayMs);
  const from = flags.from !== undefined ? parseTimeArgument(flags.from, '--from') : range?.from;
  const to = flags.to !== undefined ? parseTimeArgument(flags.to, '--to') : range?.to;
  if (from === undefined || to === undefined) throw new UsageError('the series file has no points: give --from and --to');
  if (to < from) throw new UsageError('--to must not be before --from');
  let timeline: EvaluationTimeline;
  try {
    timeline = evaluateRule(rule, results, { from, to, evalDelayMs, ...(flags.ruleId !== undefined ? { ruleId: flags.ruleId } : {}) });
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  if (flags.format === 'json') {
    io.out(JSON.stringify(timelineToJson(timeline), null, 2));
    for (const warning of timeline.warnings) io.err(`warning: ${warning}`);
  } else {
    io.out(visibleText(timelineToText(timeline, evalDelayMs)));
  }
}

export const registerEvaluate: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('evaluate')
    .description('Evaluate one alert rule over given query results, as SigNoz would, and print the active alerts at every evaluation')
    .requiredOption('--rule <path>', 'rule JSON (rules API body, SigNoz UI/API export, signoz_rule or signoz_alert attributes), a cdk.tf.json, or a cdktf output folder')
    .option('--alert <name>', 'which rule, when --rule holds several (a cdk.tf.json or cdktf.out holds every rule of a stack or app)')
    .requiredOption('--series <file>', 'query results: {"A": [{"labels": {...}, "points": [[unixMillis, value], ...]}]}; "NaN", "+Inf", "-Inf" as strings')
    .option('--format <format>', 'text or json', 'text')
    .option('--from <time>', 'first evaluation (unix ms or ISO 8601 with zone); default: the first point')
    .option('--to <time>', 'last evaluation; default: when the last point has left the window')
    .option('--eval-delay <duration>', "the server's evaluation delay (SigNoz default ruler.eval_delay)", '2m')
    .option('--rule-id <id>', "value of the ruleId label; default: the rule's id, else empty")
    .action((flags: EvaluateFlags) => run(flags, io, setExitCode));
};
