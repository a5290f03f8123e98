/** The rule schemas compiled once per process (compiling costs tens of milliseconds). */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { RULE_SCHEMA_ID, RULE_SCHEMA_VOCABULARY, RULE_SCHEMAS } from './rule-schemas';

let compiled: ValidateFunction | undefined;

/** The compiled root schema; the first call compiles, later calls reuse it. */
export function ruleSchemaValidator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors carry the failing value and schema, which the messages quote
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    ajv.addVocabulary([...RULE_SCHEMA_VOCABULARY]);
    for (const schema of RULE_SCHEMAS) ajv.addSchema(schema);
    compiled = ajv.getSchema(RULE_SCHEMA_ID);
    if (!compiled) throw new Error(`rule schema ${RULE_SCHEMA_ID} did not compile`);
  }
  return compiled;
}

/** Raw Ajv errors of `payload` against the rule schema (empty when it conforms). */
export function schemaErrors(payload: unknown): readonly ErrorObject[] {
  const validate = ruleSchemaValidator();
  return validate(payload) ? [] : (validate.errors ?? []);
}
