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
      'bad value "3+x4" (value 3, column 5): unexpected "x" (expected a number, NaN, Inf, "_", "stale", or an expansion such as 1+2x10, 5-1x4, 7x3, _x5)',
    );
    try {
      parseSeriesNotation('1 abc');
    } catch (err) {
      expect(err).toBeInstanceOf(SeriesNotationError);
      expect((err as SeriesNotationError).token).toBe('abc');
      expect((err as SeriesNotationError).column).toBe(3);
    }
  });

  it('reads numbers as Prometheus does: octal with a leading zero, digit separators, any-case Inf and NaN, signs', () => {
    expect(parseSeriesNotation('010 08 00.5 0.1 1_000 1x03 5.')).toEqual([8, 8, 0.5, 0.1, 1000, 1, 1, 1, 1, 5]);
    const values = parseSeriesNotation('INF -inf NAN +NaN -NaN');
    expect(values.slice(0, 2)).toEqual([Infinity, -Infinity]);
    for (const v of values.slice(2)) expect(v).toBeNaN();
  });

  it('reads 0x10 as 0 repeated ten times: no hexadecimal in series values', () => {
    expect(parseSeriesNotation('0x10')).toEqual(Array.from({ length: 11 }, () => 0));
  });

  it('adds the step the way the grammar does, one addition per point', () => {
    expect(parseSeriesNotation('0.1+0.1x2')).toEqual([0.1, 0.2, 0.1 + 0.1 + 0.1]);
    expect(parseSeriesNotation('1+1e1x2 3-10x1')).toEqual([1, 11, 21, 3, -7]);
  });

  it.each([
    ['1+-1x3', 'unexpected "-"'],
    ['1++1x3', 'unexpected "+"'],
    ['+-5', 'unexpected "-"'],
    ['1+1', 'unexpected end of the value'],
    ['Infx2', 'unexpected identifier "Infx2"'],
    ['1+Infx2', 'unexpected identifier "Infx2"'],
    ['NaNx2', 'unexpected identifier "NaNx2"'],
    ['Stale', 'unexpected identifier "Stale"'],
    ['Infinity', 'unexpected identifier "Infinity"'],
    ['1x2.5', 'invalid repetition "2.5"'],
    ['1x-2', 'invalid repetition'],
    ['1x', 'invalid repetition at the end'],
    ['_x', 'invalid repetition at the end'],
    ['__', 'unexpected "_"'],
    ['x3', 'unexpected "x"'],
    ['1x0x2', 'unexpected "x"'],
    ['1m', 'bad number syntax: "1"'],
    ['1e', 'error parsing number "1e"'],
    ['1e400', 'value out of range'],
    ['1__0', 'error parsing number "1__0": invalid syntax'],
    ['1..2', 'unexpected ".2"'],
    ['1,2', "unexpected character ','"],
    ['1+1x2000000', 'more than 1000000 points'],
  ])('refuses %s as promtool does', (text, reason) => {
    expect(() => parseSeriesNotation(text)).toThrow(reason);
  });

  it('separates values by spaces, tabs and newlines only', () => {
    expect(parseSeriesNotation('1\t2\n3')).toEqual([1, 2, 3]);
    expect(() => parseSeriesNotation('1\u00a02')).toThrow(SeriesNotationError);
  });

  it('returns nothing for empty text', () => {
    expect(parseSeriesNotation('   ')).toEqual([]);
  });
});
