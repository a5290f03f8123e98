/**
 * A reader for route-policy expressions: the subset of expr-lang that SigNoz route policies use
 * (`service == "checkout" && severity in ["critical", "error"]`), evaluated over what can be known
 * about an alert's labels before it fires.
 *
 * Evaluation is three-valued: a label whose value only exists at run time (a group-by label, the
 * rule id) is `unknown`, and so is anything that depends on it. Precedence follows expr-lang:
 * `not`/`!` bind tighter than comparisons, then `and`/`&&`, then `or`/`||`. SigNoz skips a policy
 * whose evaluation fails (a type error), so a failure counts as "does not match".
 */

export const UNKNOWN: unique symbol = Symbol('unknown');
/** A value an expression can take: a label value, a literal, `null` for nil, or unknown. */
export type ExprValue = string | number | boolean | null | readonly ExprValue[] | LabelGroup | typeof UNKNOWN;

/** The value of a dotted prefix such as `threshold` when labels `threshold.name`... exist. */
export interface LabelGroup {
  readonly group: string;
}

/** What is known about one label: its value, `null` when absent, or `UNKNOWN`. */
export type LabelLookup = (name: string) => string | null | LabelGroup | typeof UNKNOWN;

type Node =
  | { type: 'literal'; value: ExprValue }
  | { type: 'label'; name: string }
  | { type: 'array'; items: Node[] }
  | { type: 'unary'; op: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

export class RouteExpressionSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'RouteExpressionSyntaxError';
  }
}

class EvaluationFailure extends Error {}

