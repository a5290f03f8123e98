/**
 * The one error shape of the toolkit: what is wrong, where (a construct path, or a file and a JSON
 * Pointer), and every problem found there, so a user fixes all of them in one pass. Every error
 * the toolkit throws for a user's mistake is a `ToolkitError`; anything else is a bug.
 */
import * as path from 'node:path';

/** Where a problem sits: a construct path, or a file with a JSON Pointer (or both). */
export interface ErrorLocation {
  /** Construct path, e.g. `prod/checkout/HighCpu`. */
  readonly constructPath?: string;
  /** File the input came from, as the user named it. */
  readonly file?: string;
  /** 1-based line in the file (YAML and other text inputs). */
  readonly line?: number;
  /** RFC 6901 JSON Pointer inside the file or payload; `''` is the whole document. */
  readonly pointer?: string;
}

/** One problem: `path` is a props field (`tiers.critical.target`) or a JSON Pointer (`/condition/op`); `''` is the whole input. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** `prod/checkout/HighCpu`, `rules/cpu.json#/condition`, or '' when nothing is known. */
export function describeLocation(where: ErrorLocation): string {
  const line = where.line !== undefined && where.line > 0 ? `:${where.line}` : '';
  const file = where.file !== undefined ? `${where.file}${line}${where.pointer ? `#${where.pointer}` : ''}` : where.pointer ? where.pointer : '';
  if (where.constructPath !== undefined && where.constructPath !== '') return file !== '' ? `'${where.constructPath}' (${file})` : `'${where.constructPath}'`;
  return file;
}

/** `  - field: message` lines; a problem about the whole input is labelled `whole` (`(props)`), or not at all when `whole` is ''. */
export function problemLines(problems: readonly Problem[], whole = '(props)'): string[] {
  return problems.map((p) => (p.path === '' && whole === '' ? `  - ${p.message}` : `  - ${p.path === '' ? whole : p.path}: ${p.message}`));
}

/** `Invalid <subject> at <where>`: the first line of every toolkit error. */
export function errorHeadline(subject: string, where: ErrorLocation): string {
  const location = describeLocation(where);
  return `Invalid ${subject}${location !== '' ? ` at ${location}` : ''}`;
}

/**
 * The lines of a toolkit error, built from its fields (its message is these lines): one line when
 * there is a single problem about the whole input, else the headline and one line per problem.
 */
export function toolkitErrorLines(error: Pick<ToolkitError, 'subject' | 'where' | 'problems'>): string[] {
  const head = errorHeadline(error.subject, error.where);
  const { problems } = error;
  if (problems.length === 0) return [head];
  if (problems.length === 1 && problems[0]!.path === '') return [`${head}: ${problems[0]!.message}`];
  // A problem about the whole input: `(props)` of a construct, `(document)` of a file or payload.
  const { constructPath, file, pointer } = error.where;
  return [`${head}:`, ...problemLines(problems, constructPath !== undefined ? '(props)' : file !== undefined || pointer !== undefined ? '(document)' : '')];
}

/** The toolkit's own folders (in the repository and in the package's dist/) and the CDK engine's: not where a user's mistake is. */
const TOOLKIT_ROOT = path.resolve(__dirname, '..', '..');
const INTERNAL_FRAME = new RegExp(
  `${['constructs', 'policies', 'pipeline', 'import', 'cli'].map((d) => escapeRegExp(path.join(TOOLKIT_ROOT, d) + path.sep)).join('|')}|node_modules[\\\\/](?:cdktf|constructs|zod)[\\\\/]|\\(node:|^\\s+at node:`,
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A user mistake prints as its message and the one line of the user's code that made it, not the
 * toolkit's internals (set SIGNOZ_ALERTS_DEBUG=1 for the whole stack).
 */
function userStack(stack: string | undefined, headline: string): string {
  if (stack === undefined || process.env.SIGNOZ_ALERTS_DEBUG) return stack ?? headline;
  const frame = stack.split('\n').find((line) => /^\s+at /.test(line) && !INTERNAL_FRAME.test(line));
  return frame !== undefined ? `${headline}\n${frame}` : headline;
}

/** Fields a thrown error carries for programs, hidden from the dump Node prints under an uncaught error's message. */
export function hideErrorFields(error: Error, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(error, key, { value, enumerable: false, writable: false, configurable: true });
}

export class ToolkitError extends Error {
  /** What kind of input was refused, e.g. `AlertRule`, `rule file`, `plan JSON`. */
  declare readonly subject: string;
  declare readonly where: ErrorLocation;
  declare readonly problems: readonly Problem[];

  constructor(subject: string, where: ErrorLocation, problems: readonly Problem[], options?: { readonly cause?: unknown }) {
    super(toolkitErrorLines({ subject, where, problems }).join('\n'), options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    hideErrorFields(this, { subject, where, problems });
    Object.defineProperty(this, 'stack', { value: userStack(this.stack, `${this.name}: ${this.message}`), enumerable: false, writable: true, configurable: true });
  }

  /** The problems without the headline, `field: message` joined by `; `: for an error that quotes this one. */
  get detail(): string {
    return this.problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ');
  }
}

/** Whether `error` is a user mistake the toolkit reported (exit 2 in the CLI), not a bug. */
export function isToolkitError(error: unknown): error is ToolkitError {
  return error instanceof ToolkitError;
}
