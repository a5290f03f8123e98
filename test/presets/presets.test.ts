import {
  DiskFillingUpAlert,
  HostCpuAlert,
  HostMemoryAlert,
  LogErrorSpikeAlert,
  OomKilledAlert,
  PodRestartsAlert,
  ServiceErrorRateAlert,
  ServiceLatencyAlert,
  ServiceNoDataAlert,
} from '../../constructs/presets';
import { AlertRule } from '../../constructs/alerts';
import type { MetricsBuilderQuerySpec, QueryEnvelope, RulePayload } from '../../constructs/model/rule-payload';
import { expectAlertBehaviour } from '../../constructs/testing';
import { validateRulePayload } from '../../constructs/validation';
import { newStack, resourcesOf, thrownBy } from '../support/synth';

const channels = ['ops-alerts'];

function specOf(payload: RulePayload, name: string): Record<string, any> {
  const query = payload.condition.compositeQuery.queries.find((q: QueryEnvelope) => q.spec.name === name);
  if (!query) throw new Error(`no query ${name}`);
  return query.spec as Record<string, any>;
}

function tiersOf(payload: RulePayload): Record<string, [number, string, string]> {
  return Object.fromEntries(payload.condition.thresholds.spec.map((t) => [t.name, [t.target, t.op, t.matchType]]));
}

const PRESETS = {
  HostCpuAlert: (s: any) => new HostCpuAlert(s, 'Alert', { channels }),
  HostMemoryAlert: (s: any) => new HostMemoryAlert(s, 'Alert', { channels }),
  DiskFillingUpAlert: (s: any) => new DiskFillingUpAlert(s, 'Alert', { channels }),
  ServiceErrorRateAlert: (s: any) => new ServiceErrorRateAlert(s, 'Alert', { channels, service: 'checkout' }),
  ServiceLatencyAlert: (s: any) => new ServiceLatencyAlert(s, 'Alert', { channels, service: 'checkout' }),
  LogErrorSpikeAlert: (s: any) => new LogErrorSpikeAlert(s, 'Alert', { channels }),
  ServiceNoDataAlert: (s: any) => new ServiceNoDataAlert(s, 'Alert', { channels, service: 'checkout' }),
  PodRestartsAlert: (s: any) => new PodRestartsAlert(s, 'Alert', { channels }),
  OomKilledAlert: (s: any) => new OomKilledAlert(s, 'Alert', { channels }),
} as const;

