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

/** The stack's frames as V8 call sites (no text formatted), at most `limit`, from the caller of `above`. */
function callSites(above: (...args: never[]) => unknown, limit: number): NodeJS.CallSite[] {
  const holder: { stack?: NodeJS.CallSite[] } = {};
  const prepareStackTrace = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  const stackTraceLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_error, sites) => sites;
  Error.stackTraceLimit = limit;
  try {
    Error.captureStackTrace(holder, above);
    return holder.stack ?? [];
  } finally {
    if (prepareStackTrace) Object.defineProperty(Error, 'prepareStackTrace', prepareStackTrace);
    else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function frameFile(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  return name.startsWith('file://') ? fileURLToPath(name) : name;
}

/**
 * The first stack frame outside this library and its dependencies, as `relative/path.ts:line`.
 * The frames are found as call sites, and only the stack up to the user's frame is formatted as
 * text (formatting applies source maps, so the line is the TypeScript line under tsx): formatting
 * every frame of every construct was a measurable part of synth.
 */
export function callerSourceLocation(cwd: string = process.cwd()): string | undefined {
  const depth = callSites(callerSourceLocation, 40).findIndex((site) => {
    const file = frameFile(site.getFileName());
    return file !== undefined && path.isAbsolute(file) && !isLibraryFrame(file);
  });
  if (depth < 0) return undefined;
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = depth + 1;
  try {
    Error.captureStackTrace(holder, callerSourceLocation);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const match = FRAME_LOCATION.exec((holder.stack ?? '').split('\n').pop()!.trim());
  if (!match) return undefined;
  const file = frameFile(match[1])!;
  return `${path.relative(cwd, file).split(path.sep).join('/')}:${match[2]}`;
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
