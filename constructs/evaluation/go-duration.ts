/**
 * Go `time.ParseDuration` for the duration strings SigNoz rules carry (`5m`, `5m0s`, `1h30m`,
 * `1.5h`, `250ms`). SigNoz (`valuer.TextDuration`) reads a JSON number as nanoseconds.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;

/** Milliseconds of a Go duration string, or an error message saying what is wrong. */
export function parseGoDuration(text: string): number | { error: string } {
  let rest = text.trim();
  if (rest === '') return { error: 'empty duration' };
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  let total = 0;
  while (rest.length > 0) {
    const match = PART.exec(rest);
    if (!match) {
      return { error: `invalid duration "${text}" (expected a Go duration such as 30s, 5m, 1h30m)` };
    }
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? 0);
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}

/** Milliseconds of a duration as SigNoz accepts it in a rule: a Go string, or a number of nanoseconds. */
export function durationFromRuleValue(value: unknown): number | { error: string } {
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value === 'string') return parseGoDuration(value);
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
