import { analyzeFormula, traceOperatorReferences } from '../../constructs/validation/formula-analysis';

describe('formula expressions', () => {
  it.each([
    ['A / B * 100', ['A', 'B']],
    ['(A + B) / 2', ['A', 'B']],
    ['A.0 / A.errors', ['A']],
    ['sqrt(A*A + B_total*B_total)', ['A', 'B_total']],
    ['abs(A - [B.count])', ['A', 'B']],
    ['100 * A / (B + 0.0001)', ['A', 'B']],
    ['A - 1e3 + .5E-2 * B', ['A', 'B']],
  ])('%j refers to %j', (expression, names) => {
    expect(analyzeFormula(expression)).toEqual({ queryNames: names });
  });

  it.each([
    ['(A / B', 'expected ")" at the end'],
    ['A / B)', 'unexpected ")" at column 6'],
    ['round(A)', /^unknown function round\(\) at column 1; SigNoz formulas allow /],
    ['A > 0 && true', /^operator ">" at column 3 is not supported: SigNoz drops every non-numeric formula result/],
    ['A == "x', /^operator "==" at column 3 is not supported/],
    ['[A', 'unclosed parameter bracket at column 1'],
  ])('%j cannot be parsed: %s', (expression, error) => {
    expect(analyzeFormula(expression).error).toMatch(error);
  });

  it('reads the queries of a trace-operator expression', () => {
    expect(traceOperatorReferences('A => B && NOT C || (A -> D)')).toEqual(['A', 'B', 'C', 'D']);
  });
});
