import fc from 'fast-check';
import {
  AlertRule,
  AlertRuleError,
  ClickHouseQuery,
  Evaluation,
  Formula,
  LogsQuery,
  MetricsQuery,
  PromQLQuery,
  TraceOperatorQuery,
  TracesQuery,
  setRuleTarget,
  type AlertRuleProps,
} from '../../constructs/alerts';
import { decodeSignozAlert, decodeSignozRule } from '../../constructs/codecs';
import type { IChannelRef } from '../../constructs/model/channel-ref';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { TerraformOutput, TerraformStack, Testing } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';
import { newStack, onlyResource, resourcesOf, synth, thrownBy } from '../support/synth';

const cpu = (): AlertRuleProps => ({
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').where("service.name = 'checkout'").groupBy('host.name')],
  tiers: { critical: { target: 0.9, channels: ['pagerduty-oncall'] }, warning: { target: 0.8 } },
  channels: ['slack-alerts'],
  matchType: 'on_average',
  labels: { team: 'payments', service: 'checkout' },
  runbook: 'https://runbooks.example.com/checkout/cpu',
});

const errorRate = (): AlertRuleProps => ({
  name: 'Checkout error rate',
  queries: [
    new LogsQuery('A').count().where("service.name = 'checkout' AND severity_text = 'ERROR'").disabled(),
    new LogsQuery('B').count().where("service.name = 'checkout'").disabled(),
    new Formula('F1', 'A / B * 100'),
  ],
  unit: 'percent',
  tiers: { critical: { target: 5 } },
  channels: ['slack-alerts'],
});

const latency = (): AlertRuleProps => ({
  name: 'Checkout p99 latency',
  queries: [new TracesQuery('A').p99().where("service.name = 'checkout'")],
  unit: 'ns',
  targetUnit: 'ms',
  tiers: { warning: { target: 750, matchType: 'last' } },
  channels: ['slack-alerts'],
});

const promqlRule = (): AlertRuleProps => ({
  name: 'Targets down',
  queries: [new PromQLQuery('A', 'sum(up{job="api"} == 0)')],
  tiers: { critical: { target: 0, op: '>' } },
  channels: ['pagerduty-oncall'],
});

const KINDS: Record<string, () => AlertRuleProps> = {
  metrics: cpu,
  logsFormula: errorRate,
  traces: latency,
  promql: promqlRule,
  clickhouse: () => ({
    name: 'Slow queries',
    kind: 'logs',
    queries: [new ClickHouseQuery('A', 'SELECT now() AS ts, 1 AS value')],
    tiers: { warning: { target: 10 } },
    channels: ['slack-alerts'],
  }),
  exceptions: () => ({
    name: 'Exceptions',
    kind: 'exceptions',
    queries: [new TracesQuery('A').count().where('has_error = true')],
    tiers: { error: { target: 1 } },
    channels: ['slack-alerts'],
  }),
  anomaly: () => ({
    name: 'Traffic anomaly',
    queries: [new MetricsQuery('A', 'http.server.request.count').timeAggregation('rate').spaceAggregation('sum')],
    anomaly: { seasonality: 'daily' },
    tiers: { warning: { target: 3 } },
    channels: ['slack-alerts'],
  }),
  traceOperator: () => ({
    name: 'Checkout to payments failing',
    queries: [new TracesQuery('A').count().disabled(), new TracesQuery('B').count().where('has_error = true').disabled(), new TraceOperatorQuery('T1', 'A => B').count()],
    selectQuery: 'T1',
    tiers: { error: { target: 10 } },
    channels: ['slack-alerts'],
  }),
  absentData: () => ({ ...cpu(), name: 'Checkout metrics missing', absentFor: '15m', tiers: { critical: { target: 0, op: 'below' } } }),
  cumulative: () => ({
    ...errorRate(),
    name: 'Daily errors',
    evaluation: Evaluation.cumulative({ schedule: { type: 'daily', hour: 0, minute: 0 }, timezone: 'Europe/Berlin', frequency: '5m' }),
  }),
};

