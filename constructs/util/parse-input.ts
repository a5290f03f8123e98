/**
 * Parsing the text of a user's file, the one way every reader does it: a byte order mark is
 * accepted and dropped, a syntax error is told by line and column and never quotes the input (the
 * text next to an error may be a secret), and nesting is bounded so no later step can overflow the
 * stack on a hostile document.
 */
import type { Document, YAMLError } from 'yaml';

/**
 * The deepest nesting of arrays and objects any input document may have (a Terraform plan is
 * about 20 levels deep). Every reader refuses a deeper document before any work.
 */
export const MAX_NESTING_DEPTH = 512;

/** The deepest nesting one alert rule may have (a real rule is about 12 levels deep); `decodeRule` refuses a deeper rule, so the other rules of a file are still read. */
export const MAX_RULE_NESTING_DEPTH = 200;

/** `text` without a leading byte order mark (U+FEFF), which some editors on Windows write. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "line 3, column 7" for a character offset of `text`. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${end - lineStart + 1}`;
}

/**
 * Where `value` is nested deeper than `limit` levels: the JSON Pointer of the first array or object
 * past the limit (its first segments only), or undefined. Iterative, so it cannot overflow itself.
 */
export function nestingTooDeep(value: unknown, limit: number = MAX_NESTING_DEPTH): string | undefined {
  // Most input is shallow: a walk that builds no pointers says so; only deep input pays for the pointer.
  if (!deeperThan(value, limit)) return undefined;
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return next.path === '' ? '/' : next.path.split('/').length > 7 ? `${next.path.split('/').slice(0, 7).join('/')}/…` : next.path;
    const entries = Array.isArray(next.value) ? next.value.map((v, i) => [String(i), v] as const) : Object.entries(next.value);
    // only the first segments are kept: a pointer of thousands of segments is no help to a reader
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth, path: depth <= 7 ? `${next.path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` : next.path });
    }
  }
  return undefined;
}

/**
 * Whether `value` holds arrays or objects nested more than `limit` levels deep (allocates no
 * pointers). Recursive, but never deeper than `limit` + 1 calls: it stops at the first value past it.
 */
function deeperThan(value: unknown, limit: number): boolean {
  return typeof value === 'object' && value !== null && nestsPast(value, 1, limit);
}

/** Whether `node`, an array or object at `depth`, is or holds one past `limit`. */
function nestsPast(node: object, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child === 'object' && child !== null && nestsPast(child, depth + 1, limit)) return true;
    }
    return false;
  }
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    if (typeof child === 'object' && child !== null && nestsPast(child, depth + 1, limit)) return true;
  }
  return false;
}

/** The message for a value nested deeper than `limit`, or undefined when it is not. */
export function nestingDepthProblem(value: unknown, limit: number = MAX_NESTING_DEPTH): string | undefined {
  const at = nestingTooDeep(value, limit);
  return at === undefined ? undefined : `arrays and objects are nested more than ${limit} levels deep (at ${at}); that is the limit for any input`;
}

/**
 * Whether JSON text may hold a number too large for a double: only a number with 300 digits in a
 * row or an exponent of 10 or more can be (below that, at most 10^299 x 10^9); a number follows
 * `:`, `,` or `[`. A cheap scan of the text (strings may match too: then the walk decides) that
 * lets most input skip the walk of `holdsInfinity`.
 */
function mayOverflow(text: string): boolean {
  // Two cheap scans first: a long digit run, or a digit followed by an exponent of 10 or more (what
  // the full pattern needs at its end); only then the full pattern, which tries every position.
  return /\d{300}/.test(text) || (/\d[eE]\+?0*[1-9]\d/.test(text) && /(?:^|[:,[])\s*-?\d+(?:\.\d+)?[eE]\+?0*[1-9]\d/.test(text));
}

/** Whether a parsed JSON value holds a number too large for a double (JSON.parse makes it Infinity). */
function holdsInfinity(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'number' && !Number.isFinite(next)) return true;
    if (typeof next === 'object' && next !== null) for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push(child);
  }
  return false;
}

const JSON_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unexpected end of JSON input/, 'the text ends before the JSON value is complete'],
  [/^Unterminated string/, 'a string is not closed'],
  [/^Bad control character/, 'a control character (such as a line break) inside a string must be escaped'],
  [/^Bad escaped character/, 'a string has an invalid escape (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
  [/^Bad Unicode escape/, 'a string has an invalid \\u escape'],
  [/^Unexpected non-whitespace character after JSON/, 'there is more text after the JSON value'],
  [/^Expected property name|^Expected double-quoted property name/, 'expected a double-quoted property name'],
  [/^Expected ':'/, "expected ':' after a property name"],
  [/^Expected ',' or '}'/, "expected ',' or '}' after a property value"],
  [/^Expected ',' or ']'/, "expected ',' or ']' after an array element"],
  [/^Exponent part is missing a number|^No number after minus sign|^Unterminated fractional number/, 'a number is incomplete'],
];

