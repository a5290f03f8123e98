/**
 * A checked rule (`decodeRule` has passed it: schemas, SigNoz's write checks, spellings
 * normalized) reduced to what evaluation needs. Nothing here checks the rule again; what is left
 * is what the evaluator cannot reproduce (anomaly rules) and warnings about what it leaves out.
 */
import type { AlertType, RuleType } from '../model/enums';
import type { QueryEnvelope, RulePayload } from '../model/rule-payload';
import { parseFormula, unreproducedFunction, type FormulaNode } from '../model/formula-expression';
import { parseGoDuration } from '../model/duration';
import type { EvaluationSchedule } from './query-window';
import type { EvaluableThreshold } from './threshold';
import { unitConversionWarning } from './units';

export type QueryKind = QueryEnvelope['type'];

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

function canDefaultZero(query: QueryEnvelope): boolean {
  if (query.type !== 'builder_query' || query.spec.aggregations.length !== 1) return false;
  const [aggregation] = query.spec.aggregations;
  if (query.spec.signal === 'metrics') {
    return ['count', 'count_distinct', 'rate', 'increase'].includes(String((aggregation as { timeAggregation?: string }).timeAggregation ?? ''));
  }
  const expression = String((aggregation as { expression?: string }).expression ?? '').toLowerCase();
  return ['count(', 'count_distinct(', 'sum(', 'rate('].some((prefix) => expression.startsWith(prefix));
}

/** SigNoz's choice when `selectedQueryName` is empty: `F1` if enabled, else the greatest enabled name. */
function defaultSelectedQuery(queries: readonly EvaluableQuery[]): string | undefined {
  const enabled = queries.filter((q) => !q.disabled).map((q) => q.name);
  if (enabled.includes('F1')) return 'F1';
  return enabled.sort().at(-1);
}

/** Milliseconds of a duration the validator has accepted. */
function ms(duration: string): number {
  return parseGoDuration(duration) ?? 0;
}

function scheduleOf(payload: RulePayload): EvaluationSchedule {
  const evaluation = payload.evaluation;
  if (evaluation.kind === 'cumulative') {
    return { kind: 'cumulative', schedule: evaluation.spec.schedule, timezone: evaluation.spec.timezone, frequencyMs: ms(evaluation.spec.frequency) };
  }
  return { kind: 'rolling', evalWindowMs: ms(evaluation.spec.evalWindow), frequencyMs: ms(evaluation.spec.frequency) };
}

function queryOf(query: QueryEnvelope): EvaluableQuery {
  const base = { name: query.spec.name, kind: query.type, disabled: query.spec.disabled === true, canDefaultZero: canDefaultZero(query) };
  if (query.type !== 'builder_formula') return base;
  return { ...base, expression: query.spec.expression, parsedExpression: parseFormula(query.spec.expression) };
}

function thresholdsOf(payload: RulePayload, unit: string, warnings: string[]): EvaluableThreshold[] {
  return payload.condition.thresholds.spec.map((t) => {
    const targetUnit = t.targetUnit ?? '';
    const warning = unitConversionWarning(targetUnit, unit);
    if (warning) warnings.push(`threshold "${t.name}": ${warning}`);
    return { name: t.name, target: t.target, targetUnit, op: t.op, matchType: t.matchType, ...(typeof t.recoveryTarget === 'number' ? { recoveryTarget: t.recoveryTarget } : {}) };
  });
}

function formulaExtras(query: QueryEnvelope | undefined): string[] {
  if (query?.type !== 'builder_formula') return [];
  const spec = query.spec as unknown as Record<string, unknown>;
  return ['functions', 'limit', 'order', 'having'].filter((k) => {
    const v = spec[k];
    return v !== undefined && v !== null && v !== 0 && !(Array.isArray(v) && v.length === 0);
  });
}

/**
 * Reduces a checked rule for evaluation. `payload` must come from `decodeRule` (or
 * `validateRulePayload`): this function trusts it. Refuses only what the evaluator cannot
 * reproduce.
 */
export function compileRule(payload: RulePayload, ruleId = ''): CompileResult {
  if (payload.ruleType === 'anomaly_rule') {
    return {
      ok: false,
      problems: [{ path: '/ruleType', message: 'anomaly_rule is not reproduced: its thresholds apply to anomaly scores that SigNoz computes from seasonal history' }],
    };
  }
  const warnings: string[] = [];
  const { condition } = payload;
  const unit = condition.compositeQuery.unit ?? '';
  const queries = condition.compositeQuery.queries.map(queryOf);
  const problems: RuleProblem[] = [];
  queries.forEach((q, i) => {
    const unreproduced = q.parsedExpression ? unreproducedFunction(q.parsedExpression) : undefined;
    if (unreproduced) problems.push({ path: `/condition/compositeQuery/queries/${i}/spec/expression`, message: `formula ${q.name}: ${unreproduced}` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const selectedQuery = condition.selectedQueryName !== '' ? condition.selectedQueryName : (defaultSelectedQuery(queries) ?? '');
  const thresholds = thresholdsOf(payload, unit, warnings);
  const extras = formulaExtras(condition.compositeQuery.queries.find((q) => q.spec.name === selectedQuery));
  if (extras.length > 0) {
    warnings.push(
      `formula ${selectedQuery} has ${extras.join(', ')}: the evaluator does not apply them to the formula result; give ${selectedQuery}'s series directly if they matter`,
    );
  }
  const newGroupEvalDelay = payload.notificationSettings.newGroupEvalDelay;
  if (newGroupEvalDelay !== undefined && newGroupEvalDelay !== '' && ms(newGroupEvalDelay) !== 0) {
    warnings.push('notificationSettings.newGroupEvalDelay is not reproduced: SigNoz skips series first seen less than that long ago, which needs its metadata store');
  }
  const absentFor = condition.absentFor ?? 0;
  if (condition.alertOnAbsent === true && absentFor === 0) {
    warnings.push(
      'alertOnAbsent with absentFor 0: SigNoz raises the no-data alert at every evaluation, even when data is present (HandleMissingDataAlert compares "now" with "last data + 0 minutes")',
    );
  }
  return {
    ok: true,
    rule: {
      name: payload.alert,
      id: ruleId,
      alertType: payload.alertType,
      ruleType: payload.ruleType,
      queries,
      selectedQuery,
      unit,
      thresholds,
      alertOnAbsent: condition.alertOnAbsent === true,
      absentForMinutes: absentFor,
      requireMinPoints: condition.requireMinPoints === true,
      requiredNumPoints: condition.requiredNumPoints ?? 0,
      schedule: scheduleOf(payload),
      labels: { ...(payload.labels ?? {}) },
      warnings,
    },
  };
}
