import { formatGoDuration, parseGoDuration } from '../../constructs/model/duration';
import { formatInZone, parseRfc3339, timeZoneProblem } from '../../constructs/maintenance/zoned-time';

describe('time zones', () => {
  it('writes instants in the zone offset in force at that instant, Z for zero offsets', () => {
    expect(formatInZone(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00');
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    expect(formatInZone(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe('2026-01-15T12:00:00Z');
    expect(formatInZone(new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30');
    expect(formatInZone(new Date('2026-01-15T00:30:00Z'), 'America/St_Johns')).toBe('2026-01-14T21:00:00-03:30');
  });

  it('accepts IANA names (and their links), refuses unknown and wrongly cased ones', () => {
    expect(timeZoneProblem('UTC')).toBeUndefined();
    expect(timeZoneProblem('US/Eastern')).toBeUndefined();
    expect(timeZoneProblem('utc')).toBe("'utc' must be spelled 'UTC' (SigNoz reads time-zone names case-sensitively)");
    expect(timeZoneProblem('CEST')).toContain("'CEST' is not an IANA time zone");
  });

  it('parses RFC 3339 with an offset only', () => {
    expect((parseRfc3339('2026-03-01T02:00:00+01:00') as Date).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(parseRfc3339('2026-03-01T24:00:00Z')).toBe("'2026-03-01T24:00:00Z' is not a valid date and time");
    expect(parseRfc3339('2026-03-01')).toContain('is not an RFC 3339 time with an offset');
  });
});

describe('Go durations', () => {
  it.each([
    ['2h', 7200, '2h0m0s'],
    ['90m', 5400, '1h30m0s'],
    ['1h30m', 5400, '1h30m0s'],
    ['45s', 45, '45s'],
    ['30m', 1800, '30m0s'],
    ['1h0m5s', 3605, '1h0m5s'],
  ])('%s is %d seconds, written %s as SigNoz returns it', (text, seconds, canonical) => {
    expect(parseGoDuration(text)).toBe(seconds * 1000);
    expect(formatGoDuration(seconds * 1000)).toBe(canonical);
  });

  it.each(['', '2 h', '1d', 'h'])('refuses %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
