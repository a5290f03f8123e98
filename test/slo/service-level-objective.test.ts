import { LogsQuery, MetricsQuery, PromQLQuery, TracesQuery } from '../../constructs/alerts';
import { parseFormula } from '../../constructs/evaluation';
import { evaluateFormulaNode } from '../../constructs/model/formula-expression';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { BUDGET_SHARE_WINDOWS, burnRateFormula, ServiceLevelObjective, SloIndicators, SRE_WORKBOOK_WINDOWS, type ServiceLevelObjectiveProps } from '../../constructs/slo';
import { expectAlertBehaviour } from '../../constructs/testing';
import { validateRulePayload } from '../../constructs/validation';
import { newStack, resourcesOf, thrownBy } from '../support/synth';

const availability = (): ServiceLevelObjectiveProps => ({
  name: 'Checkout availability',
  objective: 0.999,
  indicator: SloIndicators.spanMetricsAvailability({ service: 'checkout' }),
  channels: { page: ['payments-pager'], ticket: ['payments-tickets'] },
});

function spec(payload: RulePayload, name: string): Record<string, any> {
  return payload.condition.compositeQuery.queries.find((q) => q.spec.name === name)!.spec as Record<string, any>;
}

describe('ServiceLevelObjective', () => {
  it('creates the SRE workbook burn-rate alerts by default (snapshot)', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'CheckoutAvailability', availability());
    expect(slo.alerts).toHaveLength(4);
    for (const alert of slo.alerts) expect(validateRulePayload(alert.payload).errors).toEqual([]);
    expect(resourcesOf(stack, 'signoz_rule')).toMatchSnapshot();
  });

  it('windows, factors and thresholds: page 1h/5m 14.4x and 6h/30m 6x, ticket 1d/2h 3x and 3d/6h 1x', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Slo', availability());
    const rows = slo.alerts.map((a) => {
      const p = a.payload;
      const threshold = p.condition.thresholds.spec[0]!;
      return [
        p.labels!.burn_tier,
        p.labels!.slo_window,
        p.evaluation.kind === 'rolling' ? p.evaluation.spec.evalWindow : '',
        spec(p, 'A').stepInterval,
        threshold.name,
        threshold.target,
        p.evaluation.kind === 'rolling' ? p.evaluation.spec.frequency : '',
      ];
    });
    expect(rows).toEqual([
      ['page', '1h', '1h', 300, 'critical', 0.0144, '1m'],
      ['page', '6h', '6h', 1800, 'critical', 0.006, '1m'],
      ['ticket', '1d', '24h', 7200, 'warning', 0.003, '5m'],
      ['ticket', '3d', '72h', 21600, 'warning', 0.001, '5m'],
    ]);
    expect(slo.windows.map((w) => [w.factor, w.budgetConsumed])).toEqual([
      [14.4, 0.02],
      [6, 0.05],
      [3, 0.1],
      [1, 0.1],
    ]);
    expect(slo.errorBudget).toBe(0.001);
  });

  it('each alert: short (A, B) and running-sum long (C, D) queries, min of the two error ratios, last point, page/ticket channels', () => {
    const { stack } = newStack();
    const [page, , ticket] = new ServiceLevelObjective(stack, 'Slo', availability()).alerts;
    const p = page!.payload;
    expect(p.condition.selectedQueryName).toBe('F1');
    expect(p.condition.compositeQuery.unit).toBe('percentunit');
    expect(spec(p, 'A')).toMatchObject({
      stepInterval: 300,
      disabled: true,
      filter: { expression: "service.name = 'checkout' AND span.kind = 'SPAN_KIND_SERVER' AND status.code = 'STATUS_CODE_ERROR'" },
    });
    expect(spec(p, 'A').functions).toBeUndefined();
    expect(spec(p, 'B').filter.expression).toBe("service.name = 'checkout' AND span.kind = 'SPAN_KIND_SERVER'");
    expect(spec(p, 'C')).toMatchObject({ stepInterval: 300, functions: [{ name: 'fillzero' }, { name: 'cumulativesum' }], filter: spec(p, 'A').filter });
    expect(spec(p, 'D')).toMatchObject({ stepInterval: 300, functions: [{ name: 'fillzero' }, { name: 'cumulativesum' }], filter: spec(p, 'B').filter });
    expect(spec(p, 'F1').expression).toBe(burnRateFormula('bad'));
    expect(p.condition.thresholds.spec).toEqual([{ name: 'critical', target: 0.0144, op: 'above', matchType: 'last', channels: ['payments-pager'] }]);
    expect(ticket!.payload.condition.thresholds.spec[0]!.channels).toEqual(['payments-tickets']);
    expect(p.labels).toEqual({ slo: 'checkout-availability', slo_kind: 'availability', slo_window: '1h', burn_tier: 'page' });
    expect(p.alert).toBe('Checkout availability: error budget burn 14.4x over 1h (5m)');
  });

  it('the formula is min(long, short) error ratio, for bad/total and good/total indicators', () => {
    const bad = parseFormula(burnRateFormula('bad'));
    const good = parseFormula(burnRateFormula('good'));
    const at = (node: ReturnType<typeof parseFormula>, v: Record<string, number>) => evaluateFormulaNode(node, v, 0);
    // bad: A/B short, C/D long
    expect(at(bad, { A: 2, B: 100, C: 30, D: 1000 })).toBeCloseTo(0.02, 12);
    expect(at(bad, { A: 5, B: 100, C: 20, D: 1000 })).toBeCloseTo(0.02, 12);
    expect(at(bad, { A: 0, B: 100, C: 30, D: 1000 })).toBe(0);
    // good: error ratio = 1 - good/total
    expect(at(good, { A: 98, B: 100, C: 970, D: 1000 })).toBeCloseTo(0.02, 12);
    expect(at(good, { A: 95, B: 100, C: 980, D: 1000 })).toBeCloseTo(0.02, 12);
    expect(at(good, { A: 100, B: 100, C: 970, D: 1000 })).toBeCloseTo(0, 12);
  });

  it('pages only while both the long and the short window burn faster than 14.4x (evaluator)', () => {
    const { stack } = newStack();
    const [page] = new ServiceLevelObjective(stack, 'Slo', availability()).alerts;
    const series = (short: string, long: string) => ({
      A: [{ values: short }],
      B: [{ values: '100x90' }],
      C: [{ values: long }],
      D: [{ values: '1000x90' }],
    });
    // both 2 % (> 1.44 %): fires
    expectAlertBehaviour(page!, { series: series('2x90', '20x90'), expectations: [{ at: '30m', alerts: [{ labels: { burn_tier: 'page', 'threshold.name': 'critical' } }] }] });
    // short window burning, long window at 0.5 %: silent (a brief blip)
    expectAlertBehaviour(page!, { series: series('2x90', '5x90'), expectations: [{ at: '30m', alerts: [] }] });
    // long window burning, short window recovered to 0.5 %: silent (the incident is over)
    expectAlertBehaviour(page!, { series: series('0.5x90', '20x90'), expectations: [{ at: '30m', alerts: [] }] });
  });

  it('accepts custom windows by factor or by budget share, severities and policy routing', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Slo', {
      ...availability(),
      period: '28d',
      channels: undefined,
      routing: 'policy',
      severities: { page: 'error' },
      windows: [
        { tier: 'page', long: '1h', short: '5m', budgetConsumed: 0.02 },
        { tier: 'ticket', long: '12h', short: '1h', factor: 2, frequency: '10m' },
      ],
    });
    expect(slo.windows.map((w) => [w.tier, w.factor, w.threshold, w.frequency])).toEqual([
      ['page', 13.44, 0.01344, '1m'],
      ['ticket', 2, 0.002, '10m'],
    ]);
    const [page, ticket] = slo.alerts;
    expect(page!.payload.condition.thresholds.spec[0]).toMatchObject({ name: 'error', target: 0.01344, channels: [] });
    expect(page!.payload.notificationSettings.usePolicy).toBe(true);
    expect(ticket!.payload.evaluation).toEqual({ kind: 'rolling', spec: { evalWindow: '12h', frequency: '10m' } });
  });

  it('counts good events with a traces latency indicator', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Latency', {
      name: 'Checkout latency',
      kind: 'latency',
      objective: 0.99,
      routing: 'policy',
      indicator: SloIndicators.tracesLatency({ service: 'checkout', thresholdMs: 300 }),
    });
    const p = slo.alerts[0]!.payload;
    expect(spec(p, 'A')).toMatchObject({
      signal: 'traces',
      aggregations: [{ expression: 'count()' }],
      filter: { expression: "service.name = 'checkout' AND kind_string = 'Server' AND duration_nano <= 300000000" },
    });
    expect(spec(p, 'F1').expression).toBe(burnRateFormula('good'));
    expect(p.alertType).toBe('TRACES_BASED_ALERT');
    expect(p.labels?.slo_kind).toBe('latency');
    expect(p.condition.thresholds.spec[0]!.target).toBe(0.144);
  });

  it('default windows follow the period by budget share, as Sloth does: 13.44x, 5.6x, 2.8x, 0.93x for 28 days', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Slo', { ...availability(), period: '28d' });
    // factor = budget share x period / long window: 0.02 x 672h / 1h, 0.05 x 672h / 6h, 0.1 x 28d / 1d, 0.1 x 28d / 3d
    expect(slo.windows.map((w) => [w.tier, w.long, w.short, w.factor, w.budgetConsumed])).toEqual([
      ['page', '1h', '5m', 13.44, 0.02],
      ['page', '6h', '30m', 5.6, 0.05],
      ['ticket', '1d', '2h', 2.8, 0.1],
      ['ticket', '3d', '6h', 0.933333333333, 0.1],
    ]);
    expect(slo.alerts.map((a) => a.payload.condition.thresholds.spec[0]!.target)).toEqual([0.01344, 0.0056, 0.0028, 0.000933333333333]);
    expect(slo.alerts[3]!.payload.alert).toBe('Checkout availability: error budget burn 0.9333x over 3d (6h)');
    // the same windows, given by name
    const named = new ServiceLevelObjective(stack, 'Named', { ...availability(), period: '28d', windows: BUDGET_SHARE_WINDOWS });
    expect(named.alerts.map((a) => a.payload)).toEqual(slo.alerts.map((a) => a.payload));
  });

  it("keeps the workbook's fixed 30-day factors when asked for by name (SRE_WORKBOOK_WINDOWS)", () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Slo', { ...availability(), period: '28d', windows: SRE_WORKBOOK_WINDOWS });
    expect(slo.windows.map((w) => w.factor)).toEqual([14.4, 6, 3, 1]);
    // 14.4 x 1h / 672h: 2.14 % of a 28-day budget, not 2 %
    expect(slo.windows.map((w) => w.budgetConsumed)).toEqual([0.0214285714286, 0.0535714285714, 0.107142857143, 0.107142857143]);
  });

  it('takes a custom window catalog for another period (budget shares, as a Sloth AlertWindows file)', () => {
    const { stack } = newStack();
    const slo = new ServiceLevelObjective(stack, 'Slo', {
      ...availability(),
      period: '7d',
      windows: [
        { tier: 'page', long: '1h', short: '5m', budgetConsumed: 0.08 },
        { tier: 'page', long: '6h', short: '30m', budgetConsumed: 0.125 },
        { tier: 'ticket', long: '24h', short: '2h', budgetConsumed: 0.2 },
        { tier: 'ticket', long: '72h', short: '6h', budgetConsumed: 0.42 },
      ],
    });
    // 0.08 x 168h / 1h, 0.125 x 168h / 6h, 0.2 x 168h / 24h, 0.42 x 168h / 72h
    expect(slo.windows.map((w) => [w.factor, w.evalWindow])).toEqual([
      [13.44, '1h'],
      [3.5, '6h'],
      [1.4, '24h'],
      [0.98, '72h'],
    ]);
  });

  it('says when a default window could never fire and how to choose others', () => {
    const { stack } = newStack();
    // 2 % of a 90-day budget in 1 hour is 43.2x; at 95 % that is an error ratio of 216 %
    expect(thrownBy(() => new ServiceLevelObjective(stack, 'Slo', { ...availability(), objective: 0.95, period: '90d' })).message).toBe(
      [
        "Invalid ServiceLevelObjective at 'test/Slo':",
        '  - windows[0]: burn rate 43.2 x error budget 0.05 = 2.16; an error ratio can never exceed 1, so this alert could never fire; lower budgetConsumed (0.02 of the budget in 1h) or raise the objective (a default window, BUDGET_SHARE_WINDOWS; give windows to choose others)',
      ].join('\n'),
    );
  });

  it('reports every problem with the construct path and the field', () => {
    const { stack } = newStack();
    const error = thrownBy(
      () =>
        new ServiceLevelObjective(stack, 'Slo', {
          ...availability(),
          objective: 0.9,
          channels: { page: ['pager'] },
          windows: [...SRE_WORKBOOK_WINDOWS, { tier: 'page', long: '5m', short: '1h', factor: 2 }, { tier: 'ticket', long: '1d', short: '1m', factor: 1, budgetConsumed: 0.1 }],
        }),
    );
    expect(error.message).toBe(
      [
        "Invalid ServiceLevelObjective at 'test/Slo':",
        '  - windows[0]: burn rate 14.4 x error budget 0.1 = 1.44; an error ratio can never exceed 1, so this alert could never fire; lower the factor or raise the objective',
        '  - windows[4].short: must be shorter than the long window 5m',
        "  - windows[5].short: must be at least 1/300 of the long window (SigNoz raises a metric query's step to a 300th of its range)",
        '  - windows[5]: give exactly one of factor and budgetConsumed',
        "  - channels.ticket: no channel for the ticket alerts; give channels, or set routing: 'policy' and route on the burn_tier label",
      ].join('\n'),
    );
    expect(thrownBy(() => new ServiceLevelObjective(stack, 'Pct', { ...availability(), objective: 99.9 })).message).toContain(
      'objective: must be greater than 0 and less than 1, e.g. 0.999 for 99.9 % (not a percentage)',
    );
    expect(thrownBy(() => new ServiceLevelObjective(stack, 'Period', { ...availability(), period: '1 month' })).message).toContain(
      'period: must be a whole number with the unit m, h, d or w, such as 5m, 1h, 1d or 30d',
    );
    // beyond Prometheus's bound (about 292 years), read by the one Prometheus duration reader
    expect(thrownBy(() => new ServiceLevelObjective(stack, 'Huge', { ...availability(), period: '99999999999w' })).message).toContain(
      'period: must be a whole number with the unit m, h, d or w',
    );
  });

  it('refuses indicator queries whose counts do not add up over windows', () => {
    const { stack } = newStack();
    const make = (id: string, indicator: any) => thrownBy(() => new ServiceLevelObjective(stack, id, { ...availability(), indicator })).message;
    const total = new MetricsQuery('t', 'signoz_calls_total').timeAggregation('rate').spaceAggregation('sum');
    expect(make('Avg', { bad: new MetricsQuery('b', 'x').timeAggregation('avg').spaceAggregation('sum'), total })).toContain(
      'indicator.bad: timeAggregation must be rate, increase or count',
    );
    expect(make('Space', { bad: new MetricsQuery('b', 'x').timeAggregation('rate').spaceAggregation('max'), total })).toContain('indicator.bad: spaceAggregation must be sum');
    expect(make('P99', { good: new TracesQuery('g').p99(), total: new TracesQuery('t').count() })).toContain('indicator.good: the aggregation must be count() or sum(...)');
    expect(make('Promql', { bad: new PromQLQuery('b', 'sum(x)'), total })).toContain('indicator.bad: must be a MetricsQuery, LogsQuery or TracesQuery');
    expect(make('Step', { bad: new MetricsQuery('b', 'x').timeAggregation('rate').spaceAggregation('sum').stepInterval(60), total })).toContain(
      'indicator.bad: must not set stepInterval (the SLO sets the step to the short window)',
    );
    expect(make('Mixed', { bad: new LogsQuery('b').count(), total })).toContain('indicator: bad reads logs but total reads metrics; both must read the same signal');
    expect(make('Groups', { bad: new MetricsQuery('b', 'x').timeAggregation('rate').spaceAggregation('sum').groupBy('service.name'), total })).toContain(
      'indicator: bad groups by [service.name] but total by []',
    );
    expect(make('Both', { bad: total, good: total, total })).toContain('indicator: give exactly one of good and bad, and total');
  });
});