describe('presets', () => {
  it.each(Object.entries(PRESETS))('%s synthesizes a valid signoz_rule (snapshot)', (_name, create) => {
    // GIVEN a stack WHEN the preset is added
    const { stack } = newStack();
    const alert = create(stack);
    // THEN it is an AlertRule whose payload the rules-API validator accepts, and synth passes
    expect(alert).toBeInstanceOf(AlertRule);
    expect(validateRulePayload(alert.payload).errors).toEqual([]);
    expect(resourcesOf(stack, 'signoz_rule')).toMatchSnapshot();
  });

  it('HostCpuAlert: non-idle over all system.cpu.time per host, 90/80 percent on the 10-minute average', () => {
    const { stack } = newStack();
    const { payload } = new HostCpuAlert(stack, 'Cpu', { channels });
    const a = specOf(payload, 'A') as MetricsBuilderQuerySpec;
    expect(a.aggregations).toEqual([{ metricName: 'system.cpu.time', timeAggregation: 'rate', spaceAggregation: 'sum' }]);
    expect(a.filter).toEqual({ expression: "state != 'idle'" });
    expect(a.groupBy).toEqual([{ name: 'host.name' }]);
    expect(specOf(payload, 'B').filter).toBeUndefined();
    expect(specOf(payload, 'F1').expression).toBe('A / B * 100');
    expect(payload.condition.selectedQueryName).toBe('F1');
    expect(payload.condition.compositeQuery.unit).toBe('percent');
    expect(tiersOf(payload)).toEqual({ critical: [90, 'above', 'on_average'], warning: [80, 'above', 'on_average'] });
    expect(payload.evaluation).toEqual({ kind: 'rolling', spec: { evalWindow: '10m', frequency: '1m' } });
  });

  it('HostMemoryAlert: used over all system.memory.usage states per host, 95/85 percent', () => {
    const { stack } = newStack();
    const { payload } = new HostMemoryAlert(stack, 'Mem', { channels });
    expect(specOf(payload, 'A').aggregations).toEqual([{ metricName: 'system.memory.usage', timeAggregation: 'avg', spaceAggregation: 'sum' }]);
    expect(specOf(payload, 'A').filter).toEqual({ expression: "state = 'used'" });
    expect(tiersOf(payload)).toEqual({ critical: [95, 'above', 'on_average'], warning: [85, 'above', 'on_average'] });
  });

  it('DiskFillingUpAlert: used share of system.filesystem.usage per host and mount point, pseudo file systems left out', () => {
    const { stack } = newStack();
    const { payload } = new DiskFillingUpAlert(stack, 'Disk', { channels, excludeFilesystemTypes: ['tmpfs'], where: "host.name = 'db-1'" });
    expect(specOf(payload, 'A').filter).toEqual({ expression: "state = 'used' AND type NOT IN ['tmpfs'] AND host.name = 'db-1'" });
    expect(specOf(payload, 'B').filter).toEqual({ expression: "type NOT IN ['tmpfs'] AND host.name = 'db-1'" });
    expect(specOf(payload, 'A').groupBy).toEqual([{ name: 'host.name' }, { name: 'device' }, { name: 'mountpoint' }]);
    expect(tiersOf(payload)).toEqual({ critical: [90, 'above', 'last'], warning: [80, 'above', 'last'] });
    expect(payload.evaluation).toEqual({ kind: 'rolling', spec: { evalWindow: '15m', frequency: '5m' } });
  });

  it('ServiceErrorRateAlert: failed over all signoz_calls_total server calls, in percent, per service', () => {
    const { stack } = newStack();
    const { payload } = new ServiceErrorRateAlert(stack, 'Errors', { channels, service: 'checkout' });
    expect(specOf(payload, 'A').aggregations).toEqual([{ metricName: 'signoz_calls_total', timeAggregation: 'rate', spaceAggregation: 'sum' }]);
    expect(specOf(payload, 'A').filter.expression).toBe("service.name = 'checkout' AND span.kind = 'SPAN_KIND_SERVER' AND status.code = 'STATUS_CODE_ERROR'");
    expect(specOf(payload, 'B').filter.expression).toBe("service.name = 'checkout' AND span.kind = 'SPAN_KIND_SERVER'");
    expect(specOf(payload, 'A').groupBy).toEqual([{ name: 'service.name' }]);
    expect(payload.alert).toBe('checkout error rate high');
    expect(payload.alertType).toBe('METRIC_BASED_ALERT');
    expect(tiersOf(payload)).toEqual({ critical: [5, 'above', 'on_average'], warning: [1, 'above', 'on_average'] });
  });

  it('ServiceErrorRateAlert: HTTP 5xx, several span kinds, every service, quotes escaped', () => {
    const { stack } = newStack();
    const all = new ServiceErrorRateAlert(stack, 'All', { channels, errors: 'http-5xx', spanKinds: ['SPAN_KIND_SERVER', 'SPAN_KIND_CONSUMER'] });
    expect(specOf(all.payload, 'A').filter.expression).toBe("span.kind IN ['SPAN_KIND_SERVER', 'SPAN_KIND_CONSUMER'] AND http.status_code >= 500");
    expect(all.payload.alert).toBe('Service error rate high');
    const quoted = new ServiceErrorRateAlert(stack, 'Quoted', { channels, service: "o'brien", spanKinds: [] });
    expect(specOf(quoted.payload, 'B').filter.expression).toBe("service.name = 'o\\'brien'");
  });

  it('ServiceLatencyAlert: a percentile of signoz_latency.bucket in ms per service', () => {
    const { stack } = newStack();
    const { payload } = new ServiceLatencyAlert(stack, 'Latency', { channels, service: 'checkout', percentile: 'p95', tiers: { warning: null } });
    expect(specOf(payload, 'A').aggregations).toEqual([{ metricName: 'signoz_latency.bucket', spaceAggregation: 'p95' }]);
    expect(payload.condition.compositeQuery.unit).toBe('ms');
    expect(payload.alert).toBe('checkout p95 latency high');
    expect(tiersOf(payload)).toEqual({ critical: [2000, 'above', 'on_average'] });
  });

  it('LogErrorSpikeAlert: logs at severity_number 17 or more, per service, 500/100 in 5 minutes', () => {
    const { stack } = newStack();
    const { payload } = new LogErrorSpikeAlert(stack, 'Logs', { channels, service: 'checkout', minSeverity: 'fatal' });
    expect(specOf(payload, 'A')).toMatchObject({
      signal: 'logs',
      aggregations: [{ expression: 'count()' }],
      filter: { expression: "severity_number >= 21 AND service.name = 'checkout'" },
    });
    expect(payload.alertType).toBe('LOGS_BASED_ALERT');
    expect(tiersOf(payload)).toEqual({ critical: [500, 'above', 'in_total'], warning: [100, 'above', 'in_total'] });
  });

  it("ServiceNoDataAlert: an absent-data alert on the service's span count", () => {
    const { stack } = newStack();
    const { payload } = new ServiceNoDataAlert(stack, 'Silent', { channels, service: 'checkout', absentFor: '30m' });
    expect(specOf(payload, 'A')).toMatchObject({ signal: 'traces', aggregations: [{ expression: 'count()' }], filter: { expression: "service.name = 'checkout'" } });
    expect(payload.condition).toMatchObject({ alertOnAbsent: true, absentFor: 30 });
    expect(tiersOf(payload)).toEqual({ critical: [0, 'below', 'at_least_once'] });
    expect(payload.notificationSettings.renotify?.alertStates).toEqual(['firing', 'nodata']);
    const metrics = new ServiceNoDataAlert(stack, 'Metrics', { channels, service: 'checkout', signal: 'metrics', metricName: 'http.server.request.duration' });
    expect(specOf(metrics.payload, 'A').aggregations).toEqual([{ metricName: 'http.server.request.duration', timeAggregation: 'count', spaceAggregation: 'sum' }]);
  });

  it('PodRestartsAlert: restart increases per container summed over 15 minutes', () => {
    const { stack } = newStack();
    const { payload } = new PodRestartsAlert(stack, 'Restarts', { channels, where: "k8s.namespace.name = 'shop'" });
    expect(specOf(payload, 'A')).toMatchObject({
      aggregations: [{ metricName: 'k8s.container.restarts', timeAggregation: 'max', spaceAggregation: 'max' }],
      groupBy: [{ name: 'k8s.namespace.name' }, { name: 'k8s.pod.name' }, { name: 'k8s.container.name' }],
      functions: [{ name: 'runningdiff' }, { name: 'clampmin', args: [{ value: 0 }] }],
      filter: { expression: "k8s.namespace.name = 'shop'" },
    });
    expect(tiersOf(payload)).toEqual({ critical: [2, 'above', 'in_total'], warning: [0, 'above', 'in_total'] });
  });

  it('OomKilledAlert: restarts times "last termination was OOMKilled"', () => {
    const { stack } = newStack();
    const { payload } = new OomKilledAlert(stack, 'Oom', { channels });
    expect(specOf(payload, 'B')).toMatchObject({
      filter: { expression: "k8s.container.status.last_terminated_reason = 'OOMKilled'" },
      aggregations: [{ metricName: 'k8s.container.restarts', timeAggregation: 'count', spaceAggregation: 'max' }],
      functions: [{ name: 'clampmax', args: [{ value: 1 }] }],
    });
    expect(specOf(payload, 'F1').expression).toBe('A * B');
    expect(tiersOf(payload)).toEqual({ warning: [0, 'above', 'in_total'] });
  });

  it('merges tier overrides over the defaults, drops null tiers, and passes channels, labels and runbook through', () => {
    const { stack } = newStack();
    const { payload } = new HostCpuAlert(stack, 'Cpu', {
      name: 'Batch hosts CPU',
      tiers: { critical: { target: 97, channels: ['pager'] }, warning: null, info: { target: 50 } },
      channels,
      labels: { team: 'batch' },
      runbook: 'https://runbooks.example.com/cpu',
      where: "host.name = 'batch-1' OR host.name = 'batch-2'",
    });
    expect(payload.alert).toBe('Batch hosts CPU');
    expect(payload.condition.thresholds.spec).toEqual([
      { name: 'critical', target: 97, op: 'above', matchType: 'on_average', channels: ['pager'] },
      { name: 'info', target: 50, op: 'above', matchType: 'on_average', channels },
    ]);
    expect(payload.labels).toMatchObject({ team: 'batch' });
    expect(payload.annotations?.runbook_url).toBe('https://runbooks.example.com/cpu');
    expect(specOf(payload, 'A').filter.expression).toBe("state != 'idle' AND (host.name = 'batch-1' OR host.name = 'batch-2')");
  });

  it('reports unknown and invalid preset props with the construct path', () => {
    const { stack } = newStack();
    expect(thrownBy(() => new HostCpuAlert(stack, 'Cpu', { treshold: 95, tiers: { critcal: { target: 1 } } } as never)).message).toBe(
      [
        "Invalid HostCpuAlert at 'test/Cpu':",
        '  - tiers: unknown option "critcal" (allowed: critical, error, warning, info; did you mean "critical"?)',
        '  - (props): unknown option "treshold" (allowed: name, tiers, channels, routing, where, evaluation, notifications, labels, annotations, summary, description, runbook, disabled)',
      ].join('\n'),
    );
    expect(thrownBy(() => new ServiceNoDataAlert(stack, 'Silent', { service: 'checkout', signal: 'metrics' })).message).toBe(
      "Invalid ServiceNoDataAlert at 'test/Silent':\n  - metricName: is required when signal is 'metrics'",
    );
    expect(thrownBy(() => new ServiceLatencyAlert(stack, 'Lat', { percentile: 'p98' as never })).message).toMatch(/percentile: .*p99/);
  });

  it('leaves checks of the passed-through props to AlertRule, which names the field', () => {
    const { stack } = newStack();
    expect(thrownBy(() => new HostMemoryAlert(stack, 'Mem', {})).message).toMatch(/tiers\.critical\.channels: no channel to notify/);
  });

  it('HostCpuAlert fires on a host whose busy share averages over 90 % for 10 minutes (evaluator)', () => {
    const { stack } = newStack();
    const cpu = new HostCpuAlert(stack, 'Cpu', { channels, tiers: { warning: null } });
    // A: non-idle CPU seconds per second, B: all CPU seconds per second (4 cores), one point a minute
    expectAlertBehaviour(cpu, {
      series: {
        A: [
          { labels: { 'host.name': 'web-1' }, values: '2x9 3.9x20' },
          { labels: { 'host.name': 'web-2' }, values: '1x30' },
        ],
        B: [
          { labels: { 'host.name': 'web-1' }, values: '4x30' },
          { labels: { 'host.name': 'web-2' }, values: '4x30' },
        ],
      },
      expectations: [
        { at: '12m', alerts: [] },
        { at: '25m', alerts: [{ labels: { 'host.name': 'web-1', 'threshold.name': 'critical' } }] },
      ],
    });
  });
});
