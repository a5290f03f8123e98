/**
 * A rule reduced to what evaluation needs, checked the way SigNoz checks it on write
 * (`PostableRule.validate`, `BasicRuleThreshold.Validate`, `RollingWindow.Validate`,
 * `CumulativeSchedule.Validate`). Any `op` / `matchType` spelling the server accepts is read.
 */
import { normalizeCompareOp, normalizeMatchType, type AlertType, type RuleType } from '../model/enums';
import type { CumulativeSchedule, RulePayload } from '../model/rule-payload';
import { FormulaSyntaxError, parseFormula, type FormulaNode } from './formula-expression';
import { durationFromRuleValue } from './go-duration';
import type { EvaluationSchedule } from './evaluation-window';
import { isValidTimeZone } from '../model/time-zone';
import type { EvaluableThreshold } from './threshold';
import { unitConversionWarning } from './units';
import { isPlainObject } from '../util/json';

export type QueryKind = 'builder_query' | 'builder_formula' | 'builder_trace_operator' | 'promql' | 'clickhouse_sql';

export interface EvaluableQuery {
  readonly name: string;
  readonly kind: QueryKind;
  readonly disabled: boolean;
  /** Formula expression (formulas only). */
  readonly expression?: string;
  readonly parsedExpression?: FormulaNode;
  /** Missing points of this query count as 0 inside formulas (`GetQueriesSupportingZeroDefault`). */
  readonly canDefaultZero: boolean;
}

export interface EvaluableRule {
  readonly name: string;
  readonly id: string;
  readonly alertType: AlertType | string;
  readonly ruleType: RuleType;
  readonly queries: readonly EvaluableQuery[];
  readonly selectedQuery: string;
  readonly unit: string;
  readonly thresholds: readonly EvaluableThreshold[];
  readonly alertOnAbsent: boolean;
  readonly absentForMinutes: number;
  readonly requireMinPoints: boolean;
  readonly requiredNumPoints: number;
  readonly schedule: EvaluationSchedule;
  readonly labels: Readonly<Record<string, string>>;
  /** Things SigNoz accepts but that may not do what the author meant (unit mismatches, ...). */
  readonly warnings: readonly string[];
}

/** One reason a rule cannot be evaluated; `path` is a JSON Pointer into the rule payload. */
export interface RuleProblem {
  readonly path: string;
  readonly message: string;
}

export type CompileResult = { readonly ok: true; readonly rule: EvaluableRule } | { readonly ok: false; readonly problems: readonly RuleProblem[] };

type Json = Record<string, unknown>;

function canDefaultZero(kind: QueryKind, spec: Json): boolean {
  const aggregations = Array.isArray(spec.aggregations) ? spec.aggregations : [];
  if (kind !== 'builder_query' || aggregations.length !== 1 || !isPlainObject(aggregations[0])) return false;
  const aggregation = aggregations[0];
  if (spec.signal === 'metrics') {
    return ['count', 'count_distinct', 'rate', 'increase'].includes(String(aggregation.timeAggregation ?? ''));
  }
  const expression = String(aggregation.expression ?? '').toLowerCase();
  return ['count(', 'count_distinct(', 'sum(', 'rate('].some((prefix) => expression.startsWith(prefix));
}

/** SigNoz's choice when `selectedQueryName` is empty: `F1` if enabled, else the greatest enabled name. */
function defaultSelectedQuery(queries: readonly EvaluableQuery[]): string | undefined {
  const enabled = queries.filter((q) => !q.disabled).map((q) => q.name);
  if (enabled.includes('F1')) return 'F1';
  return enabled.sort().at(-1);
}

