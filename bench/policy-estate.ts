/**
 * Times the default policy pack over a synthetic estate: `npx tsx bench/policy-estate.ts [alerts] [stacks]`.
 * Prints one JSON line; the target is under 1 s for 10,000 alerts.
 */
import { encodeRuleResource } from '../constructs/codecs';
import type { RulePayload } from '../constructs/model/rule-payload';
import { PolicyPack } from '../policies';

const ALERTS = Number(process.argv[2] ?? 10_000);
const STACKS = Number(process.argv[3] ?? 10);

function payload(stack: number, i: number): RulePayload {
  return {
    alert: `Alert ${stack}-${i}`,
    alertType: 'METRIC_BASED_ALERT',
    ruleType: 'threshold_rule',
    condition: {
      compositeQuery: {
        queryType: 'builder',
        panelType: 'graph',
        queries: [{ type: 'builder_query', spec: { name: 'A', signal: 'metrics', groupBy: [{ name: 'host.name' }], aggregations: [{ metricName: `metric_${i}`, timeAggregation: 'avg', spaceAggregation: 'max' }] } }],
      },
      selectedQueryName: 'A',
      thresholds: {
        kind: 'basic',
        spec: [
          { name: 'critical', target: 90, op: 'above', matchType: 'on_average', channels: ['pagerduty-oncall'] },
          { name: 'warning', target: 80, op: 'above', matchType: 'on_average', channels: ['slack-alerts'] },
        ],
      },
    },
    labels: { team: `team${i % 40}`, service: `service${i % 200}` },
    annotations: { summary: 'Value {{$value}} over {{$threshold}}', runbook_url: `https://runbooks.example.com/${i}` },
    version: 'v5',
    schemaVersion: 'v2alpha1',
    evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
    notificationSettings: { groupBy: [], usePolicy: false, renotify: { enabled: true, interval: '4h', alertStates: ['firing'] } },
  };
}

function stackText(stack: number, count: number): string {
  const rules: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) rules[`Alert${i}`] = { '//': { metadata: { path: `prod-${stack}/Alert${i}/Resource`, uniqueId: `Alert${i}` } }, ...encodeRuleResource('signoz_rule', payload(stack, i)) };
  const channel = (name: string, kind: string, settings: string) => ({ path: '/api/v1/channels', data: `{"name":"${name}","${kind}_configs":[${settings}]}` });
  return JSON.stringify({
    '//': { metadata: { stackName: `prod-${stack}`, backend: 's3' }, 'signoz-alerts': { environment: 'prod' } },
    provider: { signoz: [{}] },
    resource: {
      signoz_rule: rules,
      restapi_object: { pd: channel('pagerduty-oncall', 'pagerduty', '{"routing_key":${jsonencode(var.pd)}}'), slack: channel('slack-alerts', 'slack', '{"api_url":${jsonencode(var.slack)}}') },
      signoz_route_policy: { critical: { name: 'critical', expression: 'severity == "critical" && team == "team1"', channels: ['pagerduty-oncall'] } },
    },
    terraform: { required_version: '1.11.4', required_providers: { signoz: { source: 'signoz/signoz', version: '0.0.17' } }, backend: { s3: { bucket: 'b', key: 'k', use_lockfile: true } } },
  }, null, 2);
}

const texts = Array.from({ length: STACKS }, (_, s) => stackText(s, Math.ceil(ALERTS / STACKS)));
const pack = PolicyPack.default();
const runs: { parseMs: number; checkMs: number }[] = [];
let summary;
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  const stacks = texts.map((text, s) => ({ name: `prod-${s}`, file: `cdktf.out/stacks/prod-${s}/cdk.tf.json`, text, document: JSON.parse(text) }));
  const t1 = performance.now();
  summary = pack.run(stacks, { today: '2026-03-01' }).summary;
  runs.push({ parseMs: Math.round(t1 - t0), checkMs: Math.round(performance.now() - t1) });
}
console.log(JSON.stringify({ alerts: summary!.alerts, stacks: STACKS, bytes: texts.reduce((n, t) => n + t.length, 0), findings: summary, runs }));
