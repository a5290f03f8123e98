/**
 * Typed builders for the queries of an alert condition. Required inputs go in the constructor,
 * optional ones in fluent setters; `toEnvelope()` returns the plain v5 query envelope.
 *
 * ```ts
 * new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max')
 *   .where("service.name = 'checkout'").groupBy('host.name');
 * new LogsQuery('A').count().where("severity_text = 'ERROR'");
 * new Formula('F1', 'A / B * 100');
 * ```
 */
import type { FunctionName, OrderDirection, ReduceTo, Signal, Source, SpaceAggregation, Temporality, TimeAggregation } from '../model/enums';
import type { ExpressionAggregation, FieldKey, MetricAggregation, OrderBy, QueryEnvelope, QueryFunction, StepInterval } from '../model/rule-payload';

/** Anything that yields one query of an alert condition. */
export interface IQuery {
  /** The query name other parts refer to (`A`, `B`, `F1`, ...). */
  readonly name: string;
  /** The v5 query envelope. */
  toEnvelope(): QueryEnvelope;
}

/** A group-by or order key: a bare attribute name or a full field key. */
export type FieldKeyInput = string | FieldKey;

function fieldKey(key: FieldKeyInput): FieldKey {
  return typeof key === 'string' ? { name: key } : { ...key };
}

function definedEntries<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What every builder (signal) query can set. */
abstract class BuilderQueryBase<Self> implements IQuery {
  protected filterExpression?: string;
  protected readonly groupKeys: FieldKey[] = [];
  protected readonly orderKeys: OrderBy[] = [];
  protected readonly fns: QueryFunction[] = [];
  protected havingExpression?: string;
  protected step?: StepInterval;
  protected isDisabled?: boolean;
  protected legendText?: string;
  protected limitValue?: number;
  protected sourceValue?: Source;

  constructor(readonly name: string) {}

  abstract toEnvelope(): QueryEnvelope;

  private self(): Self {
    return this as unknown as Self;
  }

  /** Filter expression in SigNoz's query syntax, e.g. `service.name = 'checkout' AND http.status_code >= 500`. */
  where(expression: string): Self {
    this.filterExpression = expression;
    return this.self();
  }

  /** Group the result series by these attributes (each becomes an alert label). */
  groupBy(...keys: FieldKeyInput[]): Self {
    this.groupKeys.push(...keys.map(fieldKey));
    return this.self();
  }

  orderBy(key: FieldKeyInput, direction: OrderDirection = 'desc'): Self {
    this.orderKeys.push({ key: fieldKey(key), direction });
    return this.self();
  }

  /** Apply a query function, e.g. `.fn('ewma5')`, `.fn('timeshift', 3600)`, `.fn('clampmin', 0)`. */
  fn(name: FunctionName, ...args: (number | string)[]): Self {
    this.fns.push(args.length > 0 ? { name, args: args.map((value) => ({ value })) } : { name });
    return this.self();
  }

  /** Keep only series whose aggregate satisfies this expression, e.g. `count() > 10`. */
  having(expression: string): Self {
    this.havingExpression = expression;
    return this.self();
  }

  /** Step interval: seconds, or a duration such as `1m`. */
  stepInterval(step: StepInterval): Self {
    this.step = step;
    return this.self();
  }

  /** Compute the query but do not alert on it directly (typical for the inputs of a formula). */
  disabled(disabled = true): Self {
    this.isDisabled = disabled;
    return this.self();
  }

  legend(text: string): Self {
    this.legendText = text;
    return this.self();
  }

  /** Keep at most this many series. */
  limit(count: number): Self {
    this.limitValue = count;
    return this.self();
  }

