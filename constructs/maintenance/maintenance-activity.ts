/**
 * When a planned maintenance is active, read the way SigNoz's alertmanager reads it (see
 * docs/channels-routing-maintenance.md, "When a window mutes"): bounds inclusive, recurring
 * occurrences placed on the wall clock of the schedule's time zone with Go's `time.Date` (a time
 * inside a daylight-saving gap moves forward), lasting `duration` of elapsed time.
 */
import { parseGoDuration } from '../model/duration';
import { WEEKDAYS, type Weekday } from './maintenance-schedule';
import { parseRfc3339, zonedFields } from './zoned-time';

/** A maintenance schedule as SigNoz stores it (`signoz_planned_maintenance.schedule`). */
export interface MaintenanceScheduleDefinition {
  /** IANA time zone of the wall-clock times. */
  readonly timezone: string;
  /** RFC 3339. */
  readonly startTime: string;
  /** RFC 3339; for a recurring window, when it stops repeating. */
  readonly endTime?: string;
  readonly recurrence?: {
    readonly repeatType: 'daily' | 'weekly' | 'monthly';
    /** Go duration text, e.g. `2h`. */
    readonly duration: string;
    readonly repeatOn?: readonly Weekday[];
  };
}

/** One occurrence of a window: from `start` to `end`, both inclusive (epoch milliseconds). */
export interface MaintenanceOccurrence {
  readonly start: number;
  readonly end: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offsetMs(instant: number, zone: string): number {
  return zonedFields(new Date(instant), zone).offsetMinutes * MINUTE;
}

/** Go's `time.Date(year, month, day, hour, minute, second, 0, zone)`: out-of-range fields normalize, a gap moves forward, an overlap takes the later offset. */
export function goDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const guess = offsetMs(wall, zone);
  const utc = wall - guess;
  const actual = offsetMs(utc, zone);
  return actual === guess ? utc : wall - actual;
}

function instantOf(text: string, what: string): number {
  const parsed = parseRfc3339(text);
  if (typeof parsed === 'string') throw new RangeError(`${what}: ${parsed}`);
  return parsed.getTime();
}

/** The schedule with its times as instants and its duration in milliseconds; throws a RangeError for text SigNoz would refuse. */
function resolve(schedule: MaintenanceScheduleDefinition): { start: number; end?: number; durationMs?: number } {
  const start = instantOf(schedule.startTime, 'start_time');
  const end = schedule.endTime === undefined || schedule.endTime === '' ? undefined : instantOf(schedule.endTime, 'end_time');
  if (!schedule.recurrence) return { start, ...(end !== undefined ? { end } : {}) };
  const durationMs = parseGoDuration(schedule.recurrence.duration);
  if (durationMs === undefined || durationMs <= 0) throw new RangeError(`recurrence.duration: '${schedule.recurrence.duration}' is not a positive Go duration`);
  return { start, ...(end !== undefined ? { end } : {}), durationMs };
}

/** Candidate occurrence starts on the calendar day `y-m-d` of the zone (before the time-of-day rules pick one). */
function startsOnDay(schedule: MaintenanceScheduleDefinition, start: number, y: number, m: number, d: number): number[] {
  const zone = schedule.timezone;
  const first = zonedFields(new Date(start), zone);
  const recurrence = schedule.recurrence!;
  switch (recurrence.repeatType) {
    case 'daily':
      return [goDate(y, m, d, first.hour, first.minute, 0, zone)];
    case 'weekly': {
      const days = recurrence.repeatOn ?? [];
      const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
      if (days.length > 0 && !days.includes(weekday)) return [];
      return [goDate(y, m, d, first.hour, first.minute, 0, zone)];
    }
    case 'monthly': {
      const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const refDay = Math.min(first.day, lastDay);
      const occurrence = goDate(y, m, refDay, first.hour, first.minute, first.second, zone);
      // Go's AddDate(0, -1, 0): the same day one month back, normalized (a 31st becomes a day of the next month).
      return [occurrence, goDate(y, m - 1, refDay, first.hour, first.minute, first.second, zone)];
    }
  }
}

/** The occurrence of a recurring window that holds `now`, SigNoz's way. */
function recurringOccurrence(schedule: MaintenanceScheduleDefinition, start: number, durationMs: number, now: number): MaintenanceOccurrence | undefined {
  const zone = schedule.timezone;
  const today = zonedFields(new Date(now), zone);
  const recurrence = schedule.recurrence!;
  const first = zonedFields(new Date(start), zone);
  let occurrenceStart: number | undefined;
  if (recurrence.repeatType === 'monthly') {
    const lastDay = new Date(Date.UTC(today.year, today.month, 0)).getUTCDate();
    const refDay = Math.min(first.day, lastDay);
    occurrenceStart = goDate(today.year, today.month, refDay, first.hour, first.minute, first.second, zone);
    if (occurrenceStart > now) occurrenceStart = goDate(today.year, today.month - 1, refDay, first.hour, first.minute, first.second, zone);
  } else {
    // today, else the previous day (daily) or the latest listed weekday (weekly) whose occurrence has begun
    for (let back = 0; back <= 7 && occurrenceStart === undefined; back++) {
      const [candidate] = startsOnDay(schedule, start, today.year, today.month, today.day - back);
      if (candidate !== undefined && candidate <= now) occurrenceStart = candidate;
    }
  }
  if (occurrenceStart === undefined) return undefined;
  const end = occurrenceStart + durationMs;
  return now >= occurrenceStart && now <= end ? { start: occurrenceStart, end } : undefined;
}

/**
 * The occurrence of the window that is active at `now` (epoch ms), or undefined when the window
 * does not mute then. Throws a RangeError when the schedule's times cannot be read.
 */
export function maintenanceOccurrenceAt(schedule: MaintenanceScheduleDefinition, now: number): MaintenanceOccurrence | undefined {
  const { start, end, durationMs } = resolve(schedule);
  if (now < start || (end !== undefined && now > end)) return undefined;
  if (durationMs === undefined) return { start, end: end ?? Number.POSITIVE_INFINITY };
  const occurrence = recurringOccurrence(schedule, start, durationMs, now);
  return occurrence && end !== undefined && occurrence.end > end ? { start: occurrence.start, end } : occurrence;
}

/**
 * Instants in `[from, to]` where the window may start or stop muting (a superset: between two
 * consecutive ones, {@link maintenanceOccurrenceAt} gives the same answer throughout, so a
 * timeline needs to ask only once per stretch). An end is inclusive, so it changes 1 ms after.
 */
export function maintenanceBreakpoints(schedule: MaintenanceScheduleDefinition, from: number, to: number): number[] {
  const { start, end, durationMs } = resolve(schedule);
  const points = [start, end === undefined ? undefined : end + 1];
  if (durationMs !== undefined) {
    const zone = schedule.timezone;
    // occurrences that begin up to a month before `from` may still run; step one calendar day at a time
    for (let t = from - 32 * DAY; t <= to + DAY; t += DAY) {
      const day = zonedFields(new Date(t), zone);
      for (const s of startsOnDay(schedule, start, day.year, day.month, day.day)) points.push(s, s + durationMs + 1);
    }
  }
  return [...new Set(points.filter((p): p is number => p !== undefined && p > from && p <= to))].sort((a, b) => a - b);
}
