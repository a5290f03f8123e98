/**
 * Turns SigNoz notification channels (the `/api/v1/channels` answers, or receiver documents as
 * posted) into code: `NotificationChannel.<kind>(...)` for a single config the typed factory can
 * write, `NotificationChannel.fromReceiverConfigs(...)` for any other kind, several configs, or
 * settings the factory has no field for. Every secret (webhook URLs, routing keys, API keys,
 * passwords, tokens: the fields Alertmanager types as secrets) becomes
 * `Secret.fromVariable(stack, '<name>')`: the value never reaches the code, the messages or the
 * report. Like rules, the code is checked, not assumed: it is built with the real construct in a
 * scratch stack and its receiver must equal the imported one after SigNoz's normalizations
 * (`normalizedReceiverConfig`).
 */
import { isDeepStrictEqual } from 'node:util';
import type { TerraformStack } from '../constructs/engine';
import type { ChannelConfig } from '../constructs/channels/channel-config';
import { NotificationChannel } from '../constructs/channels/notification-channel';
import { SEND_RESOLVED_DEFAULT, secretFieldPaths } from '../constructs/channels/receiver-catalog';
import { redactedReceiver } from '../constructs/channels/receiver-document';
import { receiverKind } from '../constructs/channels/receiver-kind';
import { CHANNEL_KINDS, type ChannelKind } from '../constructs/model/channel-ref';
import { redactedSecretMarker } from '../constructs/model/secret-patterns';
import { Secret } from '../constructs/secrets/secret';
import { isPlainObject } from '../constructs/util/json';
import { array, evaluateExpr, literal, object, secret, type CodeExpr } from './code-expression';
import { firstDifference } from './rule-to-code';
import { inScratchStack } from './scratch-stack';

/** The factory for receivers written as Alertmanager configs, of any kind. */
const RECEIVER_FACTORY = 'fromReceiverConfigs';

/** The kinds with a typed factory. */
type TypedKind = ChannelConfig['kind'];

/** The `NotificationChannel` factory generated code calls. */
export type ChannelFactory = 'slack' | 'webhook' | 'pagerDuty' | 'email' | 'opsgenie' | 'msTeams' | 'googleChat' | 'fromReceiverConfigs';

/** The typed `NotificationChannel` factory of each kind that has one. */
const FACTORIES: Readonly<Record<TypedKind, Exclude<ChannelFactory, typeof RECEIVER_FACTORY>>> = {
  slack: 'slack',
  webhook: 'webhook',
  pagerduty: 'pagerDuty',
  email: 'email',
  opsgenie: 'opsgenie',
  msteamsv2: 'msTeams',
  googlechat: 'googleChat',
};

export interface ChannelSecret {
  /** The Terraform variable (`TF_VAR_<variable>`) that carries the value. */
  readonly variable: string;
  /** Where the value sits in the receiver, e.g. `slack_configs/0/api_url`. */
  readonly field: string;
}

export interface ChannelCode {
  /** The kind SigNoz names the channel by (its first config's, in SigNoz's order). */
  readonly kind: ChannelKind;
  readonly factory: ChannelFactory;
  /** The factory's props; secrets are `secret` nodes. */
  readonly props: CodeExpr;
  readonly secrets: readonly ChannelSecret[];
}

/** `Payments Slack #1` -> `payments_slack_1`: a usable Terraform variable name part. */
function variablePart(name: string): string {
  const part = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (part === '') return 'channel';
  return /^[0-9]/.test(part) ? `channel_${part}` : part;
}

const DEFAULT_TEMPLATE = /^\{\{-? ?template "[A-Za-z0-9_]+\.default\.[A-Za-z0-9_.]+" [^{}]*\}\}$/;
const DEFAULT_VALUES = new Set([
  '{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}',
  '{{ if eq .Status "firing" }}red{{ else }}green{{ end }}',
  '{{ if eq .Status "firing" }}2{{ else }}0{{ end }}',
  '{{ .Alerts.Firing | len }}',
  '{{ .Alerts.Resolved | len }}',
  'https://events.pagerduty.com/v2/enqueue',
]);

/** Plain values Alertmanager fills in for one kind's fields (the templates are recognised by their names). */
const KIND_DEFAULTS: Readonly<Partial<Record<ChannelKind, Readonly<Record<string, unknown>>>>> = {
  victorops: { message_type: 'CRITICAL' },
  telegram: { parse_mode: 'HTML' },
  jira: { api_type: 'auto' },
};

