import fc from 'fast-check';
import { seriesInWindow, type ResultSeries, type SeriesPoint } from '../../constructs/evaluation/series';

/** The window as a plain filter-then-sort reads it: the meaning the fast path must keep. */
function naiveWindow(series: readonly ResultSeries[], start: number, end: number, endInclusive: boolean): ResultSeries[] {
  return series
    .map((one) => ({ labels: one.labels, points: one.points.filter(([t]) => t >= start && (endInclusive ? t <= end : t < end)).sort((a, b) => a[0] - b[0]) }))
    .filter((one) => one.points.length > 0);
}

describe('seriesInWindow', () => {
  it('gives the points of a window exactly as filtering then sorting does (unsorted input, repeated and non-finite timestamps)', () => {
    const timestamp = fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
    const point = fc.tuple(timestamp, fc.integer({ min: 0, max: 9 })) as fc.Arbitrary<SeriesPoint>;
    const series = fc.array(fc.record({ labels: fc.constant({ host: 'a' }), points: fc.array(point, { maxLength: 25 }) }), { maxLength: 3 });
    fc.assert(
      fc.property(series, fc.integer({ min: -6, max: 31 }), fc.integer({ min: 0, max: 12 }), fc.boolean(), (input, start, width, endInclusive) => {
        // the same series objects are windowed twice: the second answer comes from the sorted copy kept for them
        expect(seriesInWindow(input, start, start + width, endInclusive)).toEqual(naiveWindow(input, start, start + width, endInclusive));
        expect(seriesInWindow(input, start + 1, start + 1 + width, endInclusive)).toEqual(naiveWindow(input, start + 1, start + 1 + width, endInclusive));
      }),
      { numRuns: 500 },
    );
  });
});
