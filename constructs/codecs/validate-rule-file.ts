/**
 * Validates the text of a rule file (a SigNoz UI export or an API payload): JSON syntax with the
 * position of a syntax error, then every rule the file holds, each issue's pointer relative to the
 * file's root.
 */
import { decodeRule } from './decode-rule';
import { rulesIn } from './rules-in';
import type { ValidationIssue } from '../validation/validation-issue';
import { parseJsonInput } from '../util/parse-input';

export interface RuleFileValidation {
  readonly valid: boolean;
  /** Number of rules found in the file. */
  readonly rules: number;
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

function prefixed(base: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return base === '' ? [...issues] : issues.map((issue) => ({ path: `${base}${issue.path}`, message: issue.message }));
}

export function validateRuleFileText(text: string): RuleFileValidation {
  const parsed = parseJsonInput(text);
  if ('error' in parsed) return { valid: false, rules: 0, errors: [{ path: '', message: parsed.error }], warnings: [] };
  const rules = rulesIn(parsed.value);
  if (rules.length === 0) {
    return { valid: false, rules: 0, errors: [{ path: '', message: 'no rule found: the file holds an empty list' }], warnings: [] };
  }
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const { pointer: base, json, resourceType } of rules) {
    // A file meant to be posted as it is: legacy shapes are reported with the way to migrate.
    const result = decodeRule(json, { legacy: 'refuse', inPlace: true, ...(resourceType ? { resourceType } : {}) });
    errors.push(...prefixed(base, result.errors));
    warnings.push(...prefixed(base, result.warnings));
  }
  return { valid: errors.length === 0, rules: rules.length, errors, warnings };
}
