/** The fields SigNoz adds to the rules it returns; `decodeRule` removes them before checking. */
import { type JsonRecord } from '../validation/json-value';
import { isPlainObject } from '../util/json';

/** Read-only fields SigNoz adds to rules it returns (v1 and v2 spellings). */
export const SERVER_READ_ONLY_FIELDS = ['id', 'state', 'createAt', 'createBy', 'updateAt', 'updateBy', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/** A shallow copy of `rule` without the server's read-only fields (other values are returned as is). */
export function stripServerFields(rule: unknown): unknown {
  if (!isPlainObject(rule) || !SERVER_READ_ONLY_FIELDS.some((field) => field in rule)) return rule;
  const copy: JsonRecord = { ...rule };
  for (const field of SERVER_READ_ONLY_FIELDS) delete copy[field];
  return copy;
}
