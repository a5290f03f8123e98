import { constructIdFor, importRules, renderImportModule } from '../../import';
import { normalizeImportedRule } from '../../constructs/codecs';
import { importFixture, importSources } from '../support/import-fixtures';

const byName = () => {
  const result = importRules(importSources());
  return { ...result, rule: (alert: string) => result.rules.find((r) => r.payload.alert === alert)! };
};

describe('importRules', () => {
  it('reads a {status, data} list, a v1 {data: {rules}} list and a bare rule, in file and rule order', () => {
    const { rules, problems } = byName();
    expect(rules.map((r) => `${r.source}#${r.pointer} ${r.constructId} ${r.ruleId ?? '-'}`)).toEqual([
      'api-response.json#/data/0 CheckoutCpuHigh 0196b3f2-8c4e-7a1d-9b2f-3c5d7e9f1a2b',
      'api-response.json#/data/1 CheckoutErrorRate 0196b3f4-1e07-7c55-8d0e-6a4b2c1d0e9f',
      'api-response.json#/data/2 KafkaConsumerLag 0196b3f5-77aa-7e01-a3c4-5b6d7e8f9a0b',
      'legacy-v4.json# PaymentsApiLatencyLegacy 0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      'single-rule.json# SearchApiP99Latency -',
      'v1-list.json#/data/rules/0 ScrapeTargetsDown 17',
    ]);
    expect(problems).toEqual([
      {
        source: 'v1-list.json',
        pointer: '/data/rules/1',
        alert: 'Dashboard copy with a variable',
        messages: [
          '/condition/compositeQuery/builderQueries/A: filters: the value of service.name is a dashboard variable ("{{.service}}"); alerts have no variables, put the real value in the rule',
        ],
      },
    ]);
  });

  it('writes rules the props reproduce as props, and says why the others are payloads', () => {
    const { rules } = byName();
    expect(rules.map((r) => [r.constructId, r.code.mode === 'props' ? 'props' : r.code.reason])).toEqual([
      ['CheckoutCpuHigh', 'props'],
      ['CheckoutErrorRate', 'props'],
      ['KafkaConsumerLag', 'the rule has a top-level description, which AlertRuleProps has no field for'],
      ['PaymentsApiLatencyLegacy', 'props'],
      ['SearchApiP99Latency', 'props'],
      ['ScrapeTargetsDown', 'props'],
    ]);
  });

  it.each([
    [
      'thresholds out of severity order',
      (r: any) => {
        r.description = undefined;
      },
      'the thresholds are ordered warning, critical; AlertRule writes tiers from most to least severe',
    ],
    [
      'a threshold named like no tier',
      (r: any) => {
        r.description = undefined;
        r.condition.thresholds.spec = [{ ...r.condition.thresholds.spec[1], name: 'page' }];
      },
      'threshold "page" is not a severity tier (critical, error, warning, info)',
    ],
    [
      'no summary annotation',
      (r: any) => {
        r.description = undefined;
        r.condition.thresholds.spec = [r.condition.thresholds.spec[1]];
        delete r.annotations.summary;
      },
      'the rule lacks a summary or description annotation; AlertRule writes default ones',
    ],
    [
      'no renotify settings',
      (r: any) => {
        r.description = undefined;
        r.condition.thresholds.spec = [r.condition.thresholds.spec[1]];
        delete r.notificationSettings.renotify;
      },
      'the rule has no renotify settings; AlertRule always writes them',
    ],
  ])('falls back to the payload for %s', (_what, mutate, reason) => {
    const rule = importFixture('api-response.json').data[2];
    mutate(rule);
    const [imported] = importRules([{ name: 'kafka.json', text: JSON.stringify(rule) }]).rules;
    expect(imported!.code).toEqual({ mode: 'payload', reason });
  });

  it('converts v4 builder queries and schema v1 as SigNoz does', () => {
    const { rule } = byName();
    const legacy = rule('Payments API latency (legacy)');
    expect(legacy.payload).toEqual({
      alert: 'Payments API latency (legacy)',
      alertType: 'METRIC_BASED_ALERT',
      ruleType: 'threshold_rule',
      version: 'v5',
      schemaVersion: 'v2alpha1',
      condition: {
        compositeQuery: {
          queryType: 'builder',
          panelType: 'graph',
          unit: 'ms',
          queries: [
            {
              type: 'builder_query',
              spec: {
                name: 'A',
                legend: '{{operation}}',
                signal: 'metrics',
                stepInterval: 60,
                aggregations: [{ metricName: 'signoz_latency.bucket', temporality: 'delta', spaceAggregation: 'p99', reduceTo: 'avg' }],
                filter: { expression: "(service.name = 'payments-api' AND operation IN ['POST /charge', 'POST /refund'])" },
                groupBy: [{ name: 'operation', fieldDataType: 'string', fieldContext: 'attribute' }],
                order: [{ key: { name: 'p99(signoz_latency.bucket)' }, direction: 'desc' }],
              },
            },
          ],
        },
        selectedQueryName: 'A',
        thresholds: { kind: 'basic', spec: [{ name: 'warning', target: 750, op: 'above', matchType: 'on_average', targetUnit: 'ms', channels: ['slack-payments'] }] },
      },
      evaluation: { kind: 'rolling', spec: { evalWindow: '10m0s', frequency: '1m0s' } },
      notificationSettings: { renotify: { enabled: true, interval: '4h', alertStates: ['firing'] } },
      labels: { severity: 'warning', team: 'payments' },
      annotations: { description: 'p99 latency of {{$operation}} is {{$value}} (threshold {{$threshold}})', summary: 'Payments API p99 latency is high' },
    });
    expect(legacy.notes).toEqual([
      "converted v3/v4 queries to v5 as SigNoz's migration does (pkg/transition/migrate_alert.go)",
      'converted schema v1 to v2alpha1 as SigNoz reads it (threshold "warning", renotify every 4h)',
    ]);
    const promql = rule('Scrape targets down');
    expect(promql.payload.condition).toMatchObject({
      compositeQuery: { queryType: 'promql', queries: [{ type: 'promql', spec: { name: 'A', query: 'count(up{job="checkout"} == 0)' } }] },
      selectedQueryName: 'A',
      alertOnAbsent: true,
      absentFor: 10,
      thresholds: { spec: [{ name: 'critical', target: 0, op: 'above', matchType: 'at_least_once', channels: ['pagerduty-oncall'] }] },
    });
    expect(promql.payload.notificationSettings).toEqual({ renotify: { enabled: true, interval: '4h', alertStates: ['firing', 'nodata'] } });
  });

  it('reports invalid JSON, invalid rules and a rule id imported twice', () => {
    const rule = importFixture('api-response.json').data[0];
    const broken = { ...rule, id: 'other', condition: { ...rule.condition, thresholds: { kind: 'basic', spec: [{ ...rule.condition.thresholds.spec[0], op: 'bigger' }] } } };
    const { rules, problems } = importRules([
      { name: 'a.json', text: JSON.stringify(rule) },
      { name: 'b.json', text: JSON.stringify(rule) },
      { name: 'c.json', text: '{"alert": ' },
      { name: 'd.json', text: JSON.stringify(broken) },
    ]);
    expect(rules.map((r) => r.source)).toEqual(['a.json']);
    expect(problems.map((p) => `${p.source}: ${p.messages[0]!.replace(/ \(.*$/, '')}`)).toEqual([
      'b.json: rule id 0196b3f2-8c4e-7a1d-9b2f-3c5d7e9f1a2b was already imported from a.json#; one rule can be adopted once',
      expect.stringMatching(/^c\.json: invalid JSON at line \d+, column \d+: /),
      expect.stringMatching(/^d\.json: \/condition\/thresholds\/spec\/0\/op: unsupported value "bigger"/),
    ]);
  });

  it('reports rules the signoz_rule resource of provider 0.0.17 cannot carry', () => {
    const rule = importFixture('single-rule.json');
    rule.condition.thresholds.spec[0].op = '>=';
    const { problems } = importRules([{ name: 'ge.json', text: JSON.stringify(rule) }]);
    expect(problems[0]!.messages).toEqual([
      'signoz_rule /condition/thresholds/basic/spec/0/op: the provider accepts only "above", "below", "equal", "not_equal", "outside_bounds" here',
    ]);
  });

  it('is deterministic: the same input writes the same module', () => {
    const once = renderImportModule(importRules(importSources()).rules, { sources: ['rules/'] });
    const twice = renderImportModule(importRules(importSources()).rules, { sources: ['rules/'] });
    expect(once).toBe(twice);
    expect(once).not.toMatch(/\/work\/|\d{4}-\d{2}-\d{2}T/);
  });

  it('names constructs after the alert, uniquely', () => {
    expect(constructIdFor('Checkout CPU > 90%')).toBe('CheckoutCpu90');
    expect(constructIdFor('5xx on checkout')).toBe('Rule5xxOnCheckout');
    expect(constructIdFor('!!!')).toBe('Rule');
    const rule = importFixture('single-rule.json');
    const { rules } = importRules([{ name: 'a.json', text: JSON.stringify([rule, rule]) }]);
    expect(rules.map((r) => r.constructId)).toEqual(['SearchApiP99Latency', 'SearchApiP99Latency2']);
  });

  it('normalizes what SigNoz reads as unset, and aliases, without changing the input', () => {
    const rule = importFixture('api-response.json').data[1];
    const frozen = JSON.stringify(rule);
    const normalized = normalizeImportedRule(rule) as any;
    expect(JSON.stringify(rule)).toBe(frozen);
    expect(normalized.condition.thresholds.spec[0]).toEqual({ name: 'critical', target: 5, matchType: 'on_average', op: 'above', channels: ['slack-payments'] });
    expect(normalized.condition.compositeQuery.queries[0].spec).toEqual({
      name: 'A',
      signal: 'logs',
      disabled: true,
      aggregations: [{ expression: 'count()' }],
      filter: { expression: "service.name = 'checkout' AND severity_number >= 17" },
    });
    expect(normalized.condition.compositeQuery.queries[2].spec).toEqual({ name: 'F1', expression: 'A / B * 100' });
  });
});
