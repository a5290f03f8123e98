/**
 * Validates the text of a rule file (a SigNoz UI export or an API payload): JSON syntax with the
 * position of a syntax error, then every rule the file holds, each issue's pointer relative to the
 * file's root.
 */
import { decodeRule } from './decode-rule';
import { rulesIn } from './rules-in';
import type { ValidationIssue } from '../validation/validation-issue';

export interface RuleFileValidation {
  readonly valid: boolean;
  /** Number of rules found in the file. */
  readonly rules: number;
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

/** "line 3, column 7" for a character offset. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Node's JSON.parse message with the offset turned into line and column. */
function describeSyntaxError(text: string, error: SyntaxError): string {
  const position = /\s*(?:in JSON )?at position (\d+)/.exec(error.message);
  if (!position) return `invalid JSON: ${error.message}`;
  const reason = error.message.replace(position[0], '');
  return `invalid JSON at ${lineAndColumn(text, Number(position[1]))}: ${reason}`;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (error) {
    return { error: error instanceof SyntaxError ? describeSyntaxError(text, error) : `invalid JSON: ${String(error)}` };
  }
}

function prefixed(base: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return base === '' ? [...issues] : issues.map((issue) => ({ path: `${base}${issue.path}`, message: issue.message }));
}

export function validateRuleFileText(text: string): RuleFileValidation {
  const parsed = parseJson(text);
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
