/**
 * Codec between the canonical rule payload and the `signoz_rule` resource (provider signoz >=
 * 0.0.16): typed snake_case attributes, each query wrapped in a block named for its type, builder
 * queries nested under their signal, thresholds under `basic`, evaluation under its kind, and the
 * provider's JSON-text fields (`step_interval`, `step`, function argument values) as JSON strings.
 *
 * `decode(encode(p))` equals `p` with `null`/absent optional members dropped.
 */
import type { QueryEnvelope, RuleJson, RulePayload } from '../model/rule-payload';
import { camelCase, compact, isPlainObject, snakeCase } from '../util/json';
import { cloneJson } from '../validation/json-value';
import { hasNull } from './import-normalization';
import { CodecError } from './codec-error';
import { MAX_RULE_NESTING_DEPTH, parseJsonInput } from '../util/parse-input';

/** The attribute tree of one `signoz_rule` resource, as it appears in `cdk.tf.json` and plan JSON. */
export type SignozRuleAttributes = Record<string, unknown> & {
  alert: string;
  alert_type: string;
  rule_type: string;
  schema_version: string;
  condition: Record<string, unknown>;
  evaluation: Record<string, unknown>;
  notification_settings: Record<string, unknown>;
};

/** Keys whose value the provider takes as JSON text (`jsontypes.Normalized`). */
const JSON_TEXT_KEYS = new Set(['stepInterval', 'step']);

function snakeTree(value: unknown, inFunctionArgs = false): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeTree(v, inFunctionArgs));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    if (JSON_TEXT_KEYS.has(key) || (inFunctionArgs && key === 'value')) {
      out[snakeCase(key)] = JSON.stringify(v);
    } else {
      out[snakeCase(key)] = snakeTree(v, key === 'args');
    }
  }
  return out;
}

function parseJsonText(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  const parsed = parseJsonInput(text, MAX_RULE_NESTING_DEPTH);
  // A hand-written tree may hold a bare duration such as 1m; keep it as the string it is (and a too deep one, for the validator to refuse).
  return 'error' in parsed ? text : parsed.value;
}

/**
 * The camelCase copy of a snake_case block: `null` members are dropped, JSON-text fields parsed.
 * `nulls.found` is set when the copy may still hold a `null` (in a list, or in a JSON text).
 */
function camelTree(value: unknown, nulls: NullTracker, inFunctionArgs = false): unknown {
  if (value === null) nulls.found = true;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = camelTree(value[i], nulls, inFunctionArgs);
    return copy;
  }
  if (!isPlainObject(value)) return value;
  return camelMembers(value, {}, nulls, inFunctionArgs);
}

/** Sets the camelCase copy of each member of `value` that is set on `out` (in order), skipping `skip`. */
function camelMembers(
  value: Record<string, unknown>,
  out: Record<string, unknown>,
  nulls: NullTracker,
  inFunctionArgs: boolean,
  skip?: string,
  skipToo?: string,
): Record<string, unknown> {
  for (const key of Object.keys(value)) {
    if (key === skip || key === skipToo) continue;
    const v = value[key];
    if (v === undefined || v === null) continue;
    const camel = camelCase(key);
    if (JSON_TEXT_KEYS.has(camel) || (inFunctionArgs && camel === 'value')) {
      // a value that is not JSON text is copied too: the payload shares nothing with the attributes
      const parsed = typeof v === 'object' ? copyJson(v) : parseJsonText(v);
      if (hasNull(parsed)) nulls.found = true;
      out[camel] = parsed;
    } else {
      out[camel] = camelTree(v, nulls, camel === 'args');
    }
  }
  return out;
}

