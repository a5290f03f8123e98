/**
 * Turns Ajv errors into issues a person can act on: each points at the most specific location
 * (a missing or unknown field's own pointer) and says what is allowed. The schemas' `x-messages`
 * supply SigNoz's wording where it has one; `{value}` stands for the offending value.
 */
import type { ErrorObject } from 'ajv';
import { COMPARE_OP_ALIASES, MATCH_TYPE_ALIASES } from '../model/enums';
import { unknownFieldMessage } from './did-you-mean';
import { pointer } from './json-pointer';
import { describeValue, jsonTypeOf } from './json-value';
import type { ValidationIssue } from './validation-issue';
import { isPlainObject } from '../util/json';

const ALIAS_TABLES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  compareOp: COMPARE_OP_ALIASES,
  matchType: MATCH_TYPE_ALIASES,
};

/** "also accepted: numeric codes 1-7, >, <, ..." for an alias table. */
function aliasHint(table: Readonly<Record<string, readonly string[]>>): string {
  const numeric: number[] = [];
  const others: string[] = [];
  for (const [canonical, spellings] of Object.entries(table)) {
    for (const spelling of spellings) {
      if (spelling === canonical) continue;
      if (/^\d+$/.test(spelling)) numeric.push(Number(spelling));
      else others.push(spelling);
    }
  }
  const codes = numeric.length > 0 ? [`numeric codes ${Math.min(...numeric)}-${Math.max(...numeric)}`] : [];
  return ` (also accepted, in any letter case: ${[...codes, ...others].join(', ')})`;
}

function listAllowed(values: readonly unknown[]): string {
  return values.map((v) => (v === '' ? '"" (empty)' : String(v))).join(', ');
}

const ARTICLE: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null',
};

function typeMessage(expected: unknown, actual: unknown): string {
  const names = (Array.isArray(expected) ? expected : [expected]).map((t) => ARTICLE[String(t)] ?? String(t));
  const got = jsonTypeOf(actual);
  return `must be ${names.join(' or ')}, got ${got === 'integer' ? 'number' : got}`;
}

function customMessage(error: ErrorObject): string | undefined {
  const messages: unknown = isPlainObject(error.parentSchema) ? error.parentSchema['x-messages'] : undefined;
  const template = isPlainObject(messages) ? messages[error.keyword] : undefined;
  return typeof template === 'string' ? template.replace('{value}', describeValue(error.data)) : undefined;
}

function knownProperties(schema: unknown): string[] {
  const properties = isPlainObject(schema) ? schema.properties : undefined;
  return isPlainObject(properties) ? Object.keys(properties) : [];
}

function toIssue(error: ErrorObject): ValidationIssue | undefined {
  const custom = customMessage(error);
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing `then` branch reports the real error
    case 'required': {
      const field = String(error.params.missingProperty);
      return { path: pointer(error.instancePath, field), message: custom ?? `missing required field ${JSON.stringify(field)}` };
    }
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      return { path: pointer(error.instancePath, field), message: custom ?? unknownFieldMessage(field, knownProperties(error.parentSchema)) };
    }
    case 'enum': {
      if (custom) return { path: error.instancePath, message: custom };
      const allowed = Array.isArray(error.schema) ? error.schema : [];
      const aliases = isPlainObject(error.parentSchema) ? ALIAS_TABLES[String(error.parentSchema['x-aliases'])] : undefined;
      const hint = aliases ? aliasHint(aliases) : '';
      return { path: error.instancePath, message: `unsupported value ${describeValue(error.data)}; must be one of ${listAllowed(allowed)}${hint}` };
    }
    case 'type':
      return { path: error.instancePath, message: custom ?? typeMessage(error.schema, error.data) };
    case 'minItems':
      return { path: error.instancePath, message: custom ?? `must have at least ${String(error.params.limit)} item(s)` };
    case 'minLength':
      return { path: error.instancePath, message: custom ?? 'must not be empty' };
    case 'minimum':
      return { path: error.instancePath, message: custom ?? `must be at least ${String(error.params.limit)}, got ${describeValue(error.data)}` };
    case 'maximum':
      return { path: error.instancePath, message: custom ?? `must be at most ${String(error.params.limit)}, got ${describeValue(error.data)}` };
    default:
      return { path: error.instancePath, message: custom ?? error.message ?? `fails ${error.keyword}` };
  }
}

/**
 * Human-readable issues for Ajv errors, without repeats: where a value has the wrong type, the
 * other complaints about that same value are dropped.
 */
export function formatSchemaErrors(errors: readonly ErrorObject[]): ValidationIssue[] {
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type' && mistyped.has(error.instancePath) && error.keyword !== 'required' && error.keyword !== 'additionalProperties') continue;
    const issue = toIssue(error);
    if (!issue) continue;
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
