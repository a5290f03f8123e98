/**
 * Strings in Terraform JSON are templates: `${...}` interpolates an expression (a variable, a
 * function call), `$${` and `%%{` are escaped literals. Policies judge only the literal text: a
 * value that comes from `${var.x}` is a reference, never a literal secret.
 */
import { parseJsonInput } from '../util/parse-input';

export type TemplatePart = { readonly literal: string } | { readonly expression: string };

/** Index just past the `}` closing an interpolation that starts at `open` (`${` or `%{`), or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits a Terraform string into literal text (escapes undone) and interpolated expressions. */
export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if ((c === '$' || c === '%') && next === c && text[i + 2] === '{') {
      literal += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && next === '{') {
      const end = closingBrace(text, i + 1);
      if (end < 0) {
        literal += text.slice(i);
        break;
      }
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ expression: text.slice(i, end) });
      i = end;
    } else {
      literal += c;
      i++;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** Whether the string interpolates anything. */
export function hasInterpolation(text: string): boolean {
  return text.includes('{') && splitTemplate(text).some((p) => 'expression' in p);
}

/** The literal text with each interpolation replaced by `placeholder`. */
export function literalText(text: string, placeholder = ' '): string {
  if (!text.includes('{')) return text;
  return splitTemplate(text)
    .map((p) => ('literal' in p ? p.literal : placeholder))
    .join('');
}

/**
 * Parses JSON text that Terraform will render: interpolations may stand for whole values
 * (`"key": ${jsonencode(var.x)}`) or sit inside strings. Interpolations come back as their
 * `${...}` text. Returns `undefined` when the text is not JSON even so.
 */
export function parseTemplatedJson(text: string): unknown {
  let json = '';
  let inString = false;
  for (const part of splitTemplate(text)) {
    if ('expression' in part) {
      const quoted = JSON.stringify(part.expression);
      json += inString ? quoted.slice(1, -1) : quoted;
      continue;
    }
    for (let i = 0; i < part.literal.length; i++) {
      const c = part.literal[i]!;
      json += c;
      if (inString && c === '\\') {
        json += part.literal[++i] ?? '';
      } else if (c === '"') inString = !inString;
    }
  }
  const parsed = parseJsonInput(json);
  return 'error' in parsed ? undefined : parsed.value;
}
