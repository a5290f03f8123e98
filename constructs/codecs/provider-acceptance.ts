/**
 * Checks an encoded resource against the provider's own schema document (`provider-schema/*.json`):
 * unknown attributes, missing required ones, wrong types and values outside the provider's
 * validators, so a rule the real provider would reject at plan time fails at synth instead.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import signozSchemaDoc from '../../provider-schema/signoz@0.0.17.json';

interface SchemaAttribute {
  type?: unknown;
  nested_type?: { attributes: Record<string, SchemaAttribute>; nesting_mode: 'single' | 'list' | 'set' | 'map' };
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
}

interface ProviderSchemaDoc {
  provider_schemas: Record<string, { resource_schemas: Record<string, { block: { attributes: Record<string, SchemaAttribute> } }> }>;
}

export interface ProviderIssue {
  /** JSON Pointer into the encoded resource attributes. */
  path: string;
  message: string;
}

const ONE_OF = /One of: (.*)\.$/;

function typeSchema(type: unknown): Record<string, unknown> {
  if (type === 'string') return { type: 'string' };
  if (type === 'number') return { type: 'number' };
  if (type === 'bool') return { type: 'boolean' };
  if (Array.isArray(type)) {
    const [kind, element] = type as [string, unknown];
    if (kind === 'list' || kind === 'set') return { type: 'array', items: typeSchema(element) };
    if (kind === 'map') return { type: 'object', additionalProperties: typeSchema(element) };
  }
  return {};
}

function attributesSchema(attributes: Record<string, SchemaAttribute>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.computed && !attr.optional && !attr.required) continue; // computed-only: never set in config
    properties[name] = attributeSchema(attr);
    if (attr.required) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function attributeSchema(attr: SchemaAttribute): Record<string, unknown> {
  if (attr.nested_type) {
    const object = attributesSchema(attr.nested_type.attributes);
    return attr.nested_type.nesting_mode === 'single' ? object : { type: 'array', items: object };
  }
  const schema = typeSchema(attr.type);
  const oneOf = attr.description ? ONE_OF.exec(attr.description) : null;
  if (oneOf) {
    const values = JSON.parse(`[${oneOf[1]}]`) as string[];
    if (schema.type === 'array') schema.items = { type: 'string', enum: values };
    else schema.enum = values;
  }
  return schema;
}

const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

function validatorFor(resourceType: string): ValidateFunction {
  let validate = validators.get(resourceType);
  if (!validate) {
    const doc = signozSchemaDoc as ProviderSchemaDoc;
    const resource = doc.provider_schemas['registry.terraform.io/signoz/signoz']?.resource_schemas[resourceType];
    if (!resource) throw new Error(`no provider schema for resource type ${resourceType}`);
    ajv ??= new Ajv({ allErrors: true, strict: false, code: { optimize: false } });
    validate = ajv.compile(attributesSchema(resource.block.attributes));
    validators.set(resourceType, validate);
  }
  return validate;
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
