/**
 * Builders for synthesized stacks as policy checks read them, without running cdktf: a compliant
 * baseline that every default rule accepts, and small changes to break one rule at a time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeRuleResource } from '../../../constructs/codecs';
import type { RulePayload } from '../../../constructs/model/rule-payload';
import type { SynthesizedStack } from '../../../policies';

/** An alert every default rule accepts (with the baseline stack's channels). */
export function goodPayload(change?: (p: RulePayload) => void): RulePayload {
  const payload: RulePayload = {
    alert: 'Checkout CPU high',
    alertType: 'METRIC_BASED_ALERT',
    ruleType: 'threshold_rule',
    condition: {
      compositeQuery: {
        queryType: 'builder',
        panelType: 'graph',
        queries: [
          {
            type: 'builder_query',
            spec: {
              name: 'A',
              signal: 'metrics',
              groupBy: [{ name: 'host.name' }],
              aggregations: [{ metricName: 'system.cpu.utilization', timeAggregation: 'avg', spaceAggregation: 'max' }],
            },
          },
        ],
      },
      selectedQueryName: 'A',
      thresholds: {
        kind: 'basic',
        spec: [
          { name: 'critical', target: 0.9, op: 'above', matchType: 'on_average', channels: ['pagerduty-oncall'] },
          { name: 'warning', target: 0.8, op: 'above', matchType: 'on_average', channels: ['slack-alerts'] },
        ],
      },
    },
    labels: { team: 'payments', service: 'checkout' },
    annotations: { summary: 'CPU {{$value}}', runbook_url: 'https://runbooks.example.com/checkout-cpu' },
    disabled: false,
    version: 'v5',
    schemaVersion: 'v2alpha1',
    evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
    notificationSettings: { groupBy: [], usePolicy: false, renotify: { enabled: true, interval: '4h', alertStates: ['firing'] } },
  };
  change?.(payload);
  return payload;
}

export interface AlertSpec {
  readonly id: string;
  readonly payload: RulePayload;
  readonly type?: 'signoz_rule' | 'signoz_alert';
}

export interface StackSpec {
  readonly name?: string;
  readonly environment?: string | null;
  readonly alerts?: readonly AlertSpec[];
  /** Channels as `restapi_object` resources: name -> receiver kind (`pagerduty`, `slack`, ...). */
  readonly channels?: Readonly<Record<string, string>>;
  readonly routePolicies?: readonly { id: string; name: string; expression: string; channels: readonly string[] }[];
  /** Channels referenced by name only (`NotificationChannel.fromName`): name -> kind ('' when unknown). */
  readonly importedChannels?: Readonly<Record<string, string>>;
  readonly terraform?: Record<string, unknown>;
  readonly suppressions?: readonly unknown[];
  readonly sources?: Readonly<Record<string, string>>;
  /** Changes the finished document (to plant secrets, remove blocks, ...). */
  readonly change?: (document: Record<string, any>) => void;
}

export const GOOD_TERRAFORM = {
  required_version: '1.11.4',
  required_providers: {
    restapi: { source: 'Mastercard/restapi', version: '= 3.0.0' },
    signoz: { source: 'signoz/signoz', version: '0.0.17' },
  },
  backend: { s3: { bucket: 'alerts-state', key: 'prod.tfstate', region: 'eu-west-1', use_lockfile: true } },
};

const RECEIVER_SETTINGS: Record<string, string> = {
  pagerduty: '{"routing_key":${jsonencode(var.pd_key)},"severity":"critical"}',
  opsgenie: '{"api_key":${jsonencode(var.og_key)}}',
  slack: '{"api_url":${jsonencode(var.slack_url)},"channel":"#alerts"}',
  webhook: '{"url":"https://relay.example.com/hook"}',
};

