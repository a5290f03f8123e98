/**
 * The canonical alert rule: the JSON body the SigNoz rules API takes (schema version `v2alpha1`,
 * query format `v5`). Every other shape (the `signoz_rule` attribute tree, the legacy
 * `signoz_alert` JSON strings, SigNoz UI exports) is a codec over this one.
 */
import type {
  AlertType,
  CompareOp,
  CompositeQueryType,
  FieldContext,
  FieldDataType,
  FunctionName,
  MatchType,
  OrderDirection,
  PanelType,
  ReduceTo,
  RenotifyState,
  RuleType,
  ScheduleType,
  Source,
  SpaceAggregation,
  Temporality,
  TimeAggregation,
} from './enums';
import type * as FromSchema from './rule-payload.schema-types';
import type { SameShape } from './type-equality';

/** A step interval: seconds as a number, or a Go duration string such as `"1m"`. */
export type StepInterval = number | string | null;

export interface FieldKey {
  name: string;
  fieldContext?: FieldContext;
  fieldDataType?: FieldDataType;
  signal?: 'metrics' | 'logs' | 'traces' | '';
  description?: string;
  unit?: string;
}

export interface OrderBy {
  key: FieldKey;
  direction: OrderDirection;
}

export interface FunctionArg {
  name?: string;
  value?: number | string;
}

export interface QueryFunction {
  name: FunctionName;
  args?: FunctionArg[] | null;
}

// SigNoz decodes a null object or list like a missing one, so the schemas accept null for them.
export type Filter = { expression?: string } | null;

export type Having = { expression?: string } | null;

export type LimitBy = { keys?: string[] | null; value?: string } | null;

/** `metricName` is optional in JSON; validation then reports SigNoz's "metric name is required". */
export interface MetricAggregation {
  metricName?: string;
  temporality?: Temporality;
  timeAggregation?: TimeAggregation;
  spaceAggregation: SpaceAggregation;
  reduceTo?: ReduceTo;
  comparisonSpaceAggregationParam?: { operator: string; threshold: number } | null;
}

/** Logs and traces aggregations are expressions such as `count()` or `p99(duration_nano)` (required by validation, not by the JSON shape). */
export interface ExpressionAggregation {
  expression?: string;
  alias?: string;
}

export interface SecondaryAggregation {
  expression?: string;
  alias?: string;
  stepInterval?: StepInterval;
  groupBy?: FieldKey[] | null;
  order?: OrderBy[] | null;
  limit?: number;
  limitBy?: LimitBy;
}

interface BuilderQueryCommon {
  name: string;
  source?: Source;
  stepInterval?: StepInterval;
  disabled?: boolean;
  filter?: Filter;
  groupBy?: FieldKey[] | null;
  order?: OrderBy[] | null;
  selectFields?: FieldKey[] | null;
  limit?: number;
  limitBy?: LimitBy;
  offset?: number;
  cursor?: string;
  having?: Having;
  secondaryAggregations?: SecondaryAggregation[] | null;
  functions?: QueryFunction[] | null;
  legend?: string;
}

export interface MetricsBuilderQuerySpec extends BuilderQueryCommon {
  signal: 'metrics';
  aggregations: MetricAggregation[];
}

export interface LogsBuilderQuerySpec extends BuilderQueryCommon {
  signal: 'logs';
  aggregations: ExpressionAggregation[];
}

export interface TracesBuilderQuerySpec extends BuilderQueryCommon {
  signal: 'traces';
  aggregations: ExpressionAggregation[];
}

export type BuilderQuerySpec = MetricsBuilderQuerySpec | LogsBuilderQuerySpec | TracesBuilderQuerySpec;

export interface FormulaSpec {
  name: string;
  expression: string;
  disabled?: boolean;
  legend?: string;
  limit?: number;
  having?: Having;
  order?: OrderBy[] | null;
  functions?: QueryFunction[] | null;
}

export interface TraceOperatorSpec {
  name: string;
  expression: string;
  filter?: Filter;
  groupBy?: FieldKey[] | null;
  order?: OrderBy[] | null;
  aggregations?: ExpressionAggregation[] | null;
  stepInterval?: StepInterval;
  limit?: number;
  offset?: number;
  cursor?: string;
  having?: Having;
  functions?: QueryFunction[] | null;
  legend?: string;
  disabled?: boolean;
  returnSpansFrom?: string;
  selectFields?: FieldKey[] | null;
}

export interface PromQLSpec {
  name: string;
  query: string;
  legend?: string;
  disabled?: boolean;
  stats?: boolean;
  step?: StepInterval;
}

export interface ClickHouseSqlSpec {
  name: string;
  query: string;
  legend?: string;
  disabled?: boolean;
}

export type QueryEnvelope =
  | { type: 'builder_query'; spec: BuilderQuerySpec }
  | { type: 'builder_formula'; spec: FormulaSpec }
  | { type: 'builder_trace_operator'; spec: TraceOperatorSpec }
  | { type: 'promql'; spec: PromQLSpec }
  | { type: 'clickhouse_sql'; spec: ClickHouseSqlSpec }
  /** A traces builder query; SigNoz validates and runs it (v0.136+), provider 0.0.17's signoz_rule cannot carry it. */
  | { type: 'builder_ai_query'; spec: BuilderQuerySpec }
  /** Accepted by SigNoz's validation, but no querier runs it yet (validation warns). */
  | { type: 'builder_sub_query'; spec: BuilderQuerySpec }
  /** Accepted by SigNoz's validation, but no querier runs it yet (validation warns); not modelled further. */
  | { type: 'builder_join'; spec: JoinSpec };

