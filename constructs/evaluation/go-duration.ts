/**
 * Go `time.ParseDuration` for the duration strings SigNoz rules carry (`5m`, `5m0s`, `1h30m`,
 * `1.5h`, `250ms`). SigNoz (`valuer.TextDuration`) reads a JSON number as nanoseconds.
 */
import { parseGoDuration } from '../model/duration';

/** Milliseconds of a Go duration string, or an error message saying what is wrong. Like SigNoz, no surrounding whitespace. */
export function parseGoDurationOrError(text: string): number | { error: string } {
  if (text === '') return { error: 'empty duration' };
  if (text.trim() !== text) return { error: `invalid duration ${JSON.stringify(text)}: SigNoz (Go's time.ParseDuration) refuses spaces around a duration` };
  const ms = parseGoDuration(text);
  return ms ?? { error: `invalid duration "${text}" (expected a Go duration such as 30s, 5m, 1h30m)` };
}

/** Milliseconds of a duration as SigNoz accepts it in a rule: a Go string, or a number of nanoseconds. */
export function durationFromRuleValue(value: unknown): number | { error: string } {
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value === 'string') return parseGoDurationOrError(value);
  return { error: `expected a duration string such as "5m", got ${JSON.stringify(value)}` };
}
