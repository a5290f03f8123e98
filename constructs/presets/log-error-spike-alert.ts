/**
 * Error log spike: the number of logs at error severity or worse per service in the window. The
 * severity is read from `severity_number`, the OpenTelemetry logs data model's numeric severity
 * (ERROR is 17-20, FATAL 21-24), which SigNoz stores as an intrinsic log field; unlike
 * `severity_text` it does not depend on how a logging library spells the level.
 *
 * ```ts
 * new LogErrorSpikeAlert(stack, 'CheckoutLogErrors', { service: 'checkout', channels: ['payments-alerts'] });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { LogsQuery } from '../alerts/queries';
import { parseProps } from '../model/parse-props';
import { allOf, futurePath, presetRuleProps, quoted, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import type { SameKeys, SameShape } from '../model/type-equality';

/** Lowest OpenTelemetry `severity_number` of each level (logs data model). */
export const LOG_SEVERITY_NUMBERS = { error: 17, fatal: 21 } as const;

export interface LogErrorSpikeAlertProps extends PresetProps {
  /** The service (`service.name`) to watch. @default - every service, one alert per service */
  readonly service?: string;
  /** Lowest severity that counts. @default 'error' */
  readonly minSeverity?: keyof typeof LOG_SEVERITY_NUMBERS;
}

const schema = z.strictObject({
  ...presetPropsShape,
  service: z.string().trim().min(1, 'must not be empty; leave it out to watch every service').optional(),
  minSeverity: z.enum(['error', 'fatal']).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, LogErrorSpikeAlertProps>;
true satisfies SameShape<Omit<z.input<typeof schema>, keyof PresetProps>, Omit<LogErrorSpikeAlertProps, keyof PresetProps>>;

/** The `AlertRuleProps` of an error-log alert: error logs per service, tiers on the 5-minute total. */
export function logErrorSpikeAlertProps(props: LogErrorSpikeAlertProps = {}): AlertRuleProps {
  const minimum = LOG_SEVERITY_NUMBERS[props.minSeverity ?? 'error'];
  const filter = allOf(`severity_number >= ${minimum}`, props.service !== undefined ? `service.name = ${quoted(props.service)}` : undefined, props.where);
  return presetRuleProps(
    {
      name: props.service !== undefined ? `${props.service} error logs spiking` : 'Error logs spiking',
      queries: [new LogsQuery('A').count().where(filter!).groupBy('service.name').legend('{{service.name}}')],
      tiers: { critical: { target: 500 }, warning: { target: 100 } },
      op: 'above',
      matchType: 'in_total',
      evaluation: Evaluation.rolling({ window: '5m', frequency: '1m' }),
      summary: '{{$service.name}} wrote {{$value}} error logs in 5 minutes',
      description: 'Service {{$service.name}} wrote {{$value}} logs at error severity or worse over the last 5 minutes (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts when a service logs many errors: critical above 500, warning above 100 per 5 minutes. */
export class LogErrorSpikeAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: LogErrorSpikeAlertProps = {}) {
    super(scope, id, logErrorSpikeAlertProps(parseProps(schema, props, 'LogErrorSpikeAlert', futurePath(scope, id)) as LogErrorSpikeAlertProps));
  }
}
