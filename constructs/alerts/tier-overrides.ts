import type { Severity } from '../model/enums';
import type { AlertRuleProps, ThresholdTier } from './alert-rule-props';

/** Changes to the tiers of an alert: tier fields to change, or `null` to remove the tier. */
export type TierOverrides = Readonly<Partial<Record<Severity, Partial<ThresholdTier> | null>>>;

/** `tiers` with `overrides` applied: each changed field replaced, a tier set to `null` removed. */
export function mergeTiers(tiers: AlertRuleProps['tiers'], overrides: TierOverrides | undefined): AlertRuleProps['tiers'] {
  if (!overrides) return tiers;
  const out: Partial<Record<Severity, ThresholdTier>> = { ...tiers };
  for (const [severity, change] of Object.entries(overrides) as [Severity, Partial<ThresholdTier> | null][]) {
    if (change === null) delete out[severity];
    else out[severity] = { ...(out[severity] ?? {}), ...change } as ThresholdTier;
  }
  return out;
}
