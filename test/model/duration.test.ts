import fc from 'fast-check';
import { formatGoDuration, formatGoDurationNanos, parseGoDuration, parseGoDurationNanos, parsePrometheusDuration } from '../../constructs/model/duration';
import { parseGoDurationOrError } from '../../constructs/model/duration';

describe('parseGoDuration', () => {
  it.each([
    ['5m', 300_000],
    ['5m0s', 300_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['1us', 0.001],
    ['1\u00b5s', 0.001],
    ['1\u03bcs', 0.001],
    ['1ns', 0.000001],
    ['.5s', 500],
    ['5.s', 5_000],
    ['0', 0],
    ['-0', 0],
    ['+1m', 60_000],
    ['-2h45m', -9_900_000],
    ['8760h', 31_536_000_000],
  ])('reads %j as %d ms, like Go', (text, millis) => {
    expect(parseGoDuration(text)).toBeCloseTo(millis, 9);
  });

  it.each(['', '5', '1', '-', '.', 's', '5 m', ' 5m', '5m ', '5min', '1d', '1w', '5M', '1h-30m', '3000000h'])('rejects %j as Go does', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it.each([
    ['9223372036854775807ns', 9223372036854775807n],
    ['9223372036854775.807us', 9223372036854775807n],
    ['9223372036s854ms775us807ns', 9223372036854775807n],
    ['2562047h47m16.854775807s', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
    ['-2562047h47m16.854775808s', -9223372036854775808n],
    ['0.3333333333333333333h', 1_200_000_000_000n],
    ['1.00000000000000000000000000000000000001s', 1_000_000_000n],
    ['1.4s', 1_400_000_000n],
  ])('reads %j as exactly %d ns, up to the int64 bounds', (text, nanos) => {
    expect(parseGoDurationNanos(text)).toBe(nanos);
  });

  it.each([
    '9223372036854775808ns',
    '-9223372036854775809ns',
    '9223372036854775.808us',
    '2562047h47m16.854775808s',
    '2562048h',
    '9223372036854775807ns1ns',
    '99999999999999999999ns',
  ])('refuses %j beyond the int64 range', (text) => {
    expect(parseGoDurationNanos(text)).toBeUndefined();
  });

  it('the evaluator refuses surrounding whitespace, as SigNoz does', () => {
    expect(parseGoDurationOrError('5m')).toBe(300_000);
    for (const text of [' 5m', '5m ', '1ns\t', '\n1h']) expect(parseGoDurationOrError(text)).toEqual({ error: expect.stringContaining('spaces around a duration') });
    expect(parseGoDurationOrError('')).toEqual({ error: 'empty duration' });
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [300_000, '5m0s'],
    [5_400_000, '1h30m0s'],
    [3_600_000, '1h0m0s'],
    [90_000, '1m30s'],
    [1_500, '1.5s'],
    [250, '250ms'],
    [1.5, '1.5ms'],
    [0.001, '1\u00b5s'],
    [0.000001, '1ns'],
    [-9_900_000, '-2h45m0s'],
    [31_536_000_000, '8760h0m0s'],
  ])('prints %d ms as %j, like Go', (millis, text) => {
    expect(formatGoDuration(millis)).toBe(text);
  });

  it('round-trips whole milliseconds through Go text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (millis) => {
        expect(parseGoDuration(formatGoDuration(millis))).toBeCloseTo(millis, 3);
      }),
    );
  });

  it('refuses a non-finite duration', () => {
    expect(() => formatGoDuration(Number.NaN)).toThrow('not a finite duration: NaN');
  });
});

describe('formatGoDurationNanos', () => {
  it.each([
    [9_223_372_036_854_775_807n, '2562047h47m16.854775807s'],
    [-9_223_372_036_854_775_808n, '-2562047h47m16.854775808s'],
    [9_007_199_254_740_993n, '2501h59m59.254740993s'],
    [123_456_789_012_345_678n, '34293h33m9.012345678s'],
    [-1n, '-1ns'],
    [1_001n, '1.001\u00b5s'],
  ])('prints %d ns exactly as Go does, %j', (nanos, text) => {
    expect(formatGoDurationNanos(nanos)).toBe(text);
  });

  it('round-trips every int64 through Go text exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (nanos) => {
        expect(parseGoDurationNanos(formatGoDurationNanos(nanos))).toBe(nanos);
      }),
    );
  });
});

describe('parsePrometheusDuration', () => {
  it.each([
    ['0', 0],
    ['0ms', 0],
    ['2y', 63_072_000_000],
    ['1w2d', 777_600_000],
    ['6h45m', 24_300_000],
    ['1m500ms', 60_500],
    ['007s', 7_000],
    ['292y', 9_208_512_000_000],
    ['15250w', 9_223_200_000_000],
  ])('reads %j as %d ms, as model.ParseDuration does', (text, millis) => {
    expect(parsePrometheusDuration(text)).toBe(millis);
  });

  it.each([
    ['', 'empty duration'],
    ['5', 'invalid duration "5"'],
    ['-5m', 'invalid duration "-5m"'],
    ['+5m', 'invalid duration "+5m"'],
    [' 5m', 'invalid duration " 5m"'],
    ['5m ', 'unknown unit "m " in duration "5m "'],
    ['2.5h', 'unknown unit "." in duration "2.5h"'],
    ['10us', 'unknown unit "us" in duration "10us"'],
    ['1h1h', 'invalid duration "1h1h": expected whole numbers with units y, w, d, h, m, s, ms, biggest first, each once'],
    ['1m1h', 'invalid duration "1m1h"'],
    ['5M', 'unknown unit "M"'],
    ['293y', 'duration "293y" is out of range (at most about 292 years)'],
    ['15251w', 'is out of range'],
    ['292y30w', 'is out of range'],
  ])('refuses %j: %s', (text, message) => {
    const read = parsePrometheusDuration(text);
    expect(typeof read === 'number' ? read : read.error).toContain(message);
  });
});
