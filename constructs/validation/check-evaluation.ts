/** Evaluation windows and schedules, with the checks and wording of SigNoz's `ruletypes/evaluation.go`. */
import { ownEntry } from '../util/json';
import { parseGoDuration } from '../model/duration';
import { recordAt, stringAt } from './json-value';
import { pointer } from './json-pointer';
import { isValidTimeZone } from '../model/time-zone';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

/** "invalid duration" for unparsable text, the server's "must be greater than zero" otherwise. */
export function checkPositiveDuration(parent: unknown, key: string, parentPath: string, out: IssueCollector, notPositive: string): void {
  const text = stringAt(parent, key);
  if (text === undefined) return;
  const millis = parseGoDuration(text);
  if (millis === undefined) out.error(pointer(parentPath, key), invalidDuration(text));
  else if (millis <= 0) out.error(pointer(parentPath, key), notPositive);
}

export function invalidDuration(text: string): string {
  return `invalid duration ${JSON.stringify(text)}; expected a Go duration such as "5m", "1h30m" or "90s" (units: ns, us, ms, s, m, h)`;
}

interface FieldRange {
  readonly field: 'minute' | 'hour' | 'day' | 'weekday';
  readonly min: number;
  readonly max: number;
  readonly message: string;
}

const MINUTE: FieldRange = { field: 'minute', min: 0, max: 59, message: 'minute must be between 0 and 59' };
const HOUR: FieldRange = { field: 'hour', min: 0, max: 23, message: 'hour must be between 0 and 23' };
const DAY: FieldRange = { field: 'day', min: 1, max: 31, message: 'day must be between 1 and 31' };
const WEEKDAY: FieldRange = { field: 'weekday', min: 0, max: 6, message: 'weekday must be between 0 and 6 (Sunday=0)' };

/** Fields each schedule type needs, in SigNoz's check order, and its "must be specified" message. */
const SCHEDULES: Readonly<Record<string, { fields: readonly FieldRange[]; missing: string }>> = {
  hourly: { fields: [MINUTE], missing: 'minute must be specified for hourly schedule' },
  daily: { fields: [HOUR, MINUTE], missing: 'hour and minute must be specified for daily schedule' },
  weekly: { fields: [WEEKDAY, HOUR, MINUTE], missing: 'weekday, hour and minute must be specified for weekly schedule' },
  monthly: { fields: [DAY, HOUR, MINUTE], missing: 'day, hour and minute must be specified for monthly schedule' },
};

function checkSchedule(schedule: unknown, path: string, out: IssueCollector): void {
  if (!isPlainObject(schedule)) return;
  const type = stringAt(schedule, 'type');
  const rules = type === undefined ? undefined : ownEntry(SCHEDULES, type);
  if (!rules) return;
  const missing = rules.fields.filter((range) => schedule[range.field] === undefined || schedule[range.field] === null);
  for (const range of missing) out.error(pointer(path, range.field), rules.missing);
  for (const range of rules.fields) {
    const value = schedule[range.field];
    if (typeof value === 'number' && (value < range.min || value > range.max)) out.error(pointer(path, range.field), range.message);
  }
  const unused = (['minute', 'hour', 'day', 'weekday'] as const).filter(
    (field) => schedule[field] !== undefined && schedule[field] !== null && !rules.fields.some((range) => range.field === field),
  );
  for (const field of unused) out.warn(pointer(path, field), `${field} is not used by a ${type} schedule; SigNoz ignores it`);
}

export function checkEvaluation(payload: unknown, out: IssueCollector): void {
  const evaluation = recordAt(payload, 'evaluation');
  const spec = recordAt(evaluation, 'spec');
  const kind = stringAt(evaluation, 'kind');
  if (!spec) return;
  const specPath = '/evaluation/spec';
  checkPositiveDuration(spec, 'frequency', specPath, out, 'frequency must be greater than zero');
  if (kind === 'rolling') {
    checkPositiveDuration(spec, 'evalWindow', specPath, out, 'evalWindow must be greater than zero');
  } else if (kind === 'cumulative') {
    checkSchedule(spec.schedule, pointer(specPath, 'schedule'), out);
    const timezone = stringAt(spec, 'timezone');
    if (timezone !== undefined && !isValidTimeZone(timezone)) {
      out.error(pointer(specPath, 'timezone'), `timezone is invalid: ${JSON.stringify(timezone)}; use an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC"`);
    }
    if (timezone === 'Local') out.warn(pointer(specPath, 'timezone'), '"Local" is the time zone of the SigNoz server, which may differ between deployments');
  }
}