function readSchedule(evaluation: unknown, problems: RuleProblem[]): EvaluationSchedule | undefined {
  if (!isPlainObject(evaluation)) {
    problems.push({ path: '/evaluation', message: 'evaluation is required for schemaVersion "v2alpha1"' });
    return undefined;
  }
  const spec = isPlainObject(evaluation.spec) ? evaluation.spec : {};
  const duration = (key: string): number | undefined => {
    const ms = durationFromRuleValue(spec[key]);
    if (typeof ms !== 'number') {
      problems.push({ path: `/evaluation/spec/${key}`, message: ms.error });
      return undefined;
    }
    if (ms <= 0) {
      problems.push({ path: `/evaluation/spec/${key}`, message: `${key} must be greater than zero` });
      return undefined;
    }
    return ms;
  };
  const kind = evaluation.kind === undefined || evaluation.kind === '' ? 'rolling' : String(evaluation.kind).toLowerCase();
  if (kind === 'rolling') {
    const evalWindowMs = duration('evalWindow');
    const frequencyMs = duration('frequency');
    return evalWindowMs && frequencyMs ? { kind: 'rolling', evalWindowMs, frequencyMs } : undefined;
  }
  if (kind === 'cumulative') {
    const frequencyMs = duration('frequency');
    const schedule = isPlainObject(spec.schedule) ? (spec.schedule as unknown as CumulativeSchedule) : undefined;
    const timezone = typeof spec.timezone === 'string' ? spec.timezone : '';
    const scheduleProblem = schedule ? checkSchedule(schedule) : 'schedule is required';
    if (scheduleProblem) problems.push({ path: '/evaluation/spec/schedule', message: scheduleProblem });
    if (!isValidTimeZone(timezone)) problems.push({ path: '/evaluation/spec/timezone', message: `timezone "${timezone}" is not an IANA time zone` });
    return frequencyMs && schedule && !scheduleProblem && isValidTimeZone(timezone) ? { kind: 'cumulative', schedule, timezone, frequencyMs } : undefined;
  }
  problems.push({ path: '/evaluation/kind', message: `unknown evaluation kind "${String(evaluation.kind)}"; must be rolling or cumulative` });
  return undefined;
}

