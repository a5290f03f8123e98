/**
 * Kubernetes OOM kills: container restarts whose last termination reason is `OOMKilled`. Query A
 * counts restarts per container and step (as `PodRestartsAlert`); query B is 1 for a container whose
 * `k8s.container.status.last_terminated_reason` resource attribute is `OOMKilled` (0 otherwise: a
 * missing count defaults to zero in SigNoz formulas); `A * B` keeps the OOM restarts. A plain filter
 * on the reason would miss the first OOM kill: the attribute changes with that very restart, which
 * starts a new series whose first point has nothing to diff against.
 *
 * Needs the `k8s_cluster` receiver's optional resource attribute
 * `k8s.container.status.last_terminated_reason` enabled.
 *
 * ```ts
 * new OomKilledAlert(stack, 'OomKills', { channels: ['platform-alerts'] });
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
import { K8S, restartsPerStep } from './kubernetes';
import type { SameKeys } from '../model/type-equality';

export interface OomKilledAlertProps extends PresetProps {}

const schema = z.strictObject({ ...presetPropsShape });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, OomKilledAlertProps>;

/** The `AlertRuleProps` of an OOM-kill alert: OOM restarts per container, tiers on the 15-minute total. */
export function oomKilledAlertProps(props: OomKilledAlertProps = {}): AlertRuleProps {
  const oomFilter = allOf(`${K8S.lastTerminatedReason} = 'OOMKilled'`, props.where)!;
  const lastReasonIsOom = new MetricsQuery('B', K8S.restarts)
    .timeAggregation('count')
    .spaceAggregation('max')
    .groupBy(...K8S.containerKeys)
    .where(oomFilter)
    .fn('clampmax', 1)
    .disabled();
  return presetRuleProps(
    {
      name: 'Containers OOM killed',
      queries: [restartsPerStep('A', props.where).disabled(), lastReasonIsOom, new Formula('F1', 'A * B').legend('{{k8s.namespace.name}}/{{k8s.pod.name}}/{{k8s.container.name}}')],
      tiers: { warning: { target: 0 } },
      op: 'above',
      matchType: 'in_total',
      evaluation: Evaluation.rolling({ window: '15m', frequency: '1m' }),
      summary: '{{$k8s.pod.name}}/{{$k8s.container.name}} was OOM killed',
      description:
        'Container {{$k8s.container.name}} of pod {{$k8s.pod.name}} in namespace {{$k8s.namespace.name}} was killed for running out of memory {{$value}} times in the last 15 minutes; raise its memory limit or find the leak.',
    },
    props,
  );
}

/** Alerts (warning) when a container is OOM killed. */
export class OomKilledAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: OomKilledAlertProps = {}) {
    super(scope, id, oomKilledAlertProps(parseProps(schema, props, 'OomKilledAlert', futurePath(scope, id)) as OomKilledAlertProps));
  }
}
