/**
 * The fields of each receiver kind SigNoz accepts, as its channel API reads and stores them (the
 * JSON names of Alertmanager v0.31.1's notifier configs, SigNoz's `googlechat` config, and the
 * Prometheus HTTP client config), and which of them hold secrets (Alertmanager's `Secret`,
 * `SecretURL` and `SecretTemplateURL` fields). Data only, free of the CDK engine.
 */
import type { ChannelKind } from '../model/channel-ref';
import { RECEIVER_SECRET_FIELDS } from './channel-config';

/** What a field holds: a secret, any JSON value, an object with known fields, a map, or a list. */
export type FieldSpec = 'secret' | 'value' | { readonly fields: Readonly<Record<string, FieldSpec>> } | { readonly entries: FieldSpec } | { readonly items: FieldSpec };

const S = 'secret';
const V = 'value';

function values(...names: string[]): Record<string, FieldSpec> {
  return Object.fromEntries(names.map((n) => [n, V]));
}

const tlsConfig: FieldSpec = {
  fields: {
    ...values('ca', 'cert', 'ca_file', 'cert_file', 'key_file', 'ca_ref', 'cert_ref', 'key_ref', 'server_name', 'insecure_skip_verify', 'min_version', 'max_version'),
    key: S,
  },
};

const proxyFields: Record<string, FieldSpec> = {
  ...values('proxy_url', 'no_proxy', 'proxy_from_environment'),
  proxy_connect_header: { entries: { items: S } },
};

/** Prometheus' HTTP client configuration, shared by every kind but e-mail. */
const httpConfig: FieldSpec = {
  fields: {
    basic_auth: { fields: { ...values('username', 'username_file', 'username_ref', 'password_file', 'password_ref'), password: S } },
    authorization: { fields: { ...values('type', 'credentials_file', 'credentials_ref'), credentials: S } },
    oauth2: {
      fields: {
        ...values(
          'client_id',
          'client_secret_file',
          'client_secret_ref',
          'client_certificate_key_id',
          'client_certificate_key_file',
          'client_certificate_key_ref',
          'grant_type',
          'signature_algorithm',
          'iss',
          'audience',
          'claims',
          'scopes',
          'token_url',
          'endpoint_params',
        ),
        client_secret: S,
        client_certificate_key: S,
        TLSConfig: tlsConfig,
        ...proxyFields,
      },
    },
    bearer_token: S,
    bearer_token_file: V,
    tls_config: tlsConfig,
    follow_redirects: V,
    enable_http2: V,
    http_headers: { entries: { fields: { values: V, secrets: { items: S }, files: V } } },
    ...proxyFields,
  },
};

/** SNS request signing; Alertmanager's type has no JSON names, so SigNoz reads and stores Go's field names. */
const sigv4: FieldSpec = {
  fields: { ...values('Region', 'AccessKey', 'Profile', 'RoleARN', 'ExternalID', 'UseFIPSSTSEndpoint', 'ServiceName'), SecretKey: S },
};

/** The SMTP transport fields of an e-mail config: SigNoz drops them (its server configuration sets them). */
export const EMAIL_TRANSPORT_FIELDS: readonly string[] = [
  'from',
  'hello',
  'smarthost',
  'auth_username',
  'auth_password',
  'auth_password_file',
  'auth_secret',
  'auth_secret_file',
  'auth_identity',
  'require_tls',
  'tls_config',
  'force_implicit_tls',
];

function kind(name: ChannelKind, fields: Record<string, FieldSpec>, options: { http?: boolean } = {}): Readonly<Record<string, FieldSpec>> {
  const secrets = Object.fromEntries((RECEIVER_SECRET_FIELDS[name] as readonly string[]).map((f) => [f, S]));
  return { send_resolved: V, ...(options.http === false ? {} : { http_config: httpConfig }), ...fields, ...secrets };
}

