/**
 * The query references in a formula expression such as `(A / B) * 100` or `A.0 + B.errors`, read
 * with the one formula parser (`model/formula-expression.ts`) the evaluator also uses.
 */
import { FormulaSyntaxError, formulaVariables, parseFormula } from '../model/formula-expression';

export interface FormulaAnalysis {
  /** Query names referenced, in order of first appearance (`A.0` and `A.alias` refer to `A`). */
  readonly queryNames: string[];
  /** Why the expression does not parse, if it does not. */
  readonly error?: string;
}

/** Analyses remembered per process (bounded): an estate repeats the same few formulas in every rule. */
const ANALYSIS_CACHE_LIMIT = 4096;
const analyses = new Map<string, FormulaAnalysis>();

/** The query names `expression` refers to, or why it does not parse. */
export function analyzeFormula(expression: string): FormulaAnalysis {
  const known = analyses.get(expression);
  // each caller gets its own list
  if (known) return { ...known, queryNames: [...known.queryNames] };
  const analysis = analyze(expression);
  if (analyses.size < ANALYSIS_CACHE_LIMIT) analyses.set(expression, { ...analysis, queryNames: [...analysis.queryNames] });
  return analysis;
}

function analyze(expression: string): FormulaAnalysis {
  try {
    const names = formulaVariables(parseFormula(expression)).map((name) => name.split('.')[0]!);
    return { queryNames: [...new Set(names)] };
  } catch (err) {
    if (!(err instanceof FormulaSyntaxError)) throw err;
    return { queryNames: [], error: err.reason };
  }
}

/** Query names a trace-operator expression such as `A => B && NOT C` refers to. */
export function traceOperatorReferences(expression: string): string[] {
  const words = expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  return [...new Set(words.filter((word) => word !== 'NOT'))];
}
