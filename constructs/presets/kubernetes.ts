/**
 * Names the OpenTelemetry Collector's `k8s_cluster` receiver uses: `k8s.container.restarts` (a
 * default gauge of a container's restart count) and the optional resource attribute
 * `k8s.container.status.last_terminated_reason` (e.g. `OOMKilled`), with the usual resource
 * attributes `k8s.namespace.name`, `k8s.pod.name`, `k8s.container.name`. SigNoz's Kubernetes
 * views read the same metric (pkg/modules/inframonitoring/implinframonitoring/containers_constants.go).
 */
import { MetricsQuery } from '../alerts/queries';

export const K8S = {
  restarts: 'k8s.container.restarts',
  lastTerminatedReason: 'k8s.container.status.last_terminated_reason',
  containerKeys: ['k8s.namespace.name', 'k8s.pod.name', 'k8s.container.name'],
} as const;

/**
 * Restarts per container and step: the restart count (its maximum per step and across the series
 * of one container) as a running difference, negative jumps (the kubelet pruning old containers)
 * clamped to zero. Summed over the window (`in_total`) it is the number of restarts in the window.
 */
export function restartsPerStep(name: string, where?: string): MetricsQuery {
  const query = new MetricsQuery(name, K8S.restarts)
    .timeAggregation('max')
    .spaceAggregation('max')
    .groupBy(...K8S.containerKeys);
  return (where ? query.where(where) : query).fn('runningdiff').fn('clampmin', 0);
}
