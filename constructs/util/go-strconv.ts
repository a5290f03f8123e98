/**
 * The parts of Go's `strconv` that decide whether Go source text is a valid literal: integers with
 * base prefixes and `_` separators (`ParseUint`/`ParseInt` with base 0), floats (`ParseFloat`, 64
 * bits, hexadecimal mantissas with `p` exponents, overflow refused) and quoted strings and
 * characters (`Unquote`, `UnquoteChar`). Each answers what Go answers, without the value's bits
 * where a verdict is all a check needs.
 */

/** Go's error for malformed text (`strconv.ErrSyntax`). */
export const GO_SYNTAX_ERROR = 'invalid syntax';

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_LIMIT = 1n << 63n;

const lower = (c: string): string => c.toLowerCase();
const isDecimal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** strconv's underscoreOK: every `_` stands between two digits (a base prefix counts as a digit). */
export function goUnderscoresOk(text: string): boolean {
  let saw = '^';
  let s = text;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]!))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]!) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (isDecimal(c) || (hex && isHex(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** `strconv.ParseUint(text, 0, 64)`: the value, or Go's error text. */
export function parseGoUint(text: string): bigint | { error: string } {
  if (text === '') return { error: GO_SYNTAX_ERROR };
  let s = text;
  let base = 10n;
  if (s[0] === '0') {
    const prefix = s.length >= 3 ? lower(s[1]!) : '';
    if (prefix === 'b' || prefix === 'o' || prefix === 'x') {
      base = prefix === 'b' ? 2n : prefix === 'o' ? 8n : 16n;
      s = s.slice(2);
    } else {
      base = 8n;
      s = s.slice(1);
    }
  }
  let value = 0n;
  let underscores = false;
  let overflow = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const code = lower(c).charCodeAt(0);
    const digit = isDecimal(c) ? BigInt(code - 48) : code >= 97 && code <= 122 ? BigInt(code - 97 + 10) : 99n;
    if (digit >= base) return { error: GO_SYNTAX_ERROR };
    value = value * base + digit;
    if (value > UINT64_MAX) overflow = true;
  }
  if (underscores && !goUnderscoresOk(text)) return { error: GO_SYNTAX_ERROR };
  return overflow ? { error: 'value out of range' } : value;
}

/** `strconv.ParseInt(text, 0, 64)`: the value, or Go's error text. */
export function parseGoInt(text: string): bigint | { error: string } {
  if (text === '') return { error: GO_SYNTAX_ERROR };
  const negative = text[0] === '-';
  const unsigned = parseGoUint(text[0] === '+' || text[0] === '-' ? text.slice(1) : text);
  if (typeof unsigned !== 'bigint') return unsigned;
  if (negative ? unsigned > INT64_LIMIT : unsigned >= INT64_LIMIT) return { error: 'value out of range' };
  return negative ? -unsigned : unsigned;
}

/** `strconv.ParseInt(text, 10, 64)` (`Atoi`): no base prefix, no `_`. */
function parseGoDecimalInt(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -INT64_LIMIT && value < INT64_LIMIT ? value : undefined;
}

/** A hexadecimal float's value overflows float64 exactly when Go's `atofHex` reports a range error. */
function hexFloatOverflows(mantissa: bigint, exponent: bigint): boolean {
  if (mantissa === 0n) return false;
  const bits = BigInt(mantissa.toString(2).length);
  const top = bits + exponent; // the value lies in [2^(top-1), 2^top)
  if (top !== 1024n) return top > 1024n;
  // at the boundary, rounding the mantissa to 53 bits may carry into 2^1024
  if (bits <= 53n) return false;
  const shift = bits - 53n;
  const kept = mantissa >> shift;
  const rest = mantissa & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  const roundsUp = rest > half || (rest === half && (kept & 1n) === 1n);
  return roundsUp && kept + 1n === 1n << 53n;
}

/** `strconv.ParseFloat(text, 64)`: the value (hexadecimal values approximated), or Go's error text. */
export function parseGoFloat(text: string): number | { error: string } {
  if (lower(text) === 'nan') return Number.NaN;
  let s = text;
  let sign = 1;
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (lower(s) === 'inf' || lower(s) === 'infinity') return sign * Infinity;
  if (/_/.test(s) && !goUnderscoresOk(text)) return { error: GO_SYNTAX_ERROR };
  const plain = s.replace(/_/g, '');
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(plain);
  if (hex) {
    const [, whole = '', fraction = '', exponent = '0'] = hex;
    if (whole === '' && fraction === '') return { error: GO_SYNTAX_ERROR };
    if (!/^[+-]?\d/.test(s.slice(s.search(/[pP]/) + 1))) return { error: GO_SYNTAX_ERROR };
    const mantissa = BigInt(`0x${whole}${fraction}` === '0x' ? '0' : `0x${whole}${fraction}`);
    const power = BigInt(exponent) - 4n * BigInt(fraction.length);
    if (hexFloatOverflows(mantissa, power)) return { error: 'value out of range' };
    return sign * Number(mantissa) * 2 ** Number(power);
  }
  // the exponent must start with a digit (after its sign): `1e_5` is malformed
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain) || /[eE][+-]?_/.test(s)) return { error: GO_SYNTAX_ERROR };
  const value = Number(plain);
  return Number.isFinite(value) ? sign * value : { error: 'value out of range' };
}

