/**
 * The query references in a formula expression such as `(A / B) * 100` or `A.0 + B.errors`, read
 * the way SigNoz's formula evaluator (govaluate with SigNoz's math functions) reads them.
 */
import { isFormulaFunction } from '../model/formula-functions';

const LITERALS = new Set(['true', 'false', 'in', 'IN']);

export interface FormulaAnalysis {
  /** Query names referenced, in order of first appearance (`A.0` and `A.alias` refer to `A`). */
  readonly queryNames: string[];
  /** Why govaluate would not parse the expression, if it would not. */
  readonly error?: string;
}

/** The query names `expression` refers to, and a parse problem if one is evident. */
export function analyzeFormula(expression: string): FormulaAnalysis {
  const queryNames: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i] as string;
    if (ch === '"' || ch === "'") {
      const close = expression.indexOf(ch, i + 1);
      if (close < 0) return { queryNames, error: 'unclosed string literal' };
      i = close + 1;
    } else if (ch === '[') {
      const close = expression.indexOf(']', i + 1);
      if (close < 0) return { queryNames, error: 'unclosed parameter bracket' };
      queryNames.push((expression.slice(i + 1, close).split('.')[0] ?? '').trim());
      i = close + 1;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(expression[i + 1] ?? ''))) {
      i += (/^(\d*\.?\d*)([eE][+-]?\d+)?/.exec(expression.slice(i)) as RegExpExecArray)[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(expression.slice(i)) as RegExpExecArray;
      const word = match[0];
      i += word.length;
      const callsFunction = /^\s*\(/.test(expression.slice(i));
      if (callsFunction) {
        if (!isFormulaFunction(word)) return { queryNames, error: `undefined function ${word}` };
      } else if (!LITERALS.has(word)) {
        queryNames.push(word.split('.')[0] as string);
      }
    } else {
      if (ch === '(') depth++;
      if (ch === ')' && --depth < 0) return { queryNames, error: 'unbalanced parenthesis' };
      i++;
    }
  }
  if (depth !== 0) return { queryNames, error: 'unbalanced parenthesis' };
  return { queryNames: [...new Set(queryNames)] };
}

/** Query names a trace-operator expression such as `A => B && NOT C` refers to. */
export function traceOperatorReferences(expression: string): string[] {
  const words = expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  return [...new Set(words.filter((word) => word !== 'NOT'))];
}
