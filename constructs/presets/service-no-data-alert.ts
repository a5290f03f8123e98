/**
 * No data from a service: SigNoz's absent-data alert (`alertOnAbsent`/`absentFor`) on a count of the
 * service's spans, logs or metric samples. SigNoz decides absence per rule, not per series, so
 * this preset watches one service; create one per service that must keep reporting.
 *
 * ```ts
 * new ServiceNoDataAlert(stack, 'CheckoutSilent', { service: 'checkout', channels: ['payments-pager'] });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { LogsQuery, MetricsQuery, TracesQuery, type IQuery } from '../alerts/queries';
import { parseProps } from '../model/parse-props';
import { allOf, futurePath, presetRuleProps, quoted, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import type { SameKeys, SameShape } from '../model/type-equality';

export interface ServiceNoDataAlertProps extends PresetProps {
  /** The service (`service.name`) that must keep sending data. */
  readonly service: string;
  /** What the service sends: `traces`, `logs`, or `metrics` (then give `metricName`). @default 'traces' */
  readonly signal?: 'traces' | 'logs' | 'metrics';
  /** The metric to watch when `signal` is `metrics`. */
  readonly metricName?: string;
  /** How long the service may stay silent. @default '10m' */
  readonly absentFor?: string;
}

const schema = z
  .strictObject({
    ...presetPropsShape,
    service: z.string({ error: 'is required: the service.name that must keep sending data' }).trim().min(1, 'must not be empty'),
    signal: z.enum(['traces', 'logs', 'metrics']).optional(),
    metricName: z.string().trim().min(1, 'must not be empty').optional(),
    absentFor: z.string().optional(),
  })
  .superRefine((props, ctx) => {
    if (props.signal === 'metrics' && props.metricName === undefined) ctx.addIssue({ code: 'custom', path: ['metricName'], message: "is required when signal is 'metrics'" });
    if (props.signal !== 'metrics' && props.metricName !== undefined) ctx.addIssue({ code: 'custom', path: ['metricName'], message: "only applies to signal 'metrics'" });
  });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, ServiceNoDataAlertProps>;
true satisfies SameShape<Omit<z.input<typeof schema>, keyof PresetProps>, Omit<ServiceNoDataAlertProps, keyof PresetProps>>;

function countQuery(props: ServiceNoDataAlertProps, filter: string): IQuery {
  switch (props.signal ?? 'traces') {
    case 'logs':
      return new LogsQuery('A').count().where(filter);
    case 'metrics':
      return new MetricsQuery('A', props.metricName!).timeAggregation('count').spaceAggregation('sum').where(filter);
    default:
      return new TracesQuery('A').count().where(filter);
  }
}

/** The `AlertRuleProps` of a no-data alert: fires only when the service's count returns no data for `absentFor`. */
export function serviceNoDataAlertProps(props: ServiceNoDataAlertProps): AlertRuleProps {
  const filter = allOf(`service.name = ${quoted(props.service)}`, props.where)!;
  const signal = props.signal ?? 'traces';
  return presetRuleProps(
    {
      name: `${props.service} sends no ${signal}`,
      queries: [countQuery(props, filter)],
      // The count is never below zero: only the absent-data condition can fire.
      tiers: { critical: { target: 0 } },
      op: 'below',
      matchType: 'at_least_once',
      absentFor: props.absentFor ?? '10m',
      evaluation: Evaluation.rolling({ window: '5m', frequency: '1m' }),
      summary: `${props.service} has sent no ${signal}`,
      description: `No ${signal} from service ${props.service} for ${props.absentFor ?? '10m'}: the service, its instrumentation or the collector pipeline may be down.`,
    },
    props,
  );
}

/** Alerts (critical) when a service sends no spans, logs or metric samples for 10 minutes. */
export class ServiceNoDataAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: ServiceNoDataAlertProps) {
    super(scope, id, serviceNoDataAlertProps(parseProps(schema, props, 'ServiceNoDataAlert', futurePath(scope, id)) as ServiceNoDataAlertProps));
  }
}
