/**
 * Durations of SLO periods and burn-rate windows: OpenSLO's duration shorthand, a whole number
 * with one unit `m`, `h`, `d` or `w` (`5m`, `1h`, `1d`, `30d`, `4w`), as OpenSLO and the SRE
 * workbook write them. That is a subset of Prometheus's duration form, so its value is read by the
 * toolkit's one Prometheus reader (bounds included). SigNoz takes Go durations, which have no
 * days, so windows are written back in hours and minutes.
 */
import { parsePrometheusDuration } from '../model/duration';

const SHORTHAND = /^[1-9][0-9]*[mhdw]$/;

/** Milliseconds of `text`, or `undefined` when it is not such a duration (or beyond about 292 years). */
export function parseSloDuration(text: string): number | undefined {
  if (!SHORTHAND.test(text)) return undefined;
  const ms = parsePrometheusDuration(text);
  return typeof ms === 'number' ? ms : undefined;
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
