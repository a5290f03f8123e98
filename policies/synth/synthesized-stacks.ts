/**
 * The synthesized stacks the checks read: from a `cdktf.out` folder (the `policy` command) or
 * from an app that has just synthesized (the synth-time check). Both read the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { App, TerraformStack } from '../../constructs/engine';
import type { SynthesizedStack } from '../stack-reading/read-stack';
import { ToolkitError, type ErrorLocation } from '../../constructs/model/toolkit-error';

/** A `cdktf.out` folder that cannot be read; the message says what is missing. */
/** A cdktf output folder that cannot be read as synthesized stacks; `where` names the file (and JSON Pointer). */
export class SynthOutputError extends ToolkitError {
  constructor(message: string, where: ErrorLocation = {}) {
    super('synth output', where, [{ path: '', message }]);
  }
}

const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function readDocument(file: string, shown: string): { document: Record<string, unknown>; text: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SynthOutputError('cannot read the file; run cdktf synth first', { file: shown });
  }
  try {
    const document: unknown = JSON.parse(text);
    if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error('not a JSON object');
    return { document: document as Record<string, unknown>, text };
  } catch (err) {
    throw new SynthOutputError(`not a synthesized stack (${(err as Error).message})`, { file: shown });
  }
}

interface ManifestStack {
  name?: unknown;
  constructPath?: unknown;
  synthesizedStackPath?: unknown;
}

/** Reads every stack listed in `<outdir>/manifest.json`. */
export function readCdktfOut(outdir: string, cwd: string): SynthesizedStack[] {
  const dir = path.resolve(cwd, outdir);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new SynthOutputError('not found; run cdktf synth first, or pass the cdktf output folder', { file: displayPath(manifestFile, cwd) });
  }
  const { document: manifest } = readDocument(manifestFile, displayPath(manifestFile, cwd));
  const stacks = (typeof manifest.stacks === 'object' && manifest.stacks !== null ? manifest.stacks : {}) as Record<string, ManifestStack>;
  return Object.entries(stacks).sort(([a], [b]) => a.localeCompare(b)).map(([key, entry]) => {
    const manifestShown = displayPath(manifestFile, cwd);
    if (typeof entry.synthesizedStackPath !== 'string') {
      throw new SynthOutputError(`stack "${key}" has no synthesizedStackPath`, { file: manifestShown, pointer: `/stacks/${pointerToken(key)}` });
    }
    if (!entry.synthesizedStackPath.endsWith('.json')) {
      throw new SynthOutputError(`stack "${key}" was synthesized as HCL (${entry.synthesizedStackPath}); run cdktf synth without --hcl`, { file: manifestShown, pointer: `/stacks/${pointerToken(key)}/synthesizedStackPath` });
    }
    const file = path.join(dir, entry.synthesizedStackPath);
    const shown = displayPath(file, cwd);
    const { document, text } = readDocument(file, shown);
    const name = typeof entry.name === 'string' ? entry.name : key;
    return { name, constructPath: typeof entry.constructPath === 'string' ? entry.constructPath : name, file: shown, document, text };
  });
}

/** The stacks of an app after `app.synth()` wrote them: the files when JSON, else the stack's JSON in memory. */
export function synthesizedStacksOf(app: App, stacks: readonly TerraformStack[], cwd: string = process.cwd()): SynthesizedStack[] {
  return stacks.map((stack) => {
    const entry = app.manifest.forStack(stack);
    const file = path.join(app.outdir, entry.synthesizedStackPath);
    const shown = displayPath(path.resolve(file), cwd);
    const base = { name: entry.name, constructPath: stack.node.path, file: shown };
    if (file.endsWith('.json') && fs.existsSync(file)) return { ...base, ...readDocument(file, shown) };
    return { ...base, document: stack.toTerraform() as Record<string, unknown> };
  });
}
