/**
 * A tiny expression tree for the code `signoz-alerts import` writes: JSON literals, objects,
 * arrays, builder chains (`new MetricsQuery('A', 'x').spaceAggregation('max')`) and calls of
 * `Evaluation`. The same tree is both rendered as TypeScript and evaluated against the real
 * library, so the importer checks what the rendered code will build before it writes it.
 */
import { Evaluation } from '../constructs/alerts/evaluation';
import { ClickHouseQuery, Formula, LogsQuery, MetricsQuery, PromQLQuery, TraceOperatorQuery, TracesQuery } from '../constructs/alerts/queries';

export type BuilderClass = 'MetricsQuery' | 'LogsQuery' | 'TracesQuery' | 'Formula' | 'PromQLQuery' | 'ClickHouseQuery' | 'TraceOperatorQuery';

export type CodeExpr =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, CodeExpr])[] }
  | { readonly kind: 'array'; readonly items: readonly CodeExpr[] }
  | {
      readonly kind: 'new';
      readonly className: BuilderClass;
      readonly args: readonly CodeExpr[];
      readonly calls: readonly { readonly method: string; readonly args: readonly CodeExpr[] }[];
    }
  | { readonly kind: 'evaluation'; readonly method: 'rolling' | 'cumulative'; readonly options: CodeExpr }
  /** `Secret.fromVariable(<scope>, '<variable>')`: the value stays out of the code. */
  | { readonly kind: 'secret'; readonly scope: string; readonly variable: string }
  /** A variable of the generated code, by its (generated, valid) identifier. */
  | { readonly kind: 'ref'; readonly identifier: string };

export const literal = (value: unknown): CodeExpr => ({ kind: 'literal', value });
export const object = (entries: readonly (readonly [string, CodeExpr])[]): CodeExpr => ({ kind: 'object', entries });
export const array = (items: readonly CodeExpr[]): CodeExpr => ({ kind: 'array', items });
export const secret = (scope: string, variable: string): CodeExpr => ({ kind: 'secret', scope, variable });
export const ref = (identifier: string): CodeExpr => ({ kind: 'ref', identifier });

const BUILDERS: Readonly<Record<BuilderClass, new (...args: never[]) => object>> = {
  MetricsQuery,
  LogsQuery,
  TracesQuery,
  Formula,
  PromQLQuery,
  ClickHouseQuery,
  TraceOperatorQuery,
};

/**
 * The value the expression evaluates to, built with the real library classes; `secret` gives the
 * value of a `secret` node (there is none without it).
 */
export function evaluateExpr(expr: CodeExpr, secret?: (variable: string) => unknown): unknown {
  const evaluate = (e: CodeExpr): unknown => evaluateExpr(e, secret);
  switch (expr.kind) {
    case 'literal':
      return structuredClone(expr.value);
    case 'object':
      return Object.fromEntries(expr.entries.map(([key, value]) => [key, evaluate(value)]));
    case 'array':
      return expr.items.map(evaluate);
    case 'secret':
      if (!secret) throw new Error(`no value for the secret ${expr.variable}`);
      return secret(expr.variable);
    case 'ref':
      throw new Error(`${expr.identifier} has no value outside the generated code`);
    case 'evaluation':
      return (Evaluation[expr.method] as (options: unknown) => unknown)(evaluate(expr.options));
    case 'new': {
      const Builder = BUILDERS[expr.className] as unknown as new (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>;
      let built = new Builder(...expr.args.map(evaluate));
      for (const call of expr.calls) built = built[call.method]!(...call.args.map(evaluate)) as typeof built;
      return built;
    }
  }
}

/** The builder classes an expression uses, for the import line. */
export function classesIn(expr: CodeExpr, found = new Set<string>()): Set<string> {
  if (expr.kind === 'new') {
    found.add(expr.className);
    for (const arg of [...expr.args, ...expr.calls.flatMap((c) => c.args)]) classesIn(arg, found);
  } else if (expr.kind === 'object') {
    for (const [, value] of expr.entries) classesIn(value, found);
  } else if (expr.kind === 'array') {
    for (const item of expr.items) classesIn(item, found);
  } else if (expr.kind === 'evaluation') {
    found.add('Evaluation');
    classesIn(expr.options, found);
  } else if (expr.kind === 'secret') {
    found.add('Secret');
  }
  return found;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_LINE = 110;
const INDENT = '  ';

/**
 * The characters that must not appear raw in generated source: controls and every line terminator
 * JavaScript recognizes (`\r`, U+2028 and U+2029 end a `//` comment), lone surrogates (not
 * writable as UTF-8; with the `u` flag a paired surrogate is one code point and does not match),
 * and bidi and zero-width characters (they make code read differently from how it runs).
 */
const UNSAFE = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff';
const UNSAFE_CHARS = new RegExp(`[${UNSAFE}]`, 'gu');
/** What `quoteString` escapes, per quote character: the quote, backslash and the unsafe characters. */
const TO_ESCAPE = { "'": new RegExp(`['\\\\${UNSAFE}]`, 'gu'), '"': new RegExp(`["\\\\${UNSAFE}]`, 'gu') } as const;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes made so far, per character: a long text with many of them makes each once. */
const unicodeEscapes = new Map<string, string>();
/** A code unit as `\\uXXXX`. */
function unicodeEscape(ch: string): string {
  let escaped = unicodeEscapes.get(ch);
  if (escaped === undefined) {
    escaped = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    unicodeEscapes.set(ch, escaped);
  }
  return escaped;
}
const literalEscape = (ch: string): string => SHORT_ESCAPES[ch] ?? unicodeEscape(ch);

/**
 * Text from the input made inert for one line of a `//` comment: nothing in it can end the comment
 * (see `UNSAFE`), and `*\/` is broken so that it cannot end a block comment either.
 * One regular-expression pass: linear in the text, however long.
 */
export function commentText(text: string): string {
  return text.replace(UNSAFE_CHARS, unicodeEscape).replaceAll('*/', '*\\/');
}

/** A TypeScript string literal: single-quoted, or double-quoted when that needs fewer escapes. */
export function quoteString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + text.replace(TO_ESCAPE[quote], literalEscape) + quote;
}

function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quoteString(key);
}

