/** Reading a receiver body back: which kind of channel it configures. Kept free of the CDK engine for the CLI. */
import { CHANNEL_KINDS } from '../model/channel-ref';

const CONFIGS_SUFFIX = '_configs';

function hasConfigs(body: Readonly<Record<string, unknown>>, key: string): boolean {
  return Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
}

/**
 * The kind of a receiver body as SigNoz names it (a channel's `type`): the first non-empty
 * `<kind>_configs` list in SigNoz's order; for lists SigNoz does not know, the first by name.
 */
export function receiverKind(body: Readonly<Record<string, unknown>>): string | undefined {
  const known = CHANNEL_KINDS.find((kind) => hasConfigs(body, `${kind}${CONFIGS_SUFFIX}`));
  if (known !== undefined) return known;
  const key = Object.keys(body)
    .sort()
    .find((k) => k.endsWith(CONFIGS_SUFFIX) && hasConfigs(body, k));
  return key === undefined ? undefined : key.slice(0, -CONFIGS_SUFFIX.length);
}
