import { CHANNEL_KINDS, type ChannelKind } from '../model/channel-ref';
import type { Secret } from '../secrets/secret';

/**
 * Typed settings of each channel kind. Text fields are Alertmanager Go templates over the
 * notification data (`.Status`, `.Alerts`, `.CommonLabels`, `.CommonAnnotations`, ...); every
 * optional text has a default from `default-templates.ts`. Secrets are {@link Secret}s only.
 */
interface CommonChannelSettings {
  /** Also notify when the alert resolves. @default true */
  readonly sendResolved?: boolean;
}

/** Slack incoming webhook. */
export interface SlackChannelConfig extends CommonChannelSettings {
  readonly kind: 'slack';
  /** Incoming-webhook URL (`api_url`); anyone holding it can post to the channel. */
  readonly webhookUrl: Secret;
  /** Channel override, `#name` or `@user` (ignored by webhooks tied to one channel). @default - the webhook's channel */
  readonly channel?: string;
  /** Message title template. @default - status, firing count and alert name */
  readonly title?: string;
  /** Message body template. @default - one block per alert with severity, summary, description and labels */
  readonly text?: string;
  /** Bot name shown in Slack. @default - the webhook's name */
  readonly username?: string;
  /** Emoji shown as the bot icon, e.g. `:rotating_light:`. @default - the webhook's icon */
  readonly iconEmoji?: string;
}

/** Basic authentication for a webhook. */
export interface WebhookBasicAuth {
  readonly type: 'basic';
  /** User name (not secret). */
  readonly username: string;
  readonly password: Secret;
}

/** Bearer-token authentication for a webhook (`Authorization: Bearer <token>`). */
export interface WebhookBearerAuth {
  readonly type: 'bearer';
  readonly token: Secret;
}

/** Generic webhook receiving Alertmanager's JSON payload. */
export interface WebhookChannelConfig extends CommonChannelSettings {
  readonly kind: 'webhook';
  /** Endpoint URL; treated as a secret because webhook URLs often embed tokens. */
  readonly url: Secret;
  /** Authentication. @default - none */
  readonly auth?: WebhookBasicAuth | WebhookBearerAuth;
  /** Maximum alerts per payload (0 = all). @default 0 */
  readonly maxAlerts?: number;
}

/** PagerDuty Events API v2. */
export interface PagerDutyChannelConfig extends CommonChannelSettings {
  readonly kind: 'pagerduty';
  /** Integration (routing) key of the PagerDuty service. */
  readonly routingKey: Secret;
  /** Incident summary template. @default - alert name and summary */
  readonly description?: string;
  /** PagerDuty severity: critical, error, warning, info, or a template. @default - the alert's severity label, mapped */
  readonly severity?: string;
  /** Source client name. @default 'SigNoz' */
  readonly client?: string;
  /** Link back to the source, e.g. your SigNoz URL. @default - none */
  readonly clientUrl?: string;
  /** Event class. @default - none */
  readonly class?: string;
  /** Affected component. @default - none */
  readonly component?: string;
  /** Logical group. @default - none */
  readonly group?: string;
  /** Extra custom details (template values). @default - firing and resolved alert lists */
  readonly details?: Readonly<Record<string, string>>;
}

/** E-mail (SMTP transport is SigNoz's server-wide configuration). */
export interface EmailChannelConfig extends CommonChannelSettings {
  readonly kind: 'email';
  /** Recipients. */
  readonly to: readonly string[];
  /** Subject template. @default - status and alert name */
  readonly subject?: string;
  /** HTML body template. @default - SigNoz's server-side e-mail template */
  readonly html?: string;
}

/** Opsgenie (Atlassian) alerts API. */
export interface OpsgenieChannelConfig extends CommonChannelSettings {
  readonly kind: 'opsgenie';
  /** API key of the Opsgenie integration. */
  readonly apiKey: Secret;
  /** Opsgenie API base, e.g. https://api.eu.opsgenie.com/ for the EU instance. @default - Alertmanager's default (US) */
  readonly apiUrl?: string;
  /** Alert message template (Opsgenie truncates at 130 characters). @default - alert name */
  readonly message?: string;
  /** Alert description template. @default - one line per alert with its summary */
  readonly description?: string;
  /** P1..P5 or a template. @default - mapped from the severity label */
  readonly priority?: string;
  /** Extra details (template values). @default - none */
  readonly details?: Readonly<Record<string, string>>;
  /** Opsgenie tags (comma-separated template). @default - none */
  readonly tags?: string;
}