/** The fields of each kind's config, `send_resolved` and `http_config` included. */
export const RECEIVER_FIELDS: Readonly<Record<ChannelKind, Readonly<Record<string, FieldSpec>>>> = {
  googlechat: kind('googlechat', { ...values('title', 'text') }),
  discord: kind('discord', { ...values('webhook_url_file', 'content', 'title', 'message', 'username', 'avatar_url') }),
  email: kind('email', values('to', 'headers', 'html', 'text', 'threading'), { http: false }),
  incidentio: kind('incidentio', { ...values('url', 'url_file', 'alert_source_token_file', 'max_alerts', 'timeout') }),
  pagerduty: kind('pagerduty', {
    ...values(
      'service_key_file',
      'routing_key_file',
      'url',
      'client',
      'client_url',
      'description',
      'details',
      'images',
      'links',
      'source',
      'severity',
      'class',
      'component',
      'group',
      'timeout',
    ),
  }),
  slack: kind('slack', {
    ...values(
      'api_url_file',
      'app_token_file',
      'app_url',
      'channel',
      'username',
      'color',
      'title',
      'title_link',
      'pretext',
      'text',
      'message_text',
      'fields',
      'short_fields',
      'footer',
      'fallback',
      'callback_id',
      'icon_emoji',
      'icon_url',
      'image_url',
      'thumb_url',
      'link_names',
      'mrkdwn_in',
      'actions',
      'timeout',
    ),
  }),
  webhook: kind('webhook', { ...values('url_file', 'max_alerts', 'timeout') }),
  opsgenie: kind('opsgenie', {
    ...values('api_key_file', 'api_url', 'message', 'description', 'source', 'details', 'entity', 'responders', 'actions', 'tags', 'note', 'priority', 'update_alerts'),
  }),
  wechat: kind('wechat', { ...values('api_secret_file', 'corp_id', 'message', 'api_url', 'to_user', 'to_party', 'to_tag', 'agent_id', 'message_type') }),
  pushover: kind('pushover', {
    ...values('user_key_file', 'token_file', 'title', 'message', 'url', 'url_title', 'device', 'sound', 'priority', 'retry', 'expire', 'ttl', 'html', 'monospace'),
  }),
  victorops: kind('victorops', {
    ...values('api_key_file', 'api_url', 'routing_key', 'message_type', 'state_message', 'entity_display_name', 'monitoring_tool', 'custom_fields'),
  }),
  sns: kind('sns', { sigv4, ...values('api_url', 'topic_arn', 'phone_number', 'target_arn', 'subject', 'message', 'attributes') }),
  // SigNoz reads receivers as JSON, where Alertmanager names the bot token `token` and the chat id `chat`.
  telegram: kind('telegram', { ...values('api_url', 'token_file', 'chat', 'chat_file', 'message_thread_id', 'message', 'disable_notifications', 'parse_mode') }),
  webex: kind('webex', values('api_url', 'message', 'room_id')),
  msteams: kind('msteams', { ...values('webhook_url_file', 'title', 'summary', 'text') }),
  msteamsv2: kind('msteamsv2', { ...values('webhook_url_file', 'title', 'text') }),
  jira: kind(
    'jira',
    values(
      'api_url',
      'api_type',
      'project',
      'summary',
      'description',
      'labels',
      'priority',
      'issue_type',
      'reopen_transition',
      'resolve_transition',
      'wont_fix_resolution',
      'reopen_duration',
      'custom_fields',
    ),
  ),
  rocketchat: kind('rocketchat', {
    ...values(
      'api_url',
      'token_id_file',
      'token_file',
      'channel',
      'color',
      'title',
      'title_link',
      'text',
      'fields',
      'short_fields',
      'emoji',
      'icon_url',
      'image_url',
      'thumb_url',
      'link_names',
      'actions',
    ),
  }),
  mattermost: kind('mattermost', {
    ...values('webhook_url_file', 'channel', 'username', 'text', 'icon_url', 'icon_emoji', 'attachments', 'type', 'props', 'priority'),
  }),
};

/** Alertmanager's `send_resolved` when a config leaves it out. */
export const SEND_RESOLVED_DEFAULT: Readonly<Record<ChannelKind, boolean>> = {
  googlechat: false,
  discord: true,
  email: false,
  incidentio: true,
  pagerduty: true,
  slack: false,
  webhook: true,
  opsgenie: true,
  wechat: false,
  pushover: true,
  victorops: true,
  sns: true,
  telegram: true,
  webex: true,
  msteams: true,
  msteamsv2: true,
  jira: true,
  rocketchat: false,
  mattermost: true,
};

/** The paths (below the config) of the secret fields present in a config given as plain JSON. */
export function secretFieldPaths(kindName: ChannelKind, config: Readonly<Record<string, unknown>>): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (spec: FieldSpec, value: unknown, path: (string | number)[]): void => {
    if (spec === 'secret') {
      if (typeof value === 'string' && value !== '') found.push(path);
      return;
    }
    if (spec === 'value' || value === null || typeof value !== 'object') return;
    if ('items' in spec) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(spec.items, item, [...path, i]));
    } else if (!Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const inner = 'entries' in spec ? spec.entries : spec.fields[key];
        if (inner !== undefined) walk(inner, record[key], [...path, key]);
      }
    }
  };
  walk({ fields: RECEIVER_FIELDS[kindName] }, config, []);
  return found;
}
