import { evaluateRule, loadEvaluableRule, RuleEvaluationError, type EvaluationTimeline } from '../../constructs/evaluation';

const MIN = 60_000;
type Threshold = { name: string; target: number; op: string; matchType: string; recoveryTarget?: number; targetUnit?: string };

function rule(
  overrides: {
    thresholds?: Threshold[];
    condition?: Record<string, unknown>;
    evaluation?: unknown;
    labels?: Record<string, string>;
    ruleType?: string;
    queries?: unknown[];
    selected?: string;
    id?: string;
  } = {},
): Record<string, unknown> {
  return {
    alert: 'Test alert',
    id: overrides.id ?? '0190a1b2-0000-7000-8000-000000000001',
    alertType: 'METRIC_BASED_ALERT',
    ruleType: overrides.ruleType ?? 'threshold_rule',
    version: 'v5',
    schemaVersion: 'v2alpha1',
    labels: overrides.labels ?? {},
    condition: {
      compositeQuery: {
        queryType: 'builder',
        panelType: 'graph',
        queries: overrides.queries ?? [
          { type: 'builder_query', spec: { name: 'A', signal: 'metrics', aggregations: [{ metricName: 'm', timeAggregation: 'avg', spaceAggregation: 'avg' }] } },
        ],
      },
      selectedQueryName: overrides.selected ?? 'A',
      thresholds: { kind: 'basic', spec: overrides.thresholds ?? [{ name: 'critical', target: 90, op: 'above', matchType: 'last' }] },
      ...overrides.condition,
    },
    evaluation: overrides.evaluation ?? { kind: 'rolling', spec: { evalWindow: '1m', frequency: '1m' } },
    notificationSettings: {},
  };
}

/** One point per minute from t=0; `null` = no point. */
const perMinute = (values: (number | null)[], labels: Record<string, string> = { host: 'a' }) => ({
  labels,
  points: values.flatMap((v, i) => (v === null ? [] : [[i * MIN, v] as const])),
});

/** `state:threshold.name` of the alerts at `minute`. */
function at(timeline: EvaluationTimeline, minute: number): string[] {
  const tick = timeline.ticks.find((t) => t.time === minute * MIN);
  if (!tick) throw new Error(`no tick at ${minute}m`);
  return tick.alerts.map((a) => `${a.state}:${a.labels['threshold.name'] ?? a.labels.alertname}`);
}

// With a 1m window and no evaluation delay, the tick at minute N sees exactly the point of minute N-1.
const run = (r: Record<string, unknown>, series: Record<string, unknown[]>, toMinute: number, evalDelayMs = 0) =>
  evaluateRule(loadEvaluableRule(r), series as never, { from: 0, to: toMinute * MIN, evalDelayMs });

