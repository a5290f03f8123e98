export * from './alert-rule';
export * from './alert-rule-error';
export * from './alert-rule-props';
export { buildRulePayload, DEFAULT_DESCRIPTION, DEFAULT_SUMMARY, DEFAULT_RENOTIFY_INTERVAL } from './alert-factory';
export * from './evaluation';
export * from './queries';
export * from './rule-target';
