/** Validation of SigNoz rule payloads: JSON Schemas, the validator, and rule-file helpers. */
export type { RuleValidationResult, ValidationIssue } from './validation-issue';
export { validateRulePayload, validateOwnedRulePayload } from './validate-rule-payload';
export { normalizeRulePayload } from './normalize-rule-payload';
export { detectLegacyRule, type LegacyFindings } from './detect-legacy-rule';
export { RULE_SCHEMAS, RULE_SCHEMA_ID, RULE_SCHEMA_VOCABULARY } from './rule-schemas';
export { isValidLabelName } from './check-labels-and-annotations';
export { signozTemplateError } from './go-template/check-signoz-template';
export { isValidTimeZone } from '../model/time-zone';
export { DEFAULT_CHECK_IDS, type DefaultCheckId } from './estate-checks';
