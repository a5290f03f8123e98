/**
 * Request latency per service from SigNoz's span metrics: a percentile (p99 by default) of the
 * `signoz_latency` histogram (milliseconds, queried as `signoz_latency.bucket` with a percentile
 * space aggregation, as SigNoz's service overview draws its p50/p90/p99 latency), per
 * `service.name`, server spans only by default.
 *
 * ```ts
 * new ServiceLatencyAlert(stack, 'CheckoutLatency', { service: 'checkout', channels: ['payments-pager'],
 *   tiers: { critical: { target: 1500 } } });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { MetricsQuery } from '../alerts/queries';
import { parseProps } from '../model/parse-props';
import { futurePath, presetRuleProps, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import { callsFilter, SPAN_KINDS, SPAN_METRICS, type SpanKind } from './span-metrics';
import type { SameKeys, SameShape } from '../model/type-equality';

export type LatencyPercentile = 'p50' | 'p75' | 'p90' | 'p95' | 'p99';

export interface ServiceLatencyAlertProps extends PresetProps {
  /** The service (`service.name`) to watch. @default - every service, one alert per service */
  readonly service?: string;
  /** @default 'p99' */
  readonly percentile?: LatencyPercentile;
  /** Span kinds that count as the service's requests. @default ['SPAN_KIND_SERVER'] */
  readonly spanKinds?: readonly SpanKind[];
}

const schema = z.strictObject({
  ...presetPropsShape,
  service: z.string().trim().min(1, 'must not be empty; leave it out to watch every service').optional(),
  percentile: z.enum(['p50', 'p75', 'p90', 'p95', 'p99']).optional(),
  spanKinds: z.array(z.enum(SPAN_KINDS as [SpanKind, ...SpanKind[]])).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, ServiceLatencyAlertProps>;
true satisfies SameShape<Omit<z.input<typeof schema>, keyof PresetProps>, Omit<ServiceLatencyAlertProps, keyof PresetProps>>;

/** The `AlertRuleProps` of a latency alert: a percentile in ms per service, tiers on the 5-minute average. */
export function serviceLatencyAlertProps(props: ServiceLatencyAlertProps = {}): AlertRuleProps {
  const percentile = props.percentile ?? 'p99';
  const filter = callsFilter(props.service, props.spanKinds ?? ['SPAN_KIND_SERVER'], props.where);
  const latency = new MetricsQuery('A', SPAN_METRICS.latencyBuckets).spaceAggregation(percentile).groupBy('service.name').legend('{{service.name}}');
  return presetRuleProps(
    {
      name: props.service !== undefined ? `${props.service} ${percentile} latency high` : `Service ${percentile} latency high`,
      queries: [filter ? latency.where(filter) : latency],
      unit: 'ms',
      tiers: { critical: { target: 2000 }, warning: { target: 1000 } },
      op: 'above',
      matchType: 'on_average',
      evaluation: Evaluation.rolling({ window: '5m', frequency: '1m' }),
      summary: `{{$service.name}} ${percentile} latency is {{$value}}`,
      description: `The ${percentile} latency of {{$service.name}} averaged {{$value}} over the last 5 minutes (threshold {{$threshold}}).`,
    },
    props,
  );
}

/** Alerts on slow requests per service: p99 critical at 2 s, warning at 1 s (5-minute average). */
export class ServiceLatencyAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: ServiceLatencyAlertProps = {}) {
    super(scope, id, serviceLatencyAlertProps(parseProps(schema, props, 'ServiceLatencyAlert', futurePath(scope, id)) as ServiceLatencyAlertProps));
  }
}
