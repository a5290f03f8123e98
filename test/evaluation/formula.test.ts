import { evaluateFormula } from '../../constructs/evaluation/formula';
import { evaluateFormulaNode, formulaVariables, FormulaSyntaxError, parseFormula, unreproducedFunction } from '../../constructs/model/formula-expression';
import type { ResultSeries } from '../../constructs/evaluation/series';
import { FORMULA_FUNCTIONS } from '../../constructs/model/formula-functions';
import { analyzeFormula } from '../../constructs/validation/formula-analysis';

const s = (labels: Record<string, string>, values: [number, number][]): ResultSeries => ({ labels, points: values });
const calc = (expression: string, values: Record<string, number> = {}): number => evaluateFormulaNode(parseFormula(expression), values, 0);

describe('formula expressions (govaluate with querybuildertypesv5.EvalFuncs)', () => {
  it('follows arithmetic precedence and parentheses', () => {
    expect(calc('A + B * 2', { A: 1, B: 3 })).toBe(7);
    expect(calc('(A + B) * 2', { A: 1, B: 3 })).toBe(8);
    expect(calc('A / B * 100', { A: 5, B: 200 })).toBe(2.5);
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('2 ** 3 * 2')).toBe(16);
    expect(calc('-2 ** 2')).toBe(4); // govaluate binds the prefix minus tighter than **
    expect(calc('7 % 4')).toBe(3);
  });

  it('supports the math functions SigNoz registers', () => {
    expect(calc('abs(A)', { A: -3 })).toBe(3);
    expect(calc('sqrt(16) + log10(1000) + log2(8)')).toBe(10);
    expect(calc('exp10(2.9)')).toBe(100); // math.Pow10(int(x)) truncates
    expect(calc('degrees(radians(90))')).toBeCloseTo(90, 12);
  });

  it('divides by zero as IEEE floats do (the formula evaluator then drops the point)', () => {
    expect(calc('A / B', { A: 1, B: 0 })).toBe(Infinity);
    expect(calc('A / B', { A: 0, B: 0 })).toBeNaN();
  });

  it('lists query references, including aggregation references like A.1 and A.alias', () => {
    expect(formulaVariables(parseFormula('(A.1 + B) / A.errors + B'))).toEqual(['A.1', 'B', 'A.errors']);
  });

  it('explains what it cannot read', () => {
    expect(() => parseFormula('A / (B')).toThrow(/expected "\)" at the end/);
    expect(() => parseFormula('A > 5')).toThrow(/operator ">" at column 3 is not supported/);
    expect(() => parseFormula('median(A)')).toThrow(/unknown function median\(\)/);
    expect(unreproducedFunction(parseFormula('erf(A)'))).toMatch(/not reproduced/);
    expect(() => parseFormula('')).toThrow(FormulaSyntaxError);
  });

  it('knows every function SigNoz registers, as the rule validator does: computed, or refused as not reproduced', () => {
    for (const fn of FORMULA_FUNCTIONS) {
      expect(analyzeFormula(`${fn}(A)`).error, fn).toBeUndefined();
      const unreproduced = unreproducedFunction(parseFormula(`${fn}(A)`));
      if (unreproduced !== undefined) expect(unreproduced, fn).toMatch(/is not reproduced by the evaluator/);
    }
    expect(analyzeFormula('median(A)').error).toMatch(/^unknown function median\(\) at column 1/);
  });
});

describe('formula series matched by labels (querybuildertypesv5.FormulaEvaluator)', () => {
  const none = new Set<string>();

  it('pairs series with the same labels and computes each common timestamp', () => {
    const out = evaluateFormula(
      { expression: 'A / B * 100', canDefaultZero: none },
      {
        A: [
          s({ service: 'cart' }, [
            [0, 5],
            [60, 10],
          ]),
          s({ service: 'pay' }, [[0, 1]]),
        ],
        B: [
          s({ service: 'pay' }, [[0, 50]]),
          s({ service: 'cart' }, [
            [0, 100],
            [60, 100],
          ]),
        ],
      },
      0,
    );
    const byService = Object.fromEntries(out.map((o) => [o.labels.service, o.points]));
    expect(byService).toEqual({
      cart: [
        [0, 5],
        [60, 10],
      ],
      pay: [[0, 2]],
    });
  });

  it('applies a series with fewer labels to every series it is a subset of', () => {
    const out = evaluateFormula(
      { expression: 'A / B', canDefaultZero: none },
      {
        A: [s({ service: 'cart', code: '500' }, [[0, 6]]), s({ service: 'cart', code: '503' }, [[0, 3]])],
        B: [s({ service: 'cart' }, [[0, 30]])],
      },
      0,
    );
    expect(out.map((o) => [o.labels.code, o.points[0]![1]]).sort()).toEqual([
      ['500', 0.2],
      ['503', 0.1],
    ]);
  });

  it('skips timestamps where a query has no point, unless that query may default to zero', () => {
    const inputs = {
      A: [s({}, [[60, 4]])],
      B: [
        s({}, [
          [0, 10],
          [60, 20],
        ]),
      ],
    };
    expect(evaluateFormula({ expression: 'A / B', canDefaultZero: none }, inputs, 0)[0]!.points).toEqual([[60, 0.2]]);
    expect(evaluateFormula({ expression: 'A / B', canDefaultZero: new Set(['A']) }, inputs, 0)[0]!.points).toEqual([
      [0, 0],
      [60, 0.2],
    ]);
  });

  it('drops points where the result is not finite, e.g. division by zero', () => {
    const out = evaluateFormula(
      { expression: 'A / B', canDefaultZero: none },
      {
        A: [
          s({}, [
            [0, 1],
            [60, 2],
          ]),
        ],
        B: [
          s({}, [
            [0, 0],
            [60, 4],
          ]),
        ],
      },
      0,
    );
    expect(out[0]!.points).toEqual([[60, 0.5]]);
  });

  it('returns no series when every point is dropped', () => {
    expect(evaluateFormula({ expression: 'A / B', canDefaultZero: none }, { A: [s({}, [[0, 1]])], B: [s({}, [[0, 0]])] }, 0)).toEqual([]);
  });
});
