import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Construct } from '../../constructs/engine';
import { renderImportModule, renderSetupSection, type ImportSource, type SetupImportResult } from '../../import';

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

/** The module `signoz-alerts import` generates for `result`, importing the library from this checkout; its setup function. */
export async function generatedSetup(result: SetupImportResult): Promise<(stack: Construct) => unknown> {
  const setup = renderSetupSection(result, 'stack', 'importedSetup')!;
  const code = renderImportModule(result.rules, { sources: ['setup/'], importFrom: path.join(__dirname, '..', '..', 'constructs'), setup });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-import-'));
  const file = path.join(dir, 'imported.ts');
  fs.writeFileSync(file, code);
  try {
    return ((await import(file)) as { importedSetup: (stack: Construct) => unknown }).importedSetup;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
