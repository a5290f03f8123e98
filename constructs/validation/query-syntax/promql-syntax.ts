/**
 * PromQL checked with the Prometheus project's own grammar (`@prometheus-io/lezer-promql`, the
 * version SigNoz's Prometheus dependency ships), plus what the grammar leaves to Prometheus's Go
 * parser and to SigNoz's engine: range vectors where instant vectors belong (and the reverse), and
 * the `@` modifier and negative offsets, which SigNoz's engine is built without. String escapes
 * are read as Prometheus's lexer reads them, and regexes (matchers `=~`, `!~`, `label_replace`)
 * are checked with RE2, the engine Prometheus compiles them with.
 */
import type { parser as PromqlParser } from '@prometheus-io/lezer-promql' with { 'resolution-mode': 'import' };
import { regexProblem, re2Matches } from '../../routing/re2-pattern';
import { unquoteGoChar } from '../../util/go-strconv';
import { unbalancedDelimiter, type DelimiterDialect } from './balanced-delimiters';
import { quoteAt, type SyntaxProblem } from './syntax-problem';

let loadedParser: typeof PromqlParser | undefined;

/** The grammar, loaded on first use: a command that meets no PromQL does not pay for loading it. */
function promqlParser(): typeof PromqlParser {
  // The package is an ES module with a CommonJS build; this project compiles to CommonJS, so it loads the latter.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedParser ??= (require('@prometheus-io/lezer-promql') as { parser: typeof PromqlParser }).parser;
  return loadedParser;
}

type SyntaxNode = ReturnType<typeof PromqlParser.parse>['topNode'];

const PROMQL_DELIMITERS: DelimiterDialect = { quotes: '"\'`', backslashEscapes: '"\'', doubledQuoteEscapes: false, lineComments: ['#'], blockComments: false };

/** Functions taking a range vector, and which argument it is (Prometheus's function table). */
const RANGE_ARGUMENT: Readonly<Record<string, number>> = {
  absent_over_time: 0,
  avg_over_time: 0,
  changes: 0,
  count_over_time: 0,
  delta: 0,
  deriv: 0,
  double_exponential_smoothing: 0,
  first_over_time: 0,
  idelta: 0,
  increase: 0,
  irate: 0,
  last_over_time: 0,
  mad_over_time: 0,
  max_over_time: 0,
  min_over_time: 0,
  predict_linear: 0,
  present_over_time: 0,
  quantile_over_time: 1,
  rate: 0,
  resets: 0,
  stddev_over_time: 0,
  stdvar_over_time: 0,
  sum_over_time: 0,
  ts_of_first_over_time: 0,
  ts_of_last_over_time: 0,
  ts_of_max_over_time: 0,
  ts_of_min_over_time: 0,
};

/** Wrappers that keep the type of what they wrap. */
const TRANSPARENT = new Set(['ParenExpr', 'OffsetExpr', 'StepInvariantExpr']);

function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (TRANSPARENT.has(current.name) && current.firstChild) current = current.firstChild;
  return current;
}

function isRangeVector(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  return inner.name === 'MatrixSelector' || inner.name === 'SubqueryExpr';
}

/** The argument nodes of a FunctionCallBody (comments and punctuation are not nodes). */
function argumentsOf(body: SyntaxNode): SyntaxNode[] {
  const args: SyntaxNode[] = [];
  for (let child = body.firstChild; child; child = child.nextSibling) if (child.name !== 'LineComment') args.push(child);
  return args;
}

function functionName(call: SyntaxNode, query: string): string | undefined {
  const identifier = call.getChild('FunctionIdentifier');
  return identifier ? query.slice(identifier.from, identifier.to) : undefined;
}

/** The expression a range vector feeds into, skipping the wrappers that keep its type. */
function consumerOf(node: SyntaxNode): SyntaxNode | null {
  let current = node;
  while (current.parent && TRANSPARENT.has(current.parent.name)) current = current.parent;
  return current.parent;
}

