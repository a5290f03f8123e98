import { parseSeriesNotation, SeriesNotationError } from '../../constructs/testing';

describe('promtool series notation', () => {
  it('expands a+bxn into n+1 values', () => {
    expect(parseSeriesNotation('1+1x3')).toEqual([1, 2, 3, 4]);
    expect(parseSeriesNotation('10-2x2')).toEqual([10, 8, 6]);
    expect(parseSeriesNotation('0+0.5x2')).toEqual([0, 0.5, 1]);
  });

  it('repeats a value with axn', () => {
    expect(parseSeriesNotation('7x2')).toEqual([7, 7, 7]);
    expect(parseSeriesNotation('-3x1')).toEqual([-3, -3]);
  });

  it('combines tokens in order', () => {
    expect(parseSeriesNotation('0 0 5x3 10+2x4')).toEqual([0, 0, 5, 5, 5, 5, 10, 12, 14, 16, 18]);
  });

  it('marks missing points with _, _xn and stale', () => {
    expect(parseSeriesNotation('1 _ 2 _x2 stale 3')).toEqual([1, undefined, 2, undefined, undefined, undefined, 3]);
  });

  it('reads NaN and infinities in any case', () => {
    const values = parseSeriesNotation('NaN nan Inf +Inf -Inf inf');
    expect(values[0]).toBeNaN();
    expect(values[1]).toBeNaN();
    expect(values.slice(2)).toEqual([Infinity, Infinity, -Infinity, Infinity]);
  });

  it('reads exponents and decimals', () => {
    expect(parseSeriesNotation('1e3 .5 2.5e-1')).toEqual([1000, 0.5, 0.25]);
  });

  it('names the bad token, its position and what is allowed', () => {
    expect(() => parseSeriesNotation('1 2 3+x4')).toThrow(
      'bad value "3+x4" (value 3, column 5): expected a number, NaN, Inf, "_", "stale", or an expansion such as 1+2x10, 5-1x4, 7x3, _x5',
    );
    try {
      parseSeriesNotation('1 abc');
    } catch (err) {
      expect(err).toBeInstanceOf(SeriesNotationError);
      expect((err as SeriesNotationError).token).toBe('abc');
      expect((err as SeriesNotationError).column).toBe(3);
    }
  });

  it('returns nothing for empty text', () => {
    expect(parseSeriesNotation('   ')).toEqual([]);
  });
});
