/**
 * Error rate per service from SigNoz's span metrics: failed calls over all calls of
 * `signoz_calls_total`, in percent, per `service.name`, the way SigNoz's service overview computes
 * "Error Percentage" (rate of calls with `status.code = 'STATUS_CODE_ERROR'` over the rate of all
 * calls). Only server spans by default, so a service's outgoing calls do not count as its errors.
 *
 * ```ts
 * new ServiceErrorRateAlert(stack, 'CheckoutErrors', { service: 'checkout', channels: ['payments-pager'] });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { Formula, MetricsQuery } from '../alerts/queries';
import { parseProps } from '../model/parse-props';
import { allOf, futurePath, presetRuleProps, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import { callsFilter, errorFilter, SPAN_KINDS, SPAN_METRICS, type ErrorDefinition, type SpanKind } from './span-metrics';
import type { SameKeys, SameShape } from '../model/type-equality';

export interface ServiceErrorRateAlertProps extends PresetProps {
  /** The service (`service.name`) to watch. @default - every service, one alert per service */
  readonly service?: string;
  /** `span-status`: spans with status ERROR; `http-5xx`: `http.status_code >= 500`. @default 'span-status' */
  readonly errors?: ErrorDefinition;
  /** Span kinds that count as the service's requests. @default ['SPAN_KIND_SERVER'] */
  readonly spanKinds?: readonly SpanKind[];
}

const schema = z.strictObject({
  ...presetPropsShape,
  service: z.string().trim().min(1, 'must not be empty; leave it out to watch every service').optional(),
  errors: z.enum(['span-status', 'http-5xx']).optional(),
  spanKinds: z.array(z.enum(SPAN_KINDS as [SpanKind, ...SpanKind[]])).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, ServiceErrorRateAlertProps>;
true satisfies SameShape<Omit<z.input<typeof schema>, keyof PresetProps>, Omit<ServiceErrorRateAlertProps, keyof PresetProps>>;

/** The `AlertRuleProps` of a service error-rate alert: percent of failed calls, tiers on the 5-minute average. */
export function serviceErrorRateAlertProps(props: ServiceErrorRateAlertProps = {}): AlertRuleProps {
  const base = callsFilter(props.service, props.spanKinds ?? ['SPAN_KIND_SERVER'], props.where);
  const calls = (name: string, filter?: string) => {
    const query = new MetricsQuery(name, SPAN_METRICS.calls).timeAggregation('rate').spaceAggregation('sum').groupBy('service.name').disabled();
    const where = allOf(base, filter);
    return where ? query.where(where) : query;
  };
  return presetRuleProps(
    {
      name: props.service !== undefined ? `${props.service} error rate high` : 'Service error rate high',
      queries: [calls('A', errorFilter(props.errors ?? 'span-status')), calls('B'), new Formula('F1', 'A / B * 100').legend('{{service.name}}')],
      unit: 'percent',
      tiers: { critical: { target: 5 }, warning: { target: 1 } },
      op: 'above',
      matchType: 'on_average',
      evaluation: Evaluation.rolling({ window: '5m', frequency: '1m' }),
      summary: '{{$service.name}} fails {{$value}} of its requests',
      description: 'Service {{$service.name}} failed {{$value}} of its requests over the last 5 minutes (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts on the share of failed requests per service: critical at 5 %, warning at 1 % (5-minute average). */
export class ServiceErrorRateAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: ServiceErrorRateAlertProps = {}) {
    super(scope, id, serviceErrorRateAlertProps(parseProps(schema, props, 'ServiceErrorRateAlert', futurePath(scope, id)) as ServiceErrorRateAlertProps));
  }
}