  protected common(signal: Signal): Record<string, unknown> {
    return definedEntries({
      name: this.name,
      signal,
      source: this.sourceValue,
      stepInterval: this.step,
      disabled: this.isDisabled,
      filter: this.filterExpression !== undefined ? { expression: this.filterExpression } : undefined,
      groupBy: this.groupKeys.length > 0 ? this.groupKeys.map((k) => ({ ...k })) : undefined,
      order: this.orderKeys.length > 0 ? this.orderKeys.map((o) => ({ key: { ...o.key }, direction: o.direction })) : undefined,
      having: this.havingExpression !== undefined ? { expression: this.havingExpression } : undefined,
      functions: this.fns.length > 0 ? this.fns.map((f) => ({ ...f, ...(f.args ? { args: f.args.map((a) => ({ ...a })) } : {}) })) : undefined,
      legend: this.legendText,
      limit: this.limitValue,
    });
  }
}

/** Options of one metric aggregation. */
export interface MetricAggregationOptions {
  /** @default - the server's default for the metric type */
  readonly timeAggregation?: TimeAggregation;
  /** Required by SigNoz: set it here or with `.spaceAggregation()`, or the rule fails validation. */
  readonly spaceAggregation?: SpaceAggregation;
  /** @default - as stored for the metric */
  readonly temporality?: Temporality;
  /** @default - not reduced (alerting reduces by match type) */
  readonly reduceTo?: ReduceTo;
}

/** A metrics builder query: one metric, aggregated over time and then across series. */
export class MetricsQuery extends BuilderQueryBase<MetricsQuery> {
  // Space aggregation may come later from `.spaceAggregation()`; rule validation reports it if it never does.
  private readonly aggregations: (Omit<MetricAggregation, 'spaceAggregation'> & { spaceAggregation?: SpaceAggregation })[];

  constructor(name: string, metricName: string, options: MetricAggregationOptions = {}) {
    super(name);
    this.aggregations = [definedEntries({ metricName, ...options })];
  }

  private first(): MetricsQuery['aggregations'][number] {
    return this.aggregations[0]!;
  }

  timeAggregation(aggregation: TimeAggregation): MetricsQuery {
    this.first().timeAggregation = aggregation;
    return this;
  }

  spaceAggregation(aggregation: SpaceAggregation): MetricsQuery {
    this.first().spaceAggregation = aggregation;
    return this;
  }

  temporality(temporality: Temporality): MetricsQuery {
    this.first().temporality = temporality;
    return this;
  }

  reduceTo(reduceTo: ReduceTo): MetricsQuery {
    this.first().reduceTo = reduceTo;
    return this;
  }

  /** Read the metric from SigNoz's meter source instead of the default metrics source. */
  fromMeter(): MetricsQuery {
    this.sourceValue = 'meter';
    return this;
  }

  toEnvelope(): QueryEnvelope {
    return {
      type: 'builder_query',
      spec: { ...this.common('metrics'), signal: 'metrics', aggregations: this.aggregations.map((a) => ({ ...a })) } as never,
    };
  }
}

/** Shared by logs and traces queries, whose aggregations are expressions. */
abstract class ExpressionQuery<Self> extends BuilderQueryBase<Self> {
  protected readonly aggregations: ExpressionAggregation[] = [];

  /** Aggregate with an expression such as `count()`, `count_distinct(user.id)` or `p99(duration_nano)`. */
  aggregate(expression: string, alias?: string): Self {
    this.aggregations.push(definedEntries({ expression, alias }));
    return this as unknown as Self;
  }

  /** `count()` */
  count(): Self {
    return this.aggregate('count()');
  }

  /** `count_distinct(<field>)` */
  countDistinct(field: string): Self {
    return this.aggregate(`count_distinct(${field})`);
  }

  protected envelope(signal: 'logs' | 'traces'): QueryEnvelope {
    return {
      type: 'builder_query',
      spec: { ...this.common(signal), signal, aggregations: this.aggregations.map((a) => ({ ...a })) } as never,
    };
  }
}

/** A logs builder query. Add an aggregation, e.g. `.count()`. */
export class LogsQuery extends ExpressionQuery<LogsQuery> {
  toEnvelope(): QueryEnvelope {
    return this.envelope('logs');
  }
}

