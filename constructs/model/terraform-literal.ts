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

/** Whether any string leaf of a JSON value satisfies `test` (object keys are not tested). */
export function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v) => someString(v, test));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => someString(v, test));
  return false;
}
