/**
 * Host memory used: the `used` state of the host metrics receiver's `system.memory.usage` (a
 * default metric) over all its states, per host, as SigNoz's own Hosts list computes it
 * (pkg/modules/inframonitoring/implinframonitoring/hosts_constants.go, queries C and D).
 *
 * ```ts
 * new HostMemoryAlert(stack, 'HostMemory', { channels: ['ops-pager'], tiers: { critical: { target: 97 } } });
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
import type { SameKeys } from '../model/type-equality';

export interface HostMemoryAlertProps extends PresetProps {}

const schema = z.strictObject({ ...presetPropsShape });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, HostMemoryAlertProps>;

/** The `AlertRuleProps` of a host memory alert: used percent per host, tiers on its 10-minute average. */
export function hostMemoryAlertProps(props: HostMemoryAlertProps = {}): AlertRuleProps {
  const memory = (name: string, filter?: string) => {
    const query = new MetricsQuery(name, 'system.memory.usage').timeAggregation('avg').spaceAggregation('sum').groupBy('host.name').disabled();
    const where = allOf(filter, props.where);
    return where ? query.where(where) : query;
  };
  return presetRuleProps(
    {
      name: 'Host memory high',
      queries: [memory('A', "state = 'used'"), memory('B'), new Formula('F1', 'A / B * 100').legend('{{host.name}}')],
      unit: 'percent',
      tiers: { critical: { target: 95 }, warning: { target: 85 } },
      op: 'above',
      matchType: 'on_average',
      evaluation: Evaluation.rolling({ window: '10m', frequency: '1m' }),
      summary: 'Memory on {{$host.name}} is {{$value}} used',
      description: 'Host {{$host.name}} used {{$value}} of its memory on average over the last 10 minutes (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts when a host runs out of memory: critical at 95 %, warning at 85 % (10-minute average). */
export class HostMemoryAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: HostMemoryAlertProps = {}) {
    super(scope, id, hostMemoryAlertProps(parseProps(schema, props, 'HostMemoryAlert', futurePath(scope, id)) as HostMemoryAlertProps));
  }
}
