/**
 * The time window each evaluation queries: `ruletypes.RollingWindow.NextWindowFor` /
 * `CumulativeWindow.NextWindowFor`, then `rules.BaseRule.Timestamps` (shift by the server's
 * evaluation delay, round both ends down to the minute).
 */
import { DateTime } from 'luxon';
import type { CumulativeSchedule } from '../model/rule-payload';

export type EvaluationSchedule =
  | { readonly kind: 'rolling'; readonly evalWindowMs: number; readonly frequencyMs: number }
  | { readonly kind: 'cumulative'; readonly schedule: CumulativeSchedule; readonly timezone: string; readonly frequencyMs: number };

/** SigNoz's default `ruler.eval_delay` (pkg/ruler/config.go): queries end this long before the tick. */
export const DEFAULT_EVAL_DELAY_MS = 2 * 60_000;

const MINUTE_MS = 60_000;

/** Start of the current cumulative period: the latest schedule time at or before `tick` (`getLastScheduleTime`). */
export function lastScheduleTime(schedule: CumulativeSchedule, timezone: string, tick: number): number {
  const zone = timezone === '' ? 'UTC' : timezone;
  let curr = DateTime.fromMillis(tick, { zone });
  if (!curr.isValid) curr = DateTime.fromMillis(tick, { zone: 'UTC' });
  const minute = schedule.minute ?? 0;
  const hour = schedule.hour ?? 0;
  const at = (base: DateTime, day: number, h: number): DateTime => base.set({ day, hour: h, minute, second: 0, millisecond: 0 });
  switch (schedule.type) {
    case 'hourly': {
      const candidate = curr.set({ minute, second: 0, millisecond: 0 });
      return (candidate > curr ? candidate.minus({ hours: 1 }) : candidate).toMillis();
    }
    case 'daily': {
      const candidate = at(curr, curr.day, hour);
      return (candidate > curr ? candidate.minus({ days: 1 }) : candidate).toMillis();
    }
    case 'weekly': {
      const goWeekday = curr.weekday % 7; // luxon: Monday=1..Sunday=7; Go: Sunday=0
      let daysBack = goWeekday - (schedule.weekday ?? 0);
      if (daysBack < 0) daysBack += 7;
      let candidate = at(curr, curr.day, hour).minus({ days: daysBack });
      if (candidate > curr) candidate = candidate.minus({ days: 7 });
      return candidate.toMillis();
    }
    case 'monthly': {
      const targetDay = schedule.day ?? 1;
      const thisMonth = curr.set({ day: 1 });
      let candidate = at(thisMonth, Math.min(targetDay, thisMonth.daysInMonth ?? 31), hour);
      if (candidate > curr) {
        // Go's AddDate(0, -1, 0) overflows (31 March -> 3 March), so "previous month" can be this month
        const previous = thisMonth
          .minus({ months: 1 })
          .plus({ days: curr.day - 1 })
          .set({ day: 1 });
        candidate = at(previous, Math.min(targetDay, previous.daysInMonth ?? 31), hour);
      }
      return candidate.toMillis();
    }
  }
}

/** `[start, end)` queried at `tick` before the evaluation delay and minute rounding (`NextWindowFor`). */
export function nextWindowFor(schedule: EvaluationSchedule, tick: number): { start: number; end: number } {
  if (schedule.kind === 'rolling') return { start: tick - schedule.evalWindowMs, end: tick };
  return { start: lastScheduleTime(schedule.schedule, schedule.timezone, tick), end: tick };
}

/** The window the rule's query really covers at `tick` (`rules.BaseRule.Timestamps`). */
export function queryWindow(schedule: EvaluationSchedule, tick: number, evalDelayMs: number): { start: number; end: number } {
  let { start, end } = nextWindowFor(schedule, tick);
  if (evalDelayMs > 0) {
    start -= evalDelayMs;
    end -= evalDelayMs;
  }
  return { start: floorToMinute(start), end: floorToMinute(end) };
}

function floorToMinute(ms: number): number {
  // Go's % truncates toward zero; times before 1970 never occur in practice
  return ms - (ms % MINUTE_MS);
}
