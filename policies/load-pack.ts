/**
 * Loads the pack named by `signoz-alerts policy --pack`: `default`, or a module exporting a
 * `PolicyPack` (as `default` or `pack`), pack props, or a list of rules. TypeScript modules load
 * through tsx (a dependency of the project that runs the command); JavaScript through Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyPack } from './pack';
import type { RunnablePack } from './synth/synth-check';
import { ToolkitError } from '../constructs/model/toolkit-error';
import { openInputFile } from '../constructs/util/read-input-file';

/** The pack module cannot be used; the message says why and what is expected. */
/** A `--pack` module that cannot be loaded as a policy pack; `file` is the module as the user named it. */
export class PolicyPackLoadError extends ToolkitError {
  constructor(message: string, file?: string) {
    super('policy pack', file !== undefined ? { file } : {}, [{ path: '', message }]);
  }
}

const EXPECTED = 'export a PolicyPack (export default new PolicyPack({ rules: [...defaultRules, myRule] })), its props, or a list of rules';

function isRunnable(value: unknown): value is RunnablePack & { rules: readonly unknown[] } {
  const v = value as Partial<RunnablePack & { rules: unknown }> | undefined;
  return typeof v === 'object' && v !== null && typeof v.run === 'function' && typeof v.name === 'string' && Array.isArray(v.rules);
}

function packFrom(moduleExports: unknown, shown: string): RunnablePack {
  const m = moduleExports as Record<string, unknown> | undefined;
  const candidates = [m?.pack, m?.default, (m?.default as Record<string, unknown> | undefined)?.default, m];
  for (const candidate of candidates) {
    if (isRunnable(candidate)) return candidate;
    if (Array.isArray(candidate)) return new PolicyPack({ name: shown, rules: candidate });
    if (typeof candidate === 'object' && candidate !== null && Array.isArray((candidate as { rules?: unknown }).rules)) {
      return new PolicyPack({ name: shown, ...(candidate as object) });
    }
  }
  throw new PolicyPackLoadError(`the module does not provide a policy pack; ${EXPECTED}`, shown);
}

function tsxApi(kind: 'cjs' | 'esm', cwd: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve(`tsx/${kind}/api`, { paths: [cwd, __dirname] })) as Record<string, unknown>;
  } catch {
    throw new PolicyPackLoadError('loading a TypeScript module needs tsx (npm install --save-dev tsx), or compile the module to JavaScript and give the .js file');
  }
}

/** Loads a user's module (a pack, pr-check hooks) by absolute path: `.ts`/`.cts`/`.mts` through tsx, JavaScript through Node. */
export async function importUserModule(file: string, cwd: string): Promise<unknown> {
  const ext = path.extname(file);
  // a FIFO or a device would block or never end the load: refused before anything is read (a directory is a package)
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === false) fs.closeSync(openInputFile(file, path.relative(cwd, file) || file).fd);
  if (ext === '.ts' || ext === '.cts') {
    const api = tsxApi('cjs', cwd) as { require: (id: string, from: string) => unknown };
    return api.require(file, __filename);
  }
  if (ext === '.mts') {
    const api = tsxApi('esm', cwd) as { tsImport: (id: string, parent: string) => Promise<unknown> };
    return api.tsImport(pathToFileURL(file).href, __filename);
  }
  if (ext === '.mjs') return import(pathToFileURL(file).href);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}

/** The pack for `--pack <spec>`: `default`, or a path relative to `cwd`. */
export async function loadPolicyPack(spec: string, cwd: string): Promise<RunnablePack> {
  if (spec === 'default') return PolicyPack.default();
  const file = path.resolve(cwd, spec);
  if (!fs.existsSync(file)) throw new PolicyPackLoadError('pack module not found (give "default" or the path of a .ts or .js module)', spec);
  if (path.extname(file) === '.json') throw new PolicyPackLoadError('a JSON file cannot define checks; give "default" or the path of a .ts or .js module', spec);
  let exports: unknown;
  try {
    exports = await importUserModule(file, cwd);
  } catch (err) {
    if (err instanceof ToolkitError) throw err;
    // the first line: Node's "Require stack" that follows lists this tool's own files
    throw new PolicyPackLoadError(`pack module failed to load: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`, spec);
  }
  try {
    return packFrom(exports, spec);
  } catch (err) {
    // A pack the module builds reports its own mistakes (PolicyPackError, PolicyRuleDefinitionError).
    if (err instanceof ToolkitError) throw err;
    throw new PolicyPackLoadError(`pack module: ${(err as Error).message}`, spec);
  }
}
