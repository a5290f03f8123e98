/**
 * Sorts plan resources into what an alerting reviewer thinks in: alerts, notification channels,
 * routes and maintenance windows. Any resource with a `path` on the channel API is a channel,
 * whatever its type (see `channels/channel-api-path.ts`).
 */
import { ownEntry } from '../../constructs/util/json';
import { isChannelApiPath } from '../../constructs/channels/channel-api-path';

export type ResourceCategory = 'alert' | 'channel' | 'route' | 'window' | 'other';

export const ALERT_RESOURCE_TYPES: ReadonlySet<string> = new Set(['signoz_rule', 'signoz_alert']);
const ROUTE_RESOURCE_TYPES: ReadonlySet<string> = new Set(['signoz_route_policy']);
const WINDOW_RESOURCE_TYPES: ReadonlySet<string> = new Set(['signoz_planned_maintenance']);
const CHANNEL_RESOURCE_TYPES: ReadonlySet<string> = new Set(['signoz_notification_channel']);

/** The category of a resource from its type and, for generic REST objects, its `path` attribute. */
export function resourceCategory(type: string, attributes: unknown): ResourceCategory {
  if (ALERT_RESOURCE_TYPES.has(type)) return 'alert';
  if (ROUTE_RESOURCE_TYPES.has(type)) return 'route';
  if (WINDOW_RESOURCE_TYPES.has(type)) return 'window';
  if (CHANNEL_RESOURCE_TYPES.has(type)) return 'channel';
  const path = attributes !== null && typeof attributes === 'object' ? (attributes as Record<string, unknown>).path : undefined;
  if (isChannelApiPath(path)) return 'channel';
  return 'other';
}

/** Attributes that never help a reviewer and may echo secrets back from the server. */
const IGNORED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['id'],
  signoz_alert: ['state', 'create_at', 'create_by', 'update_at', 'update_by'],
  restapi_object: ['api_data', 'api_response', 'create_response', 'object_id'],
  terraform_data: ['output'],
};

/** Attributes left out of diffs and refactor comparisons for this resource type. */
export function ignoredAttributes(type: string): ReadonlySet<string> {
  return new Set([...(IGNORED_ATTRIBUTES['*'] ?? []), ...(ownEntry(IGNORED_ATTRIBUTES, type) ?? [])]);
}
