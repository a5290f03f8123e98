/**
 * Formula queries (`builder_formula`) computed over the referenced queries' series the way SigNoz's
 * `querybuildertypesv5.FormulaEvaluator` does: one result series per distinct label set that is
 * not a subset of a larger one; each variable uses its first series whose labels are a subset of
 * that label set; a timestamp is computed only when every variable has a value there (or may
 * default to zero); non-finite results are dropped.
 */
import { evaluateFormulaNode, formulaVariables, parseFormula, type FormulaNode } from '../model/formula-expression';
import type { LabelSet } from './label-set';
import type { ResultSeries, SeriesPoint } from './series';

function isSubset(superset: LabelSet, subset: LabelSet): boolean {
  return Object.entries(subset).every(([k, v]) => Object.prototype.hasOwnProperty.call(superset, k) && superset[k] === v);
}

/** Series of `variable` (`A`, `A.0`, `a`): exact key first, then `A` for `A.0`, then case-insensitive. */
function seriesForVariable(variable: string, results: Readonly<Record<string, readonly ResultSeries[]>>): readonly ResultSeries[] | undefined {
  const candidates = [variable];
  if (/\.0$/.test(variable)) candidates.push(variable.slice(0, -2));
  for (const name of candidates) {
    if (results[name]) return results[name];
    const folded = Object.keys(results).find((k) => k.toLowerCase() === name.toLowerCase());
    if (folded) return results[folded];
  }
  return undefined;
}

/** Candidate result label sets, largest first (`findUniqueLabelSets`). */
function uniqueLabelSets(all: readonly LabelSet[]): LabelSet[] {
  const bySize = [...all].sort((a, b) => Object.keys(b).length - Object.keys(a).length);
  const unique: LabelSet[] = [];
  for (const labels of bySize) {
    if (!unique.some((kept) => isSubset(kept, labels))) unique.push(labels);
  }
  return unique;
}

export interface FormulaInput {
  readonly expression: string;
  /** Queries whose missing points count as 0 (`QueryRangeRequest.GetQueriesSupportingZeroDefault`). */
  readonly canDefaultZero: ReadonlySet<string>;
}

/** The formula's series; throws `FormulaSyntaxError` for an expression the evaluator cannot read. */
export function evaluateFormula(
  formula: FormulaInput,
  results: Readonly<Record<string, readonly ResultSeries[]>>,
  nowMs: number,
  parsed: FormulaNode = parseFormula(formula.expression),
): ResultSeries[] {
  const variables = formulaVariables(parsed);
  const seriesOf = new Map<string, readonly ResultSeries[]>();
  for (const variable of variables) {
    const found = seriesForVariable(variable, results);
    if (found) seriesOf.set(variable, found);
  }
  const allLabelSets: LabelSet[] = [];
  for (const list of seriesOf.values()) for (const one of list) allLabelSets.push(one.labels);
  // keyed by the variable itself, so `A.0` never defaults even when `A` does (NewFormulaEvaluator)
  const defaultsToZero = (variable: string): boolean => [...formula.canDefaultZero].some((name) => name.toLowerCase() === variable.toLowerCase());

  const output: ResultSeries[] = [];
  for (const target of uniqueLabelSets(allLabelSets)) {
    const data = new Map<string, Map<number, number>>();
    const timestamps = new Set<number>();
    for (const variable of variables) {
      const match = seriesOf.get(variable)?.find((one) => isSubset(target, one.labels));
      if (!match) continue;
      data.set(variable, new Map(match.points.map(([t, v]) => [t, v])));
      for (const [t] of match.points) timestamps.add(t);
    }
    const points: SeriesPoint[] = [];
    for (const t of [...timestamps].sort((a, b) => a - b)) {
      const values: Record<string, number> = {};
      let bound = 0;
      for (const variable of variables) {
        const value = data.get(variable)?.get(t);
        if (value !== undefined) {
          values[variable] = value;
          bound++;
        } else if (defaultsToZero(variable)) {
          values[variable] = 0;
          bound++;
        }
      }
      if (bound !== variables.length) continue;
      const value = evaluateFormulaNode(parsed, values, Math.floor(nowMs / 1000));
      if (Number.isFinite(value)) points.push([t, value]);
    }
    if (points.length > 0) output.push({ labels: target, points });
  }
  return output;
}
