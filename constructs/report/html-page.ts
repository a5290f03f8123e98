/**
 * The frame of the toolkit's HTML reports: one self-contained file (inline CSS and SVG, no
 * scripts, fonts or images from anywhere), text escaped for HTML with invisible characters shown,
 * and numbers written the same way on every run so the same input gives the same bytes.
 */
import { visibleText } from '../util/visible-text';

/**
 * `text` safe inside HTML or SVG text and inside a quoted attribute value: `& < > " '` escaped,
 * control characters HTML forbids dropped, and bidirectional or zero-width characters shown as
 * `<U+202E>` so a hostile name reads as what it is.
 */
export function escapeHtml(text: string): string {
  return (
    visibleText(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/** A coordinate with at most two decimals and no `-0`, so output is byte-stable. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** A value for an axis or a tooltip: up to 6 significant digits, plain (no exponent for everyday magnitudes). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return String(rounded === 0 ? 0 : rounded);
}

/** The page's style: readable on screen and in a screenshot, no external fonts. */
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.summary { color: #57606a; margin: 0 0 12px; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 6px; border-radius: 4px; margin-right: 6px; color: #fff; }
.badge.pass { background: #1a7f37; }
.badge.fail { background: #cf222e; }
.badge.error { background: #9a6700; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; overflow-x: auto; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
figure { margin: 8px 0 16px; }
svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg text { font-size: 11px; fill: #424a53; }
svg .axis-label { font-size: 12px; fill: #1f2328; }
ul.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; }
ul.legend li { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
ul.legend svg { display: inline-block; flex: none; }
.muted { color: #57606a; }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0 12px; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
`;

/** A whole HTML document: `title` escaped here, `body` already HTML. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // the file loads nothing: styles are inline, images are inline SVG, there are no scripts
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
