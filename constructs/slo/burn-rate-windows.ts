/**
 * The multi-window, multi-burn-rate alerts of the SRE workbook ("Alerting on SLOs", table 5-8):
 * page when 2 % of the period's budget burns within 1 hour or 5 % within 6 hours, open a ticket
 * when 10 % burns within 1 day or 3 days. Each long window has a short window of 1/12 its length
 * that must burn too, so an alert stops soon after the burning stops.
 *
 * The default windows give these budget shares, so the factor follows the period as Sloth's do
 * (`budget share x period / long window`: 14.4x, 6x, 3x, 1x for 30 days; 13.44x, 5.6x, 2.8x,
 * 0.93x for 28 days). The workbook's table states the factors for 30 days; `SRE_WORKBOOK_WINDOWS`
 * keeps those fixed factors for any period.
 */
import { budgetConsumed, burnFactorFor, burnRateThreshold } from './error-budget';
import { goDurationOf, parseSloDuration, SLO_DURATION_HINT } from './slo-duration';

/** `page`: wake someone up; `ticket`: handle in working hours. Written as the `burn_tier` label. */
export type BurnTier = 'page' | 'ticket';

export const BURN_TIERS: readonly BurnTier[] = ['page', 'ticket'];

/** One long/short window pair and how fast the budget must burn in both for the alert to fire. */
export interface BurnRateWindow {
  readonly tier: BurnTier;
  /** The long window, e.g. `1h`. */
  readonly long: string;
  /** The short window, e.g. `5m`; at most the long window, and at least 1/300 of it. */
  readonly short: string;
  /** Burn rate that fires, e.g. 14.4. Give this or `budgetConsumed`. */
  readonly factor?: number;
  /** Share of the period's budget (0-1) spent within the long window that fires, e.g. 0.02; the factor follows from the period. */
  readonly budgetConsumed?: number;
  /** How often SigNoz evaluates the alert. @default - 1m for page, 5m for ticket windows */
  readonly frequency?: string;
}

/**
 * The default windows: the workbook's shares of the period's budget (2 % in 1h, 5 % in 6h, 10 % in
 * 1d, 10 % in 3d), so the factors follow the period as Sloth's do (14.4x/6x/3x/1x for 30 days,
 * 13.44x/5.6x/2.8x/0.93x for 28 days). Sloth's built-in 30-day and 28-day catalogs are these.
 */
export const BUDGET_SHARE_WINDOWS: readonly BurnRateWindow[] = [
  { tier: 'page', long: '1h', short: '5m', budgetConsumed: 0.02 },
  { tier: 'page', long: '6h', short: '30m', budgetConsumed: 0.05 },
  { tier: 'ticket', long: '1d', short: '2h', budgetConsumed: 0.1 },
  { tier: 'ticket', long: '3d', short: '6h', budgetConsumed: 0.1 },
];

/**
 * The workbook's table as written: fixed factors 14.4x/6x/3x/1x whatever the period (for a
 * 30-day period the same alerts as `BUDGET_SHARE_WINDOWS`). Opt in with `windows: SRE_WORKBOOK_WINDOWS`.
 */
export const SRE_WORKBOOK_WINDOWS: readonly BurnRateWindow[] = [
  { tier: 'page', long: '1h', short: '5m', factor: 14.4 },
  { tier: 'page', long: '6h', short: '30m', factor: 6 },
  { tier: 'ticket', long: '1d', short: '2h', factor: 3 },
  { tier: 'ticket', long: '3d', short: '6h', factor: 1 },
];

/** A window with everything derived: durations in ms and Go form, the factor and the error-ratio threshold. */
export interface ResolvedBurnRateWindow {
  readonly tier: BurnTier;
  readonly long: string;
  readonly short: string;
  readonly longMs: number;
  readonly shortMs: number;
  readonly factor: number;
  /** The error ratio both windows must exceed: `factor x (1 - objective)`. */
  readonly threshold: number;
  /** Share of the period's budget spent within the long window when the alert fires. */
  readonly budgetConsumed: number;
  /** The long window as a Go duration (SigNoz's evalWindow). */
  readonly evalWindow: string;
  /** The short window in seconds (the queries' step interval). */
  readonly stepSeconds: number;
  readonly frequency: string;
}

