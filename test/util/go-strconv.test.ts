import { parseGoFloat, parseGoInt, parseGoUint, unquoteGoString } from '../../constructs/util/go-strconv';

describe('Go strconv verdicts', () => {
  it('reads integers with base prefixes and separators as ParseUint/ParseInt(text, 0, 64) do', () => {
    expect(parseGoUint('0x_Ff')).toBe(255n);
    expect(parseGoUint('0o17')).toBe(15n);
    expect(parseGoUint('017')).toBe(15n);
    expect(parseGoUint('0b1_01')).toBe(5n);
    expect(parseGoUint('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseGoUint('18446744073709551616')).toEqual({ error: 'value out of range' });
    expect(parseGoUint('019')).toEqual({ error: 'invalid syntax' });
    expect(parseGoUint('1__2')).toEqual({ error: 'invalid syntax' });
    expect(parseGoUint('-1')).toEqual({ error: 'invalid syntax' });
    expect(parseGoInt('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseGoInt('9223372036854775808')).toEqual({ error: 'value out of range' });
  });

  it('reads floats as ParseFloat(text, 64) does: hexadecimal needs a p exponent, overflow is an error', () => {
    expect(parseGoFloat('0x1.8p1')).toBe(3);
    expect(parseGoFloat('1_0.2_5')).toBe(10.25);
    expect(parseGoFloat('-Inf')).toBe(-Infinity);
    expect(parseGoFloat('1e-999')).toBe(0);
    expect(parseGoFloat('0x1.8')).toEqual({ error: 'invalid syntax' });
    expect(parseGoFloat('1e_3')).toEqual({ error: 'invalid syntax' });
    expect(parseGoFloat('1e309')).toEqual({ error: 'value out of range' });
    expect(parseGoFloat('0x1p1024')).toEqual({ error: 'value out of range' });
    expect(parseGoFloat('0x1.fffffffffffffp1023')).toBe(Number.MAX_VALUE);
  });

  it('unquotes string literals as Unquote does', () => {
    expect(unquoteGoString('"a\\x41\\101\\u00e9\\U0001F600"')).toBe('aAA\u00e9\u{1F600}');
    expect(unquoteGoString('`a\r\\nb`')).toBe('a\\nb');
    expect(unquoteGoString('"\\\'"')).toBeUndefined();
    expect(unquoteGoString('"\\400"')).toBeUndefined();
  });
});
