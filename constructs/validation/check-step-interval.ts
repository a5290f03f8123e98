/** Step intervals: seconds as a number or a Go duration string (`querybuildertypesv5.Step`). */
import { parseGoDuration } from '../model/duration';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

const INVALID_STEP = 'invalid step, expected a duration string (example: 15s, 1m, 1h), valid time units are ns, u, ms, s, m, h';

export function checkStepInterval(parent: unknown, key: string, parentPath: string, out: IssueCollector): void {
  if (!isPlainObject(parent)) return;
  const step = parent[key];
  if (typeof step === 'string' && parseGoDuration(step) === undefined) out.error(pointer(parentPath, key), `${INVALID_STEP}; got ${JSON.stringify(step)}`);
  if (typeof step === 'number' && step < 0) out.error(pointer(parentPath, key), `step interval cannot be negative, got ${step} seconds`);
}
