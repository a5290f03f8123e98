import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImportSource } from '../../import';

/** Directory of the hand-written SigNoz exports the import tests read. */
export const IMPORT_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'import');

/** Every `*.json` of a directory as import sources named by file name, in name order. */
export function importSources(dir = IMPORT_FIXTURES_DIR): ImportSource[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** One fixture as parsed JSON. */
export function importFixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(IMPORT_FIXTURES_DIR, name), 'utf8'));
}
