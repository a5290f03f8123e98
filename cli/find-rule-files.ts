/**
 * The files a `validate` run reads: files named on the command line as they are, directories
 * searched recursively for `*.json` in a stable order. Dependency and hidden directories
 * (`node_modules`, `.git`, ...) are skipped; a missing path is a usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './io';

export interface RuleFile {
  /** The path as the user sees it: the argument, joined with the path below it for directory entries. */
  readonly display: string;
  readonly absolute: string;
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

function walk(absolute: string, display: string, found: RuleFile[]): void {
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
    walk(absolute, arg, found);
    if (found.length === before) throw new UsageError(`no *.json files in directory ${arg}`);
  }
  const seen = new Set<string>();
  return found.filter((file) => !seen.has(file.absolute) && seen.add(file.absolute));
}
