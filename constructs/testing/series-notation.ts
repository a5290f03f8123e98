/**
 * promtool's expanding series notation, for writing query results by hand:
 * `1 2 3`, `0+10x5` (0 10 20 30 40 50), `100-5x3` (100 95 90 85), `7x2` (7 7 7),
 * `_` (no point), `_x3` (three missing), `stale` (no point: aggregated results have no staleness
 * markers), `NaN`, `Inf`, `+Inf`, `-Inf`. Points are `interval` apart, the first at the start.
 *
 * Read as Prometheus's lexer and grammar read series descriptions (promtool): items are separated
 * by spaces, tabs or newlines; an item is `_`, `_xN`, a value, `<value>xN` or
 * `<value>(+|-)<number>xN`, where a value is a number, `+`/`-` and a number, or `stale`. Numbers
 * are decimal (`1e3`, `.5`, `5.`, `1_000`), octal with a leading zero (`010` is 8), or
 * `Inf`/`NaN` in any case; `N` is a decimal count. `Infx2` or `NaNx2` are one word to the lexer
 * and refused, as `1+-1x3` is by the grammar.
 */
import { ToolkitError } from '../model/toolkit-error';
import { MAX_NOTATION_POINTS } from '../evaluation/evaluation-limits';
import { parseGoFloat, parseGoInt } from '../util/go-strconv';

export class SeriesNotationError extends ToolkitError {
  constructor(
    readonly token: string,
    readonly tokenIndex: number,
    readonly column: number,
    reason: string,
  ) {
    super('series notation', {}, [{ path: '', message: `bad value "${token}" (value ${tokenIndex + 1}, column ${column}): ${reason}` }]);
  }
}

/** `undefined` marks a missing point. */
export type NotationValue = number | undefined;

const UINT64_MAX = 2n ** 64n - 1n;

type TokenKind = 'number' | 'add' | 'sub' | 'times' | 'blank' | 'stale';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

class ItemError extends Error {}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

/** The lexer's tokens of one space-free item (Prometheus lex.go, lexValueSequence and scanNumber). */
function lexItem(item: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < item.length) {
    const c = item[i]!;
    if (c === '+' || c === '-' || c === 'x' || c === '_') {
      tokens.push({ kind: c === '+' ? 'add' : c === '-' ? 'sub' : c === 'x' ? 'times' : 'blank', text: c });
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(item[i + 1]))) {
      const begin = i;
      const run = (chars: RegExp): void => {
        while (i < item.length && chars.test(item[i]!)) i++;
      };
      run(/[0-9_]/);
      if (item[i] === '.') {
        i++;
        run(/[0-9_]/);
      }
      if (item[i] === 'e' || item[i] === 'E') {
        i++;
        if (item[i] === '+' || item[i] === '-') i++;
        run(/[0-9]/);
      }
      // Next must not be alphanumeric, except the `x` of a repetition.
      if (item[i] !== 'x' && isAlphaNumeric(item[i])) throw new ItemError(`bad number syntax: "${item.slice(begin, i)}"`);
      tokens.push({ kind: 'number', text: item.slice(begin, i) });
    } else if (/[A-Za-z]/.test(c)) {
      const begin = i;
      while (i < item.length && /[A-Za-z0-9_:]/.test(item[i]!)) i++;
      const word = item.slice(begin, i);
      const lower = word.toLowerCase();
      if (lower === 'inf' || lower === 'nan') tokens.push({ kind: 'number', text: word });
      else if (word === 'stale') tokens.push({ kind: 'stale', text: word });
      else throw new ItemError(`unexpected identifier "${word}", expected a number, Inf, NaN or "stale" (lower case); write a repetition of Inf or NaN as a list`);
    } else {
      throw new ItemError(`unexpected character '${c}'`);
    }
  }
  return tokens;
}

/** Prometheus's number(): strconv.ParseInt(text, 0, 64) (`010` is octal 8), else strconv.ParseFloat(text, 64). */
function toNumber(text: string): number {
  const integer = parseGoInt(text);
  if (typeof integer === 'bigint') return Number(integer);
  const float = parseGoFloat(text);
  if (typeof float === 'number') return float;
  throw new ItemError(`error parsing number "${text}": ${float.error}`);
}

/** strconv.ParseUint(text, 10, 64) for the N of `xN`. */
function toCount(token: Token | undefined): number {
  if (token?.kind !== 'number' || !/^\d+$/.test(token.text) || BigInt(token.text) > UINT64_MAX) {
    throw new ItemError(`invalid repetition ${token ? `"${token.text}"` : 'at the end'}: expected a decimal count after 'x'`);
  }
  const count = Number(token.text);
  if (count > MAX_NOTATION_POINTS) throw new ItemError(`more than ${MAX_NOTATION_POINTS} points`);
  return count;
}

/** The points of one item (the grammar's series_item). */
function expandItem(item: string): NotationValue[] {
  const tokens = lexItem(item);
  let pos = 0;
  const unexpected = (): never => {
    const token = tokens[pos];
    throw new ItemError(token ? `unexpected "${token.text}"` : 'unexpected end of the value');
  };
  const done = (values: NotationValue[]): NotationValue[] => (pos === tokens.length ? values : unexpected());
  if (tokens[pos]?.kind === 'blank') {
    pos++;
    if (tokens[pos]?.kind !== 'times') return done([undefined]);
    pos++;
    const count = toCount(tokens[pos++]);
    return done(Array.from({ length: count }, () => undefined));
  }
  // series_value: a number, a signed number or stale
  const value = (): number | undefined => {
    const token = tokens[pos];
    if (token?.kind === 'stale') {
      pos++;
      return undefined;
    }
    if (token?.kind === 'add' || token?.kind === 'sub') {
      pos++;
      const number = tokens[pos]?.kind === 'number' ? toNumber(tokens[pos++]!.text) : unexpected();
      return token.kind === 'sub' ? -number : number;
    }
    return token?.kind === 'number' ? toNumber(tokens[pos++]!.text) : unexpected();
  };
  const start = value();
  if (pos === tokens.length) return [start];
  let step = 0;
  const sign = tokens[pos]!.kind;
  if (sign === 'add' || sign === 'sub') {
    pos++;
    const number = tokens[pos]?.kind === 'number' ? toNumber(tokens[pos++]!.text) : unexpected();
    step = sign === 'sub' ? -number : number;
  }
  if (tokens[pos]?.kind !== 'times') unexpected();
  pos++;
  const count = toCount(tokens[pos++]);
  done([]);
  // as the grammar does: k += step, count + 1 times
  const values: NotationValue[] = [];
  let k = start;
  for (let j = 0; j <= count; j++) {
    values.push(k);
    if (k !== undefined) k += step;
  }
  return values;
}

/** Expands the notation into one entry per point; throws `SeriesNotationError` naming the bad item. */
export function parseSeriesNotation(text: string): NotationValue[] {
  const values: NotationValue[] = [];
  const itemPattern = /[^ \t\r\n]+/g;
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = itemPattern.exec(text)) !== null) {
    try {
      const points = expandItem(match[0]);
      if (values.length + points.length > MAX_NOTATION_POINTS) throw new ItemError(`more than ${MAX_NOTATION_POINTS} points`);
      for (const point of points) values.push(point);
    } catch (err) {
      if (!(err instanceof ItemError)) throw err;
      throw new SeriesNotationError(
        match[0],
        index,
        match.index + 1,
        `${err.message} (expected a number, NaN, Inf, "_", "stale", or an expansion such as 1+2x10, 5-1x4, 7x3, _x5)`,
      );
    }
    index++;
  }
  return values;
}
