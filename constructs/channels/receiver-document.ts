import type { ChannelKind } from '../model/channel-ref';
import { redactedSecretMarker } from '../model/secret-patterns';
import { escapeTemplateSequences } from '../model/terraform-literal';
import { Secret } from '../secrets/secret';
import { CHANNEL_KINDS } from '../model/channel-ref';
import { RECEIVER_CONFIG_KEY, type ChannelConfig, type ReceiverConfig, type ReceiverValue } from './channel-config';

import * as defaults from './default-templates';
import { PropsError } from '../model/props-error';

/** The Alertmanager receiver SigNoz's channel API takes: `{ name, <kind>_configs: [ {...} ] }`. */
export interface ReceiverDocument {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly body: { readonly [key: string]: ReceiverValue };
}

/** One scalar (or secret) of a receiver and where it sits. */
export interface ReceiverLeaf {
  readonly path: readonly (string | number)[];
  readonly value: string | number | boolean | Secret;
}

type Entries = Record<string, ReceiverValue | undefined>;

function compact(entries: Entries): Record<string, ReceiverValue> {
  const out: Record<string, ReceiverValue> = {};
  for (const key of Object.keys(entries).sort()) {
    const value = entries[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]!]),
  );
}

/** The receiver settings (snake_case, Alertmanager field names) of one validated config, defaults applied. */
function receiverSettings(config: ChannelConfig): Record<string, ReceiverValue> {
  const sendResolved = config.sendResolved ?? true;
  switch (config.kind) {
    case 'slack':
      return compact({
        api_url: config.webhookUrl,
        channel: config.channel,
        title: config.title ?? defaults.DEFAULT_TITLE,
        text: config.text ?? defaults.defaultText('*'),
        username: config.username,
        icon_emoji: config.iconEmoji,
        send_resolved: sendResolved,
      });
    case 'webhook':
      return compact({
        url: config.url,
        http_config:
          config.auth === undefined
            ? undefined
            : config.auth.type === 'basic'
              ? { basic_auth: { password: config.auth.password, username: config.auth.username } }
              : { authorization: { credentials: config.auth.token, type: 'Bearer' } },
        max_alerts: config.maxAlerts,
        send_resolved: sendResolved,
      });
    case 'pagerduty':
      return compact({
        routing_key: config.routingKey,
        description: config.description ?? defaults.DEFAULT_PAGERDUTY_DESCRIPTION,
        severity: config.severity ?? defaults.DEFAULT_PAGERDUTY_SEVERITY,
        client: config.client ?? defaults.DEFAULT_PAGERDUTY_CLIENT,
        client_url: config.clientUrl,
        class: config.class,
        component: config.component,
        group: config.group,
        details: config.details === undefined ? undefined : sortedRecord(config.details),
        send_resolved: sendResolved,
      });
    case 'email':
      return compact({
        to: config.to.join(', '),
        headers: { Subject: config.subject ?? defaults.DEFAULT_SUBJECT },
        html: config.html,
        send_resolved: sendResolved,
      });
    case 'opsgenie':
      return compact({
        api_key: config.apiKey,
        api_url: config.apiUrl,
        message: config.message ?? defaults.DEFAULT_OPSGENIE_MESSAGE,
        description: config.description ?? defaults.DEFAULT_OPSGENIE_DESCRIPTION,
        priority: config.priority ?? defaults.DEFAULT_OPSGENIE_PRIORITY,
        details: config.details === undefined ? undefined : sortedRecord(config.details),
        tags: config.tags,
        send_resolved: sendResolved,
      });
    case 'msteamsv2':
      return compact({
        webhook_url: config.webhookUrl,
        title: config.title ?? defaults.DEFAULT_TITLE,
        text: config.text ?? defaults.defaultText('**'),
        send_resolved: sendResolved,
      });
    case 'googlechat':
      return compact({
        webhook_url: config.webhookUrl,
        title: config.title ?? defaults.DEFAULT_TITLE,
        text: config.text ?? defaults.defaultText('*'),
        send_resolved: sendResolved,
      });
  }
}

/** Builds the receiver document SigNoz stores for channel `name`. */
export function buildReceiver(name: string, config: ChannelConfig): ReceiverDocument {
  return { name, kind: config.kind, body: { name, [RECEIVER_CONFIG_KEY[config.kind]]: [receiverSettings(config)] } };
}

