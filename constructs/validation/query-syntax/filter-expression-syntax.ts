/**
 * SigNoz's filter expression language (builder queries' `filter.expression`), read as the grammar
 * SigNoz generates its parsers from (`grammar/FilterQuery.g4`): `NOT` > `AND` (also implicit, terms
 * side by side) > `OR`, parentheses, comparisons, `[NOT] IN/LIKE/ILIKE/BETWEEN/EXISTS/REGEXP/CONTAINS`,
 * `has`/`hasAny`/`hasAll`/`hasToken` calls, `search(...)`, and bare words or quoted text as full-text
 * search. No npm package parses this grammar, so this is a small recursive-descent reading of it.
 * Lexer errors (an unterminated quote, a stray `!`) are refused too: SigNoz's UI refuses them, and
 * its backend silently drops the character, which changes what the filter means. The pattern after
 * `REGEXP` is checked with RE2, the engine ClickHouse's `match()` runs it with.
 */
import { regexProblem } from '../../routing/re2-pattern';
import { lineAndColumn, nestingProblem, type SyntaxProblem } from './syntax-problem';
import { describeToken, SyntaxFailure, TokenCursor, type CursorToken } from './token-cursor';

type TokenType =
  | 'LPAREN'
  | 'RPAREN'
  | 'LBRACK'
  | 'RBRACK'
  | 'COMMA'
  | 'COMPARE'
  | 'LIKE'
  | 'ILIKE'
  | 'BETWEEN'
  | 'EXISTS'
  | 'REGEXP'
  | 'CONTAINS'
  | 'IN'
  | 'NOT'
  | 'AND'
  | 'OR'
  | 'FUNCTION'
  | 'SEARCH'
  | 'BOOL'
  | 'NUMBER'
  | 'QUOTED'
  | 'KEY'
  | 'FREETEXT'
  | 'EOF';

type Token = CursorToken<TokenType>;

/** Words the grammar's lexer turns into keywords (case-insensitive; `exist`/`contain` too). */
const KEYWORDS: Readonly<Record<string, TokenType>> = {
  like: 'LIKE',
  ilike: 'ILIKE',
  between: 'BETWEEN',
  exist: 'EXISTS',
  exists: 'EXISTS',
  regexp: 'REGEXP',
  contain: 'CONTAINS',
  contains: 'CONTAINS',
  in: 'IN',
  not: 'NOT',
  and: 'AND',
  or: 'OR',
  has: 'FUNCTION',
  hasany: 'FUNCTION',
  hasall: 'FUNCTION',
  hastoken: 'FUNCTION',
  search: 'SEARCH',
  true: 'BOOL',
  false: 'BOOL',
};

const PUNCTUATION: Readonly<Record<string, TokenType>> = { '(': 'LPAREN', ')': 'RPAREN', '[': 'LBRACK', ']': 'RBRACK', ',': 'COMMA' };
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
const SEGMENT = '[a-zA-Z$_@{#][a-zA-Z0-9$_@#{}:\\-/]*';
const KEY = new RegExp(`${SEGMENT}(?:\\.${SEGMENT}|\\[\\]|\\[\\*\\]|\\.\\d+)*`, 'y');
const FREETEXT = /[^ \t\r\n=()'"<>!,[\]]+/y;
const COMPARISON = /==|!=|<>|<=|>=|=|<|>/y;

function matchLength(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  const match = pattern.exec(text);
  return match ? match[0].length : 0;
}

function quotedEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return undefined;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      i++;
      continue;
    }
    const punctuation = PUNCTUATION[char];
    if (punctuation) {
      tokens.push({ type: punctuation, text: char, offset: i++ });
      continue;
    }
    const comparison = matchLength(COMPARISON, text, i);
    if (comparison > 0) {
      tokens.push({ type: 'COMPARE', text: text.slice(i, i + comparison), offset: i });
      i += comparison;
      continue;
    }
    if (char === '!') throw new SyntaxFailure({ offset: i, message: 'unexpected "!"; use != for "not equal" or NOT before a condition' });
    if (char === "'" || char === '"') {
      const end = quotedEnd(text, i);
      if (end === undefined) throw new SyntaxFailure({ offset: i, message: `the quote ${char} is never closed; add the closing ${char}` });
      tokens.push({ type: 'QUOTED', text: text.slice(i, end), offset: i });
      i = end;
      continue;
    }
    const number = matchLength(NUMBER, text, i);
    const key = matchLength(KEY, text, i);
    const length = Math.max(number, key, matchLength(FREETEXT, text, i));
    const word = text.slice(i, i + length);
    const keyword = length === key ? KEYWORDS[word.toLowerCase()] : undefined;
    const type: TokenType = keyword ?? (length === number ? 'NUMBER' : length === key ? 'KEY' : 'FREETEXT');
    tokens.push({ type, text: word, offset: i });
    i += length;
  }
  tokens.push({ type: 'EOF', text: '', offset: text.length });
  return tokens;
}