describe('AlertRule on signoz_rule', () => {
  it.each(Object.entries(KINDS))('synthesizes the %s alert (snapshot)', (_kind, props) => {
    const { stack } = newStack();
    new AlertRule(stack, 'Alert', props());
    expect(resourcesOf(stack, 'signoz_rule')).toMatchSnapshot();
  });

  it('writes the tiers as thresholds ordered by severity, with defaults and per-tier overrides', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Cpu', cpu());
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.alert).toBe('Checkout CPU high');
    expect(rule.alert_type).toBe('METRIC_BASED_ALERT');
    expect(rule.rule_type).toBe('threshold_rule');
    expect(rule.schema_version).toBe('v2alpha1');
    expect(rule.condition.selected_query_name).toBe('A');
    expect(rule.condition.thresholds.basic.spec).toEqual([
      { name: 'critical', target: 0.9, op: 'above', match_type: 'on_average', channels: ['pagerduty-oncall'] },
      { name: 'warning', target: 0.8, op: 'above', match_type: 'on_average', channels: ['slack-alerts'] },
    ]);
    expect(rule.labels).toEqual({ team: 'payments', service: 'checkout' }); // no rule-level severity: it would override every tier's
    expect(rule.annotations.runbook_url).toBe('https://runbooks.example.com/checkout/cpu');
    expect(rule.notification_settings).toEqual({ group_by: [], use_policy: false, renotify: { enabled: true, interval: '4h', alert_states: ['firing'] } });
    expect(rule.evaluation).toEqual({ rolling: { kind: 'rolling', spec: { eval_window: '5m', frequency: '1m' } } });
  });

  it('selects the formula of a composite alert and infers the logs alert type', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Errors', errorRate());
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.alert_type).toBe('LOGS_BASED_ALERT');
    expect(rule.condition.selected_query_name).toBe('F1');
    expect(rule.condition.composite_query.unit).toBe('percent');
  });

  it('makes PromQL rules promql_rule and normalizes symbol operators', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Down', promqlRule());
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.rule_type).toBe('promql_rule');
    expect(rule.condition.composite_query.query_type).toBe('promql');
    expect(rule.condition.thresholds.basic.spec[0].op).toBe('above');
  });

  it('turns absentFor into alert_on_absent with minutes and renotifies on nodata too', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Missing', KINDS.absentData!());
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.condition.alert_on_absent).toBe(true);
    expect(rule.condition.absent_for).toBe(15);
    expect(rule.notification_settings.renotify.alert_states).toEqual(['firing', 'nodata']);
  });

  it('makes anomaly rules with algorithm and seasonality', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Anomaly', KINDS.anomaly!());
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.rule_type).toBe('anomaly_rule');
    expect(rule.condition).toMatchObject({ algorithm: 'standard', seasonality: 'daily' });
  });

  it('opts into route-policy routing without channels', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Routed', {
      ...cpu(),
      channels: undefined,
      tiers: { critical: { target: 1 } },
      routing: 'policy',
      notifications: { groupBy: ['service.name'], renotify: false },
    });
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.notification_settings).toEqual({ group_by: ['service.name'], use_policy: true, renotify: { enabled: false, interval: '4h', alert_states: ['firing'] } });
    expect(rule.condition.thresholds.basic.spec[0].channels).toEqual([]);
  });

  it('makes the rule depend on the channels it notifies, so Terraform creates them first', () => {
    const { stack } = newStack();
    const channelResource = new TerraformData(stack, 'ChannelStandIn', { input: { name: 'slack-alerts' } });
    const slack: IChannelRef = { channelName: 'slack-alerts', kind: 'slack', dependable: channelResource };
    new AlertRule(stack, 'Cpu', { ...cpu(), channels: [slack] });
    const rule = onlyResource(stack, 'signoz_rule') as any;
    expect(rule.depends_on).toEqual(['terraform_data.ChannelStandIn']);
    expect(rule.condition.thresholds.basic.spec[1].channels).toEqual(['slack-alerts']);
  });

  it('orders a rule after a channel in another stack through a stack dependency', () => {
    const { app, stack: shared } = newStack('shared');
    const channelResource = new TerraformData(shared, 'ChannelStandIn', { input: { name: 'slack-alerts' } });
    const alerts = new TerraformStack(app, 'alerts');
    new AlertRule(alerts, 'Cpu', { ...cpu(), channels: [{ channelName: 'slack-alerts', dependable: channelResource }] });
    expect(alerts.dependencies).toContain(shared);
    expect((onlyResource(alerts, 'signoz_rule') as any).depends_on).toBeUndefined();
  });

  it('exposes the rule id as a Terraform reference for maintenance windows and routing', () => {
    const { stack } = newStack();
    const alert = new AlertRule(stack, 'Cpu', cpu());
    new TerraformOutput(stack, 'rule_id', { value: alert.ruleId });
    expect((synth(stack).output as Record<string, { value: string }>).rule_id!.value).toMatch(/^\$\{signoz_rule\.Cpu_[A-F0-9]+\.id\}$/);
    expect(alert.alertName).toBe('Checkout CPU high');
  });

  it('synthesizes byte-identical output on every run', () => {
    const render = (): string => {
      const { stack } = newStack();
      for (const [kind, props] of Object.entries(KINDS)) new AlertRule(stack, kind, props());
      return Testing.synth(stack, true);
    };
    expect(render()).toBe(render());
  });
});

