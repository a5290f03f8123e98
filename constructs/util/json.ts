/** JSON helpers with the exact byte shapes the SigNoz provider and Terraform compare against. */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own member `key` of `value` when it is a JSON object, else undefined (never an inherited `constructor` or `__proto__`). */
export function valueAt(value: unknown, key: string): unknown {
  return isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * `table[key]` for a key read from input: only the table's own entries, so `constructor`,
 * `__proto__` or `toString` find nothing instead of a member of Object.prototype.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A deep copy with object keys sorted, so output does not depend on the order code set them. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => sortKeysDeep(v)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out as T;
  }
  return value;
}

const GO_HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON text exactly as Go's `encoding/json` writes a decoded value: keys sorted, no spaces, and
 * `<`, `>`, `&`, U+2028, U+2029 escaped. The legacy `signoz_alert` resource stores `condition` and
 * `evaluation` re-serialized this way, so any other spelling would read back as a change.
 */
export function goJsonStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)).replace(/[<>&\u2028\u2029]/g, (c) => GO_HTML_ESCAPES[c] ?? c);
}

/** Converted keys remembered per process: codecs convert the same few dozen keys for every rule of an estate. */
const CASE_CACHE_LIMIT = 4096;
const snakeCache = new Map<string, string>();
const camelCache = new Map<string, string>();

function cached(cache: Map<string, string>, key: string, convert: (key: string) => string): string {
  let out = cache.get(key);
  if (out === undefined) {
    out = convert(key);
    if (cache.size < CASE_CACHE_LIMIT) cache.set(key, out);
  }
  return out;
}

/** `metricName` -> `metric_name`. */
export function snakeCase(key: string): string {
  return cached(snakeCache, key, (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

/** `metric_name` -> `metricName`. */
export function camelCase(key: string): string {
  return cached(camelCache, key, (k) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
}

/** Drops `undefined` and `null` members of an object (one level). */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = value[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as Partial<T>;
}