/** Go's `utf8.ValidRune`. */
function validRune(code: number): boolean {
  return code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * `strconv.UnquoteChar(s, quote)`: the first character of `s` (escapes decoded) and the rest, or
 * `undefined` for Go's syntax error.
 */
export function unquoteGoChar(s: string, quote: string): { value: number; tail: string } | undefined {
  if (s === '') return undefined;
  const c = s[0]!;
  if (c === quote && (quote === "'" || quote === '"')) return undefined;
  if (c !== '\\') {
    const code = s.codePointAt(0)!;
    return { value: code, tail: s.slice(code > 0xffff ? 2 : 1) };
  }
  if (s.length <= 1) return undefined;
  const kind = s[1]!;
  const rest = s.slice(2);
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { value: simple, tail: rest };
  if (kind === 'x' || kind === 'u' || kind === 'U') {
    const n = kind === 'x' ? 2 : kind === 'u' ? 4 : 8;
    const digits = rest.slice(0, n);
    if (digits.length < n || ![...digits].every(isHex)) return undefined;
    const value = Number.parseInt(digits, 16);
    if (kind !== 'x' && !validRune(value)) return undefined;
    return { value, tail: rest.slice(n) };
  }
  if (kind >= '0' && kind <= '7') {
    const digits = rest.slice(0, 2);
    if (digits.length < 2 || !/^[0-7]{2}$/.test(digits)) return undefined;
    const value = Number.parseInt(kind + digits, 8);
    return value > 255 ? undefined : { value, tail: rest.slice(2) };
  }
  if (kind === "'" || kind === '"') return kind === quote ? { value: kind.charCodeAt(0), tail: rest } : undefined;
  return undefined;
}

/** `strconv.Unquote` for a Go string literal (`"..."` or a raw `` `...` ``): the text, or `undefined`. */
export function unquoteGoString(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal.at(-1) !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? undefined : body.replace(/\r/g, '');
  if (quote !== '"') return undefined;
  let rest = body;
  let out = '';
  while (rest !== '') {
    if (rest[0] === '\n') return undefined;
    const next = unquoteGoChar(rest, '"');
    if (next === undefined) return undefined;
    out += String.fromCodePoint(next.value);
    rest = next.tail;
  }
  return out;
}

/** Go's `fmt.Sscan` of a complex128 (`1+2i`, `-1.5-0.5i`), as text/template reads a complex constant; `undefined` when it scans. */
export function goComplexError(text: string): string | undefined {
  const complexSyntax = 'syntax error scanning complex number';
  let s = text.startsWith('(') ? text.slice(1) : text;
  const token = (): string => {
    const nan = /^[nN][aA][nN]/.exec(s);
    if (nan) {
      s = s.slice(3);
      return nan[0];
    }
    const match = /^[+-]?(?:[iI][nN][fF]|0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]*)?|[0-9_]*(?:\.[0-9_]*)?(?:[eEpP][+-]?[0-9_]*)?)/.exec(s);
    const found = match?.[0] ?? '';
    s = s.slice(found.length);
    return found;
  };
  const convert = (str: string): string | undefined => {
    const p = str.indexOf('p');
    const mantissa = p >= 0 ? str.slice(0, p) : str;
    const value = parseGoFloat(mantissa);
    if (typeof value !== 'number') return `strconv.ParseFloat: parsing ${JSON.stringify(p >= 0 ? str : mantissa)}: ${value.error}`;
    if (p >= 0 && parseGoDecimalInt(str.slice(p + 1)) === undefined) return `strconv.ParseInt: parsing ${JSON.stringify(str.slice(p + 1))}: ${GO_SYNTAX_ERROR}`;
    return undefined;
  };
  const real = token();
  if (s[0] !== '+' && s[0] !== '-') return complexSyntax;
  const imaginarySign = s[0];
  s = s.slice(1);
  const imaginary = imaginarySign + token();
  if (s[0] !== 'i') return complexSyntax;
  s = s.slice(1);
  if (text.startsWith('(') && s[0] !== ')') return complexSyntax;
  return convert(real) ?? convert(imaginary);
}