function channelResource(stack: string, name: string, kind: string): Record<string, unknown> {
  const id = name.replace(/[^A-Za-z0-9]/g, '_');
  return {
    '//': { metadata: { path: `${stack}/channels/${id}/channel`, uniqueId: id } },
    path: '/api/v1/channels',
    data: `{"name":"${name}","${kind}_configs":[${RECEIVER_SETTINGS[kind] ?? '{}'}]}`,
  };
}

/** A synthesized stack document (as `cdk.tf.json` holds it) built from parts. */
export function stackDocument(spec: StackSpec = {}): Record<string, any> {
  const name = spec.name ?? 'prod';
  const resource: Record<string, Record<string, unknown>> = {};
  const add = (type: string, id: string, body: Record<string, unknown>): void => {
    resource[type] ??= {};
    resource[type]![id] = body;
  };
  for (const alert of spec.alerts ?? [{ id: 'CheckoutCpu', payload: goodPayload() }]) {
    const type = alert.type ?? 'signoz_rule';
    add(type, alert.id, { '//': { metadata: { path: `${name}/${alert.id}/Resource`, uniqueId: alert.id } }, ...encodeRuleResource(type, alert.payload) });
  }
  for (const [channel, kind] of Object.entries(spec.channels ?? { 'pagerduty-oncall': 'pagerduty', 'slack-alerts': 'slack' })) {
    add('restapi_object', channel.replace(/[^A-Za-z0-9]/g, '_'), channelResource(name, channel, kind));
  }
  for (const policy of spec.routePolicies ?? []) {
    add('signoz_route_policy', policy.id, {
      '//': { metadata: { path: `${name}/${policy.id}/Resource`, uniqueId: policy.id } },
      name: policy.name,
      expression: policy.expression,
      channels: [...policy.channels],
    });
  }
  const ours: Record<string, unknown> = {};
  if (spec.environment !== null) ours.environment = spec.environment ?? 'prod';
  if (spec.suppressions) ours.suppressions = spec.suppressions;
  if (spec.sources) ours.sources = spec.sources;
  if (spec.importedChannels) ours.importedChannels = spec.importedChannels;
  const document: Record<string, any> = {
    '//': { metadata: { backend: 's3', stackName: name, version: '0.21.0' }, outputs: {}, ...(Object.keys(ours).length > 0 ? { 'signoz-alerts': ours } : {}) },
    provider: { restapi: [{ uri: '${var.signoz_endpoint}', headers: { 'SIGNOZ-API-KEY': '${var.signoz_token}' } }], signoz: [{}] },
    resource,
    terraform: structuredClone(spec.terraform ?? GOOD_TERRAFORM),
    variable: {
      pd_key: { type: 'string', sensitive: true },
      slack_url: { type: 'string', sensitive: true },
      signoz_token: { type: 'string', sensitive: true },
      signoz_endpoint: { type: 'string', default: 'https://signoz.example.com' },
    },
  };
  spec.change?.(document);
  return document;
}

/** The stack as the engine takes it, with pretty-printed text so findings get line numbers. */
export function synthesizedStack(spec: StackSpec = {}): SynthesizedStack {
  const name = spec.name ?? 'prod';
  const document = stackDocument(spec);
  return { name, file: `cdktf.out/stacks/${name}/cdk.tf.json`, document, text: JSON.stringify(document, null, 2) };
}

/** Writes stacks as `cdktf synth` lays them out: `<dir>/manifest.json` and `<dir>/stacks/<name>/cdk.tf.json`. */
export function writeCdktfOut(dir: string, specs: readonly StackSpec[]): void {
  const stacks: Record<string, unknown> = {};
  for (const spec of specs) {
    const name = spec.name ?? 'prod';
    const synthesizedStackPath = `stacks/${name}/cdk.tf.json`;
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, synthesizedStackPath), JSON.stringify(stackDocument(spec), null, 2));
    stacks[name] = { name, constructPath: name, synthesizedStackPath, workingDirectory: `stacks/${name}`, annotations: [], dependencies: [] };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks }, null, 2));
}
