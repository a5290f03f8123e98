/**
 * Arithmetic formula expressions as SigNoz evaluates them (govaluate with
 * `querybuildertypesv5.EvalFuncs`): numbers, query references (`A`, `B`, `A.0`, `A.alias`),
 * `+ - * / % **`, unary minus, parentheses and the math functions SigNoz registers. Values are
 * IEEE floats: division by zero gives an infinity or NaN, which the formula then drops.
 */

import { FORMULA_FUNCTIONS, isFormulaFunction, type FormulaFunction } from './formula-functions';
import { ToolkitError } from './toolkit-error';

export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: FormulaNode }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '%' | '**'; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly FormulaNode[] };

export class FormulaSyntaxError extends ToolkitError {
  constructor(
    /** What is wrong, with the column: `unexpected "x" at column 3`. */
    readonly reason: string,
  ) {
    super('formula expression', {}, [{ path: '', message: reason }]);
  }
}

const DEG = 180 / Math.PI;
/** Functions of SigNoz formulas that this evaluator computes exactly as Go's `math` package does. */
const FUNCTIONS: Readonly<Partial<Record<FormulaFunction, (x: number, nowSeconds: number) => number>>> = {
  abs: Math.abs,
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
  exp2: (x) => 2 ** x,
  log2: Math.log2,
  exp10: (x) => 10 ** Math.trunc(x),
  log10: Math.log10,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  degrees: (x) => x * DEG,
  radians: (x) => x / DEG,
  now: (_x, nowSeconds) => nowSeconds,
};
/** SigNoz allows these too (erf, erfc, lgamma, tgamma); JavaScript has no exact equivalent, so they are refused rather than approximated. */
const UNREPRODUCED_FUNCTIONS: readonly FormulaFunction[] = FORMULA_FUNCTIONS.filter((f) => FUNCTIONS[f] === undefined);

type Token = { kind: 'number'; value: number; at: number } | { kind: 'name'; value: string; at: number } | { kind: 'op'; value: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (ch === '[') {
      // govaluate's escaped parameter: [B.count] names a query as B.count does
      const close = text.indexOf(']', i + 1);
      if (close < 0) throw new FormulaSyntaxError(`unclosed parameter bracket at column ${i + 1}`);
      tokens.push({ kind: 'name', value: text.slice(i + 1, close).trim(), at: i });
      i = close + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = /^(\*\*|[-+*/%(),])/.exec(text.slice(i));
    if (op) {
      tokens.push({ kind: 'op', value: op[0], at: i });
      i += op[0].length;
      continue;
    }
    const other = /^(==|!=|>=|<=|&&|\|\||[<>?:!~&|^])/.exec(text.slice(i));
    if (other) {
      throw new FormulaSyntaxError(
        `operator "${other[0]}" at column ${i + 1} is not supported: SigNoz drops every non-numeric formula result, so only arithmetic (+ - * / % **) makes a series`,
      );
    }
    throw new FormulaSyntaxError(`unexpected character "${ch}" at column ${i + 1}`);
  }
  return tokens;
}

/** Parses a formula expression; throws `FormulaSyntaxError` naming the column of the mistake. */
export function parseFormula(text: string): FormulaNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()!.value === value;
  const where = (): string => (peek() ? `column ${peek()!.at + 1}` : 'the end');

  const binaryLevel =
    (ops: readonly string[], next: () => FormulaNode): (() => FormulaNode) =>
    () => {
      let left = next();
      while (ops.some(isOp)) {
        const op = tokens[pos++]!.value as '+' | '-' | '*' | '/' | '%' | '**';
        left = { kind: 'binary', op, left, right: next() };
      }
      return left;
    };

  const primary = (): FormulaNode => {
    const token = peek();
    if (!token) throw new FormulaSyntaxError('expression ends where a value was expected');
    if (token.kind === 'number') {
      pos++;
      return { kind: 'number', value: token.value };
    }
    if (token.kind === 'name') {
      pos++;
      if (!isOp('(')) return { kind: 'variable', name: token.value };
      pos++;
      if (!isFormulaFunction(token.value)) {
        throw new FormulaSyntaxError(`unknown function ${token.value}() at column ${token.at + 1}; SigNoz formulas allow ${[...FORMULA_FUNCTIONS].sort().join(', ')}`);
      }
      const args: FormulaNode[] = [];
      if (!isOp(')')) {
        args.push(additive());
        while (isOp(',')) {
          pos++;
          args.push(additive());
        }
      }
      if (!isOp(')')) throw new FormulaSyntaxError(`expected ")" at ${where()}`);
      pos++;
      if (args.length === 0 && token.value !== 'now') throw new FormulaSyntaxError(`function ${token.value}() needs an argument`);
      return { kind: 'call', fn: token.value, args };
    }
    if (token.value === '(') {
      pos++;
      const inner = additive();
      if (!isOp(')')) throw new FormulaSyntaxError(`expected ")" at ${where()}`);
      pos++;
      return inner;
    }
    if (token.value === '-') {
      pos++;
      return { kind: 'negate', operand: primary() };
    }
    throw new FormulaSyntaxError(`unexpected "${token.value}" at column ${token.at + 1}`);
  };
  // govaluate's precedence: additive < multiplicative < exponent < prefix; all left-associative
  const exponent = binaryLevel(['**'], primary);
  const multiplicative = binaryLevel(['*', '/', '%'], exponent);
  const additive = binaryLevel(['+', '-'], multiplicative);

  if (tokens.length === 0) throw new FormulaSyntaxError('formula expression is empty');
  const tree = additive();
  if (pos < tokens.length) throw new FormulaSyntaxError(`unexpected "${String(tokens[pos]!.value)}" at column ${tokens[pos]!.at + 1}`);
  return tree;
}

/** Why the evaluator cannot compute `node` exactly (a function with no exact JavaScript equivalent), or undefined. */
export function unreproducedFunction(node: FormulaNode): string | undefined {
  if (node.kind === 'call' && UNREPRODUCED_FUNCTIONS.includes(node.fn as FormulaFunction)) {
    return `function ${node.fn}() is not reproduced by the evaluator (no exact JavaScript equivalent of Go's math.${node.fn})`;
  }
  const children = node.kind === 'negate' ? [node.operand] : node.kind === 'binary' ? [node.left, node.right] : node.kind === 'call' ? node.args : [];
  for (const child of children) {
    const found = unreproducedFunction(child);
    if (found) return found;
  }
  return undefined;
}

/** Query references of a formula, in order of first use (govaluate's `Vars()`). */
export function formulaVariables(node: FormulaNode): string[] {
  const seen: string[] = [];
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'variable' && !seen.includes(n.name)) seen.push(n.name);
    if (n.kind === 'negate') walk(n.operand);
    if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
    if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(node);
  return seen;
}

/** The formula's value for one timestamp; every variable must be bound. */
export function evaluateFormulaNode(node: FormulaNode, values: Readonly<Record<string, number>>, nowSeconds: number): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable':
      return values[node.name] ?? Number.NaN;
    case 'negate':
      return -evaluateFormulaNode(node.operand, values, nowSeconds);
    case 'call':
      return FUNCTIONS[node.fn as FormulaFunction]!(node.args.length > 0 ? evaluateFormulaNode(node.args[0]!, values, nowSeconds) : 0, nowSeconds);
    case 'binary': {
      const l = evaluateFormulaNode(node.left, values, nowSeconds);
      const r = evaluateFormulaNode(node.right, values, nowSeconds);
      switch (node.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
        case '%':
          return l % r;
        case '**':
          return l ** r;
      }
    }
  }
}
