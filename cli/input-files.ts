/** Reading the files a command is pointed at, with one-line errors instead of stack traces. */
import { isToolkitError } from '../constructs/model/toolkit-error';
import { readInputFile } from '../constructs/util/read-input-file';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from './io';
import { parseJsonInput } from '../constructs/util/parse-input';
import { MAX_TIMESTAMP_MS } from '../constructs/evaluation/evaluation-limits';

/** Absolute path of a user-given path, relative to the command's working directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** The text of a file; a missing or unreadable file is a usage error. */
export function readTextFile(cwd: string, path: string, what: string): string {
  try {
    return readInputFile(resolvePath(cwd, path), path);
  } catch (err) {
    if (isToolkitError(err)) throw new UsageError(`cannot read ${what} ${path}: it ${err.detail}`);
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message}`);
  }
}

/** Parsed JSON, or `{ error }` naming the file and the parser's complaint. */
export function parseJsonText(text: string, path: string): { value: unknown } | { error: string } {
  const parsed = parseJsonInput(text);
  return 'error' in parsed ? { error: `${path}: ${parsed.error}` } : parsed;
}

/** A time given on the command line: unix milliseconds, or an ISO 8601 date-time with a zone (`2026-01-05T10:00:00Z`). */
export function parseTimeArgument(text: string, flag: string): number {
  if (/^-?\d+$/.test(text.trim())) {
    const ms = Number(text.trim());
    if (Math.abs(ms) <= MAX_TIMESTAMP_MS) return ms;
    throw new UsageError(`${flag} must be within ±${MAX_TIMESTAMP_MS} unix milliseconds (the range of a date), got ${text.trim()}`);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) {
    const ms = Date.parse(text.trim());
    if (Number.isFinite(ms)) return ms;
  }
  throw new UsageError(`${flag} must be unix milliseconds or an ISO 8601 time with a zone such as 2026-01-05T10:00:00Z, got "${text}"`);
}
