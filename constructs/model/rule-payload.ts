/**
 * The canonical alert rule: the JSON body the SigNoz rules API takes (schema version `v2alpha1`,
 * query format `v5`). Every other shape (the `signoz_rule` attribute tree, the legacy
 * `signoz_alert` JSON strings, SigNoz UI exports) is a codec over this one.
 */
import type {
  AlertType, CompareOp, CompositeQueryType, FieldContext, FieldDataType, FunctionName, MatchType, OrderDirection,
  PanelType, ReduceTo, RenotifyState, RuleType, ScheduleType, Seasonality, Source, SpaceAggregation, Temporality,
  TimeAggregation,
} from './enums';

/** A step interval: seconds as a number, or a Go duration string such as `"1m"`. */
export type StepInterval = number | string;

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
  value: number | string;
}

export interface QueryFunction {
  name: FunctionName;
  args?: FunctionArg[];
}

export interface Filter {
  expression: string;
}

export interface Having {
  expression: string;
}

export interface LimitBy {
  keys: string[];
  value: string;
}

export interface MetricAggregation {
  metricName: string;
  temporality?: Temporality;
  timeAggregation?: TimeAggregation;
  spaceAggregation?: SpaceAggregation;
  reduceTo?: ReduceTo;
  comparisonSpaceAggregationParam?: { operator: string; threshold: number };
}

/** Logs and traces aggregations are expressions such as `count()` or `p99(duration_nano)`. */
export interface ExpressionAggregation {
  expression: string;
  alias?: string;
}

export interface SecondaryAggregation {
  expression?: string;
  alias?: string;
  stepInterval?: StepInterval;
  groupBy?: FieldKey[];
  order?: OrderBy[];
  limit?: number;
  limitBy?: LimitBy;
}

interface BuilderQueryCommon {
  name: string;
  source?: Source;
  stepInterval?: StepInterval;
  disabled?: boolean;
  filter?: Filter;
  groupBy?: FieldKey[];
  order?: OrderBy[];
  selectFields?: FieldKey[];
  limit?: number;
  limitBy?: LimitBy;
  offset?: number;
  cursor?: string;
  having?: Having;
  secondaryAggregations?: SecondaryAggregation[];
  functions?: QueryFunction[];
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
  order?: OrderBy[];
  functions?: QueryFunction[];
}

export interface TraceOperatorSpec {
  name: string;
  expression: string;
  filter?: Filter;
  groupBy?: FieldKey[];
  order?: OrderBy[];
  aggregations?: ExpressionAggregation[];
  stepInterval?: StepInterval;
  limit?: number;
  offset?: number;
  cursor?: string;
  having?: Having;
  functions?: QueryFunction[];
  legend?: string;
  disabled?: boolean;
  returnSpansFrom?: string;
  selectFields?: FieldKey[];
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
  | { type: 'clickhouse_sql'; spec: ClickHouseSqlSpec };

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
  channels?: string[];
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
  seasonality?: Seasonality;
}

export interface RollingEvaluation {
  kind: 'rolling';
  spec: { evalWindow: string; frequency: string };
}

export interface CumulativeSchedule {
  type: ScheduleType;
  minute?: number;
  hour?: number;
  day?: number;
  weekday?: number;
}

export interface CumulativeEvaluation {
  kind: 'cumulative';
  spec: { schedule: CumulativeSchedule; frequency: string; timezone: string };
}

export type EvaluationEnvelope = RollingEvaluation | CumulativeEvaluation;

export interface Renotify {
  enabled: boolean;
  interval?: string;
  alertStates?: RenotifyState[];
}

export interface NotificationSettings {
  groupBy?: string[];
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
  version: 'v5';
  schemaVersion: 'v2alpha1';
  evaluation: EvaluationEnvelope;
  notificationSettings: NotificationSettings;
}

/** The name a query envelope is known by (`A`, `F1`, ...). */
export function queryName(query: QueryEnvelope): string {
  return query.spec.name;
}
