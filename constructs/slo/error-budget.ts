/**
 * Error-budget arithmetic of the SRE workbook ("Alerting on SLOs"): with an objective of 99.9 %
 * the error budget is 0.1 % of events; a burn rate of 1 spends exactly the budget over the SLO
 * period, a burn rate of 14.4 spends it 14.4 times as fast.
 */

/** Results are rounded to 12 significant digits, so 14.4 x 0.001 is 0.0144, not 0.014400000000000001. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** The share of events allowed to fail: `1 - objective`. */
export function errorBudget(objective: number): number {
  return tidy(1 - objective);
}

/** How fast an observed error ratio spends the budget: `errorRatio / (1 - objective)`. */
export function burnRate(errorRatio: number, objective: number): number {
  return tidy(errorRatio / (1 - objective));
}

/** The error ratio at which the budget burns `factor` times too fast: `factor x (1 - objective)`. */
export function burnRateThreshold(factor: number, objective: number): number {
  return tidy(factor * (1 - objective));
}

/** Share of the period's budget a burn at `factor` spends within `windowMs`: `factor x window / period`. */
export function budgetConsumed(factor: number, windowMs: number, periodMs: number): number {
  return tidy((factor * windowMs) / periodMs);
}

/** The burn factor that spends `consumed` (0-1) of the budget within `windowMs`: `consumed x period / window`. */
export function burnFactorFor(consumed: number, windowMs: number, periodMs: number): number {
  return tidy((consumed * periodMs) / windowMs);
}

/** How long a burn at `factor` takes to spend the whole budget: `period / factor`. */
export function timeToExhaustMs(factor: number, periodMs: number): number {
  return periodMs / factor;
}