/** Whether `value` is what Alertmanager fills in for a field nobody set. */
function isServerDefault(value: unknown): boolean {
  if (typeof value === 'string') return DEFAULT_TEMPLATE.test(value.trim()) || DEFAULT_VALUES.has(value);
  if (isPlainObject(value)) return Object.values(value).every(isServerDefault);
  return false;
}

/** A value that holds nothing: `null`, `''`, `[]`, `{}`. */
function isUnset(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

/** Unset, `false` or `0`: what Alertmanager's configs hold for a field nobody set. */
function isEmpty(value: unknown): boolean {
  return isUnset(value) || value === false || value === 0;
}

/** `value` without the fields `drop` matches, at every depth below the top. */
function pruned(value: unknown, drop: (value: unknown) => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => pruned(item, drop));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const inner = pruned(v, drop);
    if (!drop(inner)) out[key] = inner;
  }
  return out;
}

/** `http_config` without the values Prometheus' HTTP client config has when nothing is set (`follow_redirects` and `enable_http2` default to true). */
function normalizedHttpConfig(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'follow_redirects' || key === 'enable_http2') {
      if (v === false) out[key] = v;
      continue;
    }
    const inner = pruned(v, isEmpty);
    if (!isEmpty(inner)) out[key] = inner;
  }
  return out;
}

/**
 * One `<kind>_configs` entry as SigNoz's normalizations leave it comparable: values Alertmanager
 * fills in for fields that were not set (empty values, `false`, `0`, its `{{ template "x.default.y" . }}`
 * texts, the HTTP client's defaults) are dropped unless `written` says the toolkit sends the field
 * itself; `send_resolved` is made explicit; e-mail recipients are written `a, b`.
 */
export function normalizedReceiverConfig(kind: ChannelKind, config: Readonly<Record<string, unknown>>, written: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(config).sort()) {
    let value = config[key];
    if (key === 'send_resolved') {
      if (typeof value === 'boolean') out[key] = value;
      continue;
    }
    // below the top, `false` and `0` stay: they may be set on purpose (Jira's `enable_update: false`)
    value = key === 'http_config' ? normalizedHttpConfig(value) : pruned(value, isUnset);
    if (key === 'to' && kind === 'email' && typeof value === 'string') value = splitAddresses(value).join(', ');
    if (key === 'headers' && isPlainObject(value)) {
      value = Object.fromEntries(Object.entries(value).filter(([name, v]) => !(name !== 'Subject' && isServerDefault(v))));
    }
    if (isEmpty(value)) continue;
    if (!written.has(key) && (isServerDefault(value) || isDeepStrictEqual(KIND_DEFAULTS[kind]?.[key], value))) continue;
    out[key] = value;
  }
  if (out.send_resolved === undefined) out.send_resolved = SEND_RESOLVED_DEFAULT[kind];
  return out;
}

