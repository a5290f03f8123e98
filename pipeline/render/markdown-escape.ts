/**
 * Escaping for text that comes from the plan (alert names, queries, label values) so it renders
 * as text in a GitHub comment: no HTML, no links, no @-mentions, no broken tables. Only the
 * characters that can do harm are escaped, so the raw comment stays readable.
 */

/** Plain text inside an HTML element (the `<summary>` of a details block), on one line. */
export function escapeHtmlText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** Plain text in a markdown context (paragraphs, list items, table cells), on one line. */
export function escapeMarkdownText(text: string): string {
  // The HTML escapes add only '&', '#' and ';', none of which markdown needs escaped.
  return escapeHtmlText(text.replace(/[\\`*_[\]|]/g, (ch) => `\\${ch}`));
}

/** An inline code span that survives backticks in the value and table pipes. */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Cuts text to `max` characters, marking the cut. */
export function truncateText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
