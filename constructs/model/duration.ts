/**
 * Go `time.Duration` text, the way SigNoz reads and writes it (`evalWindow`, `frequency`, renotify
 * `interval`, step intervals): a sequence of decimal numbers with units, e.g. `"5m"`, `"1h30m"`,
 * `"1.5s"`, `"-2h45m"`. Units: `ns`, `us` (also `µs`, `μs`), `ms`, `s`, `m`, `h`.
 */

const NANOS_PER_UNIT: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** 2^63: Go's bound while it reads; a positive result must stay below it, a negative one may reach -2^63. */
const LIMIT = 1n << 63n;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Nanoseconds of a Go duration string, exactly as Go's `time.ParseDuration` computes them
 * (int64 bounds included, fractions through a float64 as Go does), or `undefined` when Go would
 * reject the text. `"0"` is the only unit-less value Go accepts; no whitespace is allowed.
 */
export function parseGoDurationNanos(text: string): bigint | undefined {
  let i = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    i = 1;
  }
  if (text.slice(i) === '0') return 0n;
  if (i === text.length) return undefined;
  let total = 0n;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!(text[i] === '.' || isDigit(code))) return undefined;
    // leadingInt: overflow past 2^63 is an error
    const start = i;
    let whole = 0n;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      whole = whole * 10n + BigInt(text.charCodeAt(i++) - 48);
      if (whole > LIMIT) return undefined;
    }
    const hasWhole = i > start;
    // leadingFraction: digits past int64 precision are ignored
    let fraction = 0n;
    let scale = 1;
    let hasFraction = false;
    if (text[i] === '.') {
      i++;
      const fractionStart = i;
      let overflow = false;
      while (i < text.length && isDigit(text.charCodeAt(i))) {
        const digit = BigInt(text.charCodeAt(i++) - 48);
        if (overflow) continue;
        if (fraction > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + digit;
        if (next > LIMIT) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      hasFraction = i > fractionStart;
    }
    if (!hasWhole && !hasFraction) return undefined;
    const unitStart = i;
    while (i < text.length && text[i] !== '.' && !isDigit(text.charCodeAt(i))) i++;
    const unit = NANOS_PER_UNIT[text.slice(unitStart, i)];
    if (unit === undefined) return undefined;
    if (whole > LIMIT / unit) return undefined;
    let value = whole * unit;
    if (fraction > 0n) {
      // float64(f) * (float64(unit) / scale), truncated to an integer, as Go computes it
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > LIMIT) return undefined;
    }
    total += value;
    if (total > LIMIT) return undefined;
  }
  if (negative) return -total;
  return total > LIMIT - 1n ? undefined : total;
}

/**
 * Milliseconds (possibly fractional) of a Go duration string, or `undefined` when Go's
 * `time.ParseDuration` would reject it. `"0"` is the only unit-less value Go accepts. Exact up to
 * 2^53 ns (about 104 days); beyond, the nearest double.
 */
export function parseGoDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (millisByText.has(text)) return millisByText.get(text);
  const nanos = parseGoDurationNanos(text);
  const millis = nanos === undefined ? undefined : Number(nanos) / 1e6;
  if (millisByText.size < DURATION_CACHE_LIMIT) millisByText.set(text, millis);
  return millis;
}

/** Parsed durations remembered per process (bounded): every rule of an estate repeats the same few (`5m`, `1m`, `4h`). */
const DURATION_CACHE_LIMIT = 1024;
const millisByText = new Map<string, number | undefined>();

function trimFraction(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed === '' ? '' : `.${trimmed}`;
}

/** `whole` units plus the fraction of `unitNanos` left in `nanos`, as Go prints it (`1.5ms`). */
function withFraction(nanos: bigint, unitNanos: bigint, digits: number): string {
  const whole = nanos / unitNanos;
  const rest = (nanos % unitNanos).toString().padStart(digits, '0');
  return `${whole}${trimFraction(rest)}`;
}

/**
 * The canonical Go text of a duration in nanoseconds, exactly as Go's `Duration.String()` prints
 * it over the whole int64 range: `5m0s`, `1h30m0s`, `1.5s`, `250ms`, `0s`.
 */
