/**
 * Whether the rule type fits the queries: PromQL rules need the PromQL tab, anomaly rules need
 * builder metrics queries, and the active tab (`queryType`) needs a query of its kind.
 */
import { ownEntry } from '../util/json';
import { QUERY_ENVELOPE_TYPES, SEASONALITIES } from '../model/enums';
import { recordAt, stringAt } from './json-value';
import { COMPOSITE_QUERY_PATH, type QueryEntry } from './query-inventory';
import type { IssueCollector } from './issue-collector';

/** Envelope types each `queryType` (the active tab) evaluates. */
const TAB_QUERY_TYPES: Readonly<Record<string, readonly string[]>> = {
  builder: ['builder_query', 'builder_formula', 'builder_trace_operator', 'builder_ai_query', 'builder_sub_query', 'builder_join'],
  promql: ['promql'],
  clickhouse_sql: ['clickhouse_sql'],
};

function checkActiveTab(queryType: string | undefined, queries: readonly QueryEntry[], out: IssueCollector): void {
  const types = queryType === undefined ? undefined : ownEntry(TAB_QUERY_TYPES, queryType);
  if (!types || queries.length === 0) return;
  // an envelope with an unknown type is reported on its own; judging the tab would only repeat it
  if (queries.some((entry) => !(QUERY_ENVELOPE_TYPES as readonly (string | undefined)[]).includes(entry.type))) return;
  if (!queries.some((entry) => entry.type !== undefined && types.includes(entry.type))) {
    out.error(`${COMPOSITE_QUERY_PATH}/queryType`, `queryType "${queryType}" needs at least one query of type ${types.join(' or ')} in queries`);
  }
}

function checkAnomaly(queryType: string | undefined, queries: readonly QueryEntry[], condition: unknown, out: IssueCollector): void {
  if (queryType !== undefined && queryType !== 'builder') {
    out.error(`${COMPOSITE_QUERY_PATH}/queryType`, `anomaly_rule supports only builder metrics queries; queryType must be "builder", got "${queryType}"`);
  }
  for (const entry of queries) {
    if (entry.type === 'builder_query' && entry.signal !== undefined && entry.signal !== 'metrics') {
      out.error(`${entry.specPath}/signal`, `anomaly_rule supports only builder metrics queries; query '${entry.name ?? ''}' uses signal "${entry.signal}"`);
    }
  }
  const seasonality = stringAt(condition, 'seasonality');
  if (seasonality !== undefined && seasonality !== '' && !(SEASONALITIES as readonly string[]).includes(seasonality)) {
    out.error('/condition/seasonality', `unsupported value ${JSON.stringify(seasonality)}; must be one of ${SEASONALITIES.join(', ')}`);
  }
}

export function checkRuleType(payload: unknown, queries: readonly QueryEntry[], out: IssueCollector): void {
  const ruleType = stringAt(payload, 'ruleType');
  const condition = recordAt(payload, 'condition');
  const queryType = stringAt(recordAt(condition, 'compositeQuery'), 'queryType');
  checkActiveTab(queryType, queries, out);
  if (ruleType === 'promql_rule' && queryType !== undefined && queryType !== 'promql') {
    out.error('/ruleType', `"promql_rule" needs compositeQuery.queryType "promql", got "${queryType}"`);
  }
  if (ruleType === 'anomaly_rule') {
    checkAnomaly(queryType, queries, condition, out);
  } else if (condition && stringAt(condition, 'seasonality') !== undefined) {
    out.warn('/condition/seasonality', `seasonality is used by anomaly_rule only; SigNoz ignores it for ${ruleType ?? 'this rule'}`);
  }
}
