/**
 * zod's built-in messages in the toolkit's words: one translator for every props schema, passed at
 * parse time (`schema.safeParse(x, ZOD_PARSE_OPTIONS)`), so a schema's own message still wins and
 * an app's own use of zod is left alone. `Too big: expected number to be <=23` becomes
 * `must be at most 23`; `Unrecognized key: "evalWindow"` becomes
 * `unknown option "evalWindow" (allowed: window, frequency; did you mean "window"?)`.
 */
import type { z } from 'zod';
import { closestName } from './did-you-mean';

type RawIssue = z.core.$ZodRawIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

const A: Record<string, string> = { object: 'an object', array: 'an array', int: 'an integer', undefined: 'nothing' };
const article = (type: string): string => A[type] ?? `a ${type}`;

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, most: boolean): string {
  const n = String(limit);
  switch (issue.origin) {
    case 'string':
      return `must be ${most ? 'at most' : 'at least'} ${n} character${n === '1' ? '' : 's'} long`;
    case 'array':
    case 'set':
      return `must have ${most ? 'at most' : 'at least'} ${n} item${n === '1' ? '' : 's'}`;
    default:
      if (issue.inclusive === false) return `must be ${most ? 'less' : 'greater'} than ${n}`;
      return `must be ${most ? 'at most' : 'at least'} ${n}`;
  }
}

/** The allowed keys of the object schema an unknown-key issue came from. */
function shapeKeys(issue: RawIssue): string[] {
  const def = (issue as { inst?: { _zod?: { def?: { shape?: Record<string, unknown> } } } }).inst?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : [];
}

/** The toolkit's message for a zod issue, or undefined to keep zod's. */
export function translateZodIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big':
      return bound(issue, issue.maximum, true);
    case 'too_small':
      return bound(issue, issue.minimum, false);
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected)} (got ${describeValue(issue.input)})`;
    case 'unrecognized_keys': {
      const allowed = shapeKeys(issue);
      return issue.keys
        .map((key) => {
          const suggestion = closestName(key, allowed);
          const hint = suggestion !== undefined ? `; did you mean "${suggestion}"?` : '';
          return `unknown option "${key}"${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')}${hint})` : ''}`;
        })
        .join('; ');
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const got =
        typeof issue.input === 'string'
          ? closestName(
              issue.input,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return `must be ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`} (got ${describeValue(issue.input)}${got !== undefined ? `; did you mean "${got}"?` : ''})`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? undefined : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

/** Parse options that put every zod message in the toolkit's words. */
export const ZOD_PARSE_OPTIONS = { error: translateZodIssue } as const;