describe('alert states over time (rules.ThresholdRule.Eval)', () => {
  it('a matching sample fires at once: SigNoz never sets a hold duration, so pending does not last', () => {
    const timeline = run(rule(), { A: [perMinute([95])] }, 1);
    expect(at(timeline, 1)).toEqual(['firing:critical']);
    expect(timeline.ticks[1]!.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['new->pending', 'pending->firing']);
  });

  it('adds alertname, ruleId, ruleSource, threshold.name, severity and the rule labels', () => {
    const timeline = run(rule({ labels: { team: 'platform', service: '{{$labels.host}}-svc' } }), { A: [perMinute([95])] }, 1);
    expect(timeline.ticks[1]!.alerts[0]).toEqual({
      labels: {
        alertname: 'Test alert',
        host: 'a',
        ruleId: '0190a1b2-0000-7000-8000-000000000001',
        ruleSource: 'http://localhost:8080/alerts/overview?ruleId=0190a1b2-0000-7000-8000-000000000001',
        service: 'a-svc',
        severity: 'critical',
        team: 'platform',
        'threshold.name': 'critical',
      },
      state: 'firing',
      value: 95,
      threshold: 90,
    });
  });

  it('a rule label named severity overrides the tier severity (rule labels are set after the sample labels)', () => {
    const timeline = run(rule({ labels: { severity: 'page' }, thresholds: [{ name: 'warning', target: 1, op: 'above', matchType: 'last' }] }), { A: [perMinute([5])] }, 1);
    expect(timeline.ticks[1]!.alerts[0]!.labels).toMatchObject({ severity: 'page', 'threshold.name': 'warning' });
  });

  it('multi-tier: each tier is its own alert and resolves on its own', () => {
    const tiers = [
      { name: 'warning', target: 70, op: 'above', matchType: 'last' },
      { name: 'critical', target: 90, op: 'above', matchType: 'last' },
    ];
    const timeline = run(rule({ thresholds: tiers }), { A: [perMinute([75, 95, 75, 10])] }, 4);
    expect(at(timeline, 1)).toEqual(['firing:warning']);
    expect(at(timeline, 2)).toEqual(['firing:critical', 'firing:warning']);
    expect(at(timeline, 3)).toEqual(['firing:warning']);
    expect(timeline.ticks[3]!.resolved.map((r) => r.labels['threshold.name'])).toEqual(['critical']);
    expect(at(timeline, 4)).toEqual([]);
  });

  it('recovery: firing -> recovering inside the recovery band -> firing again -> resolved below it', () => {
    const thresholds = [{ name: 'critical', target: 90, op: 'above', matchType: 'last', recoveryTarget: 80 }];
    const timeline = run(rule({ thresholds }), { A: [perMinute([95, 85, 95, 85, 70])] }, 5);
    expect([1, 2, 3, 4, 5].map((m) => at(timeline, m))).toEqual([['firing:critical'], ['recovering:critical'], ['firing:critical'], ['recovering:critical'], []]);
    expect(timeline.ticks[5]!.resolved).toHaveLength(1);
  });

  it('a resolved alert is remembered 15 minutes: back in the recovery band it returns as recovering (ResolvedRetention)', () => {
    const thresholds = [{ name: 'critical', target: 90, op: 'above', matchType: 'last', recoveryTarget: 80 }];
    const soon = run(rule({ thresholds }), { A: [perMinute([95, 70, 85])] }, 3);
    expect(at(soon, 2)).toEqual([]);
    expect(at(soon, 3)).toEqual(['recovering:critical']);
    // resolved at 2m and forgotten once more than 15m have passed (at 18m): the band alone raises nothing
    const late = run(rule({ thresholds }), { A: [perMinute([95, ...new Array<number>(17).fill(70), 85])] }, 19);
    expect(at(late, 19)).toEqual([]);
  });

  it('two samples with the same final labels fail the evaluation and leave the alerts as they were', () => {
    const thresholds = [
      { name: 'critical', target: 90, op: 'above', matchType: 'last' },
      { name: 'critical', target: 50, op: 'above', matchType: 'last' },
    ];
    const timeline = run(rule({ thresholds: [thresholds[0]!] }), { A: [perMinute([95])] }, 1);
    expect(at(timeline, 1)).toEqual(['firing:critical']);
    const failing = run(rule({ thresholds }), { A: [perMinute([95])] }, 1);
    expect(failing.ticks[1]!.error).toMatch(/duplicate alert .*same label set/);
    expect(failing.ticks[1]!.alerts).toEqual([]);
  });
});

describe('absent data (BaseRule.HandleMissingDataAlert)', () => {
  const absent = (absentFor: number) => rule({ condition: { alertOnAbsent: true, absentFor } });

  it('fires [No data] at the first evaluation when data was never seen', () => {
    const timeline = run(absent(5), { A: [] }, 0);
    expect(timeline.ticks[0]!.alerts).toEqual([
      expect.objectContaining({ state: 'nodata', labels: expect.objectContaining({ alertname: '[No data] Test alert', nodata: 'true' }) }),
    ]);
    expect(timeline.ticks[0]!.alerts[0]!.labels).not.toHaveProperty('lastSeen');
    expect(timeline.ticks[0]!.alerts[0]!.labels).not.toHaveProperty('threshold.name');
  });

  it('fires absentFor minutes after the last evaluation that saw data, with lastSeen', () => {
    // points at 0..2m: ticks 1m..3m see data; the alert is due at 3m + 5m = 8m
    const timeline = run(absent(5), { A: [perMinute([1, 1, 1])] }, 9);
    expect(at(timeline, 7)).toEqual([]);
    expect(at(timeline, 8)).toEqual(['nodata:[No data] Test alert']);
    expect(timeline.ticks[8]!.alerts[0]!.labels.lastSeen).toBe('1970-01-01 00:03:00');
  });

  it('resolves the no-data alert when data comes back, and threshold alerts resume', () => {
    const timeline = run(absent(1), { A: [perMinute([1, null, null, 95])] }, 4);
    expect(at(timeline, 3)).toEqual(['nodata:[No data] Test alert']);
    expect(at(timeline, 4)).toEqual(['firing:critical']);
    expect(timeline.ticks[4]!.resolved.map((r) => r.labels.alertname)).toEqual(['[No data] Test alert']);
  });

  it('with absentFor 0 SigNoz reports no data at every evaluation, even with data, and the evaluator warns', () => {
    const timeline = run(absent(0), { A: [perMinute([95, 95])] }, 2);
    expect(at(timeline, 2)).toEqual(['nodata:[No data] Test alert']);
    expect(timeline.warnings.join(' ')).toMatch(/absentFor 0/);
  });
});

