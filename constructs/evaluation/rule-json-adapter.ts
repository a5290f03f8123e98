/**
 * Reads any rule JSON a user may hold into the canonical v2alpha1 rules-API shape the evaluator
 * compiles. Terraform resource attributes go through the project's codecs (`constructs/codecs/`);
 * only the legacy v1 `signoz_alert` shape, which the codecs do not carry, is converted here.
 *
 * Accepted shapes:
 * - the rules API body, `schemaVersion` `v2alpha1` (canonical) or `v1` / absent (legacy top-level
 *   `op`/`target`/`matchType`, `evalWindow`/`frequency`), converted as SigNoz's
 *   `PostableRule.processRuleDefaults` does;
 * - a rule as the SigNoz API or UI returns it (`GettableRule`, optionally inside `{status, data}`);
 * - the legacy v3/v4 `compositeQuery.builderQueries` / `promQueries` / `chQueries` maps;
 * - the attributes of a `signoz_alert` resource (`condition` and `evaluation` as JSON text);
 * - the attributes of a `signoz_rule` resource (snake_case typed blocks).
 */

import { CodecError, decodeRuleResource } from '../codecs';
import { isPlainObject } from '../util/json';

type Json = Record<string, unknown>;

export type RuleShape = 'rules-api-v2alpha1' | 'rules-api-v1' | 'signoz_alert' | 'signoz_rule';

export interface AdaptedRule {
  /** The rule in canonical (v2alpha1, camelCase) shape; op/matchType keep the spelling they had. */
  readonly payload: Json;
  readonly shape: RuleShape;
}

export class RuleShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleShapeError';
  }
}

function parseJsonText(value: unknown, field: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (err) {
    throw new RuleShapeError(`${field} is not valid JSON text: ${(err as Error).message}`);
  }
}

/** The `signoz_alert` resource attributes as a rules-API body. */
function fromSignozAlert(attrs: Json): Json {
  const labels: Json = isPlainObject(attrs.labels) ? { ...attrs.labels } : {};
  if (typeof attrs.severity === 'string') labels.severity = attrs.severity;
  const body: Json = {
    alert: attrs.alert,
    alertType: attrs.alert_type,
    ruleType: attrs.rule_type,
    condition: parseJsonText(attrs.condition, 'condition'),
    labels,
    evalWindow: attrs.eval_window ?? '5m0s',
    frequency: attrs.frequency ?? '1m0s',
    schemaVersion: attrs.schema_version ?? 'v1',
    preferredChannels: attrs.preferred_channels,
    id: attrs.id,
  };
  if (attrs.evaluation !== undefined && attrs.evaluation !== null) body.evaluation = parseJsonText(attrs.evaluation, 'evaluation');
  return body;
}

/** Legacy v3/v4 maps -> v5 query envelopes (formulas are entries whose expression is not their own name). */
function legacyQueries(composite: Json): Json[] {
  const queries: Json[] = [];
  const builder = isPlainObject(composite.builderQueries) ? composite.builderQueries : {};
  for (const [key, raw] of Object.entries(builder)) {
    const q = isPlainObject(raw) ? raw : {};
    const name = typeof q.queryName === 'string' && q.queryName !== '' ? q.queryName : key;
    const expression = typeof q.expression === 'string' && q.expression !== '' ? q.expression : name;
    if (expression !== name) {
      queries.push({ type: 'builder_formula', spec: { name, expression, disabled: q.disabled === true } });
      continue;
    }
    const signal = q.dataSource === 'logs' || q.dataSource === 'traces' ? q.dataSource : 'metrics';
    const operator = String(q.aggregateOperator ?? '').toLowerCase();
    const aggregations =
      signal === 'metrics'
        ? [{ metricName: isPlainObject(q.aggregateAttribute) ? q.aggregateAttribute.key : '', timeAggregation: q.timeAggregation ?? (operator.includes('rate') ? 'rate' : operator) }]
        : [{ expression: `${operator}(${isPlainObject(q.aggregateAttribute) ? String(q.aggregateAttribute.key ?? '') : ''})` }];
    queries.push({ type: 'builder_query', spec: { name, signal, disabled: q.disabled === true, aggregations } });
  }
  for (const [mapKey, type] of [['promQueries', 'promql'], ['chQueries', 'clickhouse_sql']] as const) {
    const map = isPlainObject(composite[mapKey]) ? (composite[mapKey] as Json) : {};
    for (const [name, raw] of Object.entries(map)) {
      const q = isPlainObject(raw) ? raw : {};
      queries.push({ type, spec: { name, query: q.query, disabled: q.disabled === true } });
    }
  }
  return queries;
}

