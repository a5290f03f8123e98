/** The rule schemas' validator, compiled ahead of time by `npm run gen` (Ajv standalone code). */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateRule } from '../../.gen/validators/rule-schema';

/** The compiled root schema. */
export function ruleSchemaValidator(): ValidateFunction {
  return validateRule as ValidateFunction;
}

/** Raw Ajv errors of `payload` against the rule schema (empty when it conforms). */
export function schemaErrors(payload: unknown): readonly ErrorObject[] {
  const validate = ruleSchemaValidator();
  return validate(payload) ? [] : (validate.errors ?? []);
}
