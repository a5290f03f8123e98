/**
 * Enumerations of the SigNoz rules API (schema version v2alpha1, query format v5), exactly as the
 * server defines them (SigNoz `pkg/types/ruletypes`, `querybuildertypesv5`, `telemetrytypes`,
 * `metrictypes`), plus the aliases the server accepts for `op` and `matchType`.
 */

export const ALERT_TYPES = ['METRIC_BASED_ALERT', 'TRACES_BASED_ALERT', 'LOGS_BASED_ALERT', 'EXCEPTIONS_BASED_ALERT'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const RULE_TYPES = ['threshold_rule', 'promql_rule', 'anomaly_rule'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const COMPARE_OPS = ['above', 'below', 'equal', 'not_equal', 'above_or_equal', 'below_or_equal', 'outside_bounds'] as const;
/** Comparison of the series value with a threshold target (canonical literal form). */
export type CompareOp = (typeof COMPARE_OPS)[number];

export const MATCH_TYPES = ['at_least_once', 'all_the_times', 'on_average', 'in_total', 'last'] as const;
/** How the points of the evaluation window are reduced before the comparison (canonical literal form). */
export type MatchType = (typeof MATCH_TYPES)[number];

/** Every spelling the server accepts for each operator (SigNoz `ruletypes/compare.go`). */
export const COMPARE_OP_ALIASES: Readonly<Record<CompareOp, readonly string[]>> = {
  above: ['1', 'above', '>'],
  below: ['2', 'below', '<'],
  equal: ['3', 'equal', 'eq', '='],
  not_equal: ['4', 'not_equal', 'not_eq', '!='],
  above_or_equal: ['5', 'above_or_equal', 'above_or_eq', '>='],
  below_or_equal: ['6', 'below_or_equal', 'below_or_eq', '<='],
  outside_bounds: ['7', 'outside_bounds'],
};

/** Every spelling the server accepts for each match type (SigNoz `ruletypes/match.go`). */
export const MATCH_TYPE_ALIASES: Readonly<Record<MatchType, readonly string[]>> = {
  at_least_once: ['1', 'at_least_once'],
  all_the_times: ['2', 'all_the_times'],
  on_average: ['3', 'on_average', 'avg'],
  in_total: ['4', 'in_total', 'sum'],
  last: ['5', 'last'],
};

function aliasTable<T extends string>(aliases: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const table = new Map<string, T>();
  for (const [canonical, spellings] of Object.entries(aliases) as [T, readonly string[]][]) {
    for (const spelling of spellings) table.set(spelling, canonical);
  }
  return table;
}

const OP_TABLE = aliasTable(COMPARE_OP_ALIASES);
const MATCH_TABLE = aliasTable(MATCH_TYPE_ALIASES);

/** Accepted input spelling of an operator: canonical literal, numeric code, short form or symbol. */
export type CompareOpInput = CompareOp | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '>' | '<' | '=' | '!=' | '>=' | '<=' | 'eq' | 'not_eq' | 'above_or_eq' | 'below_or_eq';
/** Accepted input spelling of a match type: canonical literal, numeric code or short form. */
export type MatchTypeInput = MatchType | '1' | '2' | '3' | '4' | '5' | 'avg' | 'sum';

/**
 * The canonical literal for any spelling the server accepts, or `undefined`. Like the server
 * (`valuer.String`), surrounding space and letter case are ignored.
 */
export function normalizeCompareOp(value: unknown): CompareOp | undefined {
  return typeof value === 'string' ? OP_TABLE.get(value.trim().toLowerCase()) : undefined;
}

/** The canonical literal for any match-type spelling the server accepts, or `undefined`. */
export function normalizeMatchType(value: unknown): MatchType | undefined {
  return typeof value === 'string' ? MATCH_TABLE.get(value.trim().toLowerCase()) : undefined;
}

export const PANEL_TYPES = ['value', 'table', 'graph'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];

/** The "active tab" of the composite query. */
export const COMPOSITE_QUERY_TYPES = ['builder', 'clickhouse_sql', 'promql'] as const;
export type CompositeQueryType = (typeof COMPOSITE_QUERY_TYPES)[number];

/** Query envelope types accepted in alert rules. */
export const QUERY_ENVELOPE_TYPES = [
  'builder_query',
  'builder_formula',
  'builder_trace_operator',
  'promql',
  'clickhouse_sql',
  'builder_ai_query',
  'builder_sub_query',
  'builder_join',
] as const;
export type QueryEnvelopeType = (typeof QUERY_ENVELOPE_TYPES)[number];

export const SIGNALS = ['metrics', 'logs', 'traces'] as const;
export type Signal = (typeof SIGNALS)[number];

export const SOURCES = ['meter', ''] as const;
export type Source = (typeof SOURCES)[number];

export const FIELD_CONTEXTS = ['metric', 'log', 'span', 'trace', 'resource', 'attribute', 'body', ''] as const;
export type FieldContext = (typeof FIELD_CONTEXTS)[number];

export const FIELD_DATA_TYPES = ['string', 'bool', 'float64', 'int64', 'number', ''] as const;
export type FieldDataType = (typeof FIELD_DATA_TYPES)[number];

export const TIME_AGGREGATIONS = ['latest', 'sum', 'avg', 'min', 'max', 'count', 'count_distinct', 'rate', 'increase', ''] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

export const SPACE_AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;
export type SpaceAggregation = (typeof SPACE_AGGREGATIONS)[number];

export const TEMPORALITIES = ['delta', 'cumulative', 'unspecified', ''] as const;
export type Temporality = (typeof TEMPORALITIES)[number];

export const REDUCE_TO = ['sum', 'count', 'avg', 'min', 'max', 'last', 'median'] as const;
export type ReduceTo = (typeof REDUCE_TO)[number];

export const ORDER_DIRECTIONS = ['asc', 'desc'] as const;
export type OrderDirection = (typeof ORDER_DIRECTIONS)[number];

/** Query functions; the server lowercases names, the canonical form is lowercase. */
export const FUNCTION_NAMES = [
  'cutoffmin',
  'cutoffmax',
  'clampmin',
  'clampmax',
  'absolute',
  'runningdiff',
  'log2',
  'log10',
  'cumulativesum',
  'ewma3',
  'ewma5',
  'ewma7',
  'median3',
  'median5',
  'median7',
  'timeshift',
  'anomaly',
  'fillzero',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const SEASONALITIES = ['hourly', 'daily', 'weekly'] as const;
export type Seasonality = (typeof SEASONALITIES)[number];

export const EVALUATION_KINDS = ['rolling', 'cumulative'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const SCHEDULE_TYPES = ['hourly', 'daily', 'weekly', 'monthly'] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

/** Alert states that can re-notify (the server rejects every other state here). */
export const RENOTIFY_STATES = ['firing', 'nodata'] as const;
export type RenotifyState = (typeof RENOTIFY_STATES)[number];

/** States an alert goes through (SigNoz `ruletypes/alert_state.go`). */
export const ALERT_STATES = ['inactive', 'pending', 'recovering', 'firing', 'nodata', 'disabled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Conventional severity tiers; SigNoz turns the threshold name into the `severity` label. */
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