/** A traces builder query. Add an aggregation, e.g. `.p99('duration_nano')` or `.count()`. */
export class TracesQuery extends ExpressionQuery<TracesQuery> {
  /** `p<quantile>(<field>)`, e.g. `p99(duration_nano)`. */
  percentile(quantile: 50 | 75 | 90 | 95 | 99, field = 'duration_nano'): TracesQuery {
    return this.aggregate(`p${quantile}(${field})`);
  }

  p99(field = 'duration_nano'): TracesQuery {
    return this.percentile(99, field);
  }

  toEnvelope(): QueryEnvelope {
    return this.envelope('traces');
  }
}

/** A formula over other queries, e.g. an error rate `A / B * 100`. */
export class Formula implements IQuery {
  private legendText?: string;
  private isDisabled?: boolean;
  private readonly fns: QueryFunction[] = [];

  constructor(
    readonly name: string,
    readonly expression: string,
  ) {}

  legend(text: string): Formula {
    this.legendText = text;
    return this;
  }

  disabled(disabled = true): Formula {
    this.isDisabled = disabled;
    return this;
  }

  fn(name: FunctionName, ...args: (number | string)[]): Formula {
    this.fns.push(args.length > 0 ? { name, args: args.map((value) => ({ value })) } : { name });
    return this;
  }

  toEnvelope(): QueryEnvelope {
    return {
      type: 'builder_formula',
      spec: definedEntries({
        name: this.name,
        expression: this.expression,
        legend: this.legendText,
        disabled: this.isDisabled,
        functions: this.fns.length > 0 ? this.fns.map((f) => ({ ...f })) : undefined,
      }),
    };
  }
}

/** A PromQL query. */
export class PromQLQuery implements IQuery {
  private legendText?: string;
  private stepValue?: StepInterval;
  private isDisabled?: boolean;

  constructor(
    readonly name: string,
    readonly query: string,
  ) {}

  legend(text: string): PromQLQuery {
    this.legendText = text;
    return this;
  }

  /** Query resolution step: seconds, or a duration such as `1m`. */
  step(step: StepInterval): PromQLQuery {
    this.stepValue = step;
    return this;
  }

  disabled(disabled = true): PromQLQuery {
    this.isDisabled = disabled;
    return this;
  }

  toEnvelope(): QueryEnvelope {
    return {
      type: 'promql',
      spec: definedEntries({ name: this.name, query: this.query, legend: this.legendText, step: this.stepValue, disabled: this.isDisabled }),
    };
  }
}

/** A ClickHouse SQL query (returns time series with a `value` column). */
export class ClickHouseQuery implements IQuery {
  private legendText?: string;
  private isDisabled?: boolean;

  constructor(
    readonly name: string,
    readonly query: string,
  ) {}

  legend(text: string): ClickHouseQuery {
    this.legendText = text;
    return this;
  }

  disabled(disabled = true): ClickHouseQuery {
    this.isDisabled = disabled;
    return this;
  }

  toEnvelope(): QueryEnvelope {
    return {
      type: 'clickhouse_sql',
      spec: definedEntries({ name: this.name, query: this.query, legend: this.legendText, disabled: this.isDisabled }),
    };
  }
}

/** A trace operator over trace queries, e.g. `A => B` (spans of A with a descendant in B). */
export class TraceOperatorQuery extends ExpressionQuery<TraceOperatorQuery> {
  constructor(
    name: string,
    readonly expression: string,
  ) {
    super(name);
  }

  toEnvelope(): QueryEnvelope {
    const { signal: _signal, source: _source, ...common } = this.common('traces');
    return {
      type: 'builder_trace_operator',
      spec: {
        ...common,
        name: this.name,
        expression: this.expression,
        ...(this.aggregations.length > 0 ? { aggregations: this.aggregations.map((a) => ({ ...a })) } : {}),
      },
    };
  }
}
