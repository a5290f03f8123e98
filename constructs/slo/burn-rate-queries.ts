/**
 * The queries of one burn-rate alert. SigNoz evaluates every query of a rule over the same window
 * (the rule's evalWindow), so "long window AND short window" is built inside that one window:
 *
 * - evalWindow = the long window; every query's step = the short window;
 * - A, B: events and total per step; their latest step is the short window;
 * - C, D: the same counts, gaps filled with zeros, as a running sum (`fillzero`, `cumulativesum`);
 *   their latest point is the sum over the whole long window;
 * - F1: the smaller of the two error ratios, `min(x, y) = (x + y - abs(x - y)) / 2` (SigNoz
 *   formulas have arithmetic and `abs` but no `min`), compared with matchType `last`.
 *
 * So F1 exceeds the threshold exactly when both windows' error ratios do. Approximations (also in
 * docs/slo.md): the short window is the latest step-aligned bucket, which holds between one
 * minute and the full short window of data depending on when the rule runs; the long window is
 * the evaluation window, which SigNoz may widen to the bucket boundary.
 */
import type { BuilderQuerySpec, QueryEnvelope } from '../model/rule-payload';
import type { ResolvedBurnRateWindow } from './burn-rate-windows';
import type { PreparedIndicator } from './slo-indicator';

/** Names of the queries in every burn-rate alert. */
export const BURN_RATE_QUERY_NAMES = { shortEvents: 'A', shortTotal: 'B', longEvents: 'C', longTotal: 'D', errorRatio: 'F1' } as const;

/** The error-ratio formula: the smaller of the long and short window error ratios. */
export function burnRateFormula(counts: 'good' | 'bad'): string {
  const long = 'C / D';
  const short = 'A / B';
  // bad/total is the error ratio; for good/total it is 1 - good/total, and min(1 - x, 1 - y) = 1 - max(x, y)
  return counts === 'bad' ? `((${long}) + (${short}) - abs((${long}) - (${short}))) / 2` : `1 - ((${long}) + (${short}) + abs((${long}) - (${short}))) / 2`;
}

function stepQuery(spec: BuilderQuerySpec, name: string, stepSeconds: number, runningSum: boolean): QueryEnvelope {
  const { legend: _legend, ...rest } = structuredClone(spec);
  return {
    type: 'builder_query',
    spec: {
      ...rest,
      name,
      stepInterval: stepSeconds,
      disabled: true,
      ...(runningSum ? { functions: [{ name: 'fillzero' }, { name: 'cumulativesum' }] } : {}),
    } as BuilderQuerySpec,
  };
}

/** The five queries of the burn-rate alert for one window pair. */
export function burnRateQueries(indicator: PreparedIndicator, window: ResolvedBurnRateWindow): QueryEnvelope[] {
  const n = BURN_RATE_QUERY_NAMES;
  return [
    stepQuery(indicator.events, n.shortEvents, window.stepSeconds, false),
    stepQuery(indicator.total, n.shortTotal, window.stepSeconds, false),
    stepQuery(indicator.events, n.longEvents, window.stepSeconds, true),
    stepQuery(indicator.total, n.longTotal, window.stepSeconds, true),
    { type: 'builder_formula', spec: { name: n.errorRatio, expression: burnRateFormula(indicator.counts) } },
  ];
}
