/** Service level objectives and their multi-window, multi-burn-rate alerts. */
export * from './error-budget';
export { parseSloDuration, goDurationOf } from './slo-duration';
export {
  BUDGET_SHARE_WINDOWS,
  BURN_TIERS,
  SRE_WORKBOOK_WINDOWS,
  resolveBurnRateWindows,
  type BurnRateWindow,
  type BurnTier,
  type ResolvedBurnRateWindow,
} from './burn-rate-windows';
export { BURN_RATE_QUERY_NAMES, burnRateFormula, burnRateQueries } from './burn-rate-queries';
export { prepareIndicator, type SloIndicator, type SloQuery, type GoodTotalIndicator, type BadTotalIndicator, type PreparedIndicator } from './slo-indicator';
export { SloIndicators, type SpanMetricsAvailabilityOptions, type TracesLatencyOptions } from './slo-indicators';
export { OpenSloError, openSloToProps, type OpenSloOptions } from './open-slo';
export { ServiceLevelObjective, BURN_TIER_LABEL, SLO_LABEL, SLO_WINDOW_LABEL, sloLabelValue, type ServiceLevelObjectiveProps } from './service-level-objective';
