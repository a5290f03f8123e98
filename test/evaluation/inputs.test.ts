import { parseGoDurationOrError as parseGoDuration, parseSeriesDocument, SeriesDocumentError } from '../../constructs/evaluation';
import { durationFromRuleValue } from '../../constructs/model/duration';

describe('Go durations as SigNoz rules carry them (valuer.TextDuration)', () => {
  it('reads Go duration strings', () => {
    expect(parseGoDuration('5m0s')).toBe(300_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
  });

  it('reads a JSON number as nanoseconds', () => {
    expect(durationFromRuleValue(60_000_000_000)).toBe(60_000);
  });

  it('explains a bad duration', () => {
    expect(parseGoDuration('5 minutes')).toEqual({ error: 'invalid duration "5 minutes" (expected a Go duration such as 30s, 5m, 1h30m)' });
    expect(parseGoDuration('5')).toHaveProperty('error');
  });
});

describe('the series file of signoz-alerts evaluate', () => {
  it('reads labels, points and non-finite values written as strings', () => {
    const results = parseSeriesDocument({
      A: [
        {
          labels: { code: 500 },
          points: [
            [0, 1],
            [60_000, 'NaN'],
            [120_000, '+Inf'],
            [180_000, '-Inf'],
          ],
        },
      ],
    });
    expect(results.A![0]!.labels).toEqual({ code: '500' });
    const values = results.A![0]!.points.map(([, v]) => v);
    expect(values[0]).toBe(1);
    expect(values[1]).toBeNaN();
    expect(values.slice(2)).toEqual([Infinity, -Infinity]);
  });

  it('points at the mistake with a JSON Pointer', () => {
    const errorAt = (doc: unknown): string => {
      try {
        parseSeriesDocument(doc);
      } catch (err) {
        if (err instanceof SeriesDocumentError) return `${err.path || '/'}: ${err.problems[0]!.message}`;
      }
      return 'no error';
    };
    expect(errorAt([])).toMatch(/^\/: expected an object keyed by query name/);
    expect(errorAt({ A: {} })).toBe('/A: expected a list of series');
    expect(errorAt({ A: [{ points: [[1.5, 1]] }] })).toBe('/A/0/points/0/0: timestamp must be whole unix milliseconds');
    expect(errorAt({ A: [{ points: [[0]] }] })).toBe('/A/0/points/0: expected [unixMillis, value]');
  });
});
