/**
 * `app.synth()` of an app with alert stacks is whole or absent: cdktf writes each stack's file as it
 * goes and runs App validations (the policy pack) after all are written, so a refused or killed
 * synth would otherwise leave a folder that `terraform apply` or `signoz-alerts policy` takes as
 * finished. Here the app writes into a hidden sibling folder; a successful synth swaps it in for
 * the output folder, a refused one leaves no output folder at all, a killed one leaves the
 * previous output untouched. A refused synth throws a {@link SynthError}: one line per problem.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { App } from '../engine';
import { isToolkitError, ToolkitError, toolkitErrorLines, type Problem } from '../model/toolkit-error';

/** A synth cdktf refused (failed validations or error annotations): one problem per line cdktf reported. */
export class SynthError extends ToolkitError {
  constructor(problems: readonly Problem[], options?: { readonly cause?: unknown }) {
    super('cdktf app', {}, problems, options);
  }
}

/** How cdktf starts the errors that list a synth's problems (failed validations, error annotations). */
const CDKTF_PROBLEM_LIST = /^(App-level validation failed|Validation failed) with the following errors:|^Encountered Annotations? with level "ERROR"/;
/** cdktf's framing around the problems, and its advice to skip validations: never the right fix here. */
const CDKTF_NOISE =
  /^((App-level )?[Vv]alidation failed with the following errors:|If you wish to ignore|Validations allow|To skip validations|Encountered Annotation|Either fix the issues above)/;

/** An error out of `app.synth()` as the toolkit reports it: cdktf's list of problems becomes a {@link SynthError} (one problem a line); anything else stays as it is. */
export function synthErrorFrom(err: unknown): unknown {
  if (!(err instanceof Error) || isToolkitError(err) || !CDKTF_PROBLEM_LIST.test(err.message)) return err;
  const lines = err.message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !CDKTF_NOISE.test(l));
  return new SynthError(
    lines.map((message) => ({ path: '', message })),
    { cause: err },
  );
}

/** Lines for a person about a failed synth or app build: a toolkit error's headline and problems, else the message line by line. */
export function synthErrorLines(err: unknown): string[] {
  const error = synthErrorFrom(err);
  if (isToolkitError(error)) return toolkitErrorLines(error);
  return (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim() !== '');
}

const guarded = new WeakSet<App>();
/** The output folder an app's synth will produce, while it writes into its staging folder. */
const finalOutdirs = new WeakMap<App, string>();

/** The folder `app.synth()` produces: `app.outdir`, or during an atomic synth the folder it will swap into place (findings name files there). */
export function outputFolderOf(app: App): string {
  return finalOutdirs.get(app) ?? app.outdir;
}

/** Makes `app.synth()` write its output folder whole or not at all (idempotent; every AlertStack calls it). */
export function makeSynthAtomic(app: App): void {
  if (guarded.has(app)) return;
  guarded.add(app);
  const synth = app.synth.bind(app);
  app.synth = () => synthAtomically(app, synth);
}

/** `app.outdir` and the manifest's are read-only in cdktf's types but plain fields: pointed at the staging folder for one synth. */
function setOutdir(app: App, outdir: string): void {
  Object.defineProperty(app, 'outdir', { value: outdir, configurable: true, enumerable: true, writable: false });
  Object.defineProperty(app.manifest, 'outdir', { value: outdir, configurable: true, enumerable: true, writable: false });
}

const SIBLING = /^\.(.+)\.(staging|old)-(\d+)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging and old folders that synths killed earlier left next to the output folder. */
function removeLeftovers(parent: string, base: string): void {
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const m = SIBLING.exec(name);
    if (m && m[1] === base && (Number(m[3]) === process.pid || !alive(Number(m[3])))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Keeps what Terraform put in the stack folders (`.terraform`, the lock file, plans) when new output replaces old. */
function carryOverTerraformFiles(from: string, to: string): void {
  const stacks = path.join(from, 'stacks');
  if (!fs.existsSync(stacks)) return;
  for (const stack of fs.readdirSync(stacks)) {
    const target = path.join(to, 'stacks', stack);
    if (!fs.existsSync(target)) continue;
    for (const entry of fs.readdirSync(path.join(stacks, stack))) {
      if (!fs.existsSync(path.join(target, entry))) fs.renameSync(path.join(stacks, stack, entry), path.join(target, entry));
    }
  }
}

function synthAtomically(app: App, synth: () => void): void {
  const given = app.outdir;
  const final = path.resolve(given);
  const parent = path.dirname(final);
  const base = path.basename(final);
  removeLeftovers(parent, base);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  fs.mkdirSync(path.join(staging, 'stacks'), { recursive: true });
  setOutdir(app, staging);
  finalOutdirs.set(app, given);
  try {
    synth();
  } catch (err) {
    finalOutdirs.delete(app);
    setOutdir(app, given);
    fs.rmSync(staging, { recursive: true, force: true });
    // A refused synth leaves no output: nothing Terraform or `policy` could take for this synth's result.
    if (fs.existsSync(final)) {
      fs.renameSync(final, old);
      fs.rmSync(old, { recursive: true, force: true });
    }
    throw synthErrorFrom(err);
  }
  finalOutdirs.delete(app);
  setOutdir(app, given);
  // rename(2) is atomic but cannot replace a non-empty folder: move the old aside, the new in, then drop the old.
  if (fs.existsSync(final)) {
    carryOverTerraformFiles(final, staging);
    fs.renameSync(final, old);
  }
  fs.renameSync(staging, final);
  fs.rmSync(old, { recursive: true, force: true });
}
