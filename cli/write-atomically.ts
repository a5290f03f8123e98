/** Writing an output file whole or not at all: a temporary file next to it, then a rename. */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './io';

/** Writes `text` to `path`; a directory in the way, or an unwritable place, is a usage error. */
export function writeAtomically(path: string, text: string, shownAs: string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${shownAs} is a directory; give a file name such as ${shownAs}/imported-alerts.ts`);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${shownAs}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
