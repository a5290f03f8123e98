/** Writing a CLI output file whole or not at all, with user mistakes reported as usage errors. */
import { statSync } from 'node:fs';
import { writeFileAtomic } from '../constructs/util/write-file-atomic';
import { isToolkitError } from '../constructs/model/toolkit-error';
import { UsageError } from './io';

/** Writes `text` to `path`; a directory in the way (the error suggests `shownAs/exampleName`), or an unwritable place, is a usage error. */
export function writeAtomically(path: string, text: string, shownAs: string, exampleName = 'imported-alerts.ts'): void {
  let isDirectory = false;
  try {
    // ENOTDIR (a file in the middle of the path) is reported below, as writing it would
    isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    isDirectory = false;
  }
  if (isDirectory) throw new UsageError(`${shownAs} is a directory; give a file name such as ${shownAs}/${exampleName}`);
  try {
    writeFileAtomic(path, text);
  } catch (err) {
    throw new UsageError(
      `cannot write ${shownAs}: ${isToolkitError(err) ? err.detail.replace(/^cannot be written: /, '') : ((err as NodeJS.ErrnoException).code ?? (err as Error).message)}`,
    );
  }
}
