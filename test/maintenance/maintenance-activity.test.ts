import { goDate, maintenanceBreakpoints, maintenanceOccurrenceAt, type MaintenanceScheduleDefinition } from '../../constructs/maintenance/maintenance-activity';

const t = (iso: string): number => Date.parse(iso);

describe('when a maintenance window is active (SigNoz semantics)', () => {
  it('places wall-clock times the way Go time.Date does across daylight-saving changes', () => {
    // spring gap: 02:30 does not exist in Berlin on 2026-03-29 and moves forward to 03:30 CEST
    expect(goDate(2026, 3, 29, 2, 30, 0, 'Europe/Berlin')).toBe(t('2026-03-29T03:30:00+02:00'));
    // autumn overlap: 02:30 happens twice on 2026-10-25; Go takes the later one (CET)
    expect(goDate(2026, 10, 25, 2, 30, 0, 'Europe/Berlin')).toBe(t('2026-10-25T02:30:00+01:00'));
    // out-of-range days normalize: 31 February is 3 March
    expect(goDate(2026, 2, 31, 12, 0, 0, 'UTC')).toBe(t('2026-03-03T12:00:00Z'));
  });

  it('a daily window lasts its duration of elapsed time, also across the daylight-saving night', () => {
    const nightly: MaintenanceScheduleDefinition = { timezone: 'Europe/Berlin', startTime: '2026-01-01T01:30:00+01:00', recurrence: { repeatType: 'daily', duration: '2h' } };
    // 01:30 CET + 2h = 04:30 CEST on the night the clocks skip an hour
    expect(maintenanceOccurrenceAt(nightly, t('2026-03-29T04:29:00+02:00'))).toEqual({ start: t('2026-03-29T01:30:00+01:00'), end: t('2026-03-29T04:30:00+02:00') });
    expect(maintenanceOccurrenceAt(nightly, t('2026-03-29T04:31:00+02:00'))).toBeUndefined();
    // before the first start: never active
    expect(maintenanceOccurrenceAt(nightly, t('2025-12-31T02:00:00+01:00'))).toBeUndefined();
  });

  it('a weekly window opens on its listed weekdays only, and an end date cuts it', () => {
    const weekends: MaintenanceScheduleDefinition = {
      timezone: 'America/New_York',
      startTime: '2026-01-03T23:00:00-05:00',
      endTime: '2026-03-08T00:30:00-05:00',
      recurrence: { repeatType: 'weekly', duration: '3h', repeatOn: ['saturday'] },
    };
    // Saturday 23:00 New York runs into Sunday
    expect(maintenanceOccurrenceAt(weekends, t('2026-01-11T01:00:00-05:00'))).toBeDefined();
    expect(maintenanceOccurrenceAt(weekends, t('2026-01-12T01:00:00-05:00'))).toBeUndefined();
    // the last occurrence is cut by the end date
    expect(maintenanceOccurrenceAt(weekends, t('2026-03-08T00:15:00-05:00'))).toEqual({ start: t('2026-03-07T23:00:00-05:00'), end: t('2026-03-08T00:30:00-05:00') });
    expect(maintenanceOccurrenceAt(weekends, t('2026-03-08T00:45:00-05:00'))).toBeUndefined();
  });

  it('a monthly window on the 31st falls on the last day of shorter months', () => {
    const monthEnd: MaintenanceScheduleDefinition = { timezone: 'UTC', startTime: '2026-01-31T20:00:00Z', recurrence: { repeatType: 'monthly', duration: '1h' } };
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-04-30T20:30:00Z'))).toEqual({ start: t('2026-04-30T20:00:00Z'), end: t('2026-04-30T21:00:00Z') });
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-04-29T20:30:00Z'))).toBeUndefined();
  });

  it('west of UTC a start time the spring change skips moves back, as Go time.Date places it', () => {
    // 02:30 does not exist in New York on 2026-03-08; Go reads it with EDT, which is 01:30 EST
    expect(goDate(2026, 3, 8, 2, 30, 0, 'America/New_York')).toBe(t('2026-03-08T01:30:00-05:00'));
    // 01:30 happens twice on 2026-11-01; Go takes the first (EDT)
    expect(goDate(2026, 11, 1, 1, 30, 0, 'America/New_York')).toBe(t('2026-11-01T01:30:00-04:00'));
    const sundays: MaintenanceScheduleDefinition = {
      timezone: 'America/New_York',
      startTime: '2026-01-04T02:30:00-05:00',
      recurrence: { repeatType: 'weekly', duration: '1h', repeatOn: ['sunday'] },
    };
    expect(maintenanceOccurrenceAt(sundays, t('2026-03-08T01:45:00-05:00'))).toEqual({ start: t('2026-03-08T01:30:00-05:00'), end: t('2026-03-08T03:30:00-04:00') });
    expect(maintenanceOccurrenceAt(sundays, t('2026-03-08T03:31:00-04:00'))).toBeUndefined();
    // a week later: 02:30 EDT again, for one hour
    expect(maintenanceOccurrenceAt(sundays, t('2026-03-15T03:30:00-04:00'))).toEqual({ start: t('2026-03-15T02:30:00-04:00'), end: t('2026-03-15T03:30:00-04:00') });
  });

  it('a monthly window on day 31 is misread the way SigNoz misreads it: active from the 1st in months after a shorter one', () => {
    const monthEnd: MaintenanceScheduleDefinition = { timezone: 'Europe/Berlin', startTime: '2026-01-31T20:00:00+01:00', recurrence: { repeatType: 'monthly', duration: '1h' } };
    // March follows February: from 1 March 00:00 until the 31st's occurrence ends
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-03-15T12:00:00+01:00'))).toEqual({
      start: t('2026-03-01T00:00:00+01:00'),
      end: t('2026-03-31T21:00:00+02:00'),
      monthStepQuirk: true,
    });
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-02-28T23:59:00+01:00'))).toBeUndefined();
    // April follows a 31-day month: no misreading, the 30th at 20:00 only
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-04-15T12:00:00+02:00'))).toBeUndefined();
    expect(maintenanceOccurrenceAt(monthEnd, t('2026-04-30T20:30:00+02:00'))).toEqual({ start: t('2026-04-30T20:00:00+02:00'), end: t('2026-04-30T21:00:00+02:00') });
    // the week's breakpoints hold the month start, where the misreading begins
    const from = t('2026-02-27T00:00:00+01:00');
    expect(maintenanceBreakpoints(monthEnd, from, from + 7 * 24 * 3600 * 1000)).toContain(t('2026-03-01T00:00:00+01:00'));
  });

  it('an end time cuts a running occurrence, and the cut end is inclusive', () => {
    const nightly: MaintenanceScheduleDefinition = {
      timezone: 'Europe/Berlin',
      startTime: '2026-10-01T23:00:00+02:00',
      endTime: '2026-10-25T00:30:00+02:00',
      recurrence: { repeatType: 'daily', duration: '4h' },
    };
    expect(maintenanceOccurrenceAt(nightly, t('2026-10-25T00:30:00+02:00'))).toEqual({ start: t('2026-10-24T23:00:00+02:00'), end: t('2026-10-25T00:30:00+02:00') });
    expect(maintenanceOccurrenceAt(nightly, t('2026-10-25T00:30:01+02:00'))).toBeUndefined();
  });

  it.each([
    ['Europe/Berlin', 'weekly', '2026-01-04T02:30:00+01:00', '3h', ['sunday', 'wednesday'], '2026-03-26T00:00:00Z'],
    ['Europe/Berlin', 'daily', '2026-01-01T02:15:00+01:00', '23h', [], '2026-10-22T00:00:00Z'],
    ['America/New_York', 'weekly', '2026-01-04T02:30:00-05:00', '90m', ['sunday'], '2026-03-05T00:00:00Z'],
    ['America/New_York', 'daily', '2026-01-01T01:30:00-05:00', '1h', [], '2026-10-29T00:00:00Z'],
    ['Europe/Berlin', 'monthly', '2026-01-31T02:30:00+01:00', '2h', [], '2026-02-26T00:00:00Z'],
    ['America/New_York', 'monthly', '2026-01-29T02:30:00-05:00', '30h', [], '2026-02-26T00:00:00Z'],
  ] as const)('in %s a %s window (%s, %s) gives one answer between consecutive breakpoints', (timezone, repeatType, startTime, duration, repeatOn, fromIso) => {
    const schedule: MaintenanceScheduleDefinition = { timezone, startTime, recurrence: { repeatType, duration, repeatOn } };
    const from = t(fromIso);
    const to = from + 8 * 24 * 3600 * 1000;
    const points = [from, ...maintenanceBreakpoints(schedule, from, to), to];
    const active = (at: number): boolean => maintenanceOccurrenceAt(schedule, at) !== undefined;
    let changes = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const expected = active(points[i]!);
      // every 15 minutes and the last millisecond of the stretch
      for (let at = points[i]!; at < points[i + 1]!; at += 15 * 60_000) expect(active(at)).toBe(expected);
      expect(active(points[i + 1]! - 1)).toBe(expected);
      if (i > 0 && active(points[i - 1]!) !== expected) changes++;
    }
    expect(changes).toBeGreaterThan(0);
  });

  it('a fixed window is active between its bounds, both inclusive', () => {
    const release: MaintenanceScheduleDefinition = { timezone: 'UTC', startTime: '2026-05-01T10:00:00Z', endTime: '2026-05-01T12:00:00Z' };
    expect(maintenanceOccurrenceAt(release, t('2026-05-01T10:00:00Z'))).toBeDefined();
    expect(maintenanceOccurrenceAt(release, t('2026-05-01T12:00:00Z'))).toBeDefined();
    expect(maintenanceOccurrenceAt(release, t('2026-05-01T12:00:01Z'))).toBeUndefined();
  });

  it('lists every instant in a stretch where the answer may change', () => {
    const nightly: MaintenanceScheduleDefinition = { timezone: 'Europe/Berlin', startTime: '2026-01-01T01:30:00+01:00', recurrence: { repeatType: 'daily', duration: '2h' } };
    const from = t('2026-03-28T12:00:00+01:00');
    const points = maintenanceBreakpoints(nightly, from, from + 24 * 3600 * 1000);
    expect(points).toEqual([t('2026-03-29T01:30:00+01:00'), t('2026-03-29T04:30:00+02:00') + 1]);
    // the answer is the same all along each stretch
    for (const p of points) expect(maintenanceOccurrenceAt(nightly, p - 1) === undefined).not.toBe(maintenanceOccurrenceAt(nightly, p) === undefined);
  });

  it('refuses schedule times that are not RFC 3339', () => {
    expect(() => maintenanceOccurrenceAt({ timezone: 'UTC', startTime: 'tomorrow' }, 0)).toThrow(RangeError);
  });
});
