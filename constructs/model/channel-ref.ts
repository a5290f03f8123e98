import type { ITerraformDependable } from '../engine';

/** Kinds of notification channel SigNoz can deliver to: the `<kind>_configs` lists its receivers take. */
export type ChannelKind =
  | 'googlechat'
  | 'discord'
  | 'email'
  | 'incidentio'
  | 'pagerduty'
  | 'slack'
  | 'webhook'
  | 'opsgenie'
  | 'wechat'
  | 'pushover'
  | 'victorops'
  | 'sns'
  | 'telegram'
  | 'webex'
  | 'msteams'
  | 'msteamsv2'
  | 'jira'
  | 'rocketchat'
  | 'mattermost';

/**
 * Every kind of notification channel SigNoz accepts (Alertmanager v0.31.1's receivers plus SigNoz's
 * own `googlechat`), in the order SigNoz reads them when it names a channel's type (the first
 * non-empty list wins).
 */
export const CHANNEL_KINDS: readonly ChannelKind[] = [
  'googlechat',
  'discord',
  'email',
  'incidentio',
  'pagerduty',
  'slack',
  'webhook',
  'opsgenie',
  'wechat',
  'pushover',
  'victorops',
  'sns',
  'telegram',
  'webex',
  'msteams',
  'msteamsv2',
  'jira',
  'rocketchat',
  'mattermost',
];

/** Channel kinds that page a human (used by routing policies and the paging-impact report). */
export const PAGING_CHANNEL_KINDS: readonly ChannelKind[] = ['pagerduty', 'opsgenie', 'victorops', 'incidentio'];

/**
 * Names of channels whose kind is unknown (managed elsewhere) that are taken to page: containing
 * `pagerduty`, `opsgenie`, `oncall`/`on-call` or `paging`, or the word `pd`, `page` or `pager`
 * (`pd-checkout`, `team-pager`; not `homepage-alerts`). Used by the policies and the plan summary.
 */
export const PAGING_CHANNEL_NAME = /pagerduty|opsgenie|on-?call|paging|(?:^|[^a-z])(?:pd|page|pager)(?:[^a-z]|$)/i;

/**
 * What an alert rule or route policy needs to know about a notification channel. SigNoz references
 * channels by name; a channel managed in the same app also carries the Terraform resource that
 * creates it, so rules that use it depend on it and Terraform creates the channel first.
 */
export interface IChannelRef {
  /** The channel name in SigNoz (unique per organisation). */
  readonly channelName: string;
  /** The channel kind, when known (undefined for channels referenced by name only). */
  readonly kind?: ChannelKind;
  /** The resource that creates the channel, when this app manages it. */
  readonly dependable?: ITerraformDependable;
}

/** A channel given either as a reference or as its plain SigNoz name. */
export type ChannelInput = IChannelRef | string;

export function channelName(channel: ChannelInput): string {
  return typeof channel === 'string' ? channel : channel.channelName;
}
