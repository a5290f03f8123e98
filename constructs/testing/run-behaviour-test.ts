/** Runs one behaviour test case against a rule and explains every difference. */
import {
  convertUnit,
  evaluablePoints,
  evaluateRule,
  shouldAlertWithTarget,
  sortThresholds,
  type AlertSnapshot,
  type EvaluableRule,
  type EvaluationTick,
  type EvaluationTimeline,
} from '../evaluation';
import { selectedSeries } from '../evaluation/evaluator';
import type { QueryResults, ResultSeries, SeriesPoint } from '../evaluation';
import type { AlertExpectation, BehaviourTestCase, DurationInput, ExpectedAlert, ResolveExpectation } from './behaviour-spec';
import { parseSeriesNotation, type NotationValue } from './series-notation';
import { ToolkitError } from '../model/toolkit-error';
import { formatShortDuration, parsePrometheusDuration } from '../model/duration';
import { formatLabels } from '../evaluation/label-set';
import { MAX_POINTS, MAX_TEST_SPAN_MS } from '../evaluation/evaluation-limits';

/** A behaviour test case that cannot run as written: `field` names the case field (`series.A[0].values`, `interval`). */
export class BehaviourSpecError extends ToolkitError {
  constructor(field: string, message: string) {
    super('behaviour test case', {}, [{ path: field, message }]);
  }
}

export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** One readable, multi-line explanation per failed check. */
  readonly failures: readonly string[];
  readonly timeline: EvaluationTimeline;
  /** The case's start (unix ms), which `eval_time` and `exp_resolved_at` count from. */
  readonly start: number;
  /** The series the case gave, per query (empty when the case could not be read). */
  readonly series: QueryResults;
}

const IGNORED_IN_EXACT = ['ruleId', 'ruleSource'];

/**
 * Milliseconds of a duration input: a number of milliseconds, or text in Prometheus's form as
 * promtool reads `interval` and `eval_time` (`1w`, `4d1h`, `90s`, `1h30m`, `0`); throws
 * `BehaviourSpecError` naming the field and saying what is allowed.
 */
export function durationMs(value: DurationInput, field: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new BehaviourSpecError(field, `expected a duration such as 90s, 1h30m or 4d1h, or a number of milliseconds at least 0, got ${value}`);
  }
  const parsed = typeof value === 'string' ? parsePrometheusDuration(value) : { error: `expected a duration such as 90s, 1h30m or 4d1h, got ${JSON.stringify(value)}` };
  if (typeof parsed !== 'number') throw new BehaviourSpecError(field, parsed.error);
  return parsed;
}

function startMs(start: string | number | undefined): number {
  if (start === undefined) return 0;
  if (typeof start === 'number' && Number.isInteger(start)) return start;
  if (typeof start === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(start.trim()) && Number.isFinite(Date.parse(start))) return Date.parse(start);
  throw new BehaviourSpecError('start', `expected unix milliseconds or an ISO 8601 time with a zone (2026-01-05T10:00:00Z), got ${JSON.stringify(start)}`);
}

function seriesValues(values: BehaviourTestCase['series'][string][number]['values'], field: string): NotationValue[] {
  if (typeof values === 'string') {
    try {
      return parseSeriesNotation(values);
    } catch (err) {
      throw new BehaviourSpecError(field, err instanceof ToolkitError ? err.detail : (err as Error).message);
    }
  }
  return values.map((v, i) => {
    if (v === null) return undefined;
    if (typeof v === 'number') return v;
    const parsed = parseSeriesNotation(String(v));
    if (parsed.length !== 1) throw new BehaviourSpecError(`${field}[${i}]`, `expected one value, got ${JSON.stringify(v)}`);
    return parsed[0];
  });
}

/** The query results a test case describes. */
export function buildQueryResults(testCase: BehaviourTestCase): QueryResults {
  const t0 = startMs(testCase.start);
  const interval = durationMs(testCase.interval ?? '1m', 'interval');
  if (interval <= 0) throw new BehaviourSpecError('interval', 'must be greater than zero');
  const results: Record<string, ResultSeries[]> = {};
  let total = 0;
  for (const [query, list] of Object.entries(testCase.series)) {
    results[query] = list.map((spec, i) => {
      const points: SeriesPoint[] = [];
      const field = `series.${query}[${i}].values`;
      const values = seriesValues(spec.values, field);
      total += values.length;
      if (total > MAX_POINTS) throw new BehaviourSpecError(field, `the case's series have more than ${MAX_POINTS} points together; that is the limit of one evaluation`);
      if ((values.length - 1) * interval > MAX_TEST_SPAN_MS) {
        throw new BehaviourSpecError(field, `${values.length} points at the interval span more than ${MAX_TEST_SPAN_MS / 86_400_000} days, the longest a test case may cover`);
      }
      values.forEach((v, j) => {
        if (v !== undefined) points.push([t0 + j * interval, v]);
      });
      return { labels: { ...(spec.labels ?? {}) }, points };
    });
  }
  return results;
}