const VALUE_TYPES: readonly TokenType[] = ['QUOTED', 'NUMBER', 'BOOL', 'KEY'];
const TERM_STARTS: readonly TokenType[] = ['NOT', 'LPAREN', 'FUNCTION', 'SEARCH', 'QUOTED', 'FREETEXT', 'NUMBER', 'BOOL', 'KEY'];
const OPERATORS_AFTER_NOT: readonly TokenType[] = ['LIKE', 'ILIKE', 'BETWEEN', 'IN', 'EXISTS', 'REGEXP', 'CONTAINS'];

class FilterParser extends TokenCursor<TokenType> {
  parse(): void {
    this.orExpression();
    const next = this.peek();
    if (next.type === 'RPAREN') this.fail(next, '")" has no matching "(" before it');
    if (next.type !== 'EOF') this.unexpected(next, 'AND, OR or the end of the expression');
  }

  private where(token: Token): string {
    const { line, column } = lineAndColumn(this.text, token.offset);
    return `line ${line}, column ${column}`;
  }

  protected override unexpected(token: Token, expected: string): never {
    const previous = this.tokens[this.position - 1];
    if (previous?.type === 'QUOTED' && (token.type === 'COMPARE' || OPERATORS_AFTER_NOT.includes(token.type))) {
      this.fail(previous, `keys cannot be quoted in SigNoz filters; write ${previous.text.slice(1, -1)} without quotes (quote only values)`);
    }
    this.fail(token, `unexpected ${describeToken(token)}; expected ${expected}`);
  }

  private orExpression(): void {
    this.andExpression();
    while (this.peek().type === 'OR') {
      this.next();
      this.andExpression();
    }
  }

  private andExpression(): void {
    this.unaryExpression();
    for (;;) {
      const token = this.peek();
      if (token.type === 'AND') {
        this.next();
        this.unaryExpression();
      } else if (TERM_STARTS.includes(token.type)) {
        this.unaryExpression();
      } else {
        return;
      }
    }
  }

  private unaryExpression(): void {
    if (this.peek().type === 'NOT') this.next();
    this.primary();
  }

  private primary(): void {
    const token = this.peek();
    switch (token.type) {
      case 'LPAREN': {
        const open = this.next();
        this.orExpression();
        if (this.peek().type !== 'RPAREN') this.unexpected(this.peek(), `")" to close the "(" at ${this.where(open)}`);
        this.next();
        return;
      }
      case 'FUNCTION':
        this.next();
        this.expect('LPAREN', `"(" after ${token.text}`);
        this.list(() => this.functionParameter());
        this.expect('RPAREN', `"," or ")" to close ${token.text}(`);
        return;
      case 'SEARCH':
        this.next();
        this.expect('LPAREN', '"(" after search');
        this.list(() => this.value('a search term'));
        this.expect('RPAREN', '"," or ")" to close search(');
        return;
      case 'KEY':
        this.next();
        this.comparisonAfterKey(token);
        return;
      case 'QUOTED':
      case 'FREETEXT':
      case 'NUMBER':
      case 'BOOL':
        this.next();
        return;
      default:
        this.unexpected(token, 'a condition (key operator value), a function such as has(), or search text');
    }
  }

