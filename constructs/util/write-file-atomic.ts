/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * which is then renamed over the target, so a reader never sees half a report or fingerprint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolkitError } from '../model/toolkit-error';

/** Why a place cannot be written, for the errors that come from where the user asked to write (not from a bug). */
const UNWRITABLE: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  ENOENT: 'a part of the path does not exist',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/** Writes `content` to `file`; a place that cannot be written is a `ToolkitError` naming the file and the reason. */
export function writeFileAtomic(file: string, content: string): void {
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      fs.writeFileSync(temp, content);
      fs.renameSync(temp, file);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined || !Object.hasOwn(UNWRITABLE, code)) throw err;
    throw new ToolkitError('output file', { file }, [{ path: '', message: `cannot be written: ${UNWRITABLE[code]} (${code})` }], { cause: err });
  }
}
