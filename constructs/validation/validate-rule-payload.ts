/**
 * Validates a SigNoz rule payload (schema version v2alpha1, v5 queries) the way the rules API
 * would, before it ever reaches SigNoz or Terraform: legacy shapes first, then aliases normalized,
 * then the JSON Schemas, then the cross-field checks the server makes.
 */
import type { RulePayload } from '../model/rule-payload';
import { applyServerDefaults } from './apply-server-defaults';
import { checkCompositeQuery } from './check-composite-query';
import { checkCondition } from './check-condition';
import { checkEvaluation } from './check-evaluation';
import { checkLabelsAndAnnotations } from './check-labels-and-annotations';
import { checkNotificationSettings } from './check-notification-settings';
import { checkRuleType } from './check-rule-type';
import { schemaErrors } from './compiled-rule-schema';
import { detectLegacyRule } from './detect-legacy-rule';
import { formatSchemaErrors } from './format-schema-errors';
import { IssueCollector } from './issue-collector';
import { comparePointers } from './json-pointer';
import { JsonDepthError } from './json-value';
import { normalizeRulePayload, normalizeRulePayloadInPlace } from './normalize-rule-payload';
import { listQueries } from './query-inventory';
import type { RuleValidationResult, ValidationIssue } from './validation-issue';
import { warnUnknownFields } from './warn-unknown-fields';

/** Sorted by location (stable within one location) and without repeats. */
function tidy(issues: readonly ValidationIssue[]): ValidationIssue[] {
  if (issues.length < 2) return [...issues];
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePointers(a.path, b.path));
}

function validateNormalized(payload: unknown, legacyIssues: readonly ValidationIssue[]): RuleValidationResult<RulePayload> {
  const out = new IssueCollector();
  const queries = listQueries(payload);
  applyServerDefaults(payload, queries, out);
  out.errors.push(...legacyIssues, ...formatSchemaErrors(schemaErrors(payload)));
  checkCompositeQuery(payload, queries, out);
  checkRuleType(payload, queries, out);
  checkCondition(payload, out);
  checkEvaluation(payload, out);
  checkNotificationSettings(payload, out);
  checkLabelsAndAnnotations(payload, out);
  warnUnknownFields(payload, out);
  const errors = tidy(out.errors);
  const valid = errors.length === 0;
  return {
    valid,
    errors,
    warnings: tidy(out.warnings),
    legacy: legacyIssues.length > 0,
    ...(valid ? { payload: payload as RulePayload } : {}),
  };
}

function run(input: unknown, normalize: (input: unknown) => unknown): RuleValidationResult<RulePayload> {
  try {
    const legacy = detectLegacyRule(input);
    if (legacy.wholePayload) return { valid: false, errors: tidy(legacy.issues), warnings: [], legacy: true };
    return validateNormalized(normalize(input), legacy.issues);
  } catch (error) {
    if (!(error instanceof JsonDepthError)) throw error;
    return { valid: false, errors: [{ path: '', message: `the payload is ${error.message}; a rule is far shallower` }], warnings: [], legacy: false };
  }
}

/**
 * Validates `input` (any value, typically parsed JSON) as a SigNoz rule payload. Never throws for
 * bad input: every problem is an issue with a JSON Pointer. When valid, `payload` is a normalized
 * canonical copy (aliases replaced by literals); `input` itself is never modified.
 */
export function validateRulePayload(input: unknown): RuleValidationResult<RulePayload> {
  return run(input, normalizeRulePayload);
}

/**
 * Like `validateRulePayload`, but normalizes `input` in place instead of copying it; for callers
 * that own a freshly parsed value (the `validate` command reads thousands of files).
 */
export function validateOwnedRulePayload(input: unknown): RuleValidationResult<RulePayload> {
  return run(input, (value) => {
    normalizeRulePayloadInPlace(value);
    return value;
  });
}