/** A `builder_join` spec: its name, the rest kept as written. */
export interface JoinSpec {
  name: string;
  [key: string]: unknown;
}

export interface CompositeQuery {
  queryType: CompositeQueryType;
  panelType: PanelType;
  unit?: string;
  queries: QueryEnvelope[];
}

export interface Threshold {
  /** Tier name; SigNoz adds it to alerts as the `threshold.name` label and, lowercased, as `severity`. */
  name: string;
  target: number;
  op: CompareOp;
  matchType: MatchType;
  targetUnit?: string;
  recoveryTarget?: number | null;
  /** Channel names (SigNoz references channels by name). */
  channels?: string[] | null;
}

export interface Thresholds {
  kind: 'basic';
  spec: Threshold[];
}

export interface RuleCondition {
  compositeQuery: CompositeQuery;
  selectedQueryName: string;
  thresholds: Thresholds;
  alertOnAbsent?: boolean;
  /** Minutes without data before the absent-data alert fires. */
  absentFor?: number;
  requireMinPoints?: boolean;
  requiredNumPoints?: number;
  algorithm?: string;
  /** Checked (hourly, daily, weekly) for anomaly rules only, like SigNoz does. */
  seasonality?: string;
}

export interface RollingEvaluation {
  kind: 'rolling';
  spec: { evalWindow: string; frequency: string };
}

export interface CumulativeSchedule {
  type: ScheduleType;
  minute?: number | null;
  hour?: number | null;
  day?: number | null;
  weekday?: number | null;
}

export interface CumulativeEvaluation {
  kind: 'cumulative';
  spec: { schedule: CumulativeSchedule; frequency: string; timezone: string };
}

export type EvaluationEnvelope = RollingEvaluation | CumulativeEvaluation;

export interface Renotify {
  enabled?: boolean;
  interval?: string;
  alertStates?: RenotifyState[] | null;
}

export interface NotificationSettings {
  groupBy?: string[] | null;
  usePolicy?: boolean;
  newGroupEvalDelay?: string;
  renotify?: Renotify;
}

export interface RulePayload {
  alert: string;
  alertType: AlertType;
  ruleType: RuleType;
  description?: string;
  condition: RuleCondition;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disabled?: boolean;
  source?: string;
  /** SigNoz reads a missing version as v5. */
  version?: 'v5';
  schemaVersion: 'v2alpha1';
  evaluation: EvaluationEnvelope;
  notificationSettings: NotificationSettings;
}

/**
 * A rule as JSON, not yet checked: what the codecs decode from Terraform attributes. Only
 * `decodeRule` (constructs/codecs) turns it into a `RulePayload`, after the validator has passed it.
 */
export type RuleJson = Record<string, unknown>;

/** The name a query envelope is known by (`A`, `F1`, ...). */
export function queryName(query: QueryEnvelope): string {
  return query.spec.name;
}

// The JSON Schemas (constructs/validation/schemas) describe these same shapes; `npm run gen` derives
// types from them, and each line fails to compile when the two copies differ.
true satisfies SameShape<RulePayload, FromSchema.RulePayload>;
true satisfies SameShape<RuleCondition, FromSchema.RuleCondition>;
true satisfies SameShape<CompositeQuery, FromSchema.CompositeQuery>;
true satisfies SameShape<Thresholds, FromSchema.Thresholds>;
true satisfies SameShape<Threshold, FromSchema.Threshold>;
true satisfies SameShape<QueryEnvelope, FromSchema.QueryEnvelope>;
true satisfies SameShape<BuilderQuerySpec, FromSchema.BuilderQuery>;
true satisfies SameShape<MetricAggregation, FromSchema.MetricAggregation>;
true satisfies SameShape<ExpressionAggregation, FromSchema.ExpressionAggregation>;
true satisfies SameShape<SecondaryAggregation, FromSchema.SecondaryAggregation>;
true satisfies SameShape<FieldKey, FromSchema.FieldKey>;
true satisfies SameShape<OrderBy, FromSchema.OrderBy>;
true satisfies SameShape<QueryFunction, FromSchema.QueryFunction>;
true satisfies SameShape<FormulaSpec, FromSchema.Formula>;
true satisfies SameShape<TraceOperatorSpec, FromSchema.TraceOperator>;
true satisfies SameShape<PromQLSpec, FromSchema.Promql>;
true satisfies SameShape<ClickHouseSqlSpec, FromSchema.ClickhouseSql>;
true satisfies SameShape<JoinSpec, FromSchema.Join>;
true satisfies SameShape<EvaluationEnvelope, FromSchema.EvaluationEnvelope>;
true satisfies SameShape<CumulativeSchedule, FromSchema.Schedule>;
true satisfies SameShape<NotificationSettings, FromSchema.NotificationSettings>;