function splitAddresses(to: string): string[] {
  return to
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

interface Mapping {
  readonly entries: [string, CodeExpr][];
  readonly secrets: ChannelSecret[];
  readonly used: Set<string>;
}

/** Props of one config entry, and the receiver keys they account for. */
function mapConfig(kind: TypedKind, config: Readonly<Record<string, unknown>>, at: string, variableBase: string, scopeVar: string, values: Map<string, string>): Mapping {
  const entries: [string, CodeExpr][] = [];
  const secrets: ChannelSecret[] = [];
  const used = new Set<string>(['send_resolved']);
  const text = (key: string, prop: string): void => {
    if (typeof config[key] === 'string') {
      entries.push([prop, literal(config[key])]);
      used.add(key);
    }
  };
  const secretOf = (key: string, value: unknown, suffix: string, field: string): CodeExpr | undefined => {
    if (typeof value !== 'string') return undefined;
    const variable = `${variableBase}_${suffix}`;
    secrets.push({ variable, field });
    values.set(variable, value);
    used.add(key);
    return secret(scopeVar, variable);
  };
  const record = (key: string, prop: string): void => {
    const value = config[key];
    if (isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')) {
      entries.push([prop, literal(value)]);
      used.add(key);
    }
  };
  const addSecret = (prop: string, key: string, suffix: string): void => {
    const expr = secretOf(key, config[key], suffix, `${at}/${key}`);
    if (expr) entries.push([prop, expr]);
  };
  switch (kind) {
    case 'slack':
      addSecret('webhookUrl', 'api_url', 'webhook_url');
      for (const [key, prop] of [
        ['channel', 'channel'],
        ['title', 'title'],
        ['text', 'text'],
        ['username', 'username'],
        ['icon_emoji', 'iconEmoji'],
      ] as const)
        text(key, prop);
      break;
    case 'webhook': {
      addSecret('url', 'url', 'url');
      const http = config.http_config;
      if (isPlainObject(http) && Object.keys(http).length === 1) {
        const basic = http.basic_auth;
        const bearer = http.authorization;
        if (isPlainObject(basic) && typeof basic.username === 'string' && Object.keys(basic).every((k) => k === 'username' || k === 'password')) {
          const password = secretOf('http_config', basic.password, 'password', `${at}/http_config/basic_auth/password`);
          if (password)
            entries.push([
              'auth',
              object([
                ['type', literal('basic')],
                ['username', literal(basic.username)],
                ['password', password],
              ]),
            ]);
        } else if (isPlainObject(bearer) && (bearer.type === 'Bearer' || bearer.type === undefined) && Object.keys(bearer).every((k) => k === 'type' || k === 'credentials')) {
          const token = secretOf('http_config', bearer.credentials, 'token', `${at}/http_config/authorization/credentials`);
          if (token)
            entries.push([
              'auth',
              object([
                ['type', literal('bearer')],
                ['token', token],
              ]),
            ]);
        }
      }
      if (typeof config.max_alerts === 'number') {
        entries.push(['maxAlerts', literal(config.max_alerts)]);
        used.add('max_alerts');
      }
      break;
    }
    case 'pagerduty':
      addSecret('routingKey', 'routing_key', 'routing_key');
      for (const [key, prop] of [
        ['description', 'description'],
        ['severity', 'severity'],
        ['client', 'client'],
        ['client_url', 'clientUrl'],
        ['class', 'class'],
        ['component', 'component'],
        ['group', 'group'],
      ] as const)
        text(key, prop);
      record('details', 'details');
      break;
    case 'email': {
      if (typeof config.to === 'string') {
        entries.push(['to', literal(splitAddresses(config.to))]);
        used.add('to');
      }
      const headers = config.headers;
      if (isPlainObject(headers) && Object.keys(headers).every((k) => k === 'Subject') && typeof headers.Subject === 'string') {
        entries.push(['subject', literal(headers.Subject)]);
        used.add('headers');
      }
      text('html', 'html');
      break;
    }
    case 'opsgenie':
      addSecret('apiKey', 'api_key', 'api_key');
      for (const [key, prop] of [
        ['api_url', 'apiUrl'],
        ['message', 'message'],
        ['description', 'description'],
        ['priority', 'priority'],
        ['tags', 'tags'],
      ] as const)
        text(key, prop);
      record('details', 'details');
      break;
    case 'msteamsv2':
    case 'googlechat':
      addSecret('webhookUrl', 'webhook_url', 'webhook_url');
      text('title', 'title');
      text('text', 'text');
      break;
  }
  if (typeof config.send_resolved === 'boolean' && config.send_resolved !== true) entries.push(['sendResolved', literal(config.send_resolved)]);
  return { entries, secrets, used };
}

/** The receiver keys the toolkit writes for `kind` when no optional setting is given. */
function writtenByDefault(kind: TypedKind): Set<string> {
  const built = inScratchStack((stack) => {
    const anySecret = Secret.fromVariable(stack, 'x');
    const minimal: Record<TypedKind, Record<string, unknown>> = {
      slack: { webhookUrl: anySecret },
      webhook: { url: anySecret },
      pagerduty: { routingKey: anySecret },
      email: { to: ['a@example.com'] },
      opsgenie: { apiKey: anySecret },
      msteamsv2: { webhookUrl: anySecret },
      googlechat: { webhookUrl: anySecret },
    };
    return (NotificationChannel[FACTORIES[kind]] as (s: TerraformStack, id: string, p: unknown) => NotificationChannel)(stack, 'c', { name: 'c', ...minimal[kind] });
  });
  if ('error' in built) throw new Error(built.error);
  const configs = built.value.receiver.body[`${kind}_configs`] as readonly Record<string, unknown>[];
  return new Set(Object.keys(configs[0]!));
}

const writtenCache = new Map<TypedKind, Set<string>>();
function written(kind: TypedKind): Set<string> {
  let keys = writtenCache.get(kind);
  if (!keys) writtenCache.set(kind, (keys = writtenByDefault(kind)));
  return keys;
}

/** A receiver with every secret replaced by the marker `redactedReceiver` writes for its variable. */
function markSecrets(value: unknown, byValue: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    const variable = byValue.get(value);
    return variable === undefined ? value : redactedSecretMarker(variable);
  }
  if (Array.isArray(value)) return value.map((v) => markSecrets(v, byValue));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markSecrets(v, byValue)]));
  return value;
}

