/** Small, defensive accessors for untrusted JSON values: validation must never throw on odd input. */
import { isPlainObject } from '../util/json';
import { MAX_RULE_NESTING_DEPTH } from '../util/parse-input';

export type JsonRecord = Record<string, unknown>;

/** The object at `key` of `parent`, or `undefined` when either is not an object. */
export function recordAt(parent: unknown, key: string): JsonRecord | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return isPlainObject(value) ? value : undefined;
}

/** The array at `key` of `parent`, or `undefined`. */
export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return Array.isArray(value) ? value : undefined;
}

/** The string at `key` of `parent`, or `undefined`. */
export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'string' ? value : undefined;
}

export function hasOwn(parent: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(parent, key) && parent[key] !== undefined;
}

/** Deeper nesting than any rule needs (declared with the other input limits); it also stops runaway recursion on cyclic input. */
export const MAX_JSON_DEPTH = MAX_RULE_NESTING_DEPTH;

export class JsonDepthError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = 'JsonDepthError';
  }
}

/**
 * A deep copy of a JSON value (plain objects and arrays are copied, everything else is kept as is).
 * Keys such as `__proto__` stay ordinary own properties, as `JSON.parse` makes them.
 */
export function cloneJson(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_JSON_DEPTH) throw new JsonDepthError();
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i], depth + 1);
    return copy;
  }
  const copy: JsonRecord = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson((value as JsonRecord)[key], depth + 1);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/** A short, quoted rendering of a value for messages: `"abc"`, `42`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** JSON type name of a value as JSON Schema names it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