/** A v1 rules-API body converted as SigNoz's `processRuleDefaults` does. */
function fromV1(body: Json): Json {
  const condition: Json = isPlainObject(body.condition) ? { ...body.condition } : {};
  const composite: Json | undefined = isPlainObject(condition.compositeQuery) ? { ...condition.compositeQuery } : undefined;
  if (composite && !Array.isArray(composite.queries)) composite.queries = legacyQueries(composite);
  if (composite) condition.compositeQuery = composite;
  const labels = isPlainObject(body.labels) ? body.labels : {};
  let ruleType = body.ruleType;
  if (composite?.queryType === 'promql') ruleType = 'promql_rule';
  else if (ruleType === undefined || ruleType === '') ruleType = 'threshold_rule';
  const target = typeof condition.target === 'number' && ruleType === 'anomaly_rule' && ['2', 'below', '<'].includes(String(condition.op).trim().toLowerCase())
    ? -condition.target
    : condition.target;
  condition.thresholds = {
    kind: 'basic',
    spec: [{
      name: typeof labels.severity === 'string' ? labels.severity : 'critical',
      target,
      targetUnit: condition.targetUnit ?? '',
      matchType: condition.matchType,
      op: condition.op,
      channels: body.preferredChannels ?? [],
    }],
  };
  return {
    ...body,
    ruleType,
    schemaVersion: 'v2alpha1',
    condition,
    evaluation: { kind: 'rolling', spec: { evalWindow: body.evalWindow || '5m', frequency: body.frequency || '1m' } },
  };
}

function decodeAttributes(type: 'signoz_rule' | 'signoz_alert', attrs: Json): Json {
  try {
    return decodeRuleResource(type, attrs) as unknown as Json;
  } catch (err) {
    if (err instanceof CodecError) throw new RuleShapeError(`${type} ${err.path || '/'}: ${err.message}`);
    throw err;
  }
}

/** Keeps the resource id (state and plan JSON carry it) for the `ruleId` label. */
function withId(payload: Json, attrs: Json): Json {
  return typeof attrs.id === 'string' ? { ...payload, id: attrs.id } : payload;
}

/** Reads a rule in any accepted shape; throws `RuleShapeError` for JSON that is no rule at all. */
export function adaptRuleJson(input: unknown): AdaptedRule {
  if (!isPlainObject(input)) throw new RuleShapeError('a rule must be a JSON object');
  let body: Json = input;
  if (isPlainObject(body.data) && body.alert === undefined && (typeof body.status === 'string' || Object.keys(body).length === 1)) body = body.data;
  let shape: RuleShape;
  if (isPlainObject(body.condition) && 'composite_query' in body.condition) {
    body = withId(decodeAttributes('signoz_rule', body), body);
    shape = 'signoz_rule';
  } else if (typeof body.condition === 'string' || 'alert_type' in body || 'eval_window' in body) {
    body = body.schema_version === 'v2alpha1' ? withId(decodeAttributes('signoz_alert', body), body) : fromSignozAlert(body);
    shape = 'signoz_alert';
  } else {
    shape = 'rules-api-v2alpha1';
  }
  if (body.alert === undefined && body.condition === undefined) {
    throw new RuleShapeError('this JSON is not a SigNoz rule: it has neither "alert" nor "condition"');
  }
  const schemaVersion = typeof body.schemaVersion === 'string' && body.schemaVersion !== '' ? body.schemaVersion : 'v1';
  if (schemaVersion === 'v1') {
    body = fromV1(body);
    if (shape === 'rules-api-v2alpha1') shape = 'rules-api-v1';
  } else if (schemaVersion !== 'v2alpha1') {
    throw new RuleShapeError(`schemaVersion: unsupported value "${schemaVersion}"; must be one of "v1", "v2alpha1"`);
  }
  return { payload: body, shape };
}