describe('minimum points (RuleCondition.ShouldEval)', () => {
  const minPoints = rule({
    condition: { requireMinPoints: true, requiredNumPoints: 3 },
    evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
    thresholds: [{ name: 'critical', target: 90, op: 'above', matchType: 'at_least_once' }],
  });

  it('skips a series with fewer points than required in the window', () => {
    const timeline = run(minPoints, { A: [perMinute([95, 95])] }, 2);
    expect(at(timeline, 2)).toEqual([]);
    expect(at(run(minPoints, { A: [perMinute([95, 95, 95])] }, 3), 3)).toEqual(['firing:critical']);
  });

  it('counts NaN points, which are dropped only afterwards', () => {
    expect(at(run(minPoints, { A: [perMinute([Number.NaN, Number.NaN, 95])] }, 3), 3)).toEqual(['firing:critical']);
  });

  it('rejects requireMinPoints without a positive requiredNumPoints, as the server does', () => {
    expect(() => loadEvaluableRule(rule({ condition: { requireMinPoints: true } }))).toThrow(/requiredNumPoints: must be greater than 0/);
  });
});

describe('query windows, evaluation delay and schedules', () => {
  it("uses SigNoz's default 2m evaluation delay: a tick does not see the last two minutes", () => {
    const r = loadEvaluableRule(rule());
    const timeline = evaluateRule(r, { A: [perMinute([10, 10, 95])] }, { from: 0, to: 5 * MIN });
    expect(at(timeline, 3)).toEqual([]);
    expect(at(timeline, 5)).toEqual(['firing:critical']); // window [2m, 3m) holds the point of minute 2
  });

  it('cumulative daily schedule: in_total accumulates since midnight and starts over the next day', () => {
    const daily = rule({
      evaluation: { kind: 'cumulative', spec: { schedule: { type: 'daily', hour: 0, minute: 0 }, frequency: '1h', timezone: 'UTC' } },
      thresholds: [{ name: 'budget', target: 100, op: 'above', matchType: 'in_total' }],
    });
    const hourly = { labels: {}, points: Array.from({ length: 30 }, (_, h) => [h * 60 * MIN, 10] as const) };
    const timeline = evaluateRule(loadEvaluableRule(daily), { A: [hourly] }, { from: 0, to: 29 * 60 * MIN, evalDelayMs: 0 });
    const firingHours = timeline.ticks.filter((t) => t.alerts.length > 0).map((t) => t.time / (60 * MIN));
    // hours 0..h-1 are summed at hour h: above 100 from hour 11 (110) to 23 (230); 0 on the next day's first tick
    expect(firingHours).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(timeline.ticks.find((t) => t.time === 24 * 60 * MIN)!.resolved).toHaveLength(1);
  });

  it("a PromQL rule sees the range query's end point and drops __name__", () => {
    const prom = rule({ ruleType: 'promql_rule', queries: [{ type: 'promql', spec: { name: 'A', query: 'up' } }] });
    (prom.condition as { compositeQuery: { queryType: string } }).compositeQuery.queryType = 'promql';
    const timeline = run(prom, { A: [perMinute([95, 95], { __name__: 'up', job: 'api' })] }, 1);
    expect(timeline.ticks[1]!.window).toEqual({ start: 0, end: MIN });
    expect(timeline.ticks[1]!.alerts[0]!.labels).not.toHaveProperty('__name__');
    expect(timeline.ticks[1]!.alerts[0]!.value).toBe(95);
  });
});

