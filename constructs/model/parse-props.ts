/**
 * Props checked with a zod schema, its issues turned into a {@link PropsError}. Internal: the
 * schemas stay out of the public declarations (no third-party schema types in a user's compile).
 */
import type { z } from 'zod';
import { ZOD_PARSE_OPTIONS } from '../validation/zod-messages';
import { PropsError, type FieldProblem } from './props-error';

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
  // A record key failed: its own issues say why.
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => inner.message).join('; ');
  return issue.message;
}

/**
 * Validates `props` against `schema` and returns the parsed value, or throws a {@link PropsError}
 * naming the construct and each field at fault.
 */
export function parseProps<S extends z.ZodType>(schema: S, props: unknown, constructKind: string, constructPath: string): z.output<S> {
  const result = schema.safeParse(props, ZOD_PARSE_OPTIONS);
  if (result.success) return result.data;
  throw new PropsError(constructKind, constructPath, zodProblems(result.error));
}

/** zod's issues as problems, in the toolkit's words (see ZOD_PARSE_OPTIONS): `{ field: 'tiers.critical.target', message }`. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap(closestAlternative).map((issue) => ({ field: fieldPath(issue.path), message: issueMessage(issue) }));
}

/**
 * For a value that matched no alternative of a union, the issues of the alternative it got
 * furthest into (the deepest path), which is the one the user meant.
 */
function closestAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (issues: z.core.$ZodIssue[]): number => Math.max(...issues.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
  if (depth(best) === 0) return [issue];
  return best.flatMap((inner) => closestAlternative({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}
