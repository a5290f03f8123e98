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
  const nanos = parseGoDurationNanos(text);
  return nanos === undefined ? undefined : Number(nanos) / 1e6;
}

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
 * The canonical Go text of a duration given in milliseconds, exactly as Go's
 * `Duration.String()` prints it: `5m0s`, `1h30m0s`, `1.5s`, `250ms`, `0s`.
 */
export function formatGoDuration(millis: number): string {
  if (!Number.isFinite(millis)) throw new RangeError(`not a finite duration: ${millis}`);
  const wholeMillis = Math.trunc(millis);
  let nanos = BigInt(wholeMillis) * 1_000_000n + BigInt(Math.round((millis - wholeMillis) * 1e6));
  const sign = nanos < 0n ? '-' : '';
  if (nanos < 0n) nanos = -nanos;
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
