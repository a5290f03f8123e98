export * from './alert-rule';
export * from './alert-rule-error';
// the props' types; their zod schema stays internal (no third-party schema types in the public declarations)
export type { AlertKind, AlertRuleProps, NotificationOptions, QueryInput, RenotifyOptions, ThresholdTier } from './alert-rule-props';
export { buildRulePayload, DEFAULT_DESCRIPTION, DEFAULT_SUMMARY, DEFAULT_RENOTIFY_INTERVAL } from './alert-factory';
export { Evaluation, type CumulativeWindowOptions, type RollingWindowOptions } from './evaluation';
export * from './queries';
export * from './rule-target';
