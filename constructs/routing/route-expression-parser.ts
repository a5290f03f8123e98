import { ToolkitError } from '../model/toolkit-error';
import { ownEntry } from '../util/json';
import { RESERVED_WORDS, type ComparisonNode, type ComparisonOperator, type RouteExpressionNode } from './route-expression-ast';
import { regexProblem } from './re2-pattern';

/** A route expression that SigNoz would reject or that cannot mean what it says. */
export class RouteExpressionError extends ToolkitError {
  constructor(
    readonly problem: string,
    readonly expression: string,
    /** 1-based column of the problem; 0 for an expression built in code, which has no text. */
    readonly column: number,
  ) {
    super('route expression', {}, [
      {
        path: '',
        message: column > 0 ? `${problem} (column ${column})\n  ${expression}\n  ${' '.repeat(column - 1)}^` : problem,
      },
    ]);
  }
}

type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'op' | 'end';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Decoded value of a string token. */
  readonly value?: string;
  /** 0-based offset. */
  readonly at: number;
}

const PUNCTUATION = ['?.[', '?.', '(', ')', '[', ']', ',', '.'];
const OPERATORS = ['==', '!=', '&&', '||', '=', '!', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '??', '|', '?', ':'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\' };
/** Go's unicode.IsSpace, which expr-lang skips between tokens. */
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Word aliases SigNoz's expr-lang build accepts next to the standard ones (its own tests use them). */
const AND_WORDS = new Set(['and', 'AND']);
const OR_WORDS = new Set(['or', 'OR']);
const NOT_WORDS = new Set(['not']);
/** No evidence shows SigNoz's fork taking `NOT`: upstream expr-lang reads `NOT (...)` as a call to a function named NOT. */
const UPPERCASE_NOT =
  "NOT is not an operator in SigNoz's expression language: expr-lang reads it as a call to a function named NOT, which does not exist, so the policy would fail each time SigNoz evaluates it";
const NEGATABLE: Readonly<Record<string, ComparisonOperator>> = {
  in: 'in',
  IN: 'in',
  contains: 'contains',
  CONTAINS: 'contains',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
  matches: 'matches',
};
const NEGATED: Readonly<Record<string, ComparisonOperator>> = {
  in: 'not in',
  contains: 'not contains',
  startsWith: 'not startsWith',
  endsWith: 'not endsWith',
  matches: 'not matches',
};
const LIST_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(['in', 'not in']);
const SUBSTRING_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(['contains', 'not contains', 'startsWith', 'not startsWith', 'endsWith', 'not endsWith']);

/** The code point a `\\x..`, `\\u....`, `\\U........` or `\\u{...}` escape stands for; expr-lang writes a surrogate as U+FFFD. */
function codePointText(code: number): string {
  return String.fromCodePoint(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code);
}

/**
 * A `"..."` or `'...'` literal from `start`, as expr-lang's lexer scans it and then unescapes it:
 * Go's escapes (`\\n`, `\\x41`, `\\101` up to `\\377`, `\\u00e9`, `\\U0001F600`) plus `\\u{1F600}`;
 * the quote of the literal may be escaped, the other quote may not; a raw carriage return reads as a newline.
 */
function scanQuoted(text: string, start: number, fail: (problem: string, at: number) => never): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let j = start + 1;
  const hex = (from: number, count: number): number | undefined => {
    const digits = text.slice(from, from + count);
    return digits.length === count && /^[0-9a-fA-F]+$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
  };
  for (;;) {
    const ch = text[j];
    if (ch === undefined || ch === '\n') fail(ch === undefined ? 'unterminated string' : 'strings cannot span lines; write \\n', ch === undefined ? start : j);
    if (ch === quote) return { value, end: j + 1 };
    if (ch === '\r') {
      value += '\n';
      j += text[j + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch !== '\\') {
      const code = text.codePointAt(j)!;
      value += String.fromCodePoint(code);
      j += code > 0xffff ? 2 : 1;
      continue;
    }
    const e = text[j + 1];
    const allowed = `expr-lang takes \\a \\b \\f \\n \\r \\t \\v \\\\ \\${quote} \\x41 \\101 \\u00e9 \\u{1F600} \\U0001F600`;
    if (e === undefined) fail('unterminated string', start);
    if (e === quote) {
      value += quote;
      j += 2;
    } else if (e in ESCAPES) {
      value += ESCAPES[e];
      j += 2;
    } else if (/[0-7]/.test(e)) {
      const digits = text.slice(j + 1, j + 4);
      if (!/^[0-3][0-7]{2}$/.test(digits)) fail(`invalid octal escape \\${digits} in string: three octal digits up to \\377`, j);
      value += codePointText(Number.parseInt(digits, 8));
      j += 4;
    } else if (e === 'x' || e === 'U' || (e === 'u' && text[j + 2] !== '{')) {
      const count = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const code = hex(j + 2, count);
      if (code === undefined || code > 0x10ffff) fail(`invalid \\${e} escape in string: ${count} hexadecimal digits${e === 'x' ? '' : ' up to 10FFFF'}`, j);
      value += codePointText(code);
      j += 2 + count;
    } else if (e === 'u') {
      const close = text.indexOf('}', j + 3);
      const digits = close < 0 ? '' : text.slice(j + 3, close);
      const code = /^[0-9a-fA-F]{1,6}$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
      if (code === undefined || code > 0x10ffff) fail('invalid \\u{...} escape in string: 1 to 6 hexadecimal digits up to 10FFFF', j);
      value += codePointText(code);
      j = close + 1;
    } else {
      fail(`unknown escape \\${e} in string; ${allowed}`, j);
    }
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (problem: string, at: number): never => {
    throw new RouteExpressionError(problem, text, at + 1);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = scanQuoted(text, i, fail);
      tokens.push({ kind: 'string', text: text.slice(i, end), value, at: i });
      i = end;
      continue;
    }
    if (c === '`') {
      // a raw string; a doubled backtick stands for one backtick
      let j = i + 1;
      let value = '';
      for (;;) {
        const end = text.indexOf('`', j);
        if (end < 0) fail('unterminated string', i);
        value += text.slice(j, end);
        if (text[end + 1] !== '`') {
          j = end + 1;
          break;
        }
        value += '`';
        j = end + 2;
      }
      tokens.push({ kind: 'string', text: text.slice(i, j), value, at: i });
      i = j;
      continue;
    }
    const word = /^(\$env|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'ident', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const number = /^[0-9][0-9_.eE]*/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct) {
      tokens.push({ kind: 'punct', text: punct, at: i });
      i += punct.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    fail(`unexpected character '${c}'`, i);
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  private get current(): Token {
    return this.tokens[this.pos]!;
  }

  private atEnd(): boolean {
    return this.current.kind === 'end';
  }

  private fail(problem: string, token: Token = this.current): never {
    throw new RouteExpressionError(problem, this.text, token.at + 1);
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`;
  }

  private isWord(token: Token, words: ReadonlySet<string>): boolean {
    return token.kind === 'ident' && words.has(token.text);
  }

  private isPunct(token: Token, text: string): boolean {
    return token.kind === 'punct' && token.text === text;
  }

  parse(): RouteExpressionNode {
    if (this.atEnd()) this.fail('the expression is empty');
    const node = this.parseOr();
    if (!this.atEnd()) {
      this.fail(`unexpected ${this.describe(this.current)}; join conditions with && or ||`);
    }
    return node;
  }

  private parseOr(): RouteExpressionNode {
    const operands = [this.parseAnd()];
    while ((this.current.kind === 'op' && this.current.text === '||') || this.isWord(this.current, OR_WORDS)) {
      this.pos++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): RouteExpressionNode {
    const operands = [this.parseUnary()];
    while ((this.current.kind === 'op' && this.current.text === '&&') || this.isWord(this.current, AND_WORDS)) {
      this.pos++;
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseUnary(): RouteExpressionNode {
    const token = this.current;
    if (token.kind === 'ident' && token.text === 'NOT') this.fail(`${UPPERCASE_NOT}; write not (...) or !(...)`);
    if ((token.kind === 'op' && token.text === '!') || this.isWord(token, NOT_WORDS)) {
      this.pos++;
      const next = this.current;
      const nested = (next.kind === 'op' && next.text === '!') || this.isWord(next, NOT_WORDS);
      // expr-lang binds 'not' tighter than '==': `not a == "x"` negates the label, not the comparison.
      if (!this.isPunct(next, '(') && !nested) {
        this.fail(`'${token.text}' must be followed by parentheses: write ${token.text}(<condition>), because expr-lang applies it to the label before comparing`, token);
      }
      return { type: 'not', operand: this.parseUnary() };
    }
    if (this.isPunct(token, '(')) {
      this.pos++;
      const inner = this.parseOr();
      if (!this.isPunct(this.current, ')')) this.fail(`expected ')' to close the '(' at column ${token.at + 1}, found ${this.describe(this.current)}`);
      this.pos++;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): ComparisonNode {
    const start = this.current;
    if (start.kind === 'string') {
      this.fail(
        `the left side of a comparison must be a label name, but ${start.text} is a quoted string, so the comparison never matches; ` +
          `write the label without quotes (labels with dots such as threshold.name are written as is)`,
      );
    }
    if (start.kind !== 'ident' || (RESERVED_WORDS.has(start.text) && start.text !== '$env')) {
      this.fail(`expected a label name, found ${this.describe(start)}`);
    }
    const label = this.parseLabel();
    const op = this.parseOperator();
    const value = this.parseValue(op);
    return { type: 'compare', label, op, value };
  }

  private parseLabel(): string {
    const segments: string[] = [];
    const first = this.current;
    this.pos++;
    if (first.text === '$env') {
      if (!this.isPunct(this.current, '[')) this.fail(`expected ["label name"] after $env`);
      segments.push(this.parseBracketKey());
    } else {
      segments.push(first.text);
    }
    for (;;) {
      const token = this.current;
      if (this.isPunct(token, '.') || this.isPunct(token, '?.')) {
        this.pos++;
        const name = this.current;
        if (name.kind !== 'ident' || name.text === '$env') this.fail(`expected a label name segment after '${token.text}', found ${this.describe(name)}`);
        segments.push(name.text);
        this.pos++;
      } else if (this.isPunct(token, '[') || this.isPunct(token, '?.[')) {
        segments.push(this.parseBracketKey());
      } else {
        break;
      }
    }
    return segments.join('.');
  }

  private parseBracketKey(): string {
    this.pos++;
    const key = this.current;
    if (key.kind !== 'string') this.fail(`expected a quoted label name inside [ ], found ${this.describe(key)}`);
    this.pos++;
    if (!this.isPunct(this.current, ']')) this.fail(`expected ']' after ${key.text}`);
    this.pos++;
    if (key.value === '') this.fail(`label name segment ${key.text} must not be empty`, key);
    if (key.value!.includes('.')) {
      const dotted = key.value!.split('.').join('?.');
      this.fail(
        `label name segment ${key.text} must contain no '.': SigNoz splits label names on dots into nested maps, so ${key.text} is never set and the comparison never matches; write ${dotted}`,
        key,
      );
    }
    return key.value!;
  }

  private parseOperator(): ComparisonOperator {
    const token = this.current;
    const allowed = 'expected a comparison: ==, !=, in, not in, contains, startsWith, endsWith or matches';
    if (token.kind === 'op') {
      if (token.text === '==' || token.text === '=') {
        this.pos++;
        return '==';
      }
      if (token.text === '!=') {
        this.pos++;
        return '!=';
      }
      if (['<', '>', '<=', '>='].includes(token.text)) {
        this.fail(`'${token.text}' compares numbers, but label values are strings; ${allowed.replace('expected a comparison: ', 'use ')}`);
      }
      this.fail(`${allowed}, found ${this.describe(token)}`);
    }
    if (token.kind === 'ident') {
      if (token.text === 'NOT') this.fail(`${UPPERCASE_NOT}; write not in, not contains, ... in lower case`);
      if (NOT_WORDS.has(token.text)) {
        const next = this.tokens[this.pos + 1]!;
        const base = next.kind === 'ident' ? ownEntry(NEGATABLE, next.text) : undefined;
        if (base === undefined) this.fail(`'${token.text}' here must be followed by in, contains, startsWith, endsWith or matches`, next);
        this.pos += 2;
        return NEGATED[base]!;
      }
      const op = ownEntry(NEGATABLE, token.text);
      if (op !== undefined) {
        this.pos++;
        return op;
      }
    }
    return this.fail(`${allowed}, found ${this.describe(token)}`);
  }

  private parseValue(op: ComparisonOperator): string | string[] {
    if (LIST_OPERATORS.has(op)) {
      if (!this.isPunct(this.current, '[')) this.fail(`'${op}' needs a list of strings such as ["a", "b"], found ${this.describe(this.current)}`);
      const open = this.current;
      this.pos++;
      const values: string[] = [];
      while (!this.isPunct(this.current, ']')) {
        values.push(this.parseString(op));
        if (this.isPunct(this.current, ',')) this.pos++;
        else if (!this.isPunct(this.current, ']')) this.fail(`expected ',' or ']' in the list, found ${this.describe(this.current)}`);
      }
      this.pos++;
      if (values.length === 0) this.fail(`'${op}' with an empty list ${op === 'in' ? 'never' : 'always'} matches; list at least one value`, open);
      return values;
    }
    const token = this.current;
    const value = this.parseString(op);
    if (SUBSTRING_OPERATORS.has(op) && value === '') this.fail(`'${op}' with an empty string is meaningless; give the text to look for`, token);
    if (op === 'matches' || op === 'not matches') {
      const problem = regexProblem(value);
      if (problem) this.fail(`invalid regular expression for '${op}': ${problem}`, token);
    }
    return value;
  }

  private parseString(op: ComparisonOperator): string {
    const token = this.current;
    if (token.kind === 'string') {
      this.pos++;
      return token.value!;
    }
    if (token.kind === 'number') this.fail(`label values are strings; quote the number: "${token.text}"`);
    if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false')) this.fail(`label values are strings; write "${token.text}"`);
    if (token.kind === 'ident' && token.text === 'nil') this.fail(`comparing with nil is not supported; compare with a string`);
    if (token.kind === 'ident') this.fail(`the right side of '${op}' must be a quoted string; ${token.text} looks like a label (comparing two labels is not supported)`);
    return this.fail(`expected a quoted string after '${op}', found ${this.describe(token)}`);
  }
}

/**
 * Parses the subset of expr-lang that route policies use: comparisons of a label with string
 * values, joined by &&/||/and/or, negated with !(...)/not(...), grouped with parentheses. Also
 * takes the aliases SigNoz's expr-lang build accepts (`=`, AND, OR, IN, CONTAINS), and refuses
 * `NOT`, which expr-lang reads as a call to an unknown function. Throws a
 * {@link RouteExpressionError} that points at the problem.
 */
export function parseRouteExpression(text: string): RouteExpressionNode {
  return new Parser(text, tokenize(text)).parse();
}
