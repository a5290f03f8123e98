/**
 * Interim reader of the `signoz_rule` attribute tree (snake_case, as in plan JSON) into the
 * canonical `RulePayload`, until the project's codec (`constructs/codecs/signoz-rule-codec.ts`)
 * lands; `rule-payload-adapter.ts` is the one place that chooses which decoder runs. It is lenient
 * on purpose: plan values can be partial (unknown until apply) and the summary must still show what
 * it can.
 */
import type { RulePayload } from '../../model/rule-payload';

type Json = Record<string, unknown>;

const QUERY_ENVELOPE_BLOCKS = ['builder_query', 'builder_formula', 'builder_trace_operator', 'promql', 'clickhouse_sql'] as const;
const SIGNAL_BLOCKS = ['metrics', 'logs', 'traces'] as const;
/** Attributes the provider stores as JSON text (`jsontypes.Normalized`). */
const JSON_TEXT_KEYS = new Set(['step_interval', 'step', 'value']);
/** Map-valued attributes whose keys are user data and must keep their spelling. */
const USER_KEYED_MAPS = new Set(['labels', 'annotations']);

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const camelCache = new Map<string, string>();

export function snakeToCamel(key: string): string {
  let camel = camelCache.get(key);
  if (camel === undefined) {
    camel = key.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    if (camelCache.size < 10_000) camelCache.set(key, camel);
  }
  return camel;
}

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Renames keys to camelCase and drops nulls (unset optional attributes), keeping user-keyed maps as they are. */
export function camelizeTree(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => camelizeTree(item));
  if (!isObject(value)) return key !== undefined && JSON_TEXT_KEYS.has(key) ? parseJsonText(value) : value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[snakeToCamel(k)] = USER_KEYED_MAPS.has(k) ? v : camelizeTree(v, k);
  }
  return out;
}

/** `{builder_query: {type, spec: {metrics: {...}}}}` -> `{type: 'builder_query', spec: {..., signal: 'metrics'}}`. */
function unwrapQuery(item: unknown): unknown {
  if (!isObject(item)) return item;
  for (const block of QUERY_ENVELOPE_BLOCKS) {
    const wrapped = item[block];
    if (!isObject(wrapped)) continue;
    let spec = wrapped.spec;
    if (block === 'builder_query' && isObject(spec)) {
      for (const signal of SIGNAL_BLOCKS) {
        const inner = spec[signal];
        if (isObject(inner)) {
          spec = { ...inner, signal: inner.signal ?? signal };
          break;
        }
      }
    }
    return { type: typeof wrapped.type === 'string' ? wrapped.type : block, spec: camelizeTree(spec) };
  }
  return camelizeTree(item);
}

/** Picks the one non-null block of an "exactly one of" object (`thresholds.basic`, `evaluation.rolling`). */
function unwrapOneOf(value: unknown, blocks: readonly string[]): unknown {
  if (!isObject(value)) return value;
  for (const block of blocks) {
    const inner = value[block];
    if (isObject(inner)) return { kind: inner.kind ?? block, ...(camelizeTree(inner) as Json) };
  }
  return camelizeTree(value);
}

export function decodeSignozRuleInterim(attributes: unknown): RulePayload {
  if (!isObject(attributes)) throw new TypeError('signoz_rule attributes must be an object');
  const condition = isObject(attributes.condition) ? attributes.condition : {};
  const compositeQuery = isObject(condition.composite_query) ? condition.composite_query : {};
  const { queries, ...compositeRest } = compositeQuery;
  const { composite_query: _cq, thresholds, ...conditionRest } = condition;
  const payload: Json = {
    alert: attributes.alert,
    alertType: attributes.alert_type,
    ruleType: attributes.rule_type,
    schemaVersion: attributes.schema_version,
    version: 'v5',
    condition: {
      ...(camelizeTree(conditionRest) as Json),
      compositeQuery: {
        ...(camelizeTree(compositeRest) as Json),
        queries: Array.isArray(queries) ? queries.map(unwrapQuery) : queries,
      },
      thresholds: unwrapOneOf(thresholds, ['basic']),
    },
    evaluation: unwrapOneOf(attributes.evaluation, ['rolling', 'cumulative']),
    notificationSettings: camelizeTree(attributes.notification_settings ?? {}),
  };
  for (const key of ['description', 'disabled', 'labels', 'annotations'] as const) {
    if (attributes[key] !== null && attributes[key] !== undefined) payload[key] = attributes[key];
  }
  return payload as unknown as RulePayload;
}