/** `value` with object keys sorted at every depth and unset (`undefined`) fields left out. */
function sortedDeep(value: ReceiverValue): ReceiverValue {
  if (Secret.isSecret(value) || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly ReceiverValue[]).map(sortedDeep);
  const record = value as { readonly [key: string]: ReceiverValue | undefined };
  const out: Record<string, ReceiverValue> = {};
  for (const key of Object.keys(record).sort()) {
    const inner = record[key];
    if (inner !== undefined) out[key] = sortedDeep(inner);
  }
  return out;
}

/**
 * Builds the receiver document of a channel given as validated receiver configs: each kind's
 * `<kind>_configs` list holds its configs in the given order, the settings as given (SigNoz fills
 * in Alertmanager's defaults). The document's kind is the one SigNoz names the channel by.
 */
export function buildReceiverFromConfigs(name: string, configs: readonly ReceiverConfig[]): ReceiverDocument {
  const body: Record<string, ReceiverValue> = { name };
  const kinds = CHANNEL_KINDS.filter((kind) => configs.some((c) => c.kind === kind));
  for (const kind of [...kinds].sort()) {
    body[RECEIVER_CONFIG_KEY[kind]] = configs.filter((c) => c.kind === kind).map((c) => sortedDeep(c.settings as ReceiverValue));
  }
  return { name, kind: kinds[0]!, body };
}

/** Every scalar and secret of the document, depth first, in key order. */
export function receiverLeaves(value: ReceiverValue, path: readonly (string | number)[] = []): ReceiverLeaf[] {
  if (Secret.isSecret(value) || typeof value !== 'object') return [{ path, value }];
  if (Array.isArray(value)) return (value as readonly ReceiverValue[]).flatMap((item, i) => receiverLeaves(item, [...path, i]));
  const record = value as { readonly [key: string]: ReceiverValue };
  return Object.keys(record).flatMap((key) => receiverLeaves(record[key]!, [...path, key]));
}

/** The secrets the document uses, each once, by variable name. */
export function receiverSecrets(document: ReceiverDocument): Secret[] {
  const byName = new Map<string, Secret>();
  for (const leaf of receiverLeaves(document.body)) {
    if (Secret.isSecret(leaf.value)) byName.set(leaf.value.variableName, leaf.value);
  }
  return [...byName.keys()].sort().map((k) => byName.get(k)!);
}

/** The document with every secret replaced by a marker naming its variable: safe to print and to diff. */
export function redactedReceiver(value: ReceiverValue): unknown {
  if (Secret.isSecret(value)) return redactedSecretMarker(value.variableName);
  if (Array.isArray(value)) return (value as readonly ReceiverValue[]).map(redactedReceiver);
  if (typeof value === 'object') {
    const record = value as { readonly [key: string]: ReceiverValue };
    return Object.fromEntries(Object.keys(record).map((k) => [k, redactedReceiver(record[k]!)]));
  }
  return value;
}

const SENTINEL = '__signoz_alerts_secret_';

/**
 * The document as a Terraform template string: JSON text whose secrets are `${jsonencode(var.x)}`.
 * Terraform fills them in at plan time, and marks the result sensitive because it derives from
 * sensitive variables. Literal text is escaped so `${`/`%{` in it reach SigNoz verbatim.
 */
export function receiverTemplate(document: ReceiverDocument): string {
  const secrets: Secret[] = [];
  const withSentinels = (value: ReceiverValue): unknown => {
    if (Secret.isSecret(value)) {
      secrets.push(value);
      return `${SENTINEL}${secrets.length - 1}__`;
    }
    if (Array.isArray(value)) return (value as readonly ReceiverValue[]).map(withSentinels);
    if (typeof value === 'object') {
      const record = value as { readonly [key: string]: ReceiverValue };
      return Object.fromEntries(Object.keys(record).map((k) => [k, withSentinels(record[k]!)]));
    }
    if (typeof value === 'string' && value.includes(SENTINEL)) {
      throw new PropsError('NotificationChannel', '', [{ field: 'config', message: `channel '${document.name}': text must not contain '${SENTINEL}', which is reserved` }]);
    }
    return value;
  };
  const json = escapeTemplateSequences(JSON.stringify(withSentinels(document.body)));
  return json.replace(new RegExp(`"${SENTINEL}(\\d+)__"`, 'g'), (_, index: string) => `\${jsonencode(${secrets[Number(index)]!.expression})}`);
}
