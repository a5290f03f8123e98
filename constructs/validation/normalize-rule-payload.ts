/**
 * The canonical copy of a rule payload: every spelling SigNoz accepts is replaced by the canonical
 * literal, as the server does when it reads the rule. `op` and `matchType` aliases (numeric codes,
 * short forms, symbols) become literals; enum values SigNoz reads case-insensitively (`valuer.String`)
 * are trimmed and lowercased; field-context and data-type synonyms become their canonical names; a
 * missing `version` becomes `v5`. Values SigNoz would not accept are left as they are, so the schema
 * reports them verbatim. The input is never modified.
 */
import {
  ALERT_STATES,
  COMPOSITE_QUERY_TYPES,
  EVALUATION_KINDS,
  FIELD_CONTEXTS,
  FIELD_DATA_TYPES,
  FUNCTION_NAMES,
  normalizeCompareOp,
  normalizeMatchType,
  ORDER_DIRECTIONS,
  PANEL_TYPES,
  QUERY_ENVELOPE_TYPES,
  REDUCE_TO,
  RULE_TYPES,
  SCHEDULE_TYPES,
  SEASONALITIES,
  SIGNALS,
  SOURCES,
  SPACE_AGGREGATIONS,
  TEMPORALITIES,
  TIME_AGGREGATIONS,
} from '../model/enums';
import { arrayAt, cloneJson, recordAt, type JsonRecord } from './json-value';
import { isPlainObject } from '../util/json';

/** Synonyms SigNoz maps to a canonical field context (`telemetrytypes.FieldContext`). */
const FIELD_CONTEXT_SYNONYMS: Readonly<Record<string, string>> = {
  tag: 'attribute',
  point: 'attribute',
  spanfield: 'span',
  logfield: 'log',
  tracefield: 'trace',
};

/** Synonyms SigNoz maps to a canonical field data type (`telemetrytypes.FieldDataType`). */
const FIELD_DATA_TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  str: 'string',
  int: 'number',
  int8: 'number',
  int16: 'number',
  int32: 'number',
  uint: 'number',
  uint8: 'number',
  uint16: 'number',
  uint32: 'number',
  uint64: 'number',
  float: 'number',
  float32: 'number',
  double: 'number',
  decimal: 'number',
};

/** Canonical spelling by trimmed, lowercased spelling; `exact` holds the entries a spelling needs no trimming or lowercasing to find. */
interface EnumTable {
  readonly folded: ReadonlyMap<string, string>;
  readonly exact: ReadonlyMap<string, string>;
}

function enumTable(values: readonly string[], synonyms: Readonly<Record<string, string>> = {}): EnumTable {
  const folded = new Map<string, string>(values.map((v) => [v, v]));
  for (const [synonym, canonical] of Object.entries(synonyms)) folded.set(synonym, canonical);
  // a key that folding changes can never be found by a folded spelling, so it is not an exact hit either
  const exact = new Map([...folded].filter(([key]) => key === key.trim().toLowerCase()));
  return { folded, exact };
}

/** The canonical spelling of `value` (SigNoz trims and lowercases it first), or `undefined`. */
function canonicalOf(table: EnumTable, value: string): string | undefined {
  return table.exact.get(value) ?? table.folded.get(value.trim().toLowerCase());
}

const TABLES = {
  ruleType: enumTable(RULE_TYPES),
  seasonality: enumTable(SEASONALITIES),
  queryType: enumTable(COMPOSITE_QUERY_TYPES),
  panelType: enumTable(PANEL_TYPES),
  thresholdKind: enumTable(['basic']),
  envelopeType: enumTable(QUERY_ENVELOPE_TYPES),
  signal: enumTable(SIGNALS),
  keySignal: enumTable([...SIGNALS, '']),
  source: enumTable(SOURCES),
  temporality: enumTable(TEMPORALITIES),
  timeAggregation: enumTable(TIME_AGGREGATIONS),
  spaceAggregation: enumTable(SPACE_AGGREGATIONS),
  reduceTo: enumTable(REDUCE_TO),
  fieldContext: enumTable(FIELD_CONTEXTS, FIELD_CONTEXT_SYNONYMS),
  fieldDataType: enumTable(FIELD_DATA_TYPES, FIELD_DATA_TYPE_SYNONYMS),
  direction: enumTable(ORDER_DIRECTIONS),
  functionName: enumTable(FUNCTION_NAMES),
  evaluationKind: enumTable(EVALUATION_KINDS),
  scheduleType: enumTable(SCHEDULE_TYPES),
  alertState: enumTable(ALERT_STATES),
} as const;

