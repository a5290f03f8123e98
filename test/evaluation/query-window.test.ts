import { lastScheduleTime, nextWindowFor, queryWindow, type EvaluationSchedule } from '../../constructs/evaluation/query-window';
import type { CumulativeSchedule } from '../../constructs/model/rule-payload';

const utc = (iso: string): number => Date.parse(iso);
const cumulative = (schedule: CumulativeSchedule, timezone = 'UTC'): EvaluationSchedule => ({ kind: 'cumulative', schedule, timezone, frequencyMs: 60_000 });

describe('rolling window (RollingWindow.NextWindowFor, BaseRule.Timestamps)', () => {
  const rolling: EvaluationSchedule = { kind: 'rolling', evalWindowMs: 5 * 60_000, frequencyMs: 60_000 };

  it('covers the evalWindow before the tick', () => {
    expect(nextWindowFor(rolling, utc('2026-01-05T10:10:00Z'))).toEqual({ start: utc('2026-01-05T10:05:00Z'), end: utc('2026-01-05T10:10:00Z') });
  });

  it('shifts by the evaluation delay and rounds both ends down to the minute', () => {
    expect(queryWindow(rolling, utc('2026-01-05T10:10:37Z'), 2 * 60_000)).toEqual({ start: utc('2026-01-05T10:03:00Z'), end: utc('2026-01-05T10:08:00Z') });
  });
});

describe('cumulative window (CumulativeWindow.NextWindowFor / getLastScheduleTime)', () => {
  const cases: [string, CumulativeSchedule, string, string, string][] = [
    ['hourly at :20, tick at :50 -> this hour', { type: 'hourly', minute: 20 }, 'UTC', '2026-02-10T08:50:00Z', '2026-02-10T08:20:00Z'],
    ['hourly at :20, tick at :05 -> previous hour', { type: 'hourly', minute: 20 }, 'UTC', '2026-02-10T08:05:00Z', '2026-02-10T07:20:00Z'],
    ['hourly on the boundary itself -> the boundary', { type: 'hourly', minute: 20 }, 'UTC', '2026-02-10T08:20:00Z', '2026-02-10T08:20:00Z'],
    ['hourly at :00 in India (UTC+5:30) -> local hour start', { type: 'hourly', minute: 0 }, 'Asia/Kolkata', '2026-02-10T08:10:00Z', '2026-02-10T07:30:00Z'],
    ['daily 06:00, tick in the afternoon -> today', { type: 'daily', hour: 6, minute: 0 }, 'UTC', '2026-02-10T15:00:00Z', '2026-02-10T06:00:00Z'],
    ['daily 06:00, tick before it -> yesterday', { type: 'daily', hour: 6, minute: 0 }, 'UTC', '2026-02-10T05:59:00Z', '2026-02-09T06:00:00Z'],
    ['daily 00:00 in New York (UTC-5 in February) -> local midnight', { type: 'daily', hour: 0, minute: 0 }, 'America/New_York', '2026-02-10T12:00:00Z', '2026-02-10T05:00:00Z'],
    ['weekly Monday 09:00, tick on Thursday -> this Monday', { type: 'weekly', weekday: 1, hour: 9, minute: 0 }, 'UTC', '2026-02-12T12:00:00Z', '2026-02-09T09:00:00Z'],
    ['weekly Monday 09:00, tick Monday 08:00 -> last Monday', { type: 'weekly', weekday: 1, hour: 9, minute: 0 }, 'UTC', '2026-02-09T08:00:00Z', '2026-02-02T09:00:00Z'],
    ['weekly Sunday (0) 00:00, tick on Saturday', { type: 'weekly', weekday: 0, hour: 0, minute: 0 }, 'UTC', '2026-02-14T10:00:00Z', '2026-02-08T00:00:00Z'],
    ['monthly on the 1st, mid-month -> this month', { type: 'monthly', day: 1, hour: 0, minute: 0 }, 'UTC', '2026-02-10T12:00:00Z', '2026-02-01T00:00:00Z'],
    ['monthly on the 31st, in a 28-day February -> the last day', { type: 'monthly', day: 31, hour: 0, minute: 0 }, 'UTC', '2026-02-28T12:00:00Z', '2026-02-28T00:00:00Z'],
    ["monthly on the 31st, mid-March -> February's last day", { type: 'monthly', day: 31, hour: 12, minute: 0 }, 'UTC', '2026-03-15T10:00:00Z', '2026-02-28T12:00:00Z'],
    // Go's AddDate(0, -1, 0) on 31 March gives 3 March, so SigNoz's "previous month" is March again
    // and the period starts after the tick; reproduced as is.
    [
      'monthly on the 31st, early on 31 March -> SigNoz quirk: a start after the tick',
      { type: 'monthly', day: 31, hour: 12, minute: 0 },
      'UTC',
      '2026-03-31T06:00:00Z',
      '2026-03-31T12:00:00Z',
    ],
  ];
  for (const [name, schedule, zone, tick, start] of cases) {
    it(name, () => {
      expect(new Date(lastScheduleTime(schedule, zone, utc(tick))).toISOString()).toBe(new Date(utc(start)).toISOString());
      expect(nextWindowFor(cumulative(schedule, zone), utc(tick))).toEqual({ start: utc(start), end: utc(tick) });
    });
  }
});