type Token = { kind: 'ident' | 'string' | 'number' | 'op'; text: string; value?: string | number; offset: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '(', ')', '[', ']', ',', '.', '!', '<', '>'];
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'in', 'matches', 'contains', 'startsWith', 'endsWith']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && c !== '`') {
          const e = source[j + 1];
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : (e ?? '');
          j += 2;
        } else value += source[j++];
      }
      if (j >= source.length) throw new RouteExpressionSyntaxError('unterminated string', i);
      tokens.push({ kind: 'string', text: source.slice(i, j + 1), value, offset: i });
      i = j + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), offset: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], offset: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) {
      throw new RouteExpressionSyntaxError(`"${source.slice(i, i + 2).trim()}" is not supported by the policy reader`, i);
    }
    tokens.push({ kind: 'op', text: op, offset: i });
    i += op.length;
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  parse(): Node {
    const node = this.or();
    const extra = this.peek();
    if (extra) throw new RouteExpressionSyntaxError(`unexpected "${extra.text}"`, extra.offset);
    return node;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && ((t.kind === 'op' && t.text === text) || (t.kind === 'ident' && t.text === text && WORD_OPERATORS.has(text)));
  }

  private expect(text: string): void {
    if (!this.isOp(text)) {
      const t = this.peek();
      throw new RouteExpressionSyntaxError(`expected "${text}"${t ? ` before "${t.text}"` : ' at the end'}`, t?.offset ?? this.source.length);
    }
    this.index++;
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp('||') || this.isOp('or')) {
      this.index++;
      left = { type: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.comparison();
    while (this.isOp('&&') || this.isOp('and')) {
      this.index++;
      left = { type: 'binary', op: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Node {
    let left = this.unary();
    for (;;) {
      let op: string | undefined;
      for (const candidate of ['==', '!=', '<=', '>=', '<', '>', 'in', 'matches', 'contains', 'startsWith', 'endsWith']) {
        if (this.isOp(candidate)) {
          op = candidate;
          this.index++;
          break;
        }
      }
      if (!op && this.isOp('not') && ['in', 'matches', 'contains', 'startsWith', 'endsWith'].some((o) => this.isOp(o, 1))) {
        op = `not ${this.peek(1)!.text}`;
        this.index += 2;
      }
      if (!op) return left;
      left = { type: 'binary', op, left, right: this.unary() };
    }
  }

  private unary(): Node {
    if (this.isOp('!') || this.isOp('not')) {
      this.index++;
      return { type: 'unary', op: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new RouteExpressionSyntaxError('expression ends too early', this.source.length);
    this.index++;
    if (t.kind === 'string' || t.kind === 'number') return { type: 'literal', value: t.value! };
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (t.kind === 'op' && t.text === '[') {
      const items: Node[] = [];
      if (!this.isOp(']')) {
        do items.push(this.or());
        while (this.isOp(',') && ++this.index);
      }
      this.expect(']');
      return { type: 'array', items };
    }
    if (t.kind === 'ident' && !WORD_OPERATORS.has(t.text)) {
      if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true' };
      if (t.text === 'nil') return { type: 'literal', value: null };
      if (this.isOp('(')) throw new RouteExpressionSyntaxError(`function calls (${t.text}(...)) are not supported by the policy reader`, t.offset);
      let name = t.text;
      for (;;) {
        if (this.isOp('.') && this.peek(1)?.kind === 'ident') {
          name += `.${this.peek(1)!.text}`;
          this.index += 2;
        } else if (this.isOp('[') && this.peek(1)?.kind === 'string' && this.isOp(']', 2)) {
          name += `.${String(this.peek(1)!.value)}`;
          this.index += 3;
        } else break;
      }
      return { type: 'label', name };
    }
    throw new RouteExpressionSyntaxError(`unexpected "${t.text}"`, t.offset);
  }
}

/** A parsed route-policy expression, ready to evaluate against many alerts. */
export class RouteExpression {
  static parse(source: string): RouteExpression {
    return new RouteExpression(source, new Parser(tokenize(source), source).parse());
  }

  private constructor(readonly source: string, private readonly root: Node) {}

  /** `true` when the policy matches, `false` when it cannot, `UNKNOWN` when it depends on run-time labels. */
  evaluate(lookup: LabelLookup): boolean | typeof UNKNOWN {
    try {
      const value = evaluateNode(this.root, lookup);
      if (value === UNKNOWN) return UNKNOWN;
      return value === true;
    } catch (err) {
      if (err instanceof EvaluationFailure) return false;
      throw err;
    }
  }
}

function isGroup(value: ExprValue): value is LabelGroup {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truth(value: ExprValue): boolean | typeof UNKNOWN {
  if (value === UNKNOWN || typeof value === 'boolean') return value;
  throw new EvaluationFailure('not a boolean');
}

function equal(a: ExprValue, b: ExprValue): boolean {
  if (Array.isArray(a) || Array.isArray(b) || isGroup(a) || isGroup(b)) return false;
  return a === b;
}

function text(value: ExprValue): string {
  if (typeof value === 'string') return value;
  throw new EvaluationFailure('not a string');
}

function compareOrdered(op: string, a: ExprValue, b: ExprValue): boolean {
  const bothNumbers = typeof a === 'number' && typeof b === 'number';
  const bothStrings = typeof a === 'string' && typeof b === 'string';
  if (!bothNumbers && !bothStrings) throw new EvaluationFailure('not comparable');
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function applyBinary(op: string, a: ExprValue, b: ExprValue): ExprValue {
  const negated = op.startsWith('not ');
  const base = negated ? op.slice(4) : op;
  let result: boolean;
  switch (base) {
    case '==': result = equal(a, b); break;
    case '!=': result = !equal(a, b); break;
    case '<': case '>': case '<=': case '>=': result = compareOrdered(base, a, b); break;
    case 'in':
      if (!Array.isArray(b)) throw new EvaluationFailure('in needs an array');
      if ((b as readonly ExprValue[]).includes(UNKNOWN)) return (b as readonly ExprValue[]).some((item) => equal(a, item)) ? !negated : UNKNOWN;
      result = (b as readonly ExprValue[]).some((item) => equal(a, item));
      break;
    case 'contains': result = text(a).includes(text(b)); break;
    case 'startsWith': result = text(a).startsWith(text(b)); break;
    case 'endsWith': result = text(a).endsWith(text(b)); break;
    case 'matches':
      try {
        result = new RegExp(text(b)).test(text(a));
      } catch (err) {
        if (err instanceof EvaluationFailure) throw err;
        throw new EvaluationFailure('bad pattern');
      }
      break;
    default: throw new EvaluationFailure(`operator ${op}`);
  }
  return negated ? !result : result;
}

function evaluateNode(node: Node, lookup: LabelLookup): ExprValue {
  switch (node.type) {
    case 'literal': return node.value;
    case 'label': {
      const value = lookup(node.name);
      return value;
    }
    case 'array': return node.items.map((item) => evaluateNode(item, lookup));
    case 'unary': {
      const value = truth(evaluateNode(node.operand, lookup));
      return value === UNKNOWN ? UNKNOWN : !value;
    }
    case 'binary': {
      if (node.op === 'and' || node.op === 'or') {
        const stopAt = node.op === 'or';
        const left = truth(evaluateNode(node.left, lookup));
        if (left === stopAt) return stopAt;
        const right = truth(evaluateNode(node.right, lookup));
        if (right === stopAt) return stopAt;
        return left === UNKNOWN || right === UNKNOWN ? UNKNOWN : !stopAt;
      }
      const left = evaluateNode(node.left, lookup);
      const right = evaluateNode(node.right, lookup);
      if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
      return applyBinary(node.op, left, right);
    }
  }
}
