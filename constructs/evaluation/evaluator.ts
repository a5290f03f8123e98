/**
 * Runs a rule over query results tick by tick, the way SigNoz's rule manager does: every
 * `frequency`, query the window (`BaseRule.Timestamps`), take the selected query (computing a
 * formula if its series are not given), raise the absent-data alert (`BaseRule.HandleMissingDataAlert`),
 * skip series with too few points (`RuleCondition.ShouldEval`), evaluate the thresholds and
 * advance the alert state machine.
 */
import type { RulePayload } from '../model/rule-payload';
import { AlertStateMachine, type AlertSnapshot, type StateTransition } from './alert-state-machine';
import { compileRule, type EvaluableRule, type RuleProblem } from './evaluable-rule';
import { DEFAULT_EVAL_DELAY_MS, queryWindow } from './query-window';
import { evaluateFormula } from './formula';
import { MAX_POINTS, MAX_SERIES, MAX_TICKS } from './evaluation-limits';
import { sortedLabels } from './label-set';
import { decodeRule } from '../codecs/decode-rule';
import { ToolkitError } from '../model/toolkit-error';
import { expandLabelTemplate, unexpandedTemplateLabels } from './rule-labels';
import { seriesInWindow, type QueryResults, type ResultSeries } from './series';
import { evaluateThresholds, type ThresholdSample } from './threshold';

export interface EvaluateOptions {
  /** First evaluation tick (unix ms). */
  readonly from: number;
  /** Last evaluation tick (unix ms, inclusive). */
  readonly to: number;
  /** Server evaluation delay; SigNoz's default `ruler.eval_delay` is 2m. */
  readonly evalDelayMs?: number;
  /** Value of the `ruleId` label; default the rule's `id`, else empty. */
  readonly ruleId?: string;
  /** Base of the `ruleSource` label; SigNoz uses its external URL (default `http://localhost:8080`). */
  readonly externalUrl?: string;
}

export interface ResolvedAlert {
  readonly labels: Readonly<Record<string, string>>;
}

export interface EvaluationTick {
  readonly time: number;
  /** `[start, end)` the query covered (end inclusive for PromQL range queries). */
  readonly window: { readonly start: number; readonly end: number };
  /** Alerts active after this evaluation (firing, recovering, nodata; pending never lasts in SigNoz). */
  readonly alerts: readonly AlertSnapshot[];
  /** Alerts that turned inactive (resolved) at this evaluation. */
  readonly resolved: readonly ResolvedAlert[];
  readonly transitions: readonly StateTransition[];
  /** Set when SigNoz would fail this evaluation; alerts then stay as they were. */
  readonly error?: string;
}

export interface EvaluationTimeline {
  readonly rule: EvaluableRule;
  readonly ticks: readonly EvaluationTick[];
  readonly warnings: readonly string[];
}

/**
 * A rule that cannot be evaluated: the validator refused it, or the evaluator cannot reproduce it.
 * `problems` holds every problem, each with a JSON Pointer into the rule, in the validator's words.
 */
export class RuleEvaluationError extends ToolkitError {
  /** One line: the first problem, and how many more there are. */
  readonly summary: string;