describe('AlertRule on the legacy signoz_alert', () => {
  function legacyStack(): TerraformStack {
    const { stack } = newStack('legacy');
    setRuleTarget(stack, 'signoz_alert');
    return stack;
  }

  it('writes condition and evaluation as JSON strings with version v5', () => {
    const stack = legacyStack();
    new AlertRule(stack, 'Errors', errorRate());
    const alert = onlyResource(stack, 'signoz_alert') as any;
    expect(alert).toMatchObject({
      alert: 'Checkout error rate',
      alert_type: 'LOGS_BASED_ALERT',
      rule_type: 'threshold_rule',
      severity: 'critical',
      version: 'v5',
      schema_version: 'v2alpha1',
    });
    expect(JSON.parse(alert.evaluation)).toEqual({ kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } });
    expect(JSON.parse(alert.condition).selectedQueryName).toBe('F1');
    expect(resourcesOf(stack, 'signoz_alert')).toMatchSnapshot();
  });

  it.each(Object.entries(KINDS).filter(([k]) => !['anomaly', 'metrics', 'absentData'].includes(k)))('carries the same rule as the signoz_rule target (%s)', (_kind, props) => {
    const modern = newStack('modern').stack;
    new AlertRule(modern, 'Alert', props());
    const legacy = legacyStack();
    new AlertRule(legacy, 'Alert', props());
    expect(decodeSignozAlert(onlyResource(legacy, 'signoz_alert'))).toEqual(decodeSignozRule(onlyResource(modern, 'signoz_rule')));
  });

  it('fails clearly when the rule needs something the legacy resource cannot carry', () => {
    const stack = legacyStack();
    expect(thrownBy(() => new AlertRule(stack, 'Anomaly', KINDS.anomaly!())).message).toBe(
      'Invalid AlertRule at \'legacy/Anomaly\':\n  - /ruleType: anomaly rules cannot be expressed with signoz_alert (provider 0.0.17 rejects rule_type "anomaly_rule"); use the signoz_rule target',
    );
    expect(thrownBy(() => new AlertRule(stack, 'Cpu', cpu())).message).toBe(
      'Invalid AlertRule at \'legacy/Cpu\':\n  - /annotations/runbook_url: signoz_alert carries only the description and summary annotations, not "runbook_url"; use the signoz_rule target',
    );
  });
});

/** The problems of an error as `field: message` lines, `(props)` for the whole props. */
const problemTexts = (error: AlertRuleError): string[] => error.problems.map((p) => `${p.path || '(props)'}: ${p.message}`);

