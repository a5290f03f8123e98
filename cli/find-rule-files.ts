/**
 * The files a `validate` or `import` run reads: files named on the command line as they are,
 * directories searched recursively for `*.json` in a stable order. A cdktf synth output folder
 * (one holding a `manifest.json` that lists stacks) is read the one way synth output is read,
 * `readSynthOutput`: its stacks' `cdk.tf.json` files, never the manifest as if it were a rule.
 * Dependency and hidden directories (`node_modules`, `.git`, ...) are skipped; a missing path is a
 * usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readManifest, readSynthOutput } from '../constructs/codecs/synth-output';
import { UsageError } from './io';

export interface RuleFile {
  /** The path as the user sees it: the argument, joined with the path below it for directory entries. */
  readonly display: string;
  readonly absolute: string;
  /** The file's text when it was read already (the stacks of a synth output folder). */
  readonly text?: string;
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isSkippedDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function readDirectory(absolute: string, display: string): fs.Dirent[] {
  try {
    return fs.readdirSync(absolute, { withFileTypes: true }).sort(byName);
  } catch (error) {
    throw new UsageError(`cannot read directory ${display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Whether `absolute` is a cdktf output folder: its `manifest.json` lists at least one stack. */
function isSynthOutput(absolute: string, strict: boolean): boolean {
  if (!fs.existsSync(path.join(absolute, 'manifest.json'))) return false;
  try {
    return (readManifest(absolute) ?? []).length > 0;
  } catch (error) {
    // named on the command line, a broken manifest is the user's problem; met on a walk, it is just another JSON file
    if (strict) throw error;
    return false;
  }
}

/** The synthesized stacks of a cdktf output folder, each as the file it was read from. */
function synthOutputFiles(absolute: string, display: string, found: RuleFile[]): void {
  // read relative to the folder itself, so each stack's path joins onto the folder as the user wrote it
  for (const stack of readSynthOutput(absolute, absolute)) {
    found.push({ display: path.join(display, stack.file), absolute: path.join(absolute, stack.file), ...(stack.text !== undefined ? { text: stack.text } : {}) });
  }
}

function walk(absolute: string, display: string, found: RuleFile[]): void {
  if (isSynthOutput(absolute, false)) {
    synthOutputFiles(absolute, display, found);
    return;
  }
  for (const entry of readDirectory(absolute, display)) {
    const entryAbsolute = path.join(absolute, entry.name);
    const entryDisplay = path.join(display, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDirectory(entry.name)) walk(entryAbsolute, entryDisplay, found);
    } else if (entry.name.toLowerCase().endsWith('.json')) {
      // symbolic links to files count, links to directories are not followed (no cycles)
      const isFile = entry.isFile() || (entry.isSymbolicLink() && fs.statSync(entryAbsolute, { throwIfNoEntry: false })?.isFile() === true);
      if (isFile) found.push({ display: entryDisplay, absolute: entryAbsolute });
    }
  }
}

/** Every rule file the arguments name, each once, in argument order. */
export function findRuleFiles(args: readonly string[], cwd: string): RuleFile[] {
  const found: RuleFile[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`no such file or directory: ${arg}`);
    if (!stat.isDirectory()) {
      found.push({ display: arg, absolute });
      continue;
    }
    const before = found.length;
    if (isSynthOutput(absolute, true)) synthOutputFiles(absolute, arg, found);
    else walk(absolute, arg, found);
    if (found.length === before) throw new UsageError(`no *.json files in directory ${arg}`);
  }
  const seen = new Set<string>();
  return found.filter((file) => !seen.has(file.absolute) && seen.add(file.absolute));
}
