/**
 * The provider's own schema document (`provider-schema/signoz@0.0.17.json`) as one JSON Schema per
 * resource type: unknown attributes, missing required ones, wrong types and the values the
 * provider's validators accept. `npm run gen` compiles them ahead of time (`.gen/validators/`).
 */
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

/** The JSON Schema of each SigNoz resource type's configuration attributes, by resource type. */
export function providerResourceSchemas(): Record<string, Record<string, unknown>> {
  const resources = (signozSchemaDoc as ProviderSchemaDoc).provider_schemas['registry.terraform.io/signoz/signoz']?.resource_schemas ?? {};
  return Object.fromEntries(Object.entries(resources).map(([type, resource]) => [type, attributesSchema(resource.block.attributes)]));
}
