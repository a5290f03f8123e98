import { alertView } from '../../../pipeline/alerts/alert-view';
import { toRulePayload } from '../../../pipeline/alerts/rule-payload-adapter';
import { signozAlertAttrs, signozRuleAttrs } from '../fixtures/plan-builders';

describe('rule payload adapter', () => {
  it('reads the signoz_rule tree into the canonical camelCase payload', () => {
    const attrs = signozRuleAttrs({ alert: 'CPU', tiers: [{ name: 'critical', target: 80, channels: ['pd'] }], labels: { service: 'api', team_name: 'sre' } });
    const payload = toRulePayload('signoz_rule', attrs)!;
    // usePolicy false is SigNoz's default: dropped like every unset value (codecs/import-normalization.ts)
    expect(payload.notificationSettings).not.toHaveProperty('usePolicy');
    expect(payload).toMatchObject({
      alert: 'CPU',
      alertType: 'METRIC_BASED_ALERT',
      ruleType: 'threshold_rule',
      schemaVersion: 'v2alpha1',
      labels: { service: 'api', team_name: 'sre' },
      evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
      notificationSettings: { groupBy: ['host.name'], renotify: { enabled: true, interval: '4h', alertStates: ['firing'] } },
    });
    expect(payload.condition.thresholds).toEqual({ kind: 'basic', spec: [{ name: 'critical', target: 80, op: 'above', matchType: 'at_least_once', channels: ['pd'] }] });
    const query = payload.condition.compositeQuery.queries[0]!;
    expect(query.type).toBe('builder_query');
    expect(query.spec).toMatchObject({ name: 'A', signal: 'metrics', stepInterval: 60, filter: { expression: "service.name = 'checkout'" } });
    expect((query.spec as { aggregations: unknown[] }).aggregations[0]).toEqual({
      metricName: 'system.cpu.utilization',
      timeAggregation: 'avg',
      spaceAggregation: 'max',
      reduceTo: 'avg',
    });
  });

  it('reads legacy signoz_alert JSON strings, and schema v1 rules as one tier named after the severity', () => {
    const v2 = toRulePayload('signoz_alert', signozAlertAttrs({ alert: 'Errors', severity: 'warning', target: 5, channels: ['slack'] }))!;
    expect(v2.condition.thresholds.spec).toEqual([{ name: 'warning', target: 5, op: 'above', matchType: 'at_least_once', channels: ['slack'] }]);
    expect(v2.labels).toEqual({ service: 'api' }); // the severity equals the only tier's name, which implies it
    expect(v2.annotations).toEqual({ description: 'Error rate is {{$value}}', summary: 'Errors' });
    const v1 = toRulePayload('signoz_alert', {
      ...signozAlertAttrs({ alert: 'Old', severity: 'critical', target: 1 }),
      schema_version: null,
      evaluation: null,
      preferred_channels: ['pd'],
      condition: JSON.stringify({
        compositeQuery: { queryType: 'promql', panelType: 'graph', queries: [{ type: 'promql', spec: { name: 'A', query: 'up' } }] },
        op: '1',
        target: 100,
        matchType: '3',
      }),
    })!;
    expect(alertView(v1).tiers).toEqual({ critical: { target: 100, op: 'above', matchType: 'on_average', targetUnit: undefined, recoveryTarget: undefined, channels: ['pd'] } }); // no v1 targetUnit: none on the tier
    expect(v1.evaluation).toEqual({ kind: 'rolling', spec: { evalWindow: '5m0s', frequency: '1m0s' } });
  });

  it('returns undefined for other types and unreadable attributes', () => {
    expect(toRulePayload('restapi_object', {})).toBeUndefined();
    expect(toRulePayload('signoz_alert', { condition: '{not json' })).toBeUndefined();
    // a rule the validator refuses is not read as one: the summary shows its attributes instead
    expect(
      toRulePayload('signoz_alert', {
        ...signozAlertAttrs({ alert: 'Old', severity: 'critical', target: 1 }),
        schema_version: null,
        evaluation: null,
        condition: JSON.stringify({ compositeQuery: { queries: [] }, op: '1', target: 1, matchType: '1' }),
      }),
    ).toBeUndefined();
    expect(toRulePayload('signoz_rule', 'nope')).toBeUndefined();
  });
});