export type ChannelConversion = { readonly code: ChannelCode; readonly notes: string[] } | { readonly problems: string[] };

const CONFIG_LISTS = new Map<string, ChannelKind>(CHANNEL_KINDS.map((kind) => [`${kind}_configs`, kind]));

/** The code of a single config of a kind with a typed factory, or why the factory cannot write it. */
function typedChannelToCode(name: string, kind: TypedKind, config: Readonly<Record<string, unknown>>, variableBase: string, scopeVar: string): ChannelConversion {
  const configKey = `${kind}_configs`;
  const at = `${configKey}/0`;
  const input = normalizedReceiverConfig(kind, config, written(kind));
  const values = new Map<string, string>();
  const mapping = mapConfig(kind, input, at, variableBase, scopeVar, values);
  const unused = Object.keys(input).filter((k) => !mapping.used.has(k));
  if (unused.length > 0) return { problems: unused.map((k) => `${at}/${k}: NotificationChannel.${FACTORIES[kind]} has no setting that writes this value`) };
  const props = object([['name', literal(name)], ...mapping.entries]);

  const built = inScratchStack((stack) => {
    const value = evaluateExpr(props, (variable) => Secret.fromVariable(stack, variable));
    return (NotificationChannel[FACTORIES[kind]] as (s: TerraformStack, id: string, p: unknown) => NotificationChannel)(stack, 'channel', value);
  });
  if ('error' in built) return { problems: [`the NotificationChannel would be refused: ${built.error}`] };
  const byValue = new Map([...values].map(([variable, value]) => [value, variable] as const));
  const expected = { name, [configKey]: [markSecrets(input, byValue)] };
  const body = redactedReceiver(built.value.receiver.body) as Record<string, unknown>;
  const actual = { name: body.name, [configKey]: (body[configKey] as Record<string, unknown>[]).map((c) => normalizedReceiverConfig(kind, c, written(kind))) };
  if (!isDeepStrictEqual(actual, expected)) {
    return { problems: [`${firstDifference(actual, expected) ?? '/'}: NotificationChannel.${FACTORIES[kind]} would write this value differently`] };
  }
  const notes: string[] = [];
  if (kind === 'email' && typeof config.to === 'string' && config.to !== (input.to as string)) notes.push(`the recipients are written as ${JSON.stringify(input.to)}`);
  return { code: { kind, factory: FACTORIES[kind], props, secrets: mapping.secrets }, notes };
}

/** `value` as code, the strings at the secret paths as `Secret.fromVariable(...)`. */
function valueWithSecrets(value: unknown, path: readonly (string | number)[], secretAt: (path: readonly (string | number)[]) => CodeExpr | undefined): CodeExpr {
  const asSecret = secretAt(path);
  if (asSecret) return asSecret;
  if (Array.isArray(value)) return array(value.map((item, i) => valueWithSecrets(item, [...path, i], secretAt)));
  if (isPlainObject(value)) return object(Object.keys(value).map((key) => [key, valueWithSecrets(value[key], [...path, key], secretAt)] as const));
  return literal(value);
}