const fmtExpected = (e: ExpectedAlert): string => `${e.state ?? 'firing'}${e.value !== undefined ? ` value=${e.value}` : ''} ${formatLabels(e.labels ?? {})}`;
const fmtActual = (a: AlertSnapshot): string =>
  `${a.state} value=${a.value} ${formatLabels(Object.fromEntries(Object.entries(a.labels).filter(([k]) => !IGNORED_IN_EXACT.includes(k))))}`;
const fmtTime = (offset: number, t0: number): string => `${formatShortDuration(offset)} (${new Date(t0 + offset).toISOString().replace('.000Z', 'Z')})`;

function matches(expected: ExpectedAlert, actual: AlertSnapshot, exact: boolean): boolean {
  const want = expected.labels ?? {};
  if (Object.entries(want).some(([k, v]) => actual.labels[k] !== v)) return false;
  if (exact && Object.keys(actual.labels).some((k) => !IGNORED_IN_EXACT.includes(k) && !(k in want))) return false;
  if ((expected.state ?? 'firing') !== actual.state) return false;
  if (expected.value !== undefined && Math.abs(expected.value - actual.value) > 1e-9 * Math.max(1, Math.abs(expected.value))) return false;
  return true;
}

/** Whether expected and actual alerts pair up one to one. */
function pairUp(expected: readonly ExpectedAlert[], actual: readonly AlertSnapshot[], exact: boolean): boolean {
  const used = new Array<boolean>(actual.length).fill(false);
  const place = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j++) {
      if (used[j] || !matches(expected[i]!, actual[j]!, exact)) continue;
      used[j] = true;
      if (place(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return expected.length === actual.length && place(0);
}

/**
 * What each tier computed at one tick, per series of the selected query: the value its match type
 * takes over the window, and whether it crossed the target. Shown under a failed expectation, so
 * `got: (no active alerts)` comes with the numbers that explain it.
 */
export function tierValuesAt(rule: EvaluableRule, results: QueryResults, tick: EvaluationTick): string[] {
  const series = selectedSeries(rule, results, tick.window, tick.time);
  const window = `[${new Date(tick.window.start).toISOString().replace('.000Z', 'Z')}, ${new Date(tick.window.end).toISOString().replace('.000Z', 'Z')})`;
  if (series.length === 0) return [`  values: query ${rule.selectedQuery} has no data in the window ${window}`];
  const lines = [`  values of query ${rule.selectedQuery} over the window ${window}:`];
  for (const one of series) {
    const points = evaluablePoints(one.points);
    const tiers = sortThresholds(rule.thresholds).map((threshold) => {
      const target = convertUnit(threshold.target, threshold.targetUnit, rule.unit);
      const outcome = shouldAlertWithTarget(threshold.op, threshold.matchType, points, target);
      if (outcome === undefined) return `${threshold.name}: no points`;
      return `${threshold.name}: ${outcome.value} (${threshold.matchType} ${threshold.op} ${target}: ${outcome.alert ? 'crossed' : 'not crossed'})`;
    });
    const tooFew = rule.requireMinPoints && one.points.length < rule.requiredNumPoints ? ` [skipped: ${one.points.length} of ${rule.requiredNumPoints} required points]` : '';
    lines.push(`    ${formatLabels(one.labels)} ${points.length} points${tooFew}: ${tiers.length > 0 ? tiers.join('; ') : 'no tiers'}`);
  }
  return lines;
}

function checkExpectation(exp: AlertExpectation, timeline: EvaluationTimeline, t0: number, firstTick: number, results: QueryResults): string | undefined {
  const at = durationMs(exp.at, 'eval_time');
  const tick = [...timeline.ticks].reverse().find((t) => t.time <= t0 + at);
  if (!tick || t0 + at < firstTick) return `at ${fmtTime(at, t0)}: no evaluation has happened yet (the first is at ${formatShortDuration(firstTick - t0)})`;
  const exact = exp.match === 'exact';
  if (pairUp(exp.alerts, tick.alerts, exact)) return undefined;
  const lines = [`at ${fmtTime(at, t0)}${tick.time !== t0 + at ? ` (last evaluation ${formatShortDuration(tick.time - t0)})` : ''}, ${exact ? 'exact' : 'subset'} label match:`];
  lines.push('  expected:', ...(exp.alerts.length ? exp.alerts.map((e) => `    - ${fmtExpected(e)}`) : ['    (no active alerts)']));
  lines.push('  got:', ...(tick.alerts.length ? tick.alerts.map((a) => `    - ${fmtActual(a)}`) : ['    (no active alerts)']));
  const missing = exp.alerts.filter((e) => !tick.alerts.some((a) => matches(e, a, exact)));
  const unexpected = tick.alerts.filter((a) => !exp.alerts.some((e) => matches(e, a, exact)));
  for (const e of missing) lines.push(`  - missing:    ${fmtExpected(e)}`);
  for (const a of unexpected) lines.push(`  + unexpected: ${fmtActual(a)}`);
  if (tick.error) lines.push(`  evaluation error: ${tick.error}`);
  if (timeline.rule.thresholds.length > 0) lines.push(...tierValuesAt(timeline.rule, results, tick));
  return lines.join('\n');
}

function checkResolve(exp: ResolveExpectation, timeline: EvaluationTimeline, t0: number): string | undefined {
  const want = exp.labels;
  const firstResolution = timeline.ticks.find((t) => t.resolved.some((r) => Object.entries(want).every(([k, v]) => r.labels[k] === v)));
  const everActive = timeline.ticks.some((t) => t.alerts.some((a) => Object.entries(want).every(([k, v]) => a.labels[k] === v)));
  const actual = firstResolution ? fmtTime(firstResolution.time - t0, t0) : 'never';
  if (exp.at === 'never') return firstResolution ? `alert ${formatLabels(want)}: expected never to resolve, but it resolved at ${actual}` : undefined;
  const at = durationMs(exp.at, 'exp_resolved_at');
  if (firstResolution && firstResolution.time === t0 + at) return undefined;
  return `alert ${formatLabels(want)}: expected to resolve at ${fmtTime(at, t0)}, ${everActive ? `got ${actual}` : 'but it was never active'}`;
}

function checkSpan(span: number): void {
  if (span > MAX_TEST_SPAN_MS) {
    throw new BehaviourSpecError(
      'eval_time',
      `the case covers ${Math.ceil(span / 3_600_000)}h from its start; a test case may cover at most ${MAX_TEST_SPAN_MS / 86_400_000} days`,
    );
  }
}

/** Evaluates `rule` over the case's series and checks every expectation. */
export function runBehaviourTest(rule: EvaluableRule, testCase: BehaviourTestCase, index = 0): CaseResult {
  const t0 = startMs(testCase.start);
  const evalDelayMs = durationMs(testCase.evalDelay ?? '2m', 'evaluation_delay');
  const firstTick = t0 + durationMs(testCase.firstEvalTime ?? 0, 'first_eval_time');
  const checkTimes = [
    ...(testCase.expectations ?? []).map((e) => t0 + durationMs(e.at, 'eval_time')),
    ...(testCase.resolves ?? []).filter((r) => r.at !== 'never').map((r) => t0 + durationMs(r.at as DurationInput, 'exp_resolved_at')),
  ];
  // the declared span checked before the series are expanded: a case that asks too much does no work
  checkSpan(Math.max(firstTick, ...checkTimes) - t0);
  const results = buildQueryResults(testCase);
  const lastPoint = Object.values(results).reduce((m, list) => list.reduce((m2, one) => Math.max(m2, one.points.at(-1)?.[0] ?? t0), m), t0);
  const span = rule.schedule.kind === 'rolling' ? rule.schedule.evalWindowMs : rule.schedule.frequencyMs;
  // run until the last point has left the window, so a resolution later than expected is still seen
  const to = Math.max(firstTick, ...checkTimes, lastPoint + evalDelayMs + span);
  checkSpan(to - t0);
  const timeline = evaluateRule(rule, results, { from: firstTick, to, evalDelayMs });
  const failures = [
    ...(testCase.expectations ?? []).map((e) => checkExpectation(e, timeline, t0, firstTick, results)),
    ...(testCase.resolves ?? []).map((r) => checkResolve(r, timeline, t0)),
  ].filter((f): f is string => f !== undefined);
  return { name: testCase.name ?? `case ${index + 1}`, passed: failures.length === 0, failures, timeline, start: t0, series: results };
}
