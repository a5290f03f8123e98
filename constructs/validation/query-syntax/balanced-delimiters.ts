/**
 * Quotes, comments and brackets of query languages, scanned once: an unterminated string or block
 * comment, a closing bracket without its opener, or an opener never closed, each at its position;
 * brackets nested deeper than `MAX_EXPRESSION_NESTING` are refused here, before a parser spends
 * seconds on them.
 */
import { MAX_EXPRESSION_NESTING, type SyntaxProblem } from './syntax-problem';

export interface DelimiterDialect {
  /** Quote characters that open a string or quoted identifier. */
  readonly quotes: string;
  /** Quotes inside which a backslash escapes the next character. */
  readonly backslashEscapes: string;
  /** Whether a doubled quote inside a string stands for the quote itself (SQL's `'it''s'`). */
  readonly doubledQuoteEscapes: boolean;
  /** Markers that start a comment running to the end of the line. */
  readonly lineComments: readonly string[];
  /** Whether `/* ... *\/` block comments exist. */
  readonly blockComments: boolean;
}

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** The end offset (exclusive) of the quoted text starting at `start`, or `undefined` when never closed. */
function skipQuoted(text: string, start: number, dialect: DelimiterDialect): number | undefined {
  const quote = text[start]!;
  const escapes = dialect.backslashEscapes.includes(quote);
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (escapes && char === '\\') {
      i++;
      continue;
    }
    if (char !== quote) continue;
    if (dialect.doubledQuoteEscapes && text[i + 1] === quote) {
      i++;
      continue;
    }
    return i + 1;
  }
  return undefined;
}

/** The first delimiter problem in `text`, or `undefined` when quotes, comments and brackets all balance. */
export function unbalancedDelimiter(text: string, dialect: DelimiterDialect): SyntaxProblem | undefined {
  const open: { char: string; offset: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const lineComment = dialect.lineComments.find((marker) => text.startsWith(marker, i));
    if (lineComment !== undefined) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (dialect.blockComments && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { offset: i, message: 'block comment "/*" is never closed; add "*/"' };
      i = end + 2;
      continue;
    }
    if (dialect.quotes.includes(char)) {
      const end = skipQuoted(text, i, dialect);
      if (end === undefined) return { offset: i, message: `the quote ${char} is never closed; add the closing ${char}` };
      i = end;
      continue;
    }
    const closer = CLOSER[char];
    if (closer !== undefined) {
      if (open.length >= MAX_EXPRESSION_NESTING) return { offset: i, message: `brackets nested more than ${MAX_EXPRESSION_NESTING} levels deep; simplify the query` };
      open.push({ char, offset: i });
    } else {
      const opener = OPENER[char];
      if (opener !== undefined) {
        const last = open.pop();
        if (last === undefined) return { offset: i, message: `"${char}" has no matching "${opener}" before it` };
        if (last.char !== opener) return { offset: i, message: `"${char}" closes "${last.char}" opened earlier, which needs "${CLOSER[last.char]}"` };
      }
    }
    i++;
  }
  const unclosed = open.pop();
  return unclosed === undefined ? undefined : { offset: unclosed.offset, message: `"${unclosed.char}" is never closed; add "${CLOSER[unclosed.char]}"` };
}
