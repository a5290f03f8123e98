/**
 * Parses Go text/template source the way Go's `text/template/parse` does, far enough to find every
 * error `template.Parse` reports: unbalanced control structures (if/range/with/block/define and
 * their else/end), malformed pipelines and declarations, undefined variables and unknown functions.
 * It builds no tree: the only output is the first error, as Go stops at the first one too.
 */
import { lexTemplate, type Token, type TokenKind } from './lex-template';
import { TemplateSyntaxError } from './template-syntax-error';
import { GO_SYNTAX_ERROR, goComplexError, parseGoFloat, parseGoInt, parseGoUint, unquoteGoChar, unquoteGoString } from '../../util/go-strconv';

/** Functions every Go template has. */
export const GO_TEMPLATE_BUILTINS = [
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
] as const;

type Ending = 'end' | 'else';

const OPERAND_START: ReadonlySet<TokenKind> = new Set(['bool', 'char', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen']);
const CONSTANTS: readonly TokenKind[] = ['bool', 'dot', 'nil', 'number', 'complex', 'string', 'rawString', 'char'];

/** Go's `newNumber`: why a number, complex or character constant is refused, or `undefined`. */
export function goConstantError(kind: 'number' | 'complex' | 'char', text: string): string | undefined {
  if (kind === 'char') {
    const read = unquoteGoChar(text.slice(1), "'");
    if (read === undefined) return GO_SYNTAX_ERROR;
    return read.tail === "'" ? undefined : `malformed character constant: ${text}`;
  }
  if (kind === 'complex') return goComplexError(text);
  // imaginary constants, then integers (0x1F, 0o17, 0b1, 017), then floats
  if (text.endsWith('i') && typeof parseGoFloat(text.slice(0, -1)) === 'number') return undefined;
  if (typeof parseGoUint(text) === 'bigint' || typeof parseGoInt(text) === 'bigint') return undefined;
  if (typeof parseGoFloat(text) !== 'number') return `illegal number syntax: ${JSON.stringify(text)}`;
  // a float that looks like an integer is one too large for 64 bits
  return /[.eEpP]/.test(text) ? undefined : `integer overflow: ${JSON.stringify(text)}`;
}

/** Unicode White_Space, which Go's `bytes.TrimSpace` trims (unlike JavaScript's `trim`, not U+FEFF). */
const GO_WHITE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Go's `IsEmptyTree` for a template body: only whitespace text (such a definition may be repeated). */
function isEmptyBody(tokens: readonly Token[]): boolean {
  return tokens.every((token) => token.kind === 'text' && GO_WHITE_SPACE.test(token.value));
}

class TemplateParser {
  private index = 0;
  private vars: string[];
  private rangeDepth = 0;
  /** Templates defined so far, with whether their body is empty (Go's treeSet). */
  private readonly defined = new Map<string, boolean>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly functions: ReadonlySet<string>,
    variables: readonly string[],
  ) {
    this.vars = ['$', ...variables];
  }

  parse(): void {
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'leftDelim') {
        const delimAt = this.index;
        this.next();
        const keyword = this.nextNonSpace();
        if (keyword.kind === 'keyword' && keyword.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.index = delimAt;
      }
      const ending = this.textOrAction();
      if (ending) this.fail(`unexpected {{${ending}}}`);
    }
  }

  private fail(message: string, token: Token = this.tokens[Math.max(0, this.index - 1)] as Token): never {
    throw new TemplateSyntaxError(message, token.line);
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.tokens[this.index] as Token;
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private nextNonSpace(): Token {
    let token = this.next();
    while (token.kind === 'space') token = this.next();
    return token;
  }

  private peekNonSpace(): Token {
    const at = this.index;
    const token = this.nextNonSpace();
    this.index = at;
    return token;
  }

  private describe(token: Token): string {
    if (token.kind === 'eof') return 'EOF';
    if (token.kind === 'rightDelim' || token.kind === 'leftDelim') return `"${token.value}"`;
    if (token.kind === 'keyword') return `<${token.value}>`;
    return JSON.stringify(token.value);
  }

  private unexpected(token: Token, context: string): never {
    this.fail(`unexpected ${this.describe(token)} in ${context}`, token);
  }

  private expect(kind: TokenKind, context: string): Token {
    const token = this.nextNonSpace();
    if (token.kind !== kind) this.unexpected(token, context);
    return token;
  }

  /** One text or action; returns `end`/`else` when the action is one of those. */
  private textOrAction(): Ending | undefined {
    const token = this.nextNonSpace();
    if (token.kind === 'text') return undefined;
    if (token.kind === 'leftDelim') return this.action();
    this.unexpected(token, 'input');
  }

  private action(): Ending | undefined {
    const token = this.nextNonSpace();
    if (token.kind === 'keyword') {
      switch (token.value) {
        case 'block':
          return this.blockControl();
        case 'break':
        case 'continue':
          return this.loopControl(token.value);
        case 'else':
          return this.elseControl();
        case 'end':
          this.expect('rightDelim', 'end');
          return 'end';
        case 'if':
        case 'range':
        case 'with':
          return this.control(token.value);
        case 'template':
          return this.templateControl();
        default:
          break;
      }
    }
    this.index--;
    this.pipeline('command', 'rightDelim');
    return undefined;
  }

  private loopControl(keyword: string): undefined {
    const token = this.nextNonSpace();
    if (token.kind !== 'rightDelim') this.unexpected(token, `{{${keyword}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${keyword}}} outside {{range}}`, token);
    return undefined;
  }

  private elseControl(): Ending {
    const peeked = this.peekNonSpace();
    // "else if" / "else with": the chained control is parsed by the enclosing one
    if (peeked.kind === 'keyword' && (peeked.value === 'if' || peeked.value === 'with')) return 'else';
    this.expect('rightDelim', 'else');
    return 'else';
  }

  /** Items up to the `{{end}}` or `{{else}}` that closes them. */
  private itemList(): Ending {
    while (this.peekNonSpace().kind !== 'eof') {
      const ending = this.textOrAction();
      if (ending) return ending;
    }
    this.fail('unexpected EOF', this.peek());
  }

  private control(context: 'if' | 'range' | 'with'): undefined {
    const scope = this.vars.length;
    this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    let ending = this.itemList();
    if (context === 'range') this.rangeDepth--;
    if (ending === 'else') {
      const chained = this.peekNonSpace();
      if (chained.kind === 'keyword' && chained.value === context && context !== 'range') {
        this.nextNonSpace();
        this.control(context);
        ending = 'end';
      } else {
        ending = this.itemList();
        if (ending !== 'end') this.fail(`expected end; found {{${ending}}}`);
      }
    }
    this.vars.length = scope;
    return undefined;
  }

  private templateName(context: string): string {
    const token = this.nextNonSpace();
    if (token.kind !== 'string' && token.kind !== 'rawString') this.unexpected(token, context);
    const name = unquoteGoString(token.value);
    if (name === undefined) this.fail(GO_SYNTAX_ERROR, token);
    return name;
  }

  private templateControl(): undefined {
    this.templateName('template clause');
    if (this.nextNonSpace().kind !== 'rightDelim') {
      this.index--;
      this.pipeline('template clause', 'rightDelim');
    }
    return undefined;
  }

  private blockControl(): undefined {
    const context = 'block clause';
    const name = this.templateName(context);
    this.pipeline(context, 'rightDelim');
    this.body(context, name);
    return undefined;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.templateName(context);
    this.expect('rightDelim', context);
    this.body(context, name);
  }

  /** A separate template body (define/block) sees only `$`; a name defined twice with non-empty bodies is refused. */
  private body(context: string, name: string): void {
    const outer = this.vars;
    const outerRange = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    const start = this.index;
    const ending = this.itemList();
    if (ending !== 'end') this.fail(`unexpected {{${ending}}} in ${context}`);
    // the body's tokens, without the closing {{end}}
    let close = this.index - 1;
    while (this.tokens[close]?.kind !== 'leftDelim') close--;
    const empty = isEmptyBody(this.tokens.slice(start, close));
    const earlierEmpty = this.defined.get(name);
    if (earlierEmpty === false && !empty) this.fail(`template: multiple definition of template ${JSON.stringify(name)}`);
    if (earlierEmpty !== false) this.defined.set(name, empty);
    this.vars = outer;
    this.rangeDepth = outerRange;
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): void {
    this.declarations(context);
    let commands = 0;
    for (;;) {
      const token = this.nextNonSpace();
      if (token.kind === end) {
        if (commands === 0) this.fail(`missing value for ${context}`, token);
        return;
      }
      if (!OPERAND_START.has(token.kind)) this.unexpected(token, context);
      this.index--;
      const first = this.command();
      commands++;
      if (commands > 1 && CONSTANTS.includes(first)) {
        this.fail(`non executable command in pipeline stage ${commands}`, token);
      }
    }
  }

  /** `$x :=`, `$x =`, and range's `$i, $e :=` in front of a pipeline. */
  private declarations(context: string): void {
    const start = this.index;
    const first = this.nextNonSpace();
    if (first.kind !== 'variable') {
      this.index = start;
      return;
    }
    const operator = this.nextNonSpace();
    if (operator.kind === 'declare' || operator.kind === 'assign') {
      this.vars.push(first.value);
      return;
    }
    if (operator.kind === 'comma') {
      if (context !== 'range') this.fail(`too many declarations in ${context}`, operator);
      const second = this.nextNonSpace();
      if (second.kind !== 'variable') this.fail('range can only initialize variables', second);
      const secondOperator = this.nextNonSpace();
      if (secondOperator.kind !== 'declare' && secondOperator.kind !== 'assign') this.fail(`too many declarations in ${context}`, secondOperator);
      this.vars.push(first.value, second.value);
      return;
    }
    this.index = start;
  }

  /** One command of a pipeline; returns the kind of its first operand. */
  private command(): TokenKind {
    let firstKind: TokenKind | undefined;
    for (;;) {
      while (this.peek().kind === 'space') this.next();
      const kind = this.operand();
      firstKind ??= kind;
      const token = this.next();
      if (token.kind === 'space') continue;
      if (token.kind === 'rightDelim' || token.kind === 'rightParen') this.index--;
      else if (token.kind !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (firstKind === undefined) this.fail('empty command');
    return firstKind;
  }

  /** A term and the field chain after it; `undefined` when the next token starts no term. */
  private operand(): TokenKind | undefined {
    const kind = this.term();
    if (kind === undefined) return undefined;
    if (this.peek().kind === 'field') {
      if (CONSTANTS.includes(kind)) {
        this.fail(`unexpected . after term ${JSON.stringify(this.tokens[this.index - 1]?.value ?? '')}`);
      }
      while (this.peek().kind === 'field') this.next();
    }
    return kind;
  }

  private term(): TokenKind | undefined {
    const token = this.nextNonSpace();
    switch (token.kind) {
      case 'identifier':
        if (!this.functions.has(token.value)) this.fail(`function "${token.value}" not defined`, token);
        return token.kind;
      case 'variable':
        if (!this.vars.includes(token.value)) this.fail(`undefined variable "${token.value}"`, token);
        return token.kind;
      case 'leftParen':
        this.pipeline('parenthesized pipeline', 'rightParen');
        return token.kind;
      case 'string':
      case 'rawString':
        if (unquoteGoString(token.value) === undefined) this.fail(GO_SYNTAX_ERROR, token);
        return token.kind;
      case 'char':
      case 'number':
      case 'complex': {
        const problem = goConstantError(token.kind, token.value);
        if (problem !== undefined) this.fail(problem, token);
        return token.kind;
      }
      case 'dot':
      case 'nil':
      case 'field':
      case 'bool':
        return token.kind;
      default:
        this.index--;
        return undefined;
    }
  }
}

/**
 * Parses `source` as Go's `template.New(..).Funcs(functions).Parse(source)` would, with
 * `variables` (such as `$value`) declared up front; throws a `TemplateSyntaxError` carrying
 * Go's wording for the first error.
 */
export function parseGoTemplate(source: string, functions: ReadonlySet<string>, variables: readonly string[] = []): void {
  new TemplateParser(lexTemplate(source), functions, variables).parse();
}
