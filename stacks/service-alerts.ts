/**
 * The alerts every service of the example estate gets: CPU and memory (metrics), error rate
 * (a formula over two log queries), p99 latency (traces), 5xx ratio (PromQL) and "no data".
 * One definition, reused for each service: a change here changes every service's alerts.
 */
import { type AlertRule, Formula, LogsQuery, MetricsQuery, PromQLQuery, TracesQuery, type EstateScope } from '../constructs';
import type { EstateChannels } from './channels';

export interface ServiceSpec {
  /** `service.name` of the service's telemetry, e.g. `checkout`. */
  readonly name: string;
  readonly team: string;
  /** p99 latency targets, in milliseconds. */
  readonly latencyMs: { readonly warning: number; readonly critical: number };
  /** Route alerts through route policies instead of naming channels on each tier. @default false */
  readonly policyRouted?: boolean;
}

const runbook = (service: string, alert: string) => `https://runbooks.example.com/shop/${service}/${alert}`;

export function serviceAlerts(estate: EstateScope, service: ServiceSpec, channels: EstateChannels): AlertRule[] {
  const id = (alert: string) => `${service.name}/${alert}`;
  const labels = { team: service.team, service: service.name };
  const where = `service.name = '${service.name}'`;
  const paging = { channels: [channels.pager, channels.incidentBot] };
  const team = { channels: [channels.slack] };
  return [
    estate.alert(id('cpu'), {
      name: `${service.name}: CPU saturated`,
      queries: [
        new MetricsQuery('A', 'k8s.pod.cpu.utilization').timeAggregation('avg').spaceAggregation('max').where(`k8s.deployment.name = '${service.name}'`).groupBy('k8s.pod.name'),
      ],
      unit: 'percentunit',
      matchType: 'on_average',
      evaluation: { kind: 'rolling', spec: { evalWindow: '10m', frequency: '1m' } },
      tiers: { critical: { target: 0.9, recoveryTarget: 0.8, ...paging }, warning: { target: 0.75, ...team } },
      labels,
      runbook: runbook(service.name, 'cpu'),
      summary: 'CPU of {{$labels.k8s_pod_name}} at {{$value}} (threshold {{$threshold}})',
    }),
    estate.alert(id('memory'), {
      name: `${service.name}: memory near limit`,
      queries: [
        new MetricsQuery('A', 'k8s.container.memory_limit_utilization')
          .timeAggregation('max')
          .spaceAggregation('max')
          .where(`k8s.deployment.name = '${service.name}'`)
          .groupBy('k8s.pod.name'),
      ],
      unit: 'percentunit',
      matchType: 'all_the_times',
      tiers: { warning: { target: 0.85, ...team } },
      labels,
      runbook: runbook(service.name, 'memory'),
    }),
    estate.alert(id('error-rate'), {
      name: `${service.name}: error rate`,
      queries: [
        new LogsQuery('A').count().where(`${where} AND severity_text IN ('ERROR', 'FATAL')`).disabled(),
        new LogsQuery('B').count().where(where).disabled(),
        new Formula('F1', 'A / B * 100'),
      ],
      unit: 'percent',
      matchType: 'on_average',
      tiers: service.policyRouted ? { critical: { target: 5 }, warning: { target: 2 } } : { critical: { target: 5, ...paging }, warning: { target: 2, ...team } },
      ...(service.policyRouted ? { routing: 'policy' as const } : {}),
      minPoints: 3,
      labels,
      runbook: runbook(service.name, 'error-rate'),
      summary: 'Error rate {{$value}}% over {{$threshold}}%',
    }),
    estate.alert(id('latency-p99'), {
      name: `${service.name}: p99 latency`,
      queries: [new TracesQuery('A').p99().where(`${where} AND kind_string = 'Server'`).groupBy('http.route')],
      unit: 'ns',
      targetUnit: 'ms',
      matchType: 'on_average',
      tiers: { critical: { target: service.latencyMs.critical, ...paging }, warning: { target: service.latencyMs.warning, ...team } },
      labels,
      runbook: runbook(service.name, 'latency'),
    }),
    estate.alert(id('http-5xx'), {
      name: `${service.name}: HTTP 5xx ratio`,
      queries: [
        new PromQLQuery(
          'A',
          `sum(rate(http_server_request_duration_seconds_count{service_name="${service.name}",http_response_status_code=~"5.."}[5m])) / sum(rate(http_server_request_duration_seconds_count{service_name="${service.name}"}[5m]))`,
        ),
      ],
      tiers: { error: { target: 0.02, ...team } },
      labels,
      runbook: runbook(service.name, 'http-5xx'),
    }),
    estate.alert(id('no-data'), {
      name: `${service.name}: no telemetry`,
      queries: [new TracesQuery('A').count().where(where)],
      op: 'below',
      tiers: { critical: { target: 1, ...paging } },
      absentFor: '10m',
      labels,
      runbook: runbook(service.name, 'no-data'),
      summary: 'No spans from the service for 10 minutes',
    }),
  ];
}
