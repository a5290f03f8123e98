/**
 * Checks an encoded resource against the provider's own schema document (`provider-schema/*.json`):
 * unknown attributes, missing required ones, wrong types and values outside the provider's
 * validators, so a rule the real provider would reject at plan time fails at synth instead.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as validators from '../../.gen/validators/provider-resources';

export interface ProviderIssue {
  /** JSON Pointer into the encoded resource attributes. */
  path: string;
  message: string;
}

/** The validator `npm run gen` compiled from the provider's schema (`provider-resource-schema.ts`). */
function validatorFor(resourceType: string): ValidateFunction {
  const validate: unknown = Object.hasOwn(validators, resourceType) ? (validators as Record<string, unknown>)[resourceType] : undefined;
  if (typeof validate !== 'function') throw new Error(`no provider schema for resource type ${resourceType}`);
  return validate as ValidateFunction;
}

function describe(error: ErrorObject): ProviderIssue {
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      return { path: `${error.instancePath}/${name}`, message: `the provider has no attribute "${name}" here` };
    }
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      return { path: `${error.instancePath}/${name}`, message: `the provider requires attribute "${name}"` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return { path: error.instancePath, message: `the provider accepts only ${allowed.map((v) => JSON.stringify(v)).join(', ')} here` };
    }
    default:
      return { path: error.instancePath, message: `the provider expects ${error.message ?? 'a different value'}` };
  }
}

/** Every reason the SigNoz provider (0.0.17) would reject these attributes of `resourceType`. */
export function checkProviderAcceptance(resourceType: string, attributes: unknown): ProviderIssue[] {
  const validate = validatorFor(resourceType);
  if (validate(attributes)) return [];
  return (validate.errors ?? []).map(describe);
}
