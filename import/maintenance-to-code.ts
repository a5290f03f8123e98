/**
 * Turns SigNoz planned maintenance (`/api/v1/downtime_schedules` answers) into `MaintenanceWindow`
 * code, checked like rules: the construct is built in a scratch stack and the
 * `signoz_planned_maintenance` attributes it synthesizes must equal the imported window.
 */
import { MaintenanceWindow } from '../constructs/maintenance/maintenance-window';
import { isPlainObject } from '../constructs/util/json';
import { evaluateExpr, literal, object, type CodeExpr } from './code-expression';
import { firstDifference } from './rule-to-code';
import { inScratchStack, synthesizedAttributes } from './scratch-stack';

export interface MaintenanceCode {
  readonly name: string;
  /** Props without `alerts`, which the module writes from `ruleIds`. */
  readonly entries: readonly (readonly [string, CodeExpr])[];
  readonly ruleIds: readonly string[];
}

export type MaintenanceConversion = { readonly code: MaintenanceCode; readonly notes: string[] } | { readonly problems: string[] };

const SERVER_FIELDS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'status', 'kind', 'orgId'];
const KNOWN_FIELDS = ['name', 'description', 'schedule', 'alertIds', 'scope'];

/** The code of one planned maintenance, or why it cannot be imported. */
export function maintenanceToCode(window: Readonly<Record<string, unknown>>): MaintenanceConversion {
  const unknown = Object.keys(window).filter((k) => !SERVER_FIELDS.includes(k) && !KNOWN_FIELDS.includes(k));
  if (unknown.length > 0) return { problems: [`${unknown[0]}: MaintenanceWindow has no setting for this field`] };
  const { name, description, schedule, alertIds, scope } = window;
  if (typeof name !== 'string') return { problems: ['name: a planned maintenance needs a name'] };
  if (!isPlainObject(schedule) || typeof schedule.timezone !== 'string' || typeof schedule.startTime !== 'string') {
    return { problems: ['schedule: needs timezone and startTime'] };
  }
  const extra = Object.keys(schedule).filter((k) => !['timezone', 'startTime', 'endTime', 'recurrence'].includes(k));
  if (extra.length > 0) return { problems: [`schedule/${extra[0]}: MaintenanceWindow has no setting for this field`] };
  const end = typeof schedule.endTime === 'string' && schedule.endTime !== '' && !schedule.endTime.startsWith('0001-01-01') ? schedule.endTime : undefined;
  const recurrence = isPlainObject(schedule.recurrence) ? schedule.recurrence : undefined;
  let scheduleExpr: CodeExpr;
  if (recurrence === undefined) {
    if (end === undefined) return { problems: ['schedule/endTime: a one-off window needs an end'] };
    scheduleExpr = object([
      ['kind', literal('fixed')],
      ['start', literal(schedule.startTime)],
      ['end', literal(end)],
    ]);
  } else {
    const { repeatType, duration, repeatOn } = recurrence;
    if (typeof repeatType !== 'string' || !['daily', 'weekly', 'monthly'].includes(repeatType))
      return { problems: ['schedule/recurrence/repeatType: must be daily, weekly or monthly'] };
    if (typeof duration !== 'string') return { problems: ['schedule/recurrence/duration: must be a duration text'] };
    const days = Array.isArray(repeatOn) ? repeatOn : [];
    const entries: [string, CodeExpr][] = [
      ['kind', literal(repeatType === 'weekly' && days.length === 0 ? 'daily' : repeatType)],
      ['start', literal(schedule.startTime)],
      ['duration', literal(duration)],
    ];
    if (repeatType === 'weekly' && days.length > 0) entries.push(['on', literal(days)]);
    if (repeatType !== 'weekly' && days.length > 0)
      return { problems: [`schedule/recurrence/repeatOn: a ${repeatType} window with weekdays, which MaintenanceWindow cannot write`] };
    if (end !== undefined) entries.push(['until', literal(end)]);
    scheduleExpr = object(entries);
  }
  const entries: [string, CodeExpr][] = [
    ['name', literal(name)],
    ['timezone', literal(schedule.timezone)],
    ['schedule', scheduleExpr],
  ];
  if (typeof scope === 'string' && scope !== '') entries.push(['scope', literal(scope)]);
  if (typeof description === 'string' && description !== '') entries.push(['description', literal(description)]);
  const ruleIds = Array.isArray(alertIds) ? alertIds.filter((id): id is string => typeof id === 'string') : [];
  if (Array.isArray(alertIds) && ruleIds.length !== alertIds.length) return { problems: ['alertIds: must be a list of rule ids'] };

  const built = inScratchStack(
    (stack) =>
      new MaintenanceWindow(stack, 'window', {
        ...(evaluateExpr(object(entries)) as Omit<ConstructorParameters<typeof MaintenanceWindow>[2], 'alerts'>),
        ...(ruleIds.length > 0 ? { alerts: ruleIds.map((ruleId) => ({ ruleId })) } : {}),
      }),
  );
  if ('error' in built) return { problems: [`the MaintenanceWindow would be refused: ${built.error}`] };
  const actual = synthesizedAttributes(built.value.resource);
  const expectedSchedule: Record<string, unknown> = { timezone: schedule.timezone, start_time: schedule.startTime };
  if (end !== undefined) expectedSchedule.end_time = end;
  if (recurrence !== undefined) {
    const days = Array.isArray(recurrence.repeatOn) ? recurrence.repeatOn : [];
    expectedSchedule.recurrence = {
      duration: recurrence.duration,
      repeat_type: recurrence.repeatType === 'weekly' && days.length === 0 ? 'daily' : recurrence.repeatType,
      ...(days.length > 0 ? { repeat_on: days } : {}),
    };
  }
  const expected: Record<string, unknown> = { name, schedule: expectedSchedule };
  if (typeof description === 'string' && description !== '') expected.description = description;
  if (ruleIds.length > 0) expected.alert_ids = ruleIds;
  if (typeof scope === 'string' && scope !== '') expected.scope = scope;
  const notes: string[] = [];
  if (recurrence?.repeatType === 'weekly' && (!Array.isArray(recurrence.repeatOn) || recurrence.repeatOn.length === 0)) {
    notes.push('a weekly window without weekdays, which SigNoz treats as daily, is written as a daily window');
  }
  const difference = firstDifference(actual, expected);
  if (difference !== undefined) return { problems: [`${difference}: MaintenanceWindow would write this value differently, so the first plan would update the window`] };
  return { code: { name, entries, ruleIds }, notes };
}

/** Whether `value` looks like a planned maintenance: a schedule with a time zone. */
export function isMaintenanceShape(value: unknown): boolean {
  return isPlainObject(value) && isPlainObject(value.schedule) && typeof value.schedule.timezone === 'string';
}
