/** Mistakes found while building or synthesizing the app, as lines for a person (no stack traces). */
import { isToolkitError, toolkitErrorLines } from '../constructs';

/** cdktf's advice to skip validations: never the right fix here. */
const CDKTF_HINTS = /^(If you wish to ignore|Validations allow|To skip validations)/;

export function synthErrorLines(err: unknown): string[] {
  // Any mistake the toolkit reports: its headline and one line per problem, from its fields.
  if (isToolkitError(err)) return toolkitErrorLines(err);
  // cdktf reports failed construct validations (and policy errors) as one message, one problem a line.
  return (err instanceof Error ? err.message : String(err)).split('\n').filter((l) => l.trim() !== '' && !CDKTF_HINTS.test(l.trim()));
}
