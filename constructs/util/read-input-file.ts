/**
 * Reading a file the user pointed a command at, bounded: only regular files (a device such as
 * /dev/zero would be read forever, a FIFO would block forever), and at most MAX_INPUT_FILE_BYTES.
 */
import * as fs from 'node:fs';
import { ToolkitError } from '../model/toolkit-error';

/** The largest input file any command reads (128 MiB): far above a real plan, rule export or stack file. */
export const MAX_INPUT_FILE_BYTES = 128 * 1024 * 1024;

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens `file` for reading once it is known to be a regular file, and returns the descriptor (the
 * caller closes it) and its size. Errors of the file system (ENOENT, EACCES, EISDIR, ...) are thrown
 * as they are; a file that is not a regular file is a `ToolkitError`, raised before anything is read.
 * For readers that stream a file of any size; `readInputFile` also bounds the size.
 */
export function openInputFile(file: string, shownAs: string = file): { fd: number; size: number } {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    // a directory is reported as the file system reports it, so callers keep their EISDIR message
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${shownAs}'`), { code: 'EISDIR', errno: -21, syscall: 'read' });
    if (!stat.isFile()) {
      throw new ToolkitError('input file', { file: shownAs }, [{ path: '', message: `is ${kindOf(stat)}; only regular files are read` }]);
    }
    return { fd, size: stat.size };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/**
 * The UTF-8 text of `file`. Errors of the file system (ENOENT, EACCES, EISDIR, ...) are thrown as
 * they are; a file that is not a regular file, or is larger than the limit, is a `ToolkitError`
 * raised before anything is read.
 */
export function readInputFile(file: string, shownAs: string = file): string {
  const { fd, size } = openInputFile(file, shownAs);
  try {
    if (size > MAX_INPUT_FILE_BYTES) {
      throw new ToolkitError('input file', { file: shownAs }, [
        { path: '', message: `is ${size} bytes, over the limit of ${MAX_INPUT_FILE_BYTES} bytes (128 MiB) for any input file` },
      ]);
    }
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