/** A deep copy of a JSON value as `cloneJson` makes it, at any depth (the validator refuses a too deep rule in its own words). */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson(value[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/** Whether a decoded tree may hold `null` anywhere (set while it is built). */
interface NullTracker {
  found: boolean;
}

/** Query types SigNoz knows that the provider's `queries` list has no block for. */
const UNCARRIED_QUERY_TYPES: readonly string[] = ['builder_ai_query', 'builder_sub_query', 'builder_join'];

function encodeQuery(query: QueryEnvelope, index: number): Record<string, unknown> {
  if (UNCARRIED_QUERY_TYPES.includes(query.type)) {
    throw new CodecError(
      `/condition/compositeQuery/queries/${index}/type`,
      `signoz_rule (provider 0.0.17) has no block for "${query.type}" queries (only builder_query, builder_formula, builder_trace_operator, promql, clickhouse_sql); ` +
        'use the signoz_alert target, which carries the condition as JSON, or rewrite the query as a builder_query',
    );
  }
  if (query.type === 'builder_query') {
    const { signal } = query.spec;
    return { builder_query: { type: 'builder_query', spec: { [signal]: snakeTree(query.spec) } } };
  }
  return { [query.type]: { type: query.type, spec: snakeTree(query.spec) } };
}

/** The keys of `block` whose value is set (neither `null` nor absent), in order. */
function setKeys(block: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(block)) {
    const v = block[key];
    if (v !== null && v !== undefined) keys.push(key);
  }
  return keys;
}

function decodeQuery(block: unknown, index: number, nulls: NullTracker): QueryEnvelope {
  if (!isPlainObject(block)) throw new CodecError(`/condition/compositeQuery/queries/${index}`, 'query block must be an object');
  const present = setKeys(block);
  if (present.length !== 1) {
    throw new CodecError(
      `/condition/compositeQuery/queries/${index}`,
      `query block must set exactly one of builder_query, builder_formula, builder_trace_operator, promql, clickhouse_sql (found ${present.join(', ') || 'none'})`,
    );
  }
  const type = present[0]!;
  const inner = block[type];
  const spec = isPlainObject(inner) ? inner.spec : undefined;
  if (type === 'builder_query') {
    const signals = isPlainObject(spec) ? setKeys(spec) : [];
    if (signals.length !== 1) {
      throw new CodecError(`/condition/compositeQuery/queries/${index}/spec`, 'builder_query spec must set exactly one of metrics, logs, traces');
    }
    return { type: 'builder_query', spec: camelTree((spec as Record<string, unknown>)[signals[0]!], nulls) } as QueryEnvelope;
  }
  return { type, spec: camelTree(spec, nulls) } as QueryEnvelope;
}

/** The `signoz_rule` attributes for a canonical rule payload. */
export function encodeSignozRule(payload: RulePayload): SignozRuleAttributes {
  const { compositeQuery, thresholds, ...conditionRest } = payload.condition;
  const condition = {
    ...(snakeTree(conditionRest) as Record<string, unknown>),
    composite_query: {
      ...(snakeTree({ queryType: compositeQuery.queryType, panelType: compositeQuery.panelType, unit: compositeQuery.unit }) as Record<string, unknown>),
      queries: compositeQuery.queries.map((query, index) => encodeQuery(query, index)),
    },
    thresholds: { basic: { kind: thresholds.kind, spec: snakeTree(thresholds.spec) } },
  };
  const evaluation = { [payload.evaluation.kind]: { kind: payload.evaluation.kind, spec: snakeTree(payload.evaluation.spec) } };
  return compact({
    alert: payload.alert,
    alert_type: payload.alertType,
    rule_type: payload.ruleType,
    schema_version: payload.schemaVersion,
    description: payload.description,
    disabled: payload.disabled,
    labels: payload.labels,
    annotations: payload.annotations,
    condition,
    evaluation,
    notification_settings: snakeTree(payload.notificationSettings ?? {}) as Record<string, unknown>,
  }) as SignozRuleAttributes;
}

/**
 * The canonical rule payload for `signoz_rule` attributes (from `cdk.tf.json`, a plan's
 * `before`/`after`, or state). Unknown or computed-only attributes (`id`) are ignored.
 */
export function decodeSignozRule(attributes: Record<string, unknown>): RuleJson {
  return readSignozRule(attributes).payload;
}

/**
 * `decodeSignozRule`, also saying whether the payload may hold a `null` (`decodeRule` then drops
 * them; most payloads hold none, and need no walk to find that out).
 */
export function readSignozRule(attributes: Record<string, unknown>): { payload: RuleJson; mayHoldNulls: boolean } {
  const nulls: NullTracker = { found: false };
  const condition = attributes.condition;
  if (!isPlainObject(condition)) throw new CodecError('/condition', 'signoz_rule has no condition block');
  const cq = condition.composite_query;
  if (!isPlainObject(cq)) throw new CodecError('/condition/compositeQuery', 'signoz_rule condition has no composite_query block');
  const queries: QueryEnvelope[] = [];
  if (Array.isArray(cq.queries)) for (let i = 0; i < cq.queries.length; i++) queries.push(decodeQuery(cq.queries[i], i, nulls));
  const thresholds = condition.thresholds;
  const basic = isPlainObject(thresholds) && isPlainObject(thresholds.basic) ? thresholds.basic : undefined;
  const evaluationBlock = isPlainObject(attributes.evaluation) ? attributes.evaluation : {};
  let evaluationKind: string | undefined;
  for (const key of Object.keys(evaluationBlock)) {
    if (isPlainObject(evaluationBlock[key])) {
      evaluationKind = key;
      break;
    }
  }
  if (evaluationKind === undefined) throw new CodecError('/evaluation', 'signoz_rule evaluation must set rolling or cumulative');
  const evaluationInner = evaluationBlock[evaluationKind] as Record<string, unknown>;
  // The condition's other blocks in their order, then the composite query and the thresholds.
  const conditionOut = camelMembers(condition, {}, nulls, false, 'composite_query', 'thresholds');
  const cqOut = camelMembers(cq, {}, nulls, false, 'queries');
  cqOut.queries = queries;
  conditionOut.compositeQuery = cqOut;
  conditionOut.thresholds = { kind: (basic?.kind as string | undefined) ?? 'basic', spec: camelTree(basic?.spec ?? [], nulls) as unknown[] };
  // Copied, so the payload shares nothing with the attributes and its reader may normalize it in place.
  const labels = cloneJson(attributes.labels ?? undefined);
  const annotations = cloneJson(attributes.annotations ?? undefined);
  // Values taken as they are (or copied) may hold a null anywhere.
  const taken = [
    labels,
    annotations,
    attributes.alert,
    attributes.alert_type,
    attributes.rule_type,
    attributes.description,
    attributes.disabled,
    attributes.schema_version,
    basic?.kind,
    evaluationInner.kind,
  ];
  if (taken.some(hasNull)) nulls.found = true;
  const payload = compact({
    alert: attributes.alert,
    alertType: attributes.alert_type,
    ruleType: attributes.rule_type,
    description: attributes.description,
    condition: conditionOut,
    labels,
    annotations,
    disabled: attributes.disabled,
    version: 'v5',
    schemaVersion: attributes.schema_version,
    evaluation: { kind: (evaluationInner.kind as string | undefined) ?? evaluationKind, spec: camelTree(evaluationInner.spec ?? {}, nulls) },
    notificationSettings: camelTree(attributes.notification_settings ?? {}, nulls),
  });
  return { payload, mayHoldNulls: nulls.found };
}