describe('AlertRule props errors', () => {
  const cases: [string, Partial<AlertRuleProps> | Record<string, unknown>, unknown][] = [
    ['empty name', { name: ' ' }, 'name: must not be empty'],
    ['no queries', { queries: [] }, 'queries: needs at least one query'],
    [
      'not a query',
      { queries: [{ metric: 'x' }] },
      'queries[0]: must be a query builder (MetricsQuery, LogsQuery, TracesQuery, Formula, PromQLQuery, ClickHouseQuery, TraceOperatorQuery) or a v5 query envelope {type, spec}',
    ],
    ['no tiers', { tiers: {} }, 'tiers: needs at least one tier (critical, error, warning, info)'],
    ['unknown tier', { tiers: { page: { target: 1 } } }, 'tiers: unknown option "page" (allowed: critical, error, warning, info)'],
    ['target not a number', { tiers: { critical: { target: '90' } } }, 'tiers.critical.target: must be a finite number'],
    ['infinite target', { tiers: { critical: { target: Infinity } } }, 'tiers.critical.target: must be a finite number'],
    [
      'unknown op',
      { op: 'greater' },
      'op: must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds (aliases: >, <, =, !=, >=, <=, eq, not_eq, 1-7)',
    ],
    [
      'op not a string',
      { op: 5 },
      'op: must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds (aliases: >, <, =, !=, >=, <=, eq, not_eq, 1-7)',
    ],
    [
      'unknown tier match type',
      { tiers: { critical: { target: 1, matchType: 'mostly' } } },
      'tiers.critical.matchType: must be one of at_least_once, all_the_times, on_average, in_total, last (aliases: avg, sum, 1-5)',
    ],
    ['bad duration', { absentFor: '10 minutes' }, 'absentFor: must be a positive duration such as 30s, 5m, 1h or 1h30m'],
    [
      'zero duration',
      { evaluation: Evaluation.rolling({ window: '0m' }) },
      'evaluation (Evaluation.rolling option "window"): must be a positive duration such as 30s, 5m, 1h or 1h30m',
    ],
    ['bad label name', { labels: { 'team-name': 'x' } }, 'labels.team-name: names must match [a-zA-Z_.][a-zA-Z0-9_.]*'],
    ['bad runbook', { runbook: 'see wiki' }, 'runbook: must be an http(s) URL'],
    ['typo in a prop', { tier: {} }, expect.stringMatching(/^\(props\): unknown option "tier" \(allowed: name, queries, .*; did you mean "tiers"\?\)$/)],
    ['min points not positive', { minPoints: 0 }, 'minPoints: must be greater than 0'],
    [
      'evaluation written as the payload',
      { evaluation: { kind: 'rolling', spec: { evalWindw: '5m', frequency: '1m' } } },
      expect.stringContaining('evaluation.spec: unknown option "evalWindw" (allowed: evalWindow, frequency; did you mean "evalWindow"?)'),
    ],
    [
      'cumulative hour out of range',
      { evaluation: Evaluation.cumulative({ schedule: { type: 'daily', hour: 24, minute: 0 } }) },
      'evaluation (Evaluation.cumulative option "schedule.hour"): must be at most 23',
    ],
    [
      'bad renotify state',
      { notifications: { renotify: { every: '1h', states: ['pending'] } } },
      'notifications.renotify.states[0]: must be one of "firing", "nodata" (got "pending")',
    ],
  ];

  it('accepts a cumulative schedule with a null field, as the payload type (and SigNoz) allow', () => {
    const { stack } = newStack();
    const evaluation = { kind: 'cumulative' as const, spec: { schedule: { type: 'daily' as const, hour: 9, minute: 0, weekday: null }, frequency: '1m', timezone: 'UTC' } };
    const rule = new AlertRule(stack, 'Cpu', { ...cpu(), evaluation });
    expect(rule.payload.evaluation).toEqual(evaluation);
  });

  it.each(cases)('reports %s with the construct path and field', (_what, override, message) => {
    const { stack } = newStack();
    const error = thrownBy(() => new AlertRule(stack, 'Cpu', { ...cpu(), ...override } as AlertRuleProps));
    expect(error).toBeInstanceOf(AlertRuleError);
    expect((error as AlertRuleError).constructPath).toBe('test/Cpu');
    expect(problemTexts(error as AlertRuleError)).toContainEqual(message);
  });

  it.each([
    ['an unknown selected query', { selectQuery: 'Z' }, 'selectQuery: "Z" is not one of the queries (A)'],
    [
      'several queries and no formula',
      { queries: [new MetricsQuery('A', 'a'), new MetricsQuery('B', 'b')] },
      'selectQuery: several queries (A, B); say which one the thresholds apply to',
    ],
    [
      'mixed query kinds',
      { queries: [new MetricsQuery('A', 'a'), new PromQLQuery('B', 'up')], selectQuery: 'A' },
      'queries: cannot mix builder and promql queries in one alert; use one kind (builder queries may be combined with formulas)',
    ],
    [
      'a tier without channels',
      { channels: undefined, tiers: { warning: { target: 1 } } },
      "tiers.warning.channels: no channel to notify; give the tier (or the rule) channels, or set routing: 'policy'",
    ],
    ['anomaly on logs', { queries: [new LogsQuery('A').count()], anomaly: {} }, 'anomaly: anomaly rules need a metrics builder query (MetricsQuery)'],
    [
      'a ClickHouse alert without kind',
      { queries: [new ClickHouseQuery('A', 'SELECT 1')] },
      'kind: cannot infer the alert kind from ClickHouse SQL queries; set kind to metrics, logs, traces or exceptions',
    ],
  ])('reports %s', (_what, override, message) => {
    const { stack } = newStack();
    const error = thrownBy(() => new AlertRule(stack, 'Cpu', { ...cpu(), ...override } as AlertRuleProps)) as AlertRuleError;
    expect(error).toBeInstanceOf(AlertRuleError);
    expect(problemTexts(error)).toContain(message);
    expect(error.message).toContain("Invalid AlertRule at 'test/Cpu':\n  - ");
  });

  it('never fails with anything but an AlertRuleError for random props', () => {
    const arbitraryTier = fc.record(
      {
        target: fc.oneof(fc.double(), fc.string(), fc.constant(undefined)),
        op: fc.oneof(fc.constantFrom('above', '>', 'x', '7'), fc.string()),
        matchType: fc.option(fc.string(), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const arbitraryProps = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        tiers: fc.dictionary(fc.constantFrom('critical', 'warning', 'info', 'error', 'bogus'), arbitraryTier),
        op: fc.option(fc.string(), { nil: undefined }),
        absentFor: fc.option(fc.string(), { nil: undefined }),
        labels: fc.option(fc.dictionary(fc.string(), fc.string()), { nil: undefined }),
        channels: fc.option(fc.array(fc.oneof(fc.string(), fc.constant({}))), { nil: undefined }),
        selectQuery: fc.option(fc.string(), { nil: undefined }),
        minPoints: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
        queries: fc.constantFrom<unknown[]>([new MetricsQuery('A', 'm')], [], [new MetricsQuery('A', 'm'), new Formula('F1', 'A*2')], [{ type: 'promql' }]),
      },
      { requiredKeys: ['queries'] },
    );
    fc.assert(
      fc.property(arbitraryProps, (props) => {
        const { stack } = newStack();
        try {
          new AlertRule(stack, 'Random', props as unknown as AlertRuleProps);
          synth(stack);
        } catch (err) {
          if (!(err instanceof AlertRuleError) && !/Validation failed/.test((err as Error).message)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('AlertRule text that looks like Terraform template syntax', () => {
  it('escapes ${ and %{ so Terraform passes them to SigNoz verbatim, and reads them back', () => {
    const { stack } = newStack();
    const rule = new AlertRule(stack, 'Sql', {
      name: 'Cost ${env}',
      kind: 'logs',
      queries: [new ClickHouseQuery('A', "SELECT count() AS value FROM logs WHERE body LIKE '%{user}%'")],
      tiers: { warning: { target: 1 } },
      channels: ['slack-alerts'],
      summary: 'Value ${x} %{y}',
    });
    const attrs = onlyResource(stack, 'signoz_rule') as any;
    expect(attrs.alert).toBe('Cost $${env}');
    expect(attrs.annotations.summary).toBe('Value $${x} %%{y}');
    expect(attrs.condition.composite_query.queries[0].clickhouse_sql.spec.query).toBe("SELECT count() AS value FROM logs WHERE body LIKE '%%{user}%'");
    expect(decodeSignozRule(configAttributeValues(attrs))).toEqual(rule.payload);
  });
});