describe('formula as the selected query', () => {
  const formulaRule = rule({
    queries: [
      { type: 'builder_query', spec: { name: 'A', signal: 'traces', aggregations: [{ expression: 'count()' }] } },
      { type: 'builder_query', spec: { name: 'B', signal: 'traces', aggregations: [{ expression: 'count()' }] } },
      { type: 'builder_formula', spec: { name: 'F1', expression: 'A / B * 100' } },
    ],
    selected: 'F1',
    thresholds: [{ name: 'critical', target: 5, op: 'above', matchType: 'last' }],
  });

  it("computes the formula per label set from the queries' series", () => {
    const timeline = run(
      formulaRule,
      {
        A: [perMinute([10], { service: 'cart' }), perMinute([1], { service: 'pay' })],
        B: [perMinute([100], { service: 'cart' }), perMinute([100], { service: 'pay' })],
      },
      1,
    );
    expect(timeline.ticks[1]!.alerts.map((a) => [a.labels.service, a.value])).toEqual([['cart', 10]]);
  });

  it('count() queries default to zero: no error points means a 0% rate, not a gap', () => {
    const timeline = run(formulaRule, { A: [], B: [perMinute([100], { service: 'cart' })] }, 1);
    expect(timeline.ticks[1]!.alerts).toEqual([]);
    expect(timeline.warnings).toEqual([]);
  });

  it('warns that formula functions and limits are not applied, and that newGroupEvalDelay is not reproduced', () => {
    const withExtras = rule({
      queries: [
        { type: 'builder_query', spec: { name: 'A', signal: 'traces', aggregations: [{ expression: 'count()' }] } },
        { type: 'builder_formula', spec: { name: 'F1', expression: 'A * 2', limit: 5, functions: [{ name: 'absolute' }] } },
      ],
      selected: 'F1',
    });
    withExtras.notificationSettings = { newGroupEvalDelay: '10m' };
    const warnings = loadEvaluableRule(withExtras).warnings.join('\n');
    expect(warnings).toMatch(/formula F1 has functions, limit: the evaluator does not apply them/);
    expect(warnings).toMatch(/newGroupEvalDelay is not reproduced/);
  });

  it("uses the formula's own series when they are given", () => {
    const timeline = run(formulaRule, { F1: [perMinute([42], { service: 'cart' })] }, 1);
    expect(timeline.ticks[1]!.alerts[0]!.value).toBe(42);
  });
});

describe('invalid rules', () => {
  it('lists every problem with a JSON Pointer', () => {
    const bad = rule({ thresholds: [{ name: '', target: Number.NaN, op: 'above', matchType: 'last' }] });
    (bad.evaluation as { spec: { frequency: string } }).spec.frequency = '0s';
    try {
      loadEvaluableRule(bad);
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(RuleEvaluationError);
      expect((err as RuleEvaluationError).problems.map((p) => p.path)).toEqual([
        '/condition/thresholds/spec/0/name',
        '/condition/thresholds/spec/0/target',
        '/evaluation/spec/frequency',
      ]);
    }
  });

  it('refuses a time zone SigNoz would not load, as the rule validator does (Go reads names case-sensitively)', () => {
    const zoned = (timezone: string) => rule({ evaluation: { kind: 'cumulative', spec: { schedule: { type: 'daily', hour: 0, minute: 0 }, frequency: '1h', timezone } } });
    expect(() => loadEvaluableRule(zoned('europe/berlin'))).toThrow(RuleEvaluationError);
    expect(() => loadEvaluableRule(zoned('Mars/Olympus'))).toThrow(RuleEvaluationError);
    for (const timezone of ['Europe/Berlin', 'US/Eastern', '', 'UTC']) expect(() => loadEvaluableRule(zoned(timezone))).not.toThrow();
  });

  it('refuses anomaly rules instead of guessing', () => {
    expect(() => loadEvaluableRule(rule({ ruleType: 'anomaly_rule' }))).toThrow(/anomaly_rule is not reproduced/);
  });
});
