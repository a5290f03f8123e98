/**
 * Go `time.Duration` text, the way SigNoz reads and writes it (`evalWindow`, `frequency`, renotify
 * `interval`, step intervals): a sequence of decimal numbers with units, e.g. `"5m"`, `"1h30m"`,
 * `"1.5s"`, `"-2h45m"`. Units: `ns`, `us` (also `µs`, `μs`), `ms`, `s`, `m`, `h`.
 */

const NANOS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  '\u00b5s': 1e3,
  '\u03bcs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go rejects durations beyond the int64 nanosecond range (about 292 years): 2^63 ns and more (exact as a double). */
const NANOS_LIMIT = 2 ** 63;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Milliseconds (possibly fractional) of a Go duration string, or `undefined` when Go's
 * `time.ParseDuration` would reject it. `"0"` is the only unit-less value Go accepts.
 */
export function parseGoDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  let i = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    i = 1;
  }
  if (text.slice(i) === '0') return 0;
  if (i === text.length) return undefined;
  let totalNanos = 0;
  while (i < text.length) {
    const start = i;
    let whole = 0;
    while (i < text.length && isDigit(text.charCodeAt(i))) whole = whole * 10 + (text.charCodeAt(i++) - 48);
    const hasWhole = i > start;
    let fraction = 0;
    let hasFraction = false;
    if (text[i] === '.') {
      i++;
      let scale = 1;
      const fractionStart = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) {
        scale /= 10;
        fraction += (text.charCodeAt(i++) - 48) * scale;
      }
      hasFraction = i > fractionStart;
    }
    if (!hasWhole && !hasFraction) return undefined;
    const unitStart = i;
    while (i < text.length && text[i] !== '.' && !isDigit(text.charCodeAt(i))) i++;
    const perUnit = NANOS_PER_UNIT[text.slice(unitStart, i)];
    if (perUnit === undefined) return undefined;
    totalNanos += (whole + fraction) * perUnit;
    if (totalNanos >= NANOS_LIMIT) return undefined;
  }
  const millis = totalNanos / 1e6;
  return negative ? -millis : millis;
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