/** Microsoft Teams through a Workflows (Power Automate) webhook, Alertmanager's `msteamsv2`. */
export interface MsTeamsChannelConfig extends CommonChannelSettings {
  readonly kind: 'msteamsv2';
  /** Workflows webhook URL. */
  readonly webhookUrl: Secret;
  /** Card title template. @default - status, firing count and alert name */
  readonly title?: string;
  /** Card text template. @default - one block per alert */
  readonly text?: string;
}

/** Google Chat incoming webhook (a SigNoz-native receiver). */
export interface GoogleChatChannelConfig extends CommonChannelSettings {
  readonly kind: 'googlechat';
  /** Space webhook URL (contains the space key and token). */
  readonly webhookUrl: Secret;
  /** Message title template. @default - status, firing count and alert name */
  readonly title?: string;
  /** Message text template. @default - one block per alert */
  readonly text?: string;
}

/** The typed configuration of one channel of the kinds with a factory. */
export type ChannelConfig =
  SlackChannelConfig | WebhookChannelConfig | PagerDutyChannelConfig | EmailChannelConfig | OpsgenieChannelConfig | MsTeamsChannelConfig | GoogleChatChannelConfig;

/** The receiver array each kind is sent in: `<kind>_configs`. */
export const RECEIVER_CONFIG_KEY: Readonly<Record<ChannelKind, string>> = Object.fromEntries(CHANNEL_KINDS.map((k) => [k, `${k}_configs`])) as Record<ChannelKind, string>;

/**
 * The top-level secret fields of each kind (Alertmanager's `Secret` and `SecretURL` fields, by the
 * JSON names SigNoz reads): their values must be {@link Secret}s. Below `http_config` every kind
 * also has `basic_auth.password`, `authorization.credentials`, `bearer_token`,
 * `oauth2.client_secret`, `tls_config.key` and the `secrets` of `http_headers`; `sns` has `sigv4.SecretKey`.
 */
export const RECEIVER_SECRET_FIELDS = {
  googlechat: ['webhook_url'],
  discord: ['webhook_url'],
  email: [],
  incidentio: ['alert_source_token'],
  pagerduty: ['routing_key', 'service_key'],
  slack: ['api_url', 'app_token'],
  webhook: ['url'],
  opsgenie: ['api_key'],
  wechat: ['api_secret'],
  pushover: ['token', 'user_key'],
  victorops: ['api_key'],
  sns: [],
  telegram: ['token'],
  webex: [],
  msteams: ['webhook_url'],
  msteamsv2: ['webhook_url'],
  jira: [],
  rocketchat: ['token', 'token_id'],
  mattermost: ['webhook_url'],
} as const satisfies Readonly<Record<ChannelKind, readonly string[]>>;

/** A JSON value whose leaves may be {@link Secret}s, filled in by Terraform at plan time. */
export type ReceiverValue = string | number | boolean | Secret | readonly ReceiverValue[] | { readonly [key: string]: ReceiverValue };

/** The settings of one receiver config of kind `K`: Alertmanager's fields, snake_case, secrets as {@link Secret}s. */
export type ReceiverSettings<K extends ChannelKind = ChannelKind> = { readonly [F in (typeof RECEIVER_SECRET_FIELDS)[K][number]]?: Secret } & {
  readonly [field: string]: ReceiverValue | undefined;
};

/**
 * One entry of a receiver's `<kind>_configs` list, for any kind SigNoz accepts: the settings are
 * Alertmanager's fields as SigNoz's channel API names them (e.g. `{ kind: 'discord', settings:
 * { webhook_url: Secret.fromVariable(stack, 'discord_url'), title: '...' } }`). Unknown fields are
 * refused at synth; secret fields take {@link Secret}s only. SigNoz fills in Alertmanager's defaults
 * for fields left out.
 */
export type ReceiverConfig = { readonly [K in ChannelKind]: { readonly kind: K; readonly settings: ReceiverSettings<K> } }[ChannelKind];
