/**
 * When a planned maintenance is active, read the way SigNoz's alertmanager reads it (see
 * docs/channels-routing-maintenance.md, "When a window mutes"): bounds inclusive, recurring
 * occurrences placed on the wall clock of the schedule's time zone with Go's `time.Date` and
 * `AddDate` (`goDate`), lasting `duration` of elapsed time, and SigNoz's monthly misreading of
 * days 29-31 kept (`monthStepQuirk`).
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
  /**
   * SigNoz's month step misreads a monthly window on day 29-31 in the month after a shorter one
   * (on the 31st: March, May, July, October, December): it treats the window as active from the
   * first of the month until its occurrence ends. `start` is then the first of the month.
   */
  readonly monthStepQuirk?: true;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offsetMs(instant: number, zone: string): number {
  return zonedFields(new Date(instant), zone).offsetMinutes * MINUTE;
}

/**
 * Go's `time.Date(year, month, day, hour, minute, second, 0, zone)`: out-of-range fields normalize;
 * a wall-clock time that a daylight-saving change skips or repeats is read with the offset Go
 * finds first, which depends on the side of UTC: east of it a skipped time moves forward and a
 * repeated one is the later (Berlin 02:30 becomes 03:30 CEST in spring, 02:30 CET in autumn), west
 * of it a skipped time moves back and a repeated one is the earlier (New York 02:30 becomes 01:30
 * EST in spring, 01:30 is EDT in autumn).
 */
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

/** The wall-clock fields of an instant in `zone`. */
type Wall = ReturnType<typeof zonedFields>;

/** Go's `t.AddDate(0, months, days)` for `t` in `zone`: the wall clock of `t` moved, then normalized by `time.Date`. */
function addDate(t: number, months: number, days: number, zone: string): number {
  const f = zonedFields(new Date(t), zone);
  return goDate(f.year, f.month + months, f.day + days, f.hour, f.minute, f.second, zone);
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The candidate SigNoz checks for a daily window at `now` (`checkDaily`): today's start time
 * (seconds dropped), or, when that is later than `now`, `AddDate(0, 0, -1)` of it.
 */
function dailyCandidate(first: Wall, today: Wall, now: number, zone: string): number {
  const candidate = goDate(today.year, today.month, today.day, first.hour, first.minute, 0, zone);
  return candidate > now ? addDate(candidate, 0, -1, zone) : candidate;
}

/** The candidates SigNoz checks for a weekly window (`checkWeekly`): per listed weekday, this week's, or a week before when later than `now`. */
function weeklyCandidates(first: Wall, today: Wall, now: number, days: readonly Weekday[], zone: string): number[] {
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const base = goDate(today.year, today.month, today.day, first.hour, first.minute, 0, zone);
  return days.map((day) => {
    const candidate = addDate(base, 0, WEEKDAYS.indexOf(day) - weekday, zone);
    return candidate > now ? addDate(candidate, 0, -7, zone) : candidate;
  });
}

/**
 * The candidate SigNoz checks for a monthly window (`checkMonthly`): the start's day of this month
 * (clamped to its length) at the start's time; when later than `now`, `AddDate(0, -1, 0)` of it,
 * whose month then takes the start's day (clamped). After a shorter month that step lands back in
 * this month, so the candidate stays later than `now`, and SigNoz counts that as active.
 */
function monthlyCandidate(first: Wall, today: Wall, now: number, zone: string): number {
  const at = (year: number, month: number, day: number): number => goDate(year, month, day, first.hour, first.minute, first.second, zone);
  const candidate = at(today.year, today.month, Math.min(first.day, daysIn(today.year, today.month)));
  if (candidate <= now) return candidate;
  const back = zonedFields(new Date(addDate(candidate, -1, 0, zone)), zone);
  return at(back.year, back.month, Math.min(first.day, daysIn(back.year, back.month)));
}

/** The occurrence of a recurring window that holds `now`, exactly as SigNoz decides it: active when `now - candidate <= duration`. */
function recurringOccurrence(schedule: MaintenanceScheduleDefinition, start: number, durationMs: number, now: number): MaintenanceOccurrence | undefined {
  const zone = schedule.timezone;
  const today = zonedFields(new Date(now), zone);
  const recurrence = schedule.recurrence!;
  const first = zonedFields(new Date(start), zone);
  const days = recurrence.repeatOn ?? [];
  let candidates: number[];
  if (recurrence.repeatType === 'monthly') candidates = [monthlyCandidate(first, today, now, zone)];
  else if (recurrence.repeatType === 'weekly' && days.length > 0) candidates = weeklyCandidates(first, today, now, days, zone);
  else candidates = [dailyCandidate(first, today, now, zone)];
  // any candidate within its duration mutes; the one that ends last is reported
  const active = candidates.filter((c) => now - c <= durationMs).sort((a, b) => b - a)[0];
  if (active === undefined) return undefined;
  if (active <= now) return { start: active, end: active + durationMs };
  // the monthly misreading: active since the first of the month
  return { start: Math.max(start, goDate(today.year, today.month, 1, 0, 0, 0, zone)), end: active + durationMs, monthStepQuirk: true };
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
  return occurrence && end !== undefined && occurrence.end > end ? { ...occurrence, end } : occurrence;
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
    const first = zonedFields(new Date(start), zone);
    const days: Wall[] = [];
    // occurrences that begin up to a month before `from` may still run; one calendar day at a time
    for (let t = from - 32 * DAY; t <= to + DAY; t += DAY) days.push(zonedFields(new Date(t), zone));
    if (schedule.recurrence!.repeatType === 'monthly') {
      for (const d of days) {
        const occurrence = goDate(d.year, d.month, Math.min(first.day, daysIn(d.year, d.month)), first.hour, first.minute, first.second, zone);
        points.push(occurrence, occurrence + durationMs + 1, goDate(d.year, d.month, 1, 0, 0, 0, zone));
      }
    } else {
      // Go's AddDate keeps the wall clock of a start that a daylight-saving gap moved: those times are candidates too
      const clocks = new Map<string, [number, number]>([[`${first.hour}:${first.minute}`, [first.hour, first.minute]]]);
      for (const d of days) {
        const placed = zonedFields(new Date(goDate(d.year, d.month, d.day, first.hour, first.minute, 0, zone)), zone);
        clocks.set(`${placed.hour}:${placed.minute}`, [placed.hour, placed.minute]);
      }
      for (const d of days) {
        for (const [hour, minute] of clocks.values()) {
          const s = goDate(d.year, d.month, d.day, hour, minute, 0, zone);
          points.push(s, s + durationMs + 1);
        }
      }
    }
  }
  return [...new Set(points.filter((p): p is number => p !== undefined && p > from && p <= to))].sort((a, b) => a - b);
}