  private comparisonAfterKey(key: Token): void {
    let operator = this.peek();
    if (operator.type === 'NOT' && OPERATORS_AFTER_NOT.includes(this.peek(1).type)) {
      this.next();
      operator = this.peek();
    }
    switch (operator.type) {
      case 'REGEXP':
        this.next();
        this.regexValue(this.peek());
        this.value(`a value after "${key.text} ${operator.text}"`);
        return;
      case 'COMPARE':
      case 'LIKE':
      case 'ILIKE':
      case 'CONTAINS':
        this.next();
        this.value(`a value after "${key.text} ${operator.text}"`);
        return;
      case 'BETWEEN':
        this.next();
        this.value('a value after BETWEEN');
        this.expect('AND', 'AND between the two BETWEEN bounds');
        this.value('a value after AND');
        return;
      case 'EXISTS':
        this.next();
        return;
      case 'IN':
        this.next();
        this.inValues();
        return;
      default:
        return; // a bare key is full-text search
    }
  }

  /**
   * The pattern after REGEXP: SigNoz strips the quotes, turns `\\` into `\` and `\'` into `'`
   * (`trimQuotes`), and hands it to ClickHouse's `match()`, which compiles it with RE2.
   */
  private regexValue(token: Token): void {
    if (token.type !== 'QUOTED') return;
    const pattern = token.text.slice(1, -1).replaceAll('\\\\', '\\').replaceAll("\\'", "'");
    const problem = regexProblem(pattern);
    if (problem !== undefined) this.fail(token, `invalid regular expression ${token.text} (ClickHouse's match() compiles it with RE2): ${problem}`);
  }

  private inValues(): void {
    const open = this.peek();
    if (open.type === 'LPAREN' || open.type === 'LBRACK') {
      this.next();
      this.list(() => this.value('a value in the IN list'));
      const close = open.type === 'LPAREN' ? 'RPAREN' : 'RBRACK';
      this.expect(close, `"," or "${close === 'RPAREN' ? ')' : ']'}" to close the IN list`);
      return;
    }
    this.value('a value or a list (..) / [..] after IN');
  }

  private list(item: () => void): void {
    item();
    while (this.peek().type === 'COMMA') {
      this.next();
      item();
    }
  }

  private functionParameter(): void {
    if (this.peek().type !== 'LBRACK') {
      this.value('a key, value or [..] array as function argument');
      return;
    }
    this.next();
    this.list(() => this.value('a value in the array'));
    this.expect('RBRACK', '"," or "]" to close the array');
  }

  private value(expected: string): void {
    const token = this.peek();
    if (!VALUE_TYPES.includes(token.type)) {
      const hint = token.type === 'FREETEXT' ? ' (quote values that contain characters such as * or %)' : '';
      this.unexpected(token, `${expected}: a quoted string, number, true/false or key${hint}`);
    }
    this.next();
  }
}

/** The first syntax problem of a filter expression, or `undefined` when SigNoz's grammar accepts it (an empty filter is no filter). */
export function filterExpressionSyntaxProblem(expression: string): SyntaxProblem | undefined {
  if (expression.trim() === '') return undefined;
  try {
    const tokens = tokenize(expression);
    const tooDeep = nestingProblem(tokens, ['LPAREN', 'LBRACK'], ['RPAREN', 'RBRACK']);
    if (tooDeep) return tooDeep;
    new FilterParser(expression, tokens).parse();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return error.problem;
    throw error;
  }
}
