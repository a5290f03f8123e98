const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Seconds in a duration written as Go writes it (`2h`, `90m`, `1h30m`, `45s`), or undefined if unreadable. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [h, min, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number];
  return h * 3600 + min * 60 + s;
}

/** Go's time.Duration.String() of whole seconds: `2h0m0s`, `30m0s`, `45s`. */
export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
