/**
 * Schema version v1 rules (one threshold in `condition.op/target/matchType`, top-level
 * `evalWindow`, `frequency`, `preferredChannels`) rewritten as v2alpha1 the way SigNoz reads them
 * (pkg/types/ruletypes/api_params.go, `processRuleDefaults`): one threshold named after the
 * `severity` label (else `critical`) notifying the preferred channels, a rolling evaluation
 * (defaults 5m and 1m), re-notification every 4h while firing (and while no data, for rules that
 * alert on absent data); a missing `selectedQueryName` is chosen as SigNoz chooses it (F1, else
 * the last enabled query by name).
 */
import { type JsonRecord } from '../validation/json-value';
import { isPlainObject } from '../util/json';

/** Whether SigNoz reads `rule` as schema version v1. */
export function isSchemaV1(rule: JsonRecord): boolean {
  return rule.schemaVersion === undefined || rule.schemaVersion === null || rule.schemaVersion === '' || rule.schemaVersion === 'v1';
}

function defaultSelectedQuery(queries: unknown[]): string | undefined {
  const enabled = queries
    .filter(isPlainObject)
    .map((q) => (isPlainObject(q.spec) ? q.spec : {}))
    .filter((spec) => spec.disabled !== true && typeof spec.name === 'string')
    .map((spec) => spec.name as string)
    .sort();
  if (enabled.includes('F1')) return 'F1';
  return enabled[enabled.length - 1];
}

/** Rewrites a v1 `rule` (a copy the caller owns) as v2alpha1; returns what could not be converted. */
export function migrateSchemaV1(rule: JsonRecord, where: string): string[] {
  const condition = isPlainObject(rule.condition) ? rule.condition : undefined;
  const compositeQuery = condition && isPlainObject(condition.compositeQuery) ? condition.compositeQuery : undefined;
  if (!condition || !compositeQuery) return [`${where}/condition: a v1 rule needs condition.compositeQuery`];
  if (condition.thresholds !== undefined && condition.thresholds !== null) {
    return [`${where}/schemaVersion: the rule has v2alpha1 thresholds but no schemaVersion "v2alpha1"; set schemaVersion so it is not read as v1`];
  }
  const labels = isPlainObject(rule.labels) ? rule.labels : {};
  const queryType = compositeQuery.queryType;
  if (queryType === 'builder' && (rule.ruleType === undefined || rule.ruleType === '')) rule.ruleType = 'threshold_rule';
  if (queryType === 'promql') rule.ruleType = 'promql_rule';

  let target = condition.target;
  if (rule.ruleType === 'anomaly_rule' && typeof target === 'number' && ['2', 'below', '<'].includes(String(condition.op).trim().toLowerCase())) {
    target = -target;
  }
  const threshold: JsonRecord = {
    name: typeof labels.severity === 'string' ? labels.severity : 'critical',
    target,
    op: condition.op,
    matchType: condition.matchType,
    ...(typeof condition.targetUnit === 'string' && condition.targetUnit !== '' ? { targetUnit: condition.targetUnit } : {}),
    channels: Array.isArray(rule.preferredChannels) ? rule.preferredChannels : [],
  };
  condition.thresholds = { kind: 'basic', spec: [threshold] };
  delete condition.op;
  delete condition.target;
  delete condition.matchType;
  delete condition.targetUnit;
  if (typeof condition.selectedQueryName !== 'string' || condition.selectedQueryName === '') {
    const selected = defaultSelectedQuery(Array.isArray(compositeQuery.queries) ? compositeQuery.queries : []);
    if (selected !== undefined) condition.selectedQueryName = selected;
  }

  rule.evaluation = {
    kind: 'rolling',
    spec: {
      evalWindow: typeof rule.evalWindow === 'string' && rule.evalWindow !== '' ? rule.evalWindow : '5m',
      frequency: typeof rule.frequency === 'string' && rule.frequency !== '' ? rule.frequency : '1m',
    },
  };
  rule.notificationSettings = {
    renotify: { enabled: true, interval: '4h', alertStates: condition.alertOnAbsent === true ? ['firing', 'nodata'] : ['firing'] },
  };
  rule.schemaVersion = 'v2alpha1';
  delete rule.evalWindow;
  delete rule.frequency;
  delete rule.preferredChannels;
  delete rule.broadcastToAll;
  return [];
}
