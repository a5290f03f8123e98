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

/** Each series' points sorted by time once (non-finite timestamps, which no window holds, left out). */
const sortedPoints = new WeakMap<ResultSeries, readonly SeriesPoint[]>();

function sortedPointsOf(series: ResultSeries): readonly SeriesPoint[] {
  let points = sortedPoints.get(series);
  if (!points) {
    // A stable sort: points of one timestamp keep their order, as filtering then sorting kept it.
    points = series.points.filter(([t]) => Number.isFinite(t)).sort((a, b) => a[0] - b[0]);
    sortedPoints.set(series, points);
  }
  return points;
}

/** The first index whose timestamp is at least `t` (`after`: greater than `t`). */
function firstIndex(points: readonly SeriesPoint[], t: number, after: boolean): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = points[mid]![0];
    if (after ? at <= t : at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The series' points inside `[start, end)` (or `[start, end]` when `endInclusive`), series left empty
 * dropped. Each series is sorted once and each window found by binary search, so evaluating N ticks
 * over N points costs N log N, not N squared.
 */
export function seriesInWindow(series: readonly ResultSeries[], start: number, end: number, endInclusive = false): ResultSeries[] {
  const result: ResultSeries[] = [];
  for (const one of series) {
    const sorted = sortedPointsOf(one);
    const points = sorted.slice(firstIndex(sorted, start, false), firstIndex(sorted, end, endInclusive));
    if (points.length > 0) result.push({ labels: one.labels, points });
  }
  return result;
}
