/** Functions a SigNoz formula may call (`querybuildertypesv5.EvalFuncs`); the validator and the evaluator both read this list. */
export const FORMULA_FUNCTIONS = [
  'abs',
  'exp',
  'log',
  'ln',
  'exp2',
  'log2',
  'exp10',
  'log10',
  'sqrt',
  'cbrt',
  'erf',
  'erfc',
  'lgamma',
  'tgamma',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'degrees',
  'radians',
  'now',
] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

const NAMES: ReadonlySet<string> = new Set(FORMULA_FUNCTIONS);

export function isFormulaFunction(name: string): name is FormulaFunction {
  return NAMES.has(name);
}
