/**
 * Kubernetes container restarts: how often a container restarted in the window, per namespace, pod
 * and container, from the `k8s_cluster` receiver's `k8s.container.restarts`. The receiver warns
 * that the absolute count can be reset when the kubelet prunes dead containers, so the preset
 * counts increases only.
 *
 * ```ts
 * new PodRestartsAlert(stack, 'Restarts', { channels: ['platform-alerts'], where: "k8s.namespace.name = 'shop'" });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { parseProps } from '../model/parse-props';
import { futurePath, presetRuleProps, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import { restartsPerStep } from './kubernetes';
import type { SameKeys } from '../model/type-equality';

export interface PodRestartsAlertProps extends PresetProps {}

const schema = z.strictObject({ ...presetPropsShape });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, PodRestartsAlertProps>;

/** The `AlertRuleProps` of a restarts alert: restarts per container, tiers on the 15-minute total. */
export function podRestartsAlertProps(props: PodRestartsAlertProps = {}): AlertRuleProps {
  return presetRuleProps(
    {
      name: 'Pod containers restarting',
      queries: [restartsPerStep('A', props.where).legend('{{k8s.namespace.name}}/{{k8s.pod.name}}/{{k8s.container.name}}')],
      // critical: 3 or more restarts in 15 minutes, the pace of a container in CrashLoopBackOff
      tiers: { critical: { target: 2 }, warning: { target: 0 } },
      op: 'above',
      matchType: 'in_total',
      evaluation: Evaluation.rolling({ window: '15m', frequency: '1m' }),
      summary: '{{$k8s.pod.name}}/{{$k8s.container.name}} restarted {{$value}} times',
      description:
        'Container {{$k8s.container.name}} of pod {{$k8s.pod.name}} in namespace {{$k8s.namespace.name}} restarted {{$value}} times in the last 15 minutes (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts when containers restart: warning on any restart, critical from 3 restarts in 15 minutes. */
export class PodRestartsAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: PodRestartsAlertProps = {}) {
    super(scope, id, podRestartsAlertProps(parseProps(schema, props, 'PodRestartsAlert', futurePath(scope, id)) as PodRestartsAlertProps));
  }
}
