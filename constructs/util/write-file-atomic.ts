/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * which is then renamed over the target, so a reader never sees half a report or fingerprint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
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
}
