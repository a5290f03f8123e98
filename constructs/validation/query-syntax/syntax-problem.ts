/** A syntax error found in query text, located for a person reading the query. */
export interface SyntaxProblem {
  /** UTF-16 offset into the query text where the problem starts. */
  readonly offset: number;
  /** What is wrong and, where it helps, how to fix it. */
  readonly message: string;
}

/** 1-based line and column of `offset` in `text` (a tab counts as one column). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `"line 2, column 7: <message>"`, the form every query syntax error is reported in. */
export function describeSyntaxProblem(text: string, problem: SyntaxProblem): string {
  const { line, column } = lineAndColumn(text, problem.offset);
  return `line ${line}, column ${column}: ${problem.message}`;
}

/** A short quotation of the text at `offset` for messages: one token-ish word, at most 20 characters. */
export function quoteAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const word = /^\s*(\S{1,20})/.exec(rest)?.[1] ?? '';
  return word === '' ? 'end of query' : JSON.stringify(word);
}

/** The deepest bracket nesting the expression readers take: real expressions nest a few levels, and deeper text would exhaust the stack. */
export const MAX_EXPRESSION_NESTING = 100;

/** A problem at the first opening bracket of `tokens` nested deeper than `MAX_EXPRESSION_NESTING`, if any. */
export function nestingProblem(
  tokens: readonly { readonly type: string; readonly offset: number }[],
  opens: readonly string[],
  closes: readonly string[],
): SyntaxProblem | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (closes.includes(token.type)) depth = Math.max(0, depth - 1);
    else if (opens.includes(token.type) && ++depth > MAX_EXPRESSION_NESTING) {
      return { offset: token.offset, message: `brackets nested more than ${MAX_EXPRESSION_NESTING} levels deep; simplify the expression` };
    }
  }
  return undefined;
}
