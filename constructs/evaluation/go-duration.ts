/**
 * Go `time.ParseDuration` for the duration strings SigNoz rules carry (`5m`, `5m0s`, `1h30m`,
 * `1.5h`, `250ms`). SigNoz (`valuer.TextDuration`) reads a JSON number as nanoseconds.
 */
import { parseGoDuration } from '../model/duration';

/** Milliseconds of a Go duration string, or an error message saying what is wrong. */
export function parseGoDurationOrError(text: string): number | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'empty duration' };
  const ms = parseGoDuration(trimmed);
  return ms ?? { error: `invalid duration "${text}" (expected a Go duration such as 30s, 5m, 1h30m)` };
}

/** Milliseconds of a duration as SigNoz accepts it in a rule: a Go string, or a number of nanoseconds. */
export function durationFromRuleValue(value: unknown): number | { error: string } {
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value === 'string') return parseGoDurationOrError(value);
  return { error: `expected a duration string such as "5m", got ${JSON.stringify(value)}` };
}

/** A short human form of a millisecond duration (`1h30m`, `90s`, `250ms`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      const whole = Math.floor(rest / size);
      parts.push(`${whole}${unit}`);
      rest -= whole * size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return sign + parts.join('');
}