/** The first problem of a cumulative schedule, in SigNoz's words (`CumulativeSchedule.Validate`). */
function checkSchedule(s: CumulativeSchedule): string | undefined {
  const inRange = (v: number | null | undefined, lo: number, hi: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  const has = (v: unknown): boolean => v !== undefined && v !== null;
  const minuteOk = (): string | undefined => (inRange(s.minute, 0, 59) ? undefined : 'minute must be between 0 and 59');
  const hourOk = (): string | undefined => (inRange(s.hour, 0, 23) ? undefined : 'hour must be between 0 and 23');
  switch (s.type) {
    case 'hourly':
      return has(s.minute) ? minuteOk() : 'minute must be specified for hourly schedule';
    case 'daily':
      return has(s.hour) && has(s.minute) ? (hourOk() ?? minuteOk()) : 'hour and minute must be specified for daily schedule';
    case 'weekly':
      if (!has(s.weekday) || !has(s.hour) || !has(s.minute)) return 'weekday, hour and minute must be specified for weekly schedule';
      return inRange(s.weekday, 0, 6) ? (hourOk() ?? minuteOk()) : 'weekday must be between 0 and 6 (Sunday=0)';
    case 'monthly':
      if (!has(s.day) || !has(s.hour) || !has(s.minute)) return 'day, hour and minute must be specified for monthly schedule';
      return inRange(s.day, 1, 31) ? (hourOk() ?? minuteOk()) : 'day must be between 1 and 31';
    default:
      return `invalid schedule type "${String((s as { type?: unknown }).type)}"; must be hourly, daily, weekly or monthly`;
  }
}

function readThresholds(thresholds: unknown, unit: string, problems: RuleProblem[], warnings: string[]): EvaluableThreshold[] {
  if (!isPlainObject(thresholds)) {
    problems.push({ path: '/condition/thresholds', message: 'condition.thresholds is required for schemaVersion "v2alpha1"' });
    return [];
  }
  if (String(thresholds.kind ?? '').toLowerCase() !== 'basic') {
    problems.push({ path: '/condition/thresholds/kind', message: `unknown threshold kind "${String(thresholds.kind)}"; must be basic` });
    return [];
  }
  if (!Array.isArray(thresholds.spec) || thresholds.spec.length === 0) {
    problems.push({ path: '/condition/thresholds/spec', message: 'condition.thresholds.spec: must have at least one threshold' });
    return [];
  }
  const result: EvaluableThreshold[] = [];
  thresholds.spec.forEach((raw: unknown, i: number) => {
    const at = `/condition/thresholds/spec/${i}`;
    const t = isPlainObject(raw) ? raw : {};
    const name = typeof t.name === 'string' ? t.name : '';
    const op = normalizeCompareOp(t.op);
    const matchType = normalizeMatchType(t.matchType);
    const before = problems.length;
    if (name === '') problems.push({ path: `${at}/name`, message: 'threshold name cannot be empty' });
    if (typeof t.target !== 'number' || !Number.isFinite(t.target)) problems.push({ path: `${at}/target`, message: 'target must be a number' });
    if (!op) {
      problems.push({ path: `${at}/op`, message: `unsupported value ${JSON.stringify(t.op)}; must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds (or their aliases)` });
    }
    if (!matchType) {
      problems.push({ path: `${at}/matchType`, message: `unsupported value ${JSON.stringify(t.matchType)}; must be one of at_least_once, all_the_times, on_average, in_total, last (or their aliases)` });
    }
    if (t.recoveryTarget !== undefined && t.recoveryTarget !== null && (typeof t.recoveryTarget !== 'number' || !Number.isFinite(t.recoveryTarget))) {
      problems.push({ path: `${at}/recoveryTarget`, message: 'recoveryTarget must be a number or null' });
    }
    if (problems.length > before || !op || !matchType) return;
    const targetUnit = typeof t.targetUnit === 'string' ? t.targetUnit : '';
    const warning = unitConversionWarning(targetUnit, unit);
    if (warning) warnings.push(`threshold "${name}": ${warning}`);
    result.push({
      name,
      target: t.target as number,
      targetUnit,
      op,
      matchType,
      ...(typeof t.recoveryTarget === 'number' ? { recoveryTarget: t.recoveryTarget } : {}),
    });
  });
  return result;
}

function readQueries(compositeQuery: Json, problems: RuleProblem[]): EvaluableQuery[] {
  if (!Array.isArray(compositeQuery.queries) || compositeQuery.queries.length === 0) {
    problems.push({ path: '/condition/compositeQuery/queries', message: 'condition.compositeQuery.queries: must have at least one query' });
    return [];
  }
  const queries: EvaluableQuery[] = [];
  compositeQuery.queries.forEach((raw: unknown, i: number) => {
    const at = `/condition/compositeQuery/queries/${i}`;
    const envelope = isPlainObject(raw) ? raw : {};
    const spec = isPlainObject(envelope.spec) ? envelope.spec : {};
    const kind = String(envelope.type ?? '') as QueryKind;
    if (!['builder_query', 'builder_formula', 'builder_trace_operator', 'promql', 'clickhouse_sql'].includes(kind)) {
      problems.push({ path: `${at}/type`, message: `unknown query type ${JSON.stringify(envelope.type)}` });
      return;
    }
    const name = typeof spec.name === 'string' ? spec.name : '';
    if (name.trim() === '') {
      problems.push({ path: `${at}/spec/name`, message: 'query name is required' });
      return;
    }
    if (queries.some((q) => q.name === name)) {
      problems.push({ path: `${at}/spec/name`, message: `duplicate query name '${name}'` });
      return;
    }
    let parsedExpression: FormulaNode | undefined;
    if (kind === 'builder_formula') {
      try {
        parsedExpression = parseFormula(String(spec.expression ?? ''));
      } catch (err) {
        if (!(err instanceof FormulaSyntaxError)) throw err;
        problems.push({ path: `${at}/spec/expression`, message: `formula ${name}: ${err.message}` });
      }
    }
    queries.push({
      name,
      kind,
      disabled: spec.disabled === true,
      ...(kind === 'builder_formula' ? { expression: String(spec.expression ?? '') } : {}),
      ...(parsedExpression ? { parsedExpression } : {}),
      canDefaultZero: canDefaultZero(kind, spec),
    });
  });
  return queries;
}

/**
 * Checks a canonical (v2alpha1) rule and reduces it for evaluation. Accepts the typed
 * `RulePayload` or the same shape as parsed JSON with any accepted op/matchType spelling.
 */
export function compileRule(payload: RulePayload | Record<string, unknown>): CompileResult {
  const problems: RuleProblem[] = [];
  const warnings: string[] = [];
  const rule = payload as Json;
  const name = typeof rule.alert === 'string' ? rule.alert : '';
  if (name === '') problems.push({ path: '/alert', message: 'alert: field is required' });
  const ruleType = (rule.ruleType === undefined || rule.ruleType === '' ? 'threshold_rule' : String(rule.ruleType)) as RuleType;
  if (ruleType === 'anomaly_rule') {
    problems.push({ path: '/ruleType', message: 'anomaly_rule is not reproduced: its thresholds apply to anomaly scores that SigNoz computes from seasonal history' });
  } else if (ruleType !== 'threshold_rule' && ruleType !== 'promql_rule') {
    problems.push({ path: '/ruleType', message: `ruleType: unsupported value "${ruleType}"; must be one of threshold_rule, promql_rule, anomaly_rule` });
  }
  const condition = isPlainObject(rule.condition) ? rule.condition : undefined;
  if (!condition) return { ok: false, problems: [...problems, { path: '/condition', message: 'condition: field is required' }] };
  const compositeQuery = isPlainObject(condition.compositeQuery) ? condition.compositeQuery : undefined;
  if (!compositeQuery) problems.push({ path: '/condition/compositeQuery', message: 'condition.compositeQuery: field is required' });
  const unit = typeof compositeQuery?.unit === 'string' ? compositeQuery.unit : '';
  const queries = compositeQuery ? readQueries(compositeQuery, problems) : [];
  const requested = typeof condition.selectedQueryName === 'string' ? condition.selectedQueryName : '';
  const selectedQuery = requested !== '' ? requested : defaultSelectedQuery(queries);
  if (queries.length > 0 && (!selectedQuery || !queries.some((q) => q.name === selectedQuery))) {
    problems.push({ path: '/condition/selectedQueryName', message: `condition.selectedQueryName: "${requested}" does not match any query in compositeQuery` });
  }
  const thresholds = readThresholds(condition.thresholds, unit, problems, warnings);
  const schedule = readSchedule(rule.evaluation, problems);
  const absentFor = condition.absentFor ?? 0;
  if (typeof absentFor !== 'number' || !Number.isInteger(absentFor) || absentFor < 0) {
    problems.push({ path: '/condition/absentFor', message: 'absentFor must be a whole number of minutes, 0 or more' });
  }
  const requireMinPoints = condition.requireMinPoints === true;
  const requiredNumPoints = typeof condition.requiredNumPoints === 'number' ? condition.requiredNumPoints : 0;
  if (requireMinPoints && requiredNumPoints <= 0) {
    problems.push({ path: '/condition/requiredNumPoints', message: 'condition.requiredNumPoints: must be greater than 0 when requireMinPoints is enabled' });
  }
  const selectedSpec = (Array.isArray(compositeQuery?.queries) ? compositeQuery.queries : [])
    .map((q: unknown) => (isPlainObject(q) && isPlainObject(q.spec) ? q.spec : {}))
    .find((spec: Json) => spec.name === selectedQuery);
  const formulaExtras = ['functions', 'limit', 'order', 'having'].filter((k) => {
    const v = selectedSpec?.[k];
    return v !== undefined && v !== null && v !== 0 && !(Array.isArray(v) && v.length === 0);
  });
  if (queries.find((q) => q.name === selectedQuery)?.kind === 'builder_formula' && formulaExtras.length > 0) {
    warnings.push(`formula ${selectedQuery} has ${formulaExtras.join(', ')}: the evaluator does not apply them to the formula result; give ${selectedQuery}'s series directly if they matter`);
  }
  const notificationSettings = isPlainObject(rule.notificationSettings) ? rule.notificationSettings : {};
  if (typeof notificationSettings.newGroupEvalDelay === 'string' && notificationSettings.newGroupEvalDelay !== '' && durationFromRuleValue(notificationSettings.newGroupEvalDelay) !== 0) {
    warnings.push('notificationSettings.newGroupEvalDelay is not reproduced: SigNoz skips series first seen less than that long ago, which needs its metadata store');
  }
  if (condition.alertOnAbsent === true && absentFor === 0) {
    warnings.push('alertOnAbsent with absentFor 0: SigNoz raises the no-data alert at every evaluation, even when data is present (HandleMissingDataAlert compares "now" with "last data + 0 minutes")');
  }
  const labels: Record<string, string> = {};
  if (isPlainObject(rule.labels)) for (const [k, v] of Object.entries(rule.labels)) labels[k] = String(v);
  if (problems.length > 0 || !schedule || !selectedQuery) return { ok: false, problems };
  return {
    ok: true,
    rule: {
      name,
      id: typeof rule.id === 'string' ? rule.id : '',
      alertType: typeof rule.alertType === 'string' ? rule.alertType : '',
      ruleType,
      queries,
      selectedQuery,
      unit,
      thresholds,
      alertOnAbsent: condition.alertOnAbsent === true,
      absentForMinutes: absentFor as number,
      requireMinPoints,
      requiredNumPoints,
      schedule,
      labels,
      warnings,
    },
  };
}
