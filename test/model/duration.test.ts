import fc from 'fast-check';
import { formatGoDuration, parseGoDuration, parseGoDurationNanos } from '../../constructs/model/duration';
import { parseGoDurationOrError } from '../../constructs/evaluation/go-duration';

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
