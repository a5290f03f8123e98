import type { z } from 'zod';
import { ToolkitError, type Problem } from './toolkit-error';

/** One problem as constructs report it: `field` is the props path (`tiers.critical.target`), `''` the whole props. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A construct was given props it cannot build from. The message names the construct kind, its
 * construct path and every offending field, so the user can fix all of them in one pass.
 * `problems` hold `{ path: field, message }`, as every {@link ToolkitError} does.
 */
export class PropsError extends ToolkitError {
  constructor(
    readonly constructKind: string,
    readonly constructPath: string,
    problems: readonly (FieldProblem | Problem)[],
  ) {
    super(
      constructKind,
      { constructPath },
      problems.map((p) => ({ path: 'field' in p ? p.field : p.path, message: p.message })),
    );
  }
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Renders a zod issue path as `config.headers[0].name`; odd keys as `details["Some Key"]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (!PLAIN_KEY.test(String(key))) out += `[${JSON.stringify(String(key))}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_key':
      // A record key failed: its own issues say why.
      return issue.issues.map((inner) => inner.message).join('; ');
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'is required';
      return issue.message.replace(/^Invalid input: /, '');
    default:
      return issue.message;
  }
}

/**
 * Validates `props` against `schema` and returns the parsed value, or throws a {@link PropsError}
 * naming the construct and each field at fault.
 */
export function parseProps<S extends z.ZodType>(schema: S, props: unknown, constructKind: string, constructPath: string): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const base = fieldPath(issue.path);
    // Unknown keys are reported on the object that holds them; name each key in the field.
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
      return { field: base === '' ? issue.keys[0]! : `${base}.${issue.keys[0]!}`, message: 'unknown field' };
    }
    return { field: base, message: issueMessage(issue) };
  });
  throw new PropsError(constructKind, constructPath, problems);
}
