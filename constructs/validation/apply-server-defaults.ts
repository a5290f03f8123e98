/**
 * What SigNoz fills in or overrides when it stores a rule (`processRuleDefaults`), applied to the
 * normalized copy so everything downstream sees the stable form, each with a warning: SigNoz accepts
 * the rule as written, but a Terraform resource written that way would differ from what SigNoz
 * stores, and every plan would show the difference again.
 */
import { ALERT_TYPES, RULE_TYPES, type AlertType } from '../model/enums';
import { isPlainObject } from '../util/json';
import type { IssueCollector } from './issue-collector';
import { recordAt, stringAt } from './json-value';
import type { QueryEntry } from './query-inventory';

const ALERT_TYPE_OF_SIGNAL: Readonly<Record<string, AlertType>> = { metrics: 'METRIC_BASED_ALERT', logs: 'LOGS_BASED_ALERT', traces: 'TRACES_BASED_ALERT' };

/** The one alert type the queries read, or `undefined` when they read several or cannot tell (ClickHouse SQL). */
function alertTypeOfQueries(queries: readonly QueryEntry[]): AlertType | undefined {
  const types = new Set<AlertType | undefined>();
  for (const entry of queries) {
    if (entry.type === 'builder_query' || entry.type === 'builder_sub_query') types.add(entry.signal === undefined ? undefined : ALERT_TYPE_OF_SIGNAL[entry.signal]);
    else if (entry.type === 'promql') types.add('METRIC_BASED_ALERT');
    else if (entry.type === 'builder_trace_operator' || entry.type === 'builder_ai_query') types.add('TRACES_BASED_ALERT');
    else if (entry.type !== 'builder_formula') types.add(undefined);
  }
  return types.size === 1 ? [...types][0] : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === '';
}

function ruleTypeDefault(rule: Record<string, unknown>, queryType: string | undefined, out: IssueCollector): void {
  const ruleType = rule.ruleType;
  if (queryType === 'promql' && typeof ruleType === 'string' && ruleType !== 'promql_rule' && (RULE_TYPES as readonly string[]).includes(ruleType)) {
    out.drift(
      '/ruleType',
      `SigNoz stores ruleType "promql_rule" for PromQL queries, replacing "${ruleType}": a Terraform resource with rule_type "${ruleType}" would show a permanent diff. ` +
        'The toolkit uses "promql_rule"; write that',
    );
    rule.ruleType = 'promql_rule';
    return;
  }
  if (!isBlank(ruleType)) return;
  const stored = queryType === 'promql' ? 'promql_rule' : queryType === 'builder' ? 'threshold_rule' : undefined;
  if (stored === undefined) return; // SigNoz refuses a ClickHouse rule without a type; the schema says it is required
  out.drift(
    '/ruleType',
    `ruleType is left out: SigNoz stores "${stored}", its default for ${queryType} queries; Terraform requires rule_type and shows a permanent diff for any other value. ` +
      `The toolkit uses "${stored}"; write that`,
  );
  rule.ruleType = stored;
}

function alertTypeDefault(rule: Record<string, unknown>, queries: readonly QueryEntry[], out: IssueCollector): void {
  if (!isBlank(rule.alertType)) return;
  const inferred = alertTypeOfQueries(queries);
  if (inferred === undefined) return; // nothing to infer from: the schema says it is required
  out.drift(
    '/alertType',
    `alertType is left out: SigNoz stores it empty, which Terraform cannot express (alert_type is required, one of ${ALERT_TYPES.join(', ')}), ` +
      `so Terraform and SigNoz would disagree about this rule. The queries fit "${inferred}": the toolkit uses it; write that`,
  );
  rule.alertType = inferred;
}

/** SigNoz pins a `builder_ai_query` to traces (the type implies the signal), so one without a signal reads traces. */
function aiQuerySignal(queries: readonly QueryEntry[]): void {
  for (const entry of queries) {
    if (entry.type === 'builder_ai_query' && entry.spec && entry.spec.signal === undefined) entry.spec.signal = 'traces';
  }
}

/** Fills `ruleType`, `alertType` (with a drift warning each) and an AI query's signal of a normalized payload as SigNoz would store them. */
export function applyServerDefaults(payload: unknown, queries: readonly QueryEntry[], out: IssueCollector): void {
  if (!isPlainObject(payload)) return;
  const queryType = stringAt(recordAt(recordAt(payload, 'condition'), 'compositeQuery'), 'queryType');
  aiQuerySignal(queries);
  ruleTypeDefault(payload, queryType, out);
  alertTypeDefault(payload, queries, out);
}
