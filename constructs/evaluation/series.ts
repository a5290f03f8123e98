/**
 * Query results as the SigNoz query service returns them to the rule engine: per query name,
 * a list of series, each a label set and time-ordered `[unixMillis, value]` points.
 */

/** One point: unix milliseconds and the value (may be NaN or an infinity). */
export type SeriesPoint = readonly [number, number];

export interface ResultSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly points: readonly SeriesPoint[];
}

/** The series of each query, keyed by query name (`A`, `B`, `F1`, or `A.1` for a second aggregation). */
export type QueryResults = Readonly<Record<string, readonly ResultSeries[]>>;

/** The points SigNoz evaluates: non-finite values dropped (`qbtypes.TimeSeries.EvaluableValues`). */
export function evaluablePoints(points: readonly SeriesPoint[]): SeriesPoint[] {
  return points.filter(([, v]) => Number.isFinite(v));
}

/** The series' points inside `[start, end)` (or `[start, end]` when `endInclusive`), series left empty dropped. */
export function seriesInWindow(series: readonly ResultSeries[], start: number, end: number, endInclusive = false): ResultSeries[] {
  const inside = (t: number): boolean => t >= start && (endInclusive ? t <= end : t < end);
  const result: ResultSeries[] = [];
  for (const one of series) {
    const points = one.points.filter(([t]) => inside(t)).sort((a, b) => a[0] - b[0]);
    if (points.length > 0) result.push({ labels: one.labels, points });
  }
  return result;
}