/** The offset just past the JSON string starting at `start`, or minus the offset of its first fault (a loop: a regular expression would overflow on a long string). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -i;
    if (code === 0x5c) {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') i++;
      else return -i;
    }
  }
  return -text.length;
}

/**
 * The offset of the first character JSON cannot accept, found by a small linear scan: V8 reports
 * an unexpected token with the text around it but without its position. Only called on an error.
 */
function syntaxErrorOffset(text: string): number {
  const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;
  const closers: string[] = [];
  let i = 0;
  let expectValue = true;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return i;
    const c = text[i]!;
    if (expectValue) {
      if (c === '{' || c === '[') {
        closers.push(c === '{' ? '}' : ']');
        i++;
        skipSpace();
        if (text[i] === closers[closers.length - 1]) {
          closers.pop();
          i++;
          expectValue = false;
        } else if (c === '{' && text[i] !== '"') return i;
        continue;
      }
      if (c === '"') {
        const end = stringEnd(text, i);
        if (end < 0) return -end;
        i = end;
      } else {
        const m = literal.exec(text.slice(i, i + 400));
        if (!m) return i;
        i += m[0].length;
      }
      expectValue = false;
      skipSpace();
      // after a key, a colon
      if (closers[closers.length - 1] === '}' && text[i] === ':') {
        i++;
        expectValue = true;
      }
      continue;
    }
    if (closers.length === 0) return i;
    if (c === ',') {
      i++;
      skipSpace();
      if (closers[closers.length - 1] === '}' && text[i] !== '"') return i;
      expectValue = true;
      continue;
    }
    if (c === closers[closers.length - 1]) {
      closers.pop();
      i++;
      continue;
    }
    return i;
  }
}

/** A JSON.parse error said by line and column, without any of the input's text. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = JSON_REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? 'unexpected character';
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : syntaxErrorOffset(text);
  return `invalid JSON at ${lineAndColumn(text, offset)}: ${reason}`;
}

/** yaml's messages that can hold a piece of the input (an escape, a tag, an alias name, a token): only their kind is told. */
const YAML_CODES_QUOTING_INPUT = new Set(['BAD_DQ_ESCAPE', 'BAD_SCALAR_START', 'TAG_RESOLVE_FAILED', 'BAD_ALIAS', 'UNEXPECTED_TOKEN', 'BAD_PROP_ORDER', 'BAD_COLLECTION_TYPE']);

/** What is wrong in a YAML error, without the excerpt of the input the yaml library adds. */
export function yamlErrorReason(error: YAMLError): string {
  const first = error.message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/Maximum call stack/.test(first)) return `nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`;
  return YAML_CODES_QUOTING_INPUT.has(error.code) ? error.code.toLowerCase().replace(/_/g, ' ') : first;
}

/** A YAML error said by line and column and what is wrong, never quoting the input. */
export function describeYamlError(error: YAMLError): string {
  const at = error.linePos?.[0];
  return `invalid YAML at ${at ? `line ${at.line}, column ${at.col}` : 'an unknown position'}: ${yamlErrorReason(error)}`;
}

/** Parsed JSON of a user's file or value, or a message saying where it is not JSON or is nested too deeply. */
export function parseJsonInput(text: string, maxDepth: number = MAX_NESTING_DEPTH): { value: unknown } | { error: string } {
  const bare = stripByteOrderMark(text);
  let value: unknown;
  try {
    value = JSON.parse(bare);
  } catch (error) {
    return { error: describeJsonError(bare, error) };
  }
  const tooDeep = nestingDepthProblem(value, maxDepth);
  if (tooDeep !== undefined) return { error: tooDeep };
  if (mayOverflow(bare) && holdsInfinity(value)) return { error: 'a number is out of range (larger than about 1.8e308, the largest a double holds)' };
  return { value };
}

/**
 * The value of a parsed YAML document, or a message: an alias with no anchor (yaml throws it
 * when the value is built, naming the alias) or nesting past the limit. Never quotes the input.
 */
export function yamlDocumentValue(doc: Document.Parsed): { value: unknown } | { error: string } {
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    if (error instanceof RangeError) return { error: `nested too deeply (at most ${MAX_NESTING_DEPTH} levels)` };
    return { error: /alias/i.test(String(error)) ? 'an alias (*name) refers to no anchor (&name) set before it' : 'the document cannot be read as data' };
  }
  const tooDeep = nestingDepthProblem(value);
  return tooDeep === undefined ? { value } : { error: tooDeep };
}
