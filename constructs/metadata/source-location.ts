/**
 * Where a construct was declared in the user's code (`stacks/prod.ts:42`), recorded in the stack's
 * synthesized metadata so reports (SARIF for GitHub code scanning) can point at the TypeScript line.
 *
 * cdktf 0.21 writes no stack trace into resource metadata: its elements record a `stacktrace` entry
 * without asking `constructs` (>= 10.1) to capture one, so `//.metadata.stackTrace` stays empty.
 * Turn recording off with the context key `signoz-alerts:source-locations` set to `false`.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IConstruct } from '../engine';
import { setStackMetadata, stackMetadataOf } from './stack-metadata';

export const SOURCE_LOCATIONS_CONTEXT = 'signoz-alerts:source-locations';

/** Folders of this library whose frames are skipped to reach the user's call site. */
const LIBRARY_DIRS: readonly string[] = (() => {
  let root = path.resolve(__dirname, '..', '..');
  if (path.basename(root) === 'dist') root = path.dirname(root);
  return ['constructs', 'policies', '.gen', 'dist', 'cli'].map((dir) => path.join(root, dir) + path.sep);
})();

const FRAME_LOCATION = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):\d+\)?$/;

function isLibraryFrame(file: string): boolean {
  return file.startsWith('node:') || file.includes(`${path.sep}node_modules${path.sep}`) || LIBRARY_DIRS.some((dir) => file.startsWith(dir));
}

/** The first stack frame outside this library and its dependencies, as `relative/path.ts:line`. */
export function callerSourceLocation(cwd: string = process.cwd()): string | undefined {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  try {
    Error.captureStackTrace(holder, callerSourceLocation);
  } finally {
    Error.stackTraceLimit = limit;
  }
  for (const line of (holder.stack ?? '').split('\n').slice(1)) {
    const match = FRAME_LOCATION.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (!path.isAbsolute(file) || isLibraryFrame(file)) continue;
    return `${path.relative(cwd, file).split(path.sep).join('/')}:${match[2]}`;
  }
  return undefined;
}

/**
 * Records where `construct` was declared, for reports. Constructs of this library call it in their
 * constructor; a construct declared only inside library code records nothing.
 */
export function recordSourceLocation(construct: IConstruct): void {
  if (construct.node.tryGetContext(SOURCE_LOCATIONS_CONTEXT) === false) return;
  const location = callerSourceLocation();
  if (location === undefined) return;
  const metadata = stackMetadataOf(construct);
  if (!metadata.sources) setStackMetadata(construct, 'sources', {});
  metadata.sources![construct.node.path] = location;
}
