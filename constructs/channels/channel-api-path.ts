/**
 * SigNoz's notification-channel API. Channels have no resource in the SigNoz provider (0.0.17);
 * they are `restapi_object` resources on this API, so the path is what makes a resource a channel.
 */

/** Where this library manages channels. */
export const CHANNELS_PATH = '/api/v1/channels';

/** Paths of the channel API, legacy v1 and the newer v2 one, with or without an id, after any base path. */
const CHANNEL_API_PATH = /(?:^|\/)api\/v[12]\/(?:channels|notification_channels)\/?(?:\{id\}|[^/]*)?$/;

/** Whether a REST resource's `path` (or `create_path`) is the channel API. */
export function isChannelApiPath(path: unknown): boolean {
  return typeof path === 'string' && CHANNEL_API_PATH.test(path.trim());
}
