/**
 * Host CPU busy: the share of CPU time not spent idle, per host, from the OpenTelemetry host
 * metrics receiver's `system.cpu.time` (a default metric; `system.cpu.utilization` is optional and
 * often absent). The query is the one SigNoz's own Hosts list uses
 * (pkg/modules/inframonitoring/implinframonitoring/hosts_constants.go: rate of `system.cpu.time`
 * with `state != 'idle'` over the rate of all states, grouped by the `host.name` resource attribute).
 *
 * ```ts
 * new HostCpuAlert(stack, 'HostCpu', { channels: ['ops-pager'] });
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

export interface HostCpuAlertProps extends PresetProps {}

const schema = z.strictObject({ ...presetPropsShape });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, HostCpuAlertProps>;

/** The `AlertRuleProps` of a host CPU alert: busy percent per host, tiers on its 10-minute average. */
export function hostCpuAlertProps(props: HostCpuAlertProps = {}): AlertRuleProps {
  const cpuTime = (name: string, filter?: string) => {
    const query = new MetricsQuery(name, 'system.cpu.time').timeAggregation('rate').spaceAggregation('sum').groupBy('host.name').disabled();
    const where = allOf(filter, props.where);
    return where ? query.where(where) : query;
  };
  return presetRuleProps(
    {
      name: 'Host CPU high',
      queries: [cpuTime('A', "state != 'idle'"), cpuTime('B'), new Formula('F1', 'A / B * 100').legend('{{host.name}}')],
      unit: 'percent',
      tiers: { critical: { target: 90 }, warning: { target: 80 } },
      op: 'above',
      matchType: 'on_average',
      evaluation: Evaluation.rolling({ window: '10m', frequency: '1m' }),
      summary: 'CPU on {{$host.name}} is {{$value}} busy',
      description: 'Host {{$host.name}} spent {{$value}} of its CPU time outside idle over the last 10 minutes (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts when a host's CPU stays busy: critical at 90 %, warning at 80 % (10-minute average). */
export class HostCpuAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: HostCpuAlertProps = {}) {
    super(scope, id, hostCpuAlertProps(parseProps(schema, props, 'HostCpuAlert', futurePath(scope, id)) as HostCpuAlertProps));
  }
}
