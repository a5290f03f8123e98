/**
 * Durations of SLO periods and burn-rate windows: a whole number with a unit `m`, `h`, `d` or `w`
 * (`5m`, `1h`, `1d`, `30d`, `4w`), as OpenSLO and the SRE workbook write them. SigNoz takes Go
 * durations, which have no days, so windows are written back in hours and minutes.
 */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PATTERN = /^([1-9][0-9]*)(m|h|d|w)$/;

/** Milliseconds of `text`, or `undefined` when it is not such a duration. */
export function parseSloDuration(text: string): number | undefined {
  const match = PATTERN.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/** A Go duration for SigNoz, e.g. 1d -> `24h`, 90m -> `1h30m`. */
export function goDurationOf(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}

export const SLO_DURATION_HINT = 'a whole number with the unit m, h, d or w, such as 5m, 1h, 1d or 30d';