function jsonToExpr(value: unknown): CodeExpr {
  if (Array.isArray(value)) return array(value.map(jsonToExpr));
  if (typeof value === 'object' && value !== null) return object(Object.entries(value).map(([k, v]) => [k, jsonToExpr(v)] as const));
  return literal(value);
}

function renderPrimitive(value: unknown): string {
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return JSON.stringify(value) ?? 'undefined';
}

/** One line being written, given up on as soon as it is longer than `budget`. */
class Line {
  text = '';
  constructor(private readonly budget: number) {}
  /** Whether `length` more characters would still fit. */
  fits(length: number): boolean {
    return this.text.length + length <= this.budget;
  }
  add(text: string): boolean {
    if (!this.fits(text.length)) return false;
    this.text += text;
    return true;
  }
}

/** A string literal written into `line`; a string too long to fit is never quoted (quoting is at least as long as the text plus the quotes). */
function addString(line: Line, text: string): boolean {
  return line.fits(text.length + 2) && line.add(quoteString(text));
}

function addKey(line: Line, key: string): boolean {
  return IDENTIFIER.test(key) ? line.add(key) : addString(line, key);
}

function addList(line: Line, items: readonly CodeExpr[]): boolean {
  return items.every((item, i) => (i === 0 || line.add(', ')) && addInline(line, item));
}

/**
 * The expression on one line, written into `line`; false as soon as it does not fit. Bounded by the
 * line, not by the expression: a huge value nested deep is never rendered whole at every level.
 */
function addInline(line: Line, expr: CodeExpr): boolean {
  switch (expr.kind) {
    case 'literal':
      if (typeof expr.value === 'object' && expr.value !== null) return addInline(line, jsonToExpr(expr.value));
      return typeof expr.value === 'string' ? addString(line, expr.value) : line.add(renderPrimitive(expr.value));
    case 'object':
      if (expr.entries.length === 0) return line.add('{}');
      return line.add('{ ') && expr.entries.every(([k, v], i) => (i === 0 || line.add(', ')) && addKey(line, k) && line.add(': ') && addInline(line, v)) && line.add(' }');
    case 'array':
      return line.add('[') && addList(line, expr.items) && line.add(']');
    case 'evaluation':
      return line.add(`Evaluation.${expr.method}(`) && addInline(line, expr.options) && line.add(')');
    case 'secret':
      return line.add(`Secret.fromVariable(${expr.scope}, `) && addString(line, expr.variable) && line.add(')');
    case 'ref':
      return line.add(expr.identifier);
    case 'new':
      return (
        line.add(`new ${expr.className}(`) &&
        addList(line, expr.args) &&
        line.add(')') &&
        expr.calls.every((c) => line.add(`.${c.method}(`) && addList(line, c.args) && line.add(')'))
      );
  }
}

/** The expression formatted at `indent`, broken over lines when it does not fit. */
export function renderExpr(expr: CodeExpr, indent = ''): string {
  const line = new Line(MAX_LINE - 1 - indent.length);
  if (addInline(line, expr)) return line.text;
  const inner = indent + INDENT;
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'object' && expr.value !== null ? renderExpr(jsonToExpr(expr.value), indent) : renderPrimitive(expr.value);
    case 'object':
      return `{\n${expr.entries.map(([k, v]) => `${inner}${renderKey(k)}: ${renderExpr(v, inner)},\n`).join('')}${indent}}`;
    case 'array':
      return `[\n${expr.items.map((item) => `${inner}${renderExpr(item, inner)},\n`).join('')}${indent}]`;
    case 'evaluation':
      return `Evaluation.${expr.method}(${renderExpr(expr.options, indent)})`;
    case 'secret':
      return `Secret.fromVariable(${expr.scope}, ${quoteString(expr.variable)})`;
    case 'ref':
      return expr.identifier;
    case 'new': {
      const head = `new ${expr.className}(${expr.args.map((a) => renderExpr(a, inner)).join(', ')})`;
      return head + expr.calls.map((c) => `\n${inner}.${c.method}(${c.args.map((a) => renderExpr(a, inner)).join(', ')})`).join('');
    }
  }
}
