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
 * The code unit `ch` written as a `\uXXXX` escape when it must not appear raw in generated source:
 * controls and every line terminator JavaScript recognizes (`\r`, U+2028 and U+2029 end a `//`
 * comment), lone surrogates (not writable as UTF-8), and bidi and zero-width characters (they make
 * code read differently from how it runs); `undefined` when `ch` is safe as it is.
 */
function sourceEscape(ch: string): string | undefined {
  const code = ch.codePointAt(0)!;
  const unsafe =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff;
  return unsafe ? `\\u${code.toString(16).padStart(4, '0')}` : undefined;
}

/**
 * Text from the input made inert for one line of a `//` comment: nothing in it can end the comment
 * (see `sourceEscape`), and `*\/` is broken so that it cannot end a block comment either.
 */
export function commentText(text: string): string {
  let out = '';
  for (const ch of text) out += sourceEscape(ch) ?? ch;
  return out.replaceAll('*/', '*\\/');
}

/** A TypeScript string literal: single-quoted, or double-quoted when that needs fewer escapes. */
export function quoteString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += sourceEscape(ch) ?? ch;
  }
  return out + quote;
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

/** The expression on one line. */
function inline(expr: CodeExpr): string {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'object' && expr.value !== null ? inline(jsonToExpr(expr.value)) : renderPrimitive(expr.value);
    case 'object':
      return expr.entries.length === 0 ? '{}' : `{ ${expr.entries.map(([k, v]) => `${renderKey(k)}: ${inline(v)}`).join(', ')} }`;
    case 'array':
      return `[${expr.items.map(inline).join(', ')}]`;
    case 'evaluation':
      return `Evaluation.${expr.method}(${inline(expr.options)})`;
    case 'secret':
      return `Secret.fromVariable(${expr.scope}, ${quoteString(expr.variable)})`;
    case 'ref':
      return expr.identifier;
    case 'new':
      return `new ${expr.className}(${expr.args.map(inline).join(', ')})${expr.calls.map((c) => `.${c.method}(${c.args.map(inline).join(', ')})`).join('')}`;
  }
}

/** The expression formatted at `indent`, broken over lines when it does not fit. */
export function renderExpr(expr: CodeExpr, indent = ''): string {
  const flat = inline(expr);
  if (indent.length + flat.length + 1 <= MAX_LINE && !flat.includes('\n')) return flat;
  const inner = indent + INDENT;
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'object' && expr.value !== null ? renderExpr(jsonToExpr(expr.value), indent) : flat;
    case 'object':
      return `{\n${expr.entries.map(([k, v]) => `${inner}${renderKey(k)}: ${renderExpr(v, inner)},\n`).join('')}${indent}}`;
    case 'array':
      return `[\n${expr.items.map((item) => `${inner}${renderExpr(item, inner)},\n`).join('')}${indent}]`;
    case 'evaluation':
      return `Evaluation.${expr.method}(${renderExpr(expr.options, indent)})`;
    case 'secret':
    case 'ref':
      return flat;
    case 'new': {
      const head = `new ${expr.className}(${expr.args.map((a) => renderExpr(a, inner)).join(', ')})`;
      return head + expr.calls.map((c) => `\n${inner}.${c.method}(${c.args.map((a) => renderExpr(a, inner)).join(', ')})`).join('');
    }
  }
}