export function formatGoDurationNanos(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const nanos = value < 0n ? -value : value;
  if (nanos === 0n) return '0s';
  if (nanos < 1_000n) return `${sign}${nanos}ns`;
  if (nanos < 1_000_000n) return `${sign}${withFraction(nanos, 1_000n, 3)}\u00b5s`;
  if (nanos < 1_000_000_000n) return `${sign}${withFraction(nanos, 1_000_000n, 6)}ms`;
  const hours = nanos / 3_600_000_000_000n;
  const minutes = (nanos / 60_000_000_000n) % 60n;
  const seconds = withFraction(nanos % 60_000_000_000n, 1_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/**
 * The canonical Go text of a duration given in milliseconds (`Duration.String()`), for the
 * millisecond values the toolkit computes with; exact text for any value `formatGoDurationNanos` is given.
 */
export function formatGoDuration(millis: number): string {
  if (!Number.isFinite(millis)) throw new RangeError(`not a finite duration: ${millis}`);
  const wholeMillis = Math.trunc(millis);
  return formatGoDurationNanos(BigInt(wholeMillis) * 1_000_000n + BigInt(Math.round((millis - wholeMillis) * 1e6)));
}

/** Milliseconds of a Go duration string, or an error message saying what is wrong. Like SigNoz, no surrounding whitespace. */
export function parseGoDurationOrError(text: string): number | { error: string } {
  if (text === '') return { error: 'empty duration' };
  if (text.trim() !== text) return { error: `invalid duration ${JSON.stringify(text)}: SigNoz (Go's time.ParseDuration) refuses spaces around a duration` };
  const ms = parseGoDuration(text);
  return ms ?? { error: `invalid duration "${text}" (expected a Go duration such as 30s, 5m, 1h30m)` };
}

/** Milliseconds of a duration as SigNoz accepts it in a rule (`valuer.TextDuration`): a Go string, or a number of nanoseconds. */
export function durationFromRuleValue(value: unknown): number | { error: string } {
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value === 'string') return parseGoDurationOrError(value);
  return { error: `expected a duration string such as "5m", got ${JSON.stringify(value)}` };
}

/** Prometheus's units (prometheus/common `model.ParseDuration`), biggest first, in nanoseconds. */
const PROMETHEUS_UNITS: readonly (readonly [string, bigint])[] = [
  ['y', 365n * 86_400_000_000_000n],
  ['w', 7n * 86_400_000_000_000n],
  ['d', 86_400_000_000_000n],
  ['h', 3_600_000_000_000n],
  ['m', 60_000_000_000n],
  ['s', 1_000_000_000n],
  ['ms', 1_000_000n],
];
const PROMETHEUS_FORM = 'whole numbers with units y, w, d, h, m, s, ms, biggest first, each once (1w, 4d1h, 90s, 1h30m, 0)';

/**
 * Milliseconds of a duration in Prometheus's form, as `model.ParseDuration` reads it (promtool's
 * `interval` and `eval_time`): `1y`, `2w`, `4d1h`, `90s`, `1h30m`, `250ms`, or `0`. No fractions,
 * signs or spaces; at most about 292 years. Otherwise an error message saying what is wrong.
 */
export function parsePrometheusDuration(text: string): number | { error: string } {
  if (text === '0') return 0;
  if (text === '') return { error: `empty duration; expected ${PROMETHEUS_FORM}` };
  const invalid = { error: `invalid duration ${JSON.stringify(text)}: expected ${PROMETHEUS_FORM}` };
  let total = 0n;
  let lastUnit = -1;
  let i = 0;
  while (i < text.length) {
    const digitsStart = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === digitsStart) return invalid;
    const value = BigInt(text.slice(digitsStart, i));
    const unitStart = i;
    while (i < text.length && !isDigit(text.charCodeAt(i))) i++;
    if (i === unitStart) return invalid;
    const unit = text.slice(unitStart, i);
    const index = PROMETHEUS_UNITS.findIndex(([name]) => name === unit);
    if (index < 0) return { error: `unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}: expected ${PROMETHEUS_FORM}` };
    if (index <= lastUnit) return invalid;
    lastUnit = index;
    const nanos = PROMETHEUS_UNITS[index]![1];
    if (value > LIMIT / nanos) return { error: `duration ${JSON.stringify(text)} is out of range (at most about 292 years)` };
    total += value * nanos;
    if (total > LIMIT - 1n) return { error: `duration ${JSON.stringify(text)} is out of range (at most about 292 years)` };
  }
  return Number(total / 1_000_000n);
}

/** A short human form of a millisecond duration (`1h30m`, `90s`, `250ms`). */
export function formatShortDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (rest >= size) {
      const whole = Math.floor(rest / size);
      parts.push(`${whole}${unit}`);
      rest -= whole * size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return sign + parts.join('');
}
