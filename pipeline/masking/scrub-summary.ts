/**
 * Scrubs a plan summary before any format escapes it. Escaping changes how a secret is spelt
 * (`MKA_low` becomes `MKA\_low`, `@` becomes `&#64;`, `|` becomes `\|` in a code span) and
 * truncation can cut it in half, so a pass over the rendered text alone cannot find it; GitHub then
 * renders the escapes back. Every string of the summary model goes through the redactor's scrub
 * first; the renderer's pass over the rendered text stays as the last line of defence.
 *
 * The same pass neutralizes this toolkit's hidden comment markers (`signoz-alerts:fingerprint ...`,
 * `signoz-alerts:plan-summary`) inside any text that came from the plan, a note or a user: only the
 * toolkit writes those markers, so an alert description or a Terraform error cannot smuggle one in.
 *
 * It also shows bidirectional and zero-width characters as `<U+202E>` (every format of the summary
 * is read by people: the PR comment, the job summary, plan-summary's text), before the size budget
 * is counted, so the longer spelling cannot push a comment over its limit.
 */
import { visibleText } from '../../constructs/util/visible-text';
import type { Redactor } from './redactor';

/** `signoz-alerts` followed by `:` (any case, any spacing): the start of every marker this toolkit writes. */
const MARKER_PREFIX = /(signoz-alerts)(\s*:)/gi;

/** Breaks any toolkit marker in text that did not come from the toolkit itself (a zero-width space before the colon). */
export function neutralizeMarkers(text: string): string {
  return text.replace(MARKER_PREFIX, '$1\u200b$2');
}

/** `value` with every string scrubbed of secrets and markers, invisible characters shown; the shape (plain objects and arrays) is kept. */
export function scrubStrings<T>(value: T, redactor: Redactor): T {
  // A summary repeats the same texts (types, field names, values) thousands of times; each is scrubbed once per pass.
  const seen = new Map<string, string>();
  const scrubText = (text: string): string => {
    let scrubbed = seen.get(text);
    if (scrubbed === undefined) seen.set(text, (scrubbed = neutralizeMarkers(visibleText(redactor.scrub(text)))));
    return scrubbed;
  };
  return scrubValue(value, scrubText) as T;
}

function scrubValue(value: unknown, scrubText: (text: string) => string): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrubText));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = scrubValue((value as Record<string, unknown>)[key], scrubText);
    return out;
  }
  return value;
}
