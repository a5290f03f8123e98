/**
 * Terraform reads `${...}` and `%{...}` inside every string of a synthesized configuration as
 * template syntax. User text (alert templates, descriptions, expressions) must reach SigNoz
 * verbatim, so it is escaped (`$${`, `%%{`) before it goes into an attribute.
 */
export function escapeTemplateSequences(text: string): string {
  // Replacement functions: in a replacement string, '$$' would collapse to a single '$'.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The text a Terraform string literal written by {@link escapeTemplateSequences} stands for. */
export function unescapeTemplateSequences(text: string): string {
  return text.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}

/** Applies `fn` to every string leaf of a JSON value (object keys are left alone). */
export function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return value;
}

/** `value` with every string leaf escaped for Terraform; the value itself when nothing needs it. */
export function escapedStrings<T>(value: T): T {
  return someString(value, (text) => text.includes('${') || text.includes('%{')) ? (mapStrings(value, escapeTemplateSequences) as T) : value;
}

/**
 * Resource attributes as a synthesized configuration (`cdk.tf.json`) holds them, read back to the
 * values Terraform sends to the provider. Plan and state JSON hold the values already; only
 * configuration needs this.
 */
export function configAttributeValues<T>(attributes: T): T {
  // Most attributes hold no escaped sequence: check before copying, which large estates feel.
  return someString(attributes, (text) => text.includes('$${') || text.includes('%%{')) ? (mapStrings(attributes, unescapeTemplateSequences) as T) : attributes;
}

/**
 * `configAttributeValues(attributes)`, or `undefined` when arrays and objects in `attributes` are
 * nested more than `limit` levels deep (the whole value is one level): one walk finds out both.
 */
export function configAttributeValuesWithin<T>(attributes: T, limit: number): T | undefined {
  const found = { escaped: false };
  if (deepOrEscaped(attributes, 1, limit, found)) return undefined;
  return found.escaped ? (mapStrings(attributes, unescapeTemplateSequences) as T) : attributes;
}

/** `true` when `value` (at `depth`) nests deeper than `limit`; sets `found.escaped` when a string leaf holds an escaped sequence. */
function deepOrEscaped(value: unknown, depth: number, limit: number, found: { escaped: boolean }): boolean {
  if (typeof value === 'string') {
    if (!found.escaped && (value.includes('$${') || value.includes('%%{'))) found.escaped = true;
    return false;
  }
  if (typeof value !== 'object' || value === null) return false;
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (deepOrEscaped(item, depth + 1, limit, found)) return true;
    return false;
  }
  for (const key of Object.keys(value)) if (deepOrEscaped((value as Record<string, unknown>)[key], depth + 1, limit, found)) return true;
  return false;
}

/** Whether any string leaf of a JSON value satisfies `test` (object keys are not tested). */
export function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v) => someString(v, test));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => someString(v, test));
  return false;
}