function rangeVectorMisuse(node: SyntaxNode, query: string): SyntaxProblem | undefined {
  let outer = node;
  while (outer.parent && TRANSPARENT.has(outer.parent.name)) outer = outer.parent;
  const body = consumerOf(node);
  const text = JSON.stringify(query.slice(node.from, node.to));
  if (body?.name === 'PromQL') {
    return {
      offset: node.from,
      message: `the query is a range vector (${text}); an alert query must give an instant vector or a scalar, e.g. wrap it in rate() or max_over_time()`,
    };
  }
  if (body?.name === 'FunctionCallBody' && body.parent?.name === 'FunctionCall') {
    const name = functionName(body.parent, query) ?? '';
    const index = argumentsOf(body).findIndex((arg) => arg.from === outer.from && arg.to === outer.to);
    if (RANGE_ARGUMENT[name] === index) return undefined;
    return { offset: node.from, message: `function "${name}" expects an instant vector or scalar here, got the range vector ${text}` };
  }
  const where = body?.name === 'FunctionCallBody' ? 'an aggregation' : body?.name === 'BinaryExpr' ? 'a binary expression' : 'this position';
  return { offset: node.from, message: `a range vector (${text}) cannot be used in ${where}; apply a function such as rate() or avg_over_time() first` };
}

function missingRangeVector(call: SyntaxNode, query: string): SyntaxProblem | undefined {
  const name = functionName(call, query);
  const index = name === undefined ? undefined : RANGE_ARGUMENT[name];
  const body = call.getChild('FunctionCallBody');
  if (index === undefined || !body) return undefined;
  const arg = argumentsOf(body)[index];
  if (arg === undefined || isRangeVector(arg)) return undefined;
  const text = JSON.stringify(query.slice(arg.from, arg.to));
  return { offset: arg.from, message: `function "${name}" expects a range vector such as x[5m], got ${text}; add a range selector` };
}

/**
 * The value of a PromQL string literal as Prometheus's lexer and `strutil.Unquote` read it: Go's
 * escapes in `"..."` and `'...'` (each quote escaping only itself), raw text in backticks; or
 * `undefined` for an escape Prometheus refuses.
 */
function unquotePromqlString(literal: string): string | undefined {
  const quote = literal[0]!;
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  let rest = body;
  let out = '';
  while (rest !== '') {
    const next = unquoteGoChar(rest, quote);
    if (next === undefined) return undefined;
    out += String.fromCodePoint(next.value);
    rest = next.tail;
  }
  return out;
}

/** The string literal a label matcher compares with (the last one: a quoted label name comes first). */
function matcherValue(matcher: SyntaxNode): SyntaxNode | null {
  return matcher.getChildren('StringLiteral').at(-1) ?? null;
}

/** Prometheus anchors a matcher's regex and lets `.` match newlines (`labels.NewFastRegexMatcher`). */
const anchored = (pattern: string): string => `^(?s:${pattern})$`;

/** Whether a label matcher also matches a missing label (`a=""`, `a=~".*"`, `a!="x"`): it cannot select series by itself. */
function matchesEmpty(matcher: SyntaxNode, query: string): boolean {
  if (matcher.name === 'QuotedLabelName') return false; // {"metric.name"} names the metric
  const op = matcher.getChild('MatchOp')?.firstChild?.name;
  const literal = matcherValue(matcher);
  const value = literal ? (unquotePromqlString(query.slice(literal.from, literal.to)) ?? '') : '';
  if (op === 'EqlSingle') return value === '';
  if (op === 'Neq') return value !== '';
  if (regexProblem(value) !== undefined) return false; // reported by matcherProblem
  const matches = re2Matches(anchored(value), '');
  return op === 'EqlRegex' ? matches : !matches;
}

/** Whether a string literal holds a regex Prometheus compiles with Go's regexp: a `=~`/`!~` matcher's value, `label_replace`'s fifth argument. */
function holdsRegex(literal: SyntaxNode, query: string): boolean {
  const parent = literal.parent;
  if (parent?.name === 'UnquotedLabelMatcher' || parent?.name === 'QuotedLabelMatcher') {
    const op = parent.getChild('MatchOp')?.firstChild?.name;
    return (op === 'EqlRegex' || op === 'NeqRegex') && matcherValue(parent)?.from === literal.from;
  }
  if (parent?.name === 'FunctionCallBody' && parent.parent?.name === 'FunctionCall' && functionName(parent.parent, query) === 'label_replace') {
    return argumentsOf(parent).findIndex((arg) => arg.from === literal.from) === 4;
  }
  return false;
}

