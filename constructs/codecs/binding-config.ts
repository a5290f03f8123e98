import { camelCase, isPlainObject } from '../util/json';

/** Keys of free-form maps whose entries must keep their names when the tree is camel-cased. */
const VERBATIM_MAPS = new Set(['labels', 'annotations']);

/**
 * The config for a generated L1 binding from resource attributes as Terraform JSON writes them:
 * the binding takes camelCase and writes snake_case again; label and annotation maps stay verbatim.
 */
export function toBindingConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toBindingConfig);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[camelCase(key)] = VERBATIM_MAPS.has(key) ? v : toBindingConfig(v);
  return out;
}
