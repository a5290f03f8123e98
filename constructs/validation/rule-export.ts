/**
 * The rules inside a file a user exported from SigNoz: a single rule, an array of rules, or an API
 * response envelope `{status, data}` whose data is a rule, an array of rules (v2 list) or
 * `{rules: [...]}` (v1 list). Fields the server adds on read are removed before validation.
 */
import { type JsonRecord } from './json-value';
import { pointer } from './json-pointer';
import { isPlainObject } from '../util/json';

/** Read-only fields SigNoz adds to rules it returns (v1 and v2 spellings). */
export const SERVER_READ_ONLY_FIELDS = [
  'id', 'state', 'createAt', 'createBy', 'updateAt', 'updateBy', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
] as const;

export interface ExportedRule {
  /** Pointer to the rule within the file (`""` when the file is the rule). */
  readonly pointer: string;
  /** The rule without server read-only fields. */
  readonly rule: unknown;
}

/** A shallow copy of `rule` without the server's read-only fields (other values are returned as is). */
export function stripServerFields(rule: unknown): unknown {
  if (!isPlainObject(rule) || !SERVER_READ_ONLY_FIELDS.some((field) => field in rule)) return rule;
  const copy: JsonRecord = { ...rule };
  for (const field of SERVER_READ_ONLY_FIELDS) delete copy[field];
  return copy;
}

function isApiEnvelope(document: unknown): document is JsonRecord & { data: unknown } {
  return isPlainObject(document) && typeof document.status === 'string' && 'data' in document;
}

function listed(items: readonly unknown[], base: string): ExportedRule[] {
  return items.map((rule, index) => ({ pointer: pointer(base, index), rule: stripServerFields(rule) }));
}

/** Every rule in an exported document, with where it sits. */
export function rulesInExport(document: unknown): ExportedRule[] {
  if (Array.isArray(document)) return listed(document, '');
  if (!isApiEnvelope(document)) return [{ pointer: '', rule: stripServerFields(document) }];
  const data = document.data;
  if (Array.isArray(data)) return listed(data, '/data');
  if (isPlainObject(data) && Array.isArray(data.rules)) return listed(data.rules, '/data/rules');
  return [{ pointer: '/data', rule: stripServerFields(data) }];
}
