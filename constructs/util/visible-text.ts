/**
 * Characters that change how text looks without being seen: bidirectional controls (a name with
 * U+202E reads backwards) and zero-width characters (two names that look the same). Reports show
 * them as `<U+202E>` so a reviewer sees them; the `invisible-characters` policy rule flags them.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** The invisible characters of `text`, each once, as `U+202E`. */
export function invisibleCharactersIn(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])].map(codePoint);
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every invisible character shown as `<U+XXXX>`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `<${codePoint(c)}>`);
}
