/**
 * A builder query's `having.expression`, read as the grammar SigNoz generates its parser from
 * (`grammar/HavingExpression.g4`): `OR` < `AND` (also implicit, conditions side by side) < `NOT`,
 * parentheses, comparisons (`=`/`==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`) between arithmetic operands
 * (`+ - * / %`, unary signs), `[NOT] IN (numbers)`. Operands are aggregation calls (`count()`,
 * `sum(bytes)`, `countIf(level = 'error')`), aliases and result references (`__result_0`) or
 * numbers; a quoted string is refused, as SigNoz refuses it (aggregation results are numbers).
 * Like the filter grammar, no npm package reads this, so this is a small recursive-descent reading
 * of it; where the grammar is ambiguous (`(` opens a condition or an operand) the token after the
 * matching `)` decides.
 */
import { lineAndColumn, nestingProblem, type SyntaxProblem } from './syntax-problem';
import { SyntaxFailure, TokenCursor, type CursorToken } from './token-cursor';

type TokenType = 'LPAREN' | 'RPAREN' | 'COMMA' | 'COMPARE' | 'ADD' | 'MULTIPLY' | 'NOT' | 'AND' | 'OR' | 'IN' | 'BOOL' | 'NUMBER' | 'IDENTIFIER' | 'STRING' | 'EOF';

type Token = CursorToken<TokenType>;

const KEYWORDS: Readonly<Record<string, TokenType>> = { not: 'NOT', and: 'AND', or: 'OR', in: 'IN', true: 'BOOL', false: 'BOOL' };
const PUNCTUATION: Readonly<Record<string, TokenType>> = { '(': 'LPAREN', ')': 'RPAREN', ',': 'COMMA', '+': 'ADD', '-': 'ADD', '*': 'MULTIPLY', '/': 'MULTIPLY', '%': 'MULTIPLY' };
/** The lexer's NUMBER takes a sign, so `count()-10` reads as `count()` followed by `-10`, as in SigNoz. */
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[a-zA-Z_]\w*(?:\.[a-zA-Z_]\w*)*/y;
const COMPARISON = /==|!=|<>|<=|>=|=|<|>/y;

function sticky(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (' \t\r\n'.includes(char)) {
      i++;
      continue;
    }
    let type: TokenType | undefined;
    let word: string | undefined;
    if ((word = sticky(NUMBER, text, i)) !== undefined) type = 'NUMBER';
    else if ((word = sticky(COMPARISON, text, i)) !== undefined) type = 'COMPARE';
    else if ((word = sticky(IDENTIFIER, text, i)) !== undefined) type = KEYWORDS[word.toLowerCase()] ?? 'IDENTIFIER';
    else if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end < 0) throw new SyntaxFailure({ offset: i, message: `the quote ${char} is never closed; add the closing ${char}` });
      word = text.slice(i, end + 1);
      type = 'STRING';
    } else if (PUNCTUATION[char] !== undefined) {
      word = char;
      type = PUNCTUATION[char];
    } else {
      const hint = char === '[' || char === ']' ? '; write an IN list in parentheses: IN (1, 2)' : '';
      throw new SyntaxFailure({ offset: i, message: `unexpected ${JSON.stringify(char)}${hint}` });
    }
    tokens.push({ type: type!, text: word, offset: i });
    i += word.length;
  }
  tokens.push({ type: 'EOF', text: '', offset: text.length });
  return tokens;
}

/** What may follow a parenthesized operand: an arithmetic or comparison operator, or `[NOT] IN`. */
const CONTINUES_OPERAND: readonly TokenType[] = ['COMPARE', 'ADD', 'MULTIPLY', 'IN'];

/** Tokens an aggregation call's arguments may hold (the grammar's `funcArgToken`, parentheses aside). */
const ARGUMENT_TOKENS: readonly TokenType[] = ['IDENTIFIER', 'STRING', 'NUMBER', 'BOOL', 'COMPARE', 'ADD', 'MULTIPLY', 'NOT', 'AND', 'OR'];

class HavingParser extends TokenCursor<TokenType> {
  parse(): void {
    this.orExpression();
    const next = this.peek();
    if (next.type === 'RPAREN') this.fail(next, '")" has no matching "(" before it');
    if (next.type !== 'EOF') this.unexpected(next, 'AND, OR, an operator or the end of the expression');
  }

  private orExpression(): void {
    this.andExpression();
    while (this.peek().type === 'OR') {
      this.next();
      this.andExpression();
    }
  }

  private andExpression(): void {
    this.primary();
    for (;;) {
      const type = this.peek().type;
      if (type === 'AND') this.next();
      else if (type === 'EOF' || type === 'OR' || type === 'RPAREN') return;
      this.primary();
    }
  }

