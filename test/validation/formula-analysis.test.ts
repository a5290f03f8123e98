import { analyzeFormula, traceOperatorReferences } from '../../constructs/validation/formula-analysis';

describe('formula expressions', () => {
  it.each([
    ['A / B * 100', ['A', 'B']],
    ['(A + B) / 2', ['A', 'B']],
    ['A.0 / A.errors', ['A']],
    ['sqrt(A*A + B_total*B_total)', ['A', 'B_total']],
    ['abs(A - [B.count]) > 0 && true', ['A', 'B']],
    ['100 * A / (B + 0.0001)', ['A', 'B']],
    ['A - 1e3 + .5E-2 * B', ['A', 'B']],
  ])('%j refers to %j', (expression, names) => {
    expect(analyzeFormula(expression)).toEqual({ queryNames: names });
  });

  it.each([
    ['(A / B', 'unbalanced parenthesis'],
    ['A / B)', 'unbalanced parenthesis'],
    ['round(A)', 'undefined function round'],
    ['A == "x', 'unclosed string literal'],
    ['[A', 'unclosed parameter bracket'],
  ])('%j cannot be parsed: %s', (expression, error) => {
    expect(analyzeFormula(expression).error).toBe(error);
  });

  it('reads the queries of a trace-operator expression', () => {
    expect(traceOperatorReferences('A => B && NOT C || (A -> D)')).toEqual(['A', 'B', 'C', 'D']);
  });
});
