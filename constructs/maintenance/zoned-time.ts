/**
 * Time-zone helpers on the platform's IANA database (Intl), which is what SigNoz's Go server
 * (time.LoadLocation) also reads. Which names are valid is decided in `model/time-zone.ts`.
 */
import { ianaSpelling, isValidTimeZone } from '../model/time-zone';

/** Why `zone` is not a usable IANA time-zone name for a window, or undefined when it is. */
export function timeZoneProblem(zone: string): string | undefined {
  // Go also takes '' (UTC) and 'Local' (the server's zone); a window names its zone.
  if (zone !== '' && zone !== 'Local' && isValidTimeZone(zone)) return undefined;
  const spelling = ianaSpelling(zone);
  if (spelling !== undefined && spelling !== zone) return `'${zone}' must be spelled '${spelling}' (SigNoz reads time-zone names case-sensitively)`;
  return `'${zone}' is not an IANA time zone; use a name such as 'UTC', 'Europe/Berlin' or 'America/New_York'`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `zone`, and the zone's UTC offset then, in minutes. */
export function zonedFields(instant: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; offsetMinutes: number } {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(get('timeZoneName'));
  if (!offset) throw new Error(`unexpected time-zone offset '${get('timeZoneName')}' for ${zone}`);
  const offsetMinutes = offset[1] === undefined ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    offsetMinutes,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `instant` as RFC 3339 in `zone`'s offset, the way SigNoz returns schedule times (Go's
 * time.RFC3339 after converting to the schedule's zone: `Z` when the offset is zero). Writing it
 * that way keeps the provider from reporting a difference after every apply.
 */
export function formatInZone(instant: Date, zone: string): string {
  const f = zonedFields(instant, zone);
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
  if (f.offsetMinutes === 0) return `${date}Z`;
  const sign = f.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(f.offsetMinutes);
  return `${date}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp with an explicit offset, whole seconds; returns a problem text on failure. */
export function parseRfc3339(text: string): Date | string {
  const m = RFC3339.exec(text);
  if (!m) return `'${text}' is not an RFC 3339 time with an offset, such as 2026-03-01T02:00:00Z or 2026-03-01T02:00:00+01:00`;
  if (m[7] !== undefined) return `'${text}' has fractional seconds; use whole seconds`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return `'${text}' is not a valid date and time`;
  }
  return new Date(text);
}
