import { decodeSignozRule, encodeSignozRule } from '../../constructs/codecs';
import { checkProviderAcceptance } from '../../constructs/codecs/provider-acceptance';
import { ALL_PAYLOADS, logsFormula, metricsThreshold, promql, tracesLatency } from '../fixtures/payloads';

describe('signoz_rule codec', () => {
  it.each(Object.entries(ALL_PAYLOADS))('round-trips the %s payload exactly', (_name, payload) => {
    // GIVEN a canonical payload WHEN encoded and decoded THEN it is unchanged
    expect(decodeSignozRule(encodeSignozRule(payload))).toEqual(payload);
  });

  it.each(Object.entries(ALL_PAYLOADS))('encodes the %s payload into attributes the provider accepts', (_name, payload) => {
    expect(checkProviderAcceptance('signoz_rule', encodeSignozRule(payload))).toEqual([]);
  });

  it('wraps builder queries in a block named for the type, nested under their signal, in snake_case', () => {
    const attrs = encodeSignozRule(metricsThreshold);
    const cq = attrs.condition.composite_query as { queries: unknown[]; query_type: string; panel_type: string; unit: string };
    expect(cq).toMatchObject({ query_type: 'builder', panel_type: 'graph', unit: 'percentunit' });
    expect(cq.queries[0]).toEqual({
      builder_query: {
        type: 'builder_query',
        spec: {
          metrics: {
            name: 'A',
            signal: 'metrics',
            step_interval: '60',
            filter: { expression: "service.name = 'checkout'" },
            group_by: [{ name: 'host.name', field_context: 'resource', field_data_type: 'string' }],
            functions: [{ name: 'timeshift', args: [{ value: '3600' }] }],
            aggregations: [{ metric_name: 'system.cpu.utilization', time_aggregation: 'avg', space_aggregation: 'max' }],
          },
        },
      },
    });
  });

  it('writes thresholds under basic and evaluation under its kind', () => {
    const attrs = encodeSignozRule(metricsThreshold);
    expect(attrs.condition.thresholds).toEqual({
      basic: {
        kind: 'basic',
        spec: [
          { name: 'critical', target: 0.9, op: 'above', match_type: 'on_average', channels: ['pagerduty-oncall'], recovery_target: 0.8 },
          { name: 'warning', target: 0.8, op: 'above', match_type: 'on_average', channels: ['slack-alerts'] },
        ],
      },
    });
    expect(attrs.evaluation).toEqual({ rolling: { kind: 'rolling', spec: { eval_window: '5m', frequency: '1m' } } });
    expect(encodeSignozRule(tracesLatency).evaluation).toEqual({
      cumulative: { kind: 'cumulative', spec: { schedule: { type: 'daily', hour: 9, minute: 30 }, frequency: '5m', timezone: 'Europe/Berlin' } },
    });
  });

  it('keeps label and annotation keys verbatim and writes the PromQL step as JSON text', () => {
    const attrs = encodeSignozRule(promql);
    expect(attrs.labels).toEqual({ team: 'platform' });
    const spec = (attrs.condition.composite_query as { queries: { promql: { spec: { step: string } } }[] }).queries[0]!.promql.spec;
    expect(spec.step).toBe('"1m"');
    expect(attrs.notification_settings).toEqual({ group_by: [], use_policy: true, renotify: { enabled: true, interval: '30m', alert_states: ['firing', 'nodata'] } });
  });

  it('decodes plan-style attributes where unset optional members are null', () => {
    const attrs = encodeSignozRule(logsFormula) as Record<string, unknown>;
    const withNulls = { ...attrs, id: '0190e4c0-0000-7000-8000-000000000000', description: null, annotations: attrs.annotations, disabled: null };
    const decoded = decodeSignozRule(withNulls);
    expect(decoded.description).toBeUndefined();
    expect(decoded.condition).toEqual(logsFormula.condition);
  });

  it('reports an op the provider does not accept with the allowed values', () => {
    const payload = structuredClone(metricsThreshold);
    payload.condition.thresholds.spec[0]!.op = 'above_or_equal';
    expect(checkProviderAcceptance('signoz_rule', encodeSignozRule(payload))).toEqual([
      { path: '/condition/thresholds/basic/spec/0/op', message: 'the provider accepts only "above", "below", "equal", "not_equal", "outside_bounds" here' },
    ]);
  });

  it('reports attributes the provider does not know', () => {
    const attrs = { ...encodeSignozRule(metricsThreshold), severity: 'critical' };
    expect(checkProviderAcceptance('signoz_rule', attrs)).toEqual([{ path: '/severity', message: 'the provider has no attribute "severity" here' }]);
  });

  it('rejects a query block that sets two query types at once', () => {
    const attrs = encodeSignozRule(metricsThreshold) as Record<string, any>;
    attrs.condition.composite_query.queries[0].promql = { type: 'promql', spec: { name: 'B', query: 'up' } };
    expect(() => decodeSignozRule(attrs)).toThrow(
      'query block must set exactly one of builder_query, builder_formula, builder_trace_operator, promql, clickhouse_sql (found builder_query, promql)',
    );
  });
});