/** Rewrites `record[key]` to its canonical spelling when the server would read it as one. */
function canonicalize(record: JsonRecord | undefined, key: string, table: EnumTable): void {
  const value = record?.[key];
  if (typeof value !== 'string') return;
  const canonical = canonicalOf(table, value);
  if (canonical !== undefined && record) record[key] = canonical;
}

function eachRecord(items: unknown[] | undefined, visit: (item: JsonRecord) => void): void {
  if (!items) return;
  for (const item of items) if (isPlainObject(item)) visit(item);
}

function normalizeFieldKey(key: JsonRecord): void {
  canonicalize(key, 'signal', TABLES.keySignal);
  canonicalize(key, 'fieldContext', TABLES.fieldContext);
  canonicalize(key, 'fieldDataType', TABLES.fieldDataType);
}

function normalizeOrders(items: unknown[] | undefined): void {
  eachRecord(items, (order) => {
    canonicalize(order, 'direction', TABLES.direction);
    const key = recordAt(order, 'key');
    if (key) normalizeFieldKey(key);
  });
}

function normalizeQuerySpec(spec: JsonRecord): void {
  canonicalize(spec, 'signal', TABLES.signal);
  canonicalize(spec, 'source', TABLES.source);
  eachRecord(arrayAt(spec, 'aggregations'), (aggregation) => {
    canonicalize(aggregation, 'temporality', TABLES.temporality);
    canonicalize(aggregation, 'timeAggregation', TABLES.timeAggregation);
    canonicalize(aggregation, 'spaceAggregation', TABLES.spaceAggregation);
    canonicalize(aggregation, 'reduceTo', TABLES.reduceTo);
  });
  eachRecord(arrayAt(spec, 'groupBy'), normalizeFieldKey);
  eachRecord(arrayAt(spec, 'selectFields'), normalizeFieldKey);
  normalizeOrders(arrayAt(spec, 'order'));
  eachRecord(arrayAt(spec, 'functions'), (fn) => canonicalize(fn, 'name', TABLES.functionName));
  eachRecord(arrayAt(spec, 'secondaryAggregations'), (secondary) => {
    eachRecord(arrayAt(secondary, 'groupBy'), normalizeFieldKey);
    normalizeOrders(arrayAt(secondary, 'order'));
  });
}

function normalizeCondition(condition: JsonRecord): void {
  canonicalize(condition, 'seasonality', TABLES.seasonality);
  const compositeQuery = recordAt(condition, 'compositeQuery');
  canonicalize(compositeQuery, 'queryType', TABLES.queryType);
  canonicalize(compositeQuery, 'panelType', TABLES.panelType);
  eachRecord(arrayAt(compositeQuery, 'queries'), (envelope) => {
    canonicalize(envelope, 'type', TABLES.envelopeType);
    const spec = recordAt(envelope, 'spec');
    if (spec) normalizeQuerySpec(spec);
  });
  const thresholds = recordAt(condition, 'thresholds');
  canonicalize(thresholds, 'kind', TABLES.thresholdKind);
  eachRecord(arrayAt(thresholds, 'spec'), (threshold) => {
    const op = normalizeCompareOp(threshold.op);
    if (op) threshold.op = op;
    const matchType = normalizeMatchType(threshold.matchType);
    if (matchType) threshold.matchType = matchType;
  });
}

/** Normalizes a payload that the caller owns, in place. */
export function normalizeRulePayloadInPlace(payload: unknown): void {
  if (!isPlainObject(payload)) return;
  canonicalize(payload, 'ruleType', TABLES.ruleType);
  if (payload.version === undefined) payload.version = 'v5';
  const condition = recordAt(payload, 'condition');
  if (condition) normalizeCondition(condition);
  const evaluation = recordAt(payload, 'evaluation');
  canonicalize(evaluation, 'kind', TABLES.evaluationKind);
  canonicalize(recordAt(recordAt(evaluation, 'spec'), 'schedule'), 'type', TABLES.scheduleType);
  const renotify = recordAt(recordAt(payload, 'notificationSettings'), 'renotify');
  const states = arrayAt(renotify, 'alertStates');
  if (states) {
    for (let i = 0; i < states.length; i++) {
      const state = states[i];
      if (typeof state === 'string') states[i] = canonicalOf(TABLES.alertState, state) ?? state;
    }
  }
}

/** A normalized deep copy of `payload`; the input is left untouched. */
export function normalizeRulePayload(payload: unknown): unknown {
  const copy = cloneJson(payload);
  normalizeRulePayloadInPlace(copy);
  return copy;
}
