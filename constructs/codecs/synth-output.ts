/**
 * The one reader of a synth output folder (`cdktf.out`): `manifest.json` read once, each stack's
 * `cdk.tf.json` read once, and the alert rules of each stack decoded once (`rulesOfStack`,
 * remembered per document), whichever command asks: validate in the PR check, the policy pack,
 * the estate summary of `npm start`.
 */
import { isToolkitError } from '../model/toolkit-error';
import { readInputFile } from '../util/read-input-file';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolkitError, type ErrorLocation } from '../model/toolkit-error';
import { isPlainObject } from '../util/json';
import { pointer } from '../validation/json-pointer';
import { readRulesIn, terraformRulesIn, type ReadRule } from './rules-in';
import { parseJsonInput } from '../util/parse-input';

/** A synthesized stack as read from `cdktf.out` (or from an app that has just synthesized). */
export interface SynthesizedStack {
  /** Stack name (its id). */
  readonly name: string;
  /** Construct path of the stack. @default - the name */
  readonly constructPath?: string;
  /** The synthesized file, relative to where the check runs (shown in reports). */
  readonly file: string;
  /** The parsed synthesized document. */
  readonly document: Record<string, unknown>;
  /** The file's text, when read from disk: lets reports give line numbers. */
  readonly text?: string;
}

/** One stack as `manifest.json` lists it. */
export interface ManifestStack {
  /** The stack's key in the manifest. */
  readonly key: string;
  readonly name: string;
  readonly constructPath: string;
  /** Path of the synthesized file, relative to the output folder. */
  readonly synthesizedStackPath?: string;
  /** Folder Terraform runs in, relative to the output folder. */
  readonly workingDirectory: string;
  /** Stacks this one depends on. */
  readonly dependencies: readonly string[];
}

/** A cdktf output folder that cannot be read as synthesized stacks; `where` names the file (and JSON Pointer). */
export class SynthOutputError extends ToolkitError {
  constructor(message: string, where: ErrorLocation = {}) {
    super('synth output', where, [{ path: '', message }]);
  }
}

function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}

function readJsonObject(file: string, shown: string, what: string): { document: Record<string, unknown>; text: string } {
  let text: string;
  try {
    text = readInputFile(file, shown);
  } catch (err) {
    if (isToolkitError(err)) throw err;
    throw new SynthOutputError('cannot read the file; run cdktf synth first', { file: shown });
  }
  const parsed = parseJsonInput(text);
  if ('error' in parsed) throw new SynthOutputError(`not ${what} (${parsed.error})`, { file: shown });
  const document = parsed.value;
  if (!isPlainObject(document)) throw new SynthOutputError(`not ${what} (not a JSON object)`, { file: shown });
  return { document, text };
}

/** The stacks `<outdir>/manifest.json` lists, sorted by name; `undefined` when there is no manifest. */
export function readManifest(outdir: string, cwd: string = process.cwd()): ManifestStack[] | undefined {
  const file = path.join(path.resolve(cwd, outdir), 'manifest.json');
  if (!fs.existsSync(file)) return undefined;
  const { document } = readJsonObject(file, displayPath(file, cwd), 'a cdktf manifest');
  const stacks = isPlainObject(document.stacks) ? document.stacks : {};
  return Object.keys(stacks)
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const entry = isPlainObject(stacks[key]) ? stacks[key] : {};
      const name = typeof entry.name === 'string' ? entry.name : key;
      const synthesizedStackPath = typeof entry.synthesizedStackPath === 'string' ? entry.synthesizedStackPath : undefined;
      const workingDirectory =
        typeof entry.workingDirectory === 'string' ? entry.workingDirectory : synthesizedStackPath ? path.dirname(synthesizedStackPath) : path.join('stacks', key);
      const dependencies = Array.isArray(entry.dependencies) ? entry.dependencies.filter((d): d is string => typeof d === 'string') : [];
      return {
        key,
        name,
        constructPath: typeof entry.constructPath === 'string' ? entry.constructPath : name,
        ...(synthesizedStackPath !== undefined ? { synthesizedStackPath } : {}),
        workingDirectory,
        dependencies,
      };
    });
}

/** Which stacks of a synth output to read. */
export interface ReadSynthOutputOptions {
  /** Read only the stacks with these names (the others' files are not opened). @default - every stack */
  readonly stacks?: readonly string[];
}

/** Reads every stack listed in `<outdir>/manifest.json` (or those named in `options.stacks`), each file once. */
export function readSynthOutput(outdir: string, cwd: string = process.cwd(), options: ReadSynthOutputOptions = {}): SynthesizedStack[] {
  const dir = path.resolve(cwd, outdir);
  const manifest = readManifest(outdir, cwd);
  if (!manifest) {
    throw new SynthOutputError('not found; run cdktf synth first, or pass the cdktf output folder', { file: displayPath(path.join(dir, 'manifest.json'), cwd) });
  }
  const manifestShown = displayPath(path.join(dir, 'manifest.json'), cwd);
  const wanted = options.stacks ? new Set(options.stacks) : undefined;
  return manifest
    .filter((entry) => !wanted || wanted.has(entry.name))
    .map((entry) => {
      if (entry.synthesizedStackPath === undefined) {
        throw new SynthOutputError(`stack "${entry.key}" has no synthesizedStackPath`, { file: manifestShown, pointer: pointer('/stacks', entry.key) });
      }
      if (!entry.synthesizedStackPath.endsWith('.json')) {
        throw new SynthOutputError(`stack "${entry.key}" was synthesized as HCL (${entry.synthesizedStackPath}); run cdktf synth without --hcl`, {
          file: manifestShown,
          pointer: pointer('/stacks', entry.key, 'synthesizedStackPath'),
        });
      }
      return { name: entry.name, constructPath: entry.constructPath, ...readStackFile(path.join(dir, entry.synthesizedStackPath), cwd) };
    });
}

/** One synthesized stack file: its path as shown (relative to `cwd`), document and text. */
export function readStackFile(file: string, cwd: string = process.cwd()): { file: string; document: Record<string, unknown>; text: string } {
  const shown = displayPath(path.resolve(cwd, file), cwd);
  return { file: shown, ...readJsonObject(path.resolve(cwd, file), shown, 'a synthesized stack') };
}

const decodedStacks = new WeakMap<object, readonly ReadRule[]>();

/** The alert rules of a synthesized stack, each read with `decodeRule`; decoded once per document. */
export function rulesOfStack(stack: Pick<SynthesizedStack, 'document'>): readonly ReadRule[] {
  let rules = decodedStacks.get(stack.document);
  if (!rules) {
    rules = readRulesIn(stack.document, {}, terraformRulesIn(stack.document));
    decodedStacks.set(stack.document, rules);
  }
  return rules;
}