  /**
   * `NOT? ( orExpression )` or `NOT? comparison`. A `(` may open either: it opens an operand when
   * what follows its matching `)` continues a comparison (an operator or IN), as in
   * `(sum(a) + sum(b)) * 2 > 100`.
   */
  private primary(): void {
    if (this.peek().type === 'NOT') this.next();
    if (this.peek().type !== 'LPAREN' || this.operandParenthesis()) {
      this.comparison();
      return;
    }
    const open = this.next();
    this.orExpression();
    if (this.peek().type !== 'RPAREN') {
      const { line, column } = lineAndColumn(this.text, open.offset);
      this.unexpected(this.peek(), `")" to close the "(" at line ${line}, column ${column}`);
    }
    this.next();
  }

  /** Whether the `(` at the current position opens an operand: after its matching `)` comes an operator, `IN` or `NOT IN`. */
  private operandParenthesis(): boolean {
    let depth = 0;
    for (let i = this.position; i < this.tokens.length; i++) {
      const type = this.tokens[i]!.type;
      if (type === 'LPAREN') depth++;
      else if (type === 'RPAREN' && --depth === 0) {
        const next = this.tokens[i + 1]?.type ?? 'EOF';
        return CONTINUES_OPERAND.includes(next) || (next === 'NOT' && this.tokens[i + 2]?.type === 'IN');
      }
    }
    return false;
  }

  private comparison(): void {
    this.operand();
    const token = this.peek();
    if (token.type === 'COMPARE') {
      this.next();
      this.operand();
      return;
    }
    if (token.type === 'NOT') this.next();
    if (this.peek().type !== 'IN') this.unexpected(this.peek(), 'a comparison (>, >=, <, <=, =, !=) or IN after the operand');
    this.next();
    this.expect('LPAREN', '"(" and a list of numbers after IN');
    this.expect('NUMBER', 'a number in the IN list');
    while (this.peek().type === 'COMMA') {
      this.next();
      this.expect('NUMBER', 'a number in the IN list');
    }
    this.expect('RPAREN', '"," or ")" to close the IN list');
  }

  private operand(): void {
    this.term();
    while (this.peek().type === 'ADD') {
      this.next();
      this.term();
    }
  }

  private term(): void {
    this.factor();
    while (this.peek().type === 'MULTIPLY') {
      this.next();
      this.factor();
    }
  }

  private factor(): void {
    const token = this.peek();
    switch (token.type) {
      case 'ADD':
        this.next();
        this.factor();
        return;
      case 'LPAREN':
        this.next();
        this.operand();
        this.expect('RPAREN', '")" to close the operand');
        return;
      case 'NUMBER':
        this.next();
        return;
      case 'STRING':
        return this.fail(token, `a quoted string cannot be compared in having: aggregation results are numbers (got ${token.text})`);
      case 'IDENTIFIER':
        this.next();
        if (this.peek().type === 'LPAREN') this.call(token);
        return;
      default:
        this.unexpected(token, 'an aggregation such as count(), an alias, __result or a number');
    }
  }

  /** `name(arg, ...)`: each argument one or more permitted tokens; parentheses nest, without commas inside. */
  private call(name: Token): void {
    this.next();
    if (this.peek().type === 'RPAREN') {
      this.next();
      return;
    }
    for (;;) {
      if (!this.argumentTokens(false)) this.unexpected(this.peek(), `an argument of ${name.text}(`);
      const token = this.next();
      if (token.type === 'RPAREN') return;
      if (token.type !== 'COMMA') this.unexpected(token, `"," or ")" to close ${name.text}(`);
    }
  }

  /** Consumes argument tokens (nested parentheses included); whether it read any. */
  private argumentTokens(nested: boolean): boolean {
    let any = false;
    for (;;) {
      const token = this.peek();
      if (token.type === 'LPAREN') {
        this.next();
        this.argumentTokens(true);
        this.expect('RPAREN', nested ? '")"' : '")" (commas are allowed only between the arguments of the outer call)');
      } else if (ARGUMENT_TOKENS.includes(token.type)) {
        this.next();
      } else {
        return any;
      }
      any = true;
    }
  }
}

/** The first syntax problem of a `having` expression, or `undefined` when SigNoz's grammar accepts it (empty: no having). */
export function havingExpressionSyntaxProblem(expression: string): SyntaxProblem | undefined {
  if (expression.trim() === '') return undefined;
  try {
    const tokens = tokenize(expression);
    const tooDeep = nestingProblem(tokens, ['LPAREN'], ['RPAREN']);
    if (tooDeep) return tooDeep;
    new HavingParser(expression, tokens).parse();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return error.problem;
    throw error;
  }
}
