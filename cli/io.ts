import { ToolkitError, type ErrorLocation } from '../constructs/model/toolkit-error';
import { visibleText } from '../constructs/util/visible-text';
import { colourEnabled } from './colour';

/** Where a command writes. Tests pass a recorder; the binary passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Environment variables visible to the command. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether `out` may carry colour (see cli/colour.ts); absent means plain text. */
  readonly colour?: boolean;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
  env: process.env,
  colour: colourEnabled(process.env, process.stdout.isTTY === true),
};

/**
 * `io` whose standard error shows bidirectional and zero-width characters as `<U+202E>`: stderr is
 * always read by people (errors, warnings, problems, summaries), so `main` gives every command this
 * one. Standard output is left alone here, since JSON, SARIF and generated code carry values raw;
 * each command's human-readable (text) output goes through `visibleText` itself.
 */
export function withVisibleErrors(io: CliIO): CliIO {
  return { out: (text) => io.out(text), err: (text) => io.err(visibleText(text)), cwd: io.cwd, env: io.env, ...(io.colour !== undefined ? { colour: io.colour } : {}) };
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The input was read and judged: something is invalid, a policy failed, a budget was exceeded. */
  failed: 1,
  /** The command could not run as asked: bad flags, a missing file, an unsupported format. */
  usage: 2,
} as const;

/**
 * A mistake in how the command was called (a flag, a path, a file it cannot read); like every
 * {@link ToolkitError}, `main` prints it as one line per problem, exit code 2, never a stack trace.
 */
export class UsageError extends ToolkitError {
  constructor(message: string, where: ErrorLocation = {}) {
    super('command line', where, [{ path: '', message }]);
  }
}