/**
 * A string Prometheus refuses: an escape its lexer does not know (`"\d"` must be written
 * `"\\d"`), or a regex (matcher `=~` / `!~`, `label_replace`) Go's `regexp` (RE2) does not compile.
 */
function stringProblem(literal: SyntaxNode, query: string): SyntaxProblem | undefined {
  const text = query.slice(literal.from, literal.to);
  const value = unquotePromqlString(text);
  if (value === undefined) {
    return {
      offset: literal.from,
      message: `invalid escape in the string ${text}; PromQL strings take Go's escapes (\\\\, \\", \\n, \\t, \\x41, \\u00e9), so write each regex backslash twice ("\\\\d") or quote the regex with backticks`,
    };
  }
  const problem = holdsRegex(literal, query) ? regexProblem(value) : undefined;
  return problem === undefined ? undefined : { offset: literal.from, message: `invalid regular expression ${text} (Prometheus compiles it with Go's regexp, RE2): ${problem}` };
}

function emptySelector(node: SyntaxNode, query: string): SyntaxProblem | undefined {
  if (node.getChild('Identifier')) return undefined;
  const matchers = node.getChild('LabelMatchers');
  const all: SyntaxNode[] = [];
  for (let child = matchers?.firstChild ?? null; child; child = child.nextSibling) all.push(child);
  if (all.some((matcher) => !matchesEmpty(matcher, query))) return undefined;
  return { offset: node.from, message: 'a vector selector needs a metric name or at least one label matcher that does not match the empty string' };
}

/** `@` and negative offsets: valid PromQL, but SigNoz's engine refuses them at every evaluation. */
function disabledFeature(node: SyntaxNode, query: string): SyntaxProblem | undefined {
  if (node.name === 'At') {
    return {
      offset: node.from,
      message: 'the @ modifier is disabled in SigNoz\'s PromQL engine ("@ modifier is disabled"), so the rule would fail at every evaluation; remove it',
    };
  }
  if (node.name === 'Offset' && node.nextSibling && query.slice(node.nextSibling.from, node.nextSibling.to).trimStart().startsWith('-')) {
    return {
      offset: node.nextSibling.from,
      message: 'negative offsets are disabled in SigNoz\'s PromQL engine ("negative offset is disabled"), so the rule would fail at every evaluation',
    };
  }
  return undefined;
}

function grammarError(node: SyntaxNode, query: string): SyntaxProblem {
  const before = query.slice(0, node.from);
  const unknownFunction = /([a-zA-Z_][a-zA-Z0-9_]*)\s*$/.exec(before);
  if (query[node.from] === '(' && unknownFunction && node.prevSibling?.name !== 'FunctionIdentifier') {
    return { offset: unknownFunction.index, message: `unknown function "${unknownFunction[1]}"` };
  }
  if (/\$\w|\{\{/.test(query)) {
    return {
      offset: node.from,
      message: `unexpected ${quoteAt(query, node.from)}; SigNoz runs alert PromQL exactly as written and does not substitute variables ($var, {{.var}})`,
    };
  }
  return { offset: node.from, message: `unexpected ${quoteAt(query, node.from)}` };
}

/** The first problem of a PromQL alert query, or `undefined` when Prometheus and SigNoz both accept it. */
export function promqlSyntaxProblem(query: string): SyntaxProblem | undefined {
  const delimiter = unbalancedDelimiter(query, PROMQL_DELIMITERS);
  if (delimiter) return delimiter;
  const tree = promqlParser().parse(query);
  let problem: SyntaxProblem | undefined;
  tree.cursor().iterate((ref) => {
    if (problem) return false;
    const node = ref.node;
    if (node.type.isError) problem = grammarError(node, query);
    return undefined;
  });
  if (problem) return problem;
  tree.cursor().iterate((ref) => {
    if (problem) return false;
    const node = ref.node;
    if (node.name === 'MatrixSelector' || node.name === 'SubqueryExpr') problem = rangeVectorMisuse(node, query);
    else if (node.name === 'FunctionCall') problem = missingRangeVector(node, query);
    else if (node.name === 'VectorSelector') problem = emptySelector(node, query);
    else if (node.name === 'StringLiteral') problem = stringProblem(node, query);
    else problem = disabledFeature(node, query);
    return undefined;
  });
  return problem;
}
