/** Go duration strings (`5m`, `1h30m`, `90s`, `1.5h`, `5m0s`), as SigNoz and the provider read them. */

const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/;

/** Milliseconds of a Go duration, or `undefined` when it is not one. */
export function parseGoDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  let rest = text.trim();
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest.length > 0) {
    const match = DURATION.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** A duration in the shortest exact form for messages, e.g. `90m` -> `1h30m`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}
