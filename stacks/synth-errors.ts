/** Mistakes found while building or synthesizing the app, as lines for a person (no stack traces). */
import { AlertRuleError, PropsError } from '../constructs';

/** cdktf's advice to skip validations: never the right fix here. */
const CDKTF_HINTS = /^(If you wish to ignore|Validations allow|To skip validations)/;

export function synthErrorLines(err: unknown): string[] {
  if (err instanceof AlertRuleError) return [`AlertRule ${err.constructPath}:`, ...err.problems.map((p) => `  - ${p}`)];
  if (err instanceof PropsError) return err.message.split('\n');
  // cdktf reports failed construct validations (and policy errors) as one message, one problem a line.
  return (err instanceof Error ? err.message : String(err)).split('\n').filter((l) => l.trim() !== '' && !CDKTF_HINTS.test(l.trim()));
}