/** A receiver's configs of every kind as `NotificationChannel.fromReceiverConfigs` code. */
function receiverConfigsToCode(
  name: string,
  lists: readonly (readonly [ChannelKind, readonly Record<string, unknown>[]])[],
  variableBase: string,
  scopeVar: string,
): ChannelConversion {
  const secrets: ChannelSecret[] = [];
  const values = new Map<string, string>();
  const usedVariables = new Set<string>();
  const several = lists.length > 1 || lists[0]![1].length > 1;
  const items: CodeExpr[] = [];
  const expected: Record<string, unknown> = { name };
  for (const [kind, configs] of lists) {
    const normalized: Record<string, unknown>[] = [];
    configs.forEach((config, index) => {
      const at = `${kind}_configs/${index}`;
      const input = normalizedReceiverConfig(kind, config, new Set());
      const secretPaths = new Map(secretFieldPaths(kind, input).map((p) => [p.join('/'), p] as const));
      const secretAt = (path: readonly (string | number)[]): CodeExpr | undefined => {
        const key = path.join('/');
        if (!secretPaths.has(key)) return undefined;
        const parts = [...(several ? [`${kind}${configs.length > 1 ? `_${index + 1}` : ''}`] : []), ...path.filter((p, i) => !(i === 0 && p === 'http_config'))];
        const base = `${variableBase}_${variablePart(parts.join('_'))}`;
        let variable = base;
        for (let n = 2; usedVariables.has(variable); n++) variable = `${base}_${n}`;
        usedVariables.add(variable);
        secrets.push({ variable, field: `${at}/${key}` });
        values.set(variable, getPath(input, path) as string);
        return secret(scopeVar, variable);
      };
      const settings = Object.fromEntries(Object.entries(input).filter(([key, value]) => !(key === 'send_resolved' && value === SEND_RESOLVED_DEFAULT[kind])));
      items.push(
        object([
          ['kind', literal(kind)],
          ['settings', valueWithSecrets(settings, [], secretAt)],
        ]),
      );
      normalized.push(input);
    });
    expected[`${kind}_configs`] = normalized;
  }
  const props = object([
    ['name', literal(name)],
    ['receiverConfigs', array(items)],
  ]);

  const built = inScratchStack((stack) => {
    const value = evaluateExpr(props, (variable) => Secret.fromVariable(stack, variable));
    return NotificationChannel[RECEIVER_FACTORY](stack, 'channel', value as Parameters<(typeof NotificationChannel)[typeof RECEIVER_FACTORY]>[2]);
  });
  if ('error' in built) return { problems: [`the NotificationChannel would be refused: ${built.error}`] };
  const byValue = new Map([...values].map(([variable, value]) => [value, variable] as const));
  const body = redactedReceiver(built.value.receiver.body) as Record<string, unknown>;
  const actual: Record<string, unknown> = { name: body.name };
  for (const [kind] of lists) {
    const key = `${kind}_configs`;
    actual[key] = ((body[key] ?? []) as Record<string, unknown>[]).map((c) => normalizedReceiverConfig(kind, c, new Set(Object.keys(c))));
  }
  const marked = markSecrets(expected, byValue);
  if (!isDeepStrictEqual(actual, marked)) {
    return { problems: [`${firstDifference(actual, marked) ?? '/'}: NotificationChannel.${RECEIVER_FACTORY} would write this value differently`] };
  }
  return { code: { kind: built.value.kind, factory: RECEIVER_FACTORY, props, secrets }, notes: [] };
}

function getPath(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) current = (current as Record<string | number, unknown>)[part];
  return current;
}

/**
 * The code of the channel whose receiver is `receiver` (already parsed), with the secrets named
 * after `variableBase`. Problems name fields, never values.
 */
export function channelToCode(receiver: Readonly<Record<string, unknown>>, variableBase: string, scopeVar: string): ChannelConversion {
  const name = receiver.name;
  if (typeof name !== 'string' || name === '') return { problems: ['the receiver has no name'] };
  if (receiverKind(receiver) === undefined) return { problems: ['the receiver has no notification configuration (no non-empty *_configs list)'] };
  const lists: [ChannelKind, Record<string, unknown>[]][] = [];
  for (const key of Object.keys(receiver).sort()) {
    if (key === 'name' || isEmpty(receiver[key])) continue;
    const kind = CONFIG_LISTS.get(key);
    if (kind === undefined) {
      return { problems: [`${key}: not a receiver list SigNoz accepts; its lists are ${[...CONFIG_LISTS.keys()].join(', ')}`] };
    }
    const configs = receiver[key];
    const notObject = Array.isArray(configs) ? configs.findIndex((c) => !isPlainObject(c)) : -1;
    if (!Array.isArray(configs) || notObject !== -1) return { problems: [`${key}${notObject === -1 ? '' : `/${notObject}`}: expected a list of config objects`] };
    lists.push([kind, configs as Record<string, unknown>[]]);
  }
  const base = variablePart(variableBase);
  const notes: string[] = [];
  if (lists.length === 1 && lists[0]![1].length === 1 && lists[0]![0] in FACTORIES) {
    const [kind, [config]] = lists[0] as [TypedKind, [Record<string, unknown>]];
    const typed = typedChannelToCode(name, kind, config, base, scopeVar);
    if ('code' in typed) return typed;
    notes.push(`written as receiver configs because ${typed.problems[0]}`);
  }
  const generic = receiverConfigsToCode(name, lists, base, scopeVar);
  return 'code' in generic ? { code: generic.code, notes: [...notes, ...generic.notes] } : generic;
}