  constructor(problems: readonly RuleProblem[]) {
    super('rule', {}, problems);
    const first = problems[0]!;
    this.summary = `invalid rule: ${first.path || '/'}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
  }
}

function refused(problems: readonly RuleProblem[]): RuleEvaluationError {
  return new RuleEvaluationError(problems);
}

function lastSeenLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Reads a rule in any shape `decodeRule` reads (or a typed payload), checks it with the validator
 * and compiles it; throws `RuleEvaluationError` listing every problem.
 */
export function loadEvaluableRule(rule: RulePayload | unknown): EvaluableRule {
  const decoded = decodeRule(rule);
  if (!decoded.valid || !decoded.payload) throw refused(decoded.errors);
  const compiled = compileRule(decoded.payload, decoded.ruleId);
  if (!compiled.ok) throw refused(compiled.problems);
  return compiled.rule;
}

/** The series of the rule's selected query inside one tick's window (a formula computed when its series are not given). */
export function selectedSeries(rule: EvaluableRule, results: QueryResults, window: { start: number; end: number }, tick: number): ResultSeries[] {
  const endInclusive = rule.ruleType === 'promql_rule';
  const given = results[rule.selectedQuery];
  if (given) return seriesInWindow(given, window.start, window.end, endInclusive);
  const query = rule.queries.find((q) => q.name === rule.selectedQuery);
  if (query?.kind !== 'builder_formula' || !query.parsedExpression) return [];
  const windowed: Record<string, ResultSeries[]> = {};
  for (const [name, list] of Object.entries(results)) windowed[name] = seriesInWindow(list, window.start, window.end, endInclusive);
  const canDefaultZero = new Set(rule.queries.filter((q) => q.canDefaultZero).map((q) => q.name));
  return evaluateFormula({ expression: query.expression ?? '', canDefaultZero }, windowed, tick, query.parsedExpression);
}

/** Evaluates `rule` at every tick from `options.from` to `options.to`. */
export function evaluateRule(rule: EvaluableRule, results: QueryResults, options: EvaluateOptions): EvaluationTimeline {
  const frequency = rule.schedule.frequencyMs;
  const tickCount = Math.floor((options.to - options.from) / frequency) + 1;
  if (!(tickCount > 0)) throw new RangeError(`the evaluation range is empty: "to" (${options.to}) is before "from" (${options.from})`);
  if (tickCount > MAX_TICKS) throw new RangeError(`the evaluation range has ${tickCount} ticks at the rule's frequency; at most ${MAX_TICKS} are evaluated`);
  let seriesCount = 0;
  let pointCount = 0;
  for (const list of Object.values(results)) {
    seriesCount += list.length;
    for (const one of list) pointCount += one.points.length;
  }
  if (seriesCount > MAX_SERIES) throw new RangeError(`the input has ${seriesCount} series; at most ${MAX_SERIES} are evaluated at once`);
  if (pointCount > MAX_POINTS) throw new RangeError(`the input has ${pointCount} points; at most ${MAX_POINTS} are evaluated at once`);

  const warnings = [...rule.warnings];
  const unexpanded = unexpandedTemplateLabels(rule.labels);
  if (unexpanded.length > 0) warnings.push(`rule labels ${unexpanded.join(', ')} keep template actions other than label references; they are reported as written`);
  const selected = rule.queries.find((q) => q.name === rule.selectedQuery);
  if (!results[rule.selectedQuery] && selected?.kind !== 'builder_formula') {
    warnings.push(`no series were given for the selected query ${rule.selectedQuery}: every evaluation sees no data`);
  }
  const ruleId = options.ruleId ?? rule.id;
  const externalUrl = (options.externalUrl ?? 'http://localhost:8080').replace(/\/+$/, '');
  const machine = new AlertStateMachine({
    ruleLabels: (sample) => Object.fromEntries(Object.entries(rule.labels).map(([k, v]) => [k, expandLabelTemplate(v, sample)])),
    alertName: rule.name,
    ruleId,
    ruleSource: `${externalUrl}/alerts/overview?${new URLSearchParams({ ruleId }).toString()}`,
    droppedLabels: rule.ruleType === 'promql_rule' ? ['__name__'] : ['__name__', '__temporality__'],
  });
  const evalDelayMs = options.evalDelayMs ?? DEFAULT_EVAL_DELAY_MS;
  let lastTimestampWithData: number | undefined;
  const ticks: EvaluationTick[] = [];

  for (let i = 0; i < tickCount; i++) {
    const tick = options.from + i * frequency;
    const window = queryWindow(rule.schedule, tick, evalDelayMs);
    const series = selectedSeries(rule, results, window, tick);
    if (series.length > 0) lastTimestampWithData = tick;
    let samples: ThresholdSample[];
    if (rule.alertOnAbsent && !(lastTimestampWithData !== undefined && tick < lastTimestampWithData + rule.absentForMinutes * 60_000)) {
      const labels: Record<string, string> = lastTimestampWithData === undefined ? {} : { lastSeen: lastSeenLabel(lastTimestampWithData) };
      samples = [{ labels, value: 0, target: 0, targetUnit: '', thresholdName: '', isRecovering: false, isMissing: true }];
    } else {
      const activeKeys = machine.activeAlertKeys();
      samples = series
        .filter((one) => !rule.requireMinPoints || one.points.length >= rule.requiredNumPoints)
        .flatMap((one) => evaluateThresholds(one, rule.thresholds, rule.unit, activeKeys));
    }
    try {
      const transitions = machine.apply(tick, samples);
      const resolved = transitions.filter((t) => t.to === 'inactive' && t.from !== 'pending').map((t) => ({ labels: sortedLabels(t.labels) }));
      ticks.push({ time: tick, window, alerts: machine.snapshot(), resolved, transitions });
    } catch (err) {
      ticks.push({ time: tick, window, alerts: machine.snapshot(), resolved: [], transitions: [], error: (err as Error).message });
    }
  }
  return { rule, ticks, warnings };
}