const FREQUENCY = /^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/;

/** Resolves and checks windows; problems are `field: message` strings for the caller's error. */
export function resolveBurnRateWindows(windows: readonly BurnRateWindow[], objective: number, periodMs: number, problems: string[]): ResolvedBurnRateWindow[] {
  if (windows.length === 0) problems.push('windows: needs at least one window (or leave it out for the default BUDGET_SHARE_WINDOWS)');
  const resolved: ResolvedBurnRateWindow[] = [];
  const seen = new Set<string>();
  windows.forEach((window, i) => {
    const at = `windows[${i}]`;
    const before = problems.length;
    if (!BURN_TIERS.includes(window.tier)) problems.push(`${at}.tier: must be page or ticket`);
    const longMs = parseSloDuration(window.long);
    const shortMs = parseSloDuration(window.short);
    if (longMs === undefined) problems.push(`${at}.long: must be ${SLO_DURATION_HINT}, got ${JSON.stringify(window.long)}`);
    if (shortMs === undefined) problems.push(`${at}.short: must be ${SLO_DURATION_HINT}, got ${JSON.stringify(window.short)}`);
    if (longMs !== undefined && shortMs !== undefined) {
      if (shortMs >= longMs) problems.push(`${at}.short: must be shorter than the long window ${window.long}`);
      else if (longMs / shortMs > 300) problems.push(`${at}.short: must be at least 1/300 of the long window (SigNoz raises a metric query's step to a 300th of its range)`);
    }
    if (longMs !== undefined && longMs > periodMs) problems.push(`${at}.long: must not be longer than the SLO period`);
    const hasFactor = window.factor !== undefined;
    const hasConsumed = window.budgetConsumed !== undefined;
    if (hasFactor === hasConsumed) problems.push(`${at}: give exactly one of factor and budgetConsumed`);
    if (hasFactor && !(Number.isFinite(window.factor) && window.factor! > 0)) problems.push(`${at}.factor: must be a positive number`);
    if (hasConsumed && !(Number.isFinite(window.budgetConsumed) && window.budgetConsumed! > 0 && window.budgetConsumed! <= 1)) {
      problems.push(`${at}.budgetConsumed: must be a share of the budget greater than 0 and at most 1, e.g. 0.02 for 2 %`);
    }
    if (window.frequency !== undefined && !(FREQUENCY.test(window.frequency) && /[1-9]/.test(window.frequency))) {
      problems.push(`${at}.frequency: must be a positive Go duration such as 1m or 5m`);
    }
    const key = `${window.tier}/${window.long}/${window.short}`;
    if (seen.has(key)) problems.push(`${at}: duplicates another ${window.tier} window ${window.long}/${window.short}`);
    seen.add(key);
    if (problems.length > before) return;

    const factor = hasFactor ? window.factor! : burnFactorFor(window.budgetConsumed!, longMs!, periodMs);
    const threshold = burnRateThreshold(factor, objective);
    if (threshold >= 1) {
      const remedy = hasFactor ? 'lower the factor' : `lower budgetConsumed (${window.budgetConsumed} of the budget in ${window.long})`;
      problems.push(
        `${at}: burn rate ${factor} x error budget ${burnRateThreshold(1, objective)} = ${threshold}; an error ratio can never exceed 1, so this alert could never fire; ${remedy} or raise the objective`,
      );
      return;
    }
    resolved.push({
      tier: window.tier,
      long: window.long,
      short: window.short,
      longMs: longMs!,
      shortMs: shortMs!,
      factor,
      threshold,
      budgetConsumed: budgetConsumed(factor, longMs!, periodMs),
      evalWindow: goDurationOf(longMs!),
      stepSeconds: shortMs! / 1000,
      frequency: window.frequency ?? (window.tier === 'page' ? '1m' : '5m'),
    });
  });
  return resolved;
}
