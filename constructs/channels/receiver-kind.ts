/** Reading a receiver body back: which kind of channel it configures. Kept free of the CDK engine for the CLI. */

const CONFIGS_SUFFIX = '_configs';

/** The kind of a receiver body: its non-empty `<kind>_configs` list (the first by name, should there be several). */
export function receiverKind(body: Readonly<Record<string, unknown>>): string | undefined {
  const key = Object.keys(body)
    .sort()
    .find((k) => k.endsWith(CONFIGS_SUFFIX) && Array.isArray(body[k]) && (body[k] as unknown[]).length > 0);
  return key === undefined ? undefined : key.slice(0, -CONFIGS_SUFFIX.length);
}
