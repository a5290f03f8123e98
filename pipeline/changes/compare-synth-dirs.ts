/**
 * Which stacks a change touches, decided by what cdktf synthesizes rather than by which files
 * changed: two synth outputs (base and head) are compared stack by stack on their normalized
 * `cdk.tf.json`. A refactor that changes no output touches nothing; a change to a shared construct
 * touches every stack whose output it changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import { isPlainObject } from '../../constructs/util/json';
import { readManifest } from '../../constructs/codecs/synth-output';
import { appDirPrefixes, normalizeStackConfig, readStackConfig, STACK_CONFIG_FILE } from './stack-config';

export type StackChangeStatus = 'changed' | 'added' | 'removed' | 'unchanged';

export interface StackComparison {
  readonly stack: string;
  readonly status: StackChangeStatus;
  /** Addresses and blocks that differ (`signoz_rule.cpu_high`, `provider.signoz`, `output.count`, ...). */
  readonly changedBlocks: readonly string[];
  /** Why the stack is planned although its config did not change (e.g. its lock file changed). */
  readonly reasons: readonly string[];
}

/** Stack name -> folder of its synthesized config, from `manifest.json` (or the `stacks/` folder). */
export function listSynthStacks(outdir: string): Map<string, string> {
  const stacks = new Map<string, string>();
  // A manifest that cannot be read is a SynthOutputError (a ToolkitError: the CLI reports it, exit 2).
  const manifest = readManifest(outdir);
  if (manifest) {
    for (const entry of manifest) stacks.set(entry.name, path.resolve(outdir, entry.workingDirectory));
    return stacks;
  }
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return stacks;
  for (const name of fs.readdirSync(stacksDir).sort()) {
    if (fs.existsSync(path.join(stacksDir, name, STACK_CONFIG_FILE))) stacks.set(name, path.join(stacksDir, name));
  }
  return stacks;
}

/** Blocks of a normalized config keyed by address: resources and data sources one by one, other blocks by name. */
function blocksOf(config: unknown): Map<string, string> {
  const blocks = new Map<string, string>();
  if (config === null || typeof config !== 'object') return blocks;
  for (const [section, body] of Object.entries(config as Record<string, unknown>)) {
    if ((section === 'resource' || section === 'data') && isPlainObject(body)) {
      for (const [type, instances] of Object.entries(body)) {
        for (const [name, value] of Object.entries((instances ?? {}) as Record<string, unknown>)) {
          blocks.set(`${section === 'data' ? 'data.' : ''}${type}.${name}`, canonicalize(value) ?? '');
        }
      }
    } else if (isPlainObject(body) && section !== 'terraform') {
      for (const [name, value] of Object.entries(body)) blocks.set(`${section}.${name}`, canonicalize(value) ?? '');
    } else {
      blocks.set(section, canonicalize(body) ?? '');
    }
  }
  return blocks;
}

function changedBlocks(before: unknown, after: unknown): string[] {
  const a = blocksOf(before);
  const b = blocksOf(after);
  const changed = new Set<string>();
  for (const [key, value] of a) if (b.get(key) !== value) changed.add(key);
  for (const key of b.keys()) if (!a.has(key)) changed.add(key);
  return [...changed].sort();
}

export interface CompareOptions {
  /** Stacks to plan whatever their config says, with the reason (e.g. a changed lock file). */
  readonly forced?: ReadonlyMap<string, string>;
  /** JSON Pointers of fields to ignore in every stack config. */
  readonly volatile?: readonly string[];
  /** App folders the base and head were synthesized from (their absolute paths are not a change). */
  readonly baseAppDir?: string;
  readonly headAppDir?: string;
}

/**
 * True when both stacks' files hold the same bytes and name neither app folder: their normalized
 * configs are then equal without being built (most stacks of a change are untouched).
 */
function sameBytes(baseDir: string, headDir: string, options: CompareOptions): boolean {
  let after: Buffer;
  try {
    const before = fs.readFileSync(path.join(baseDir, STACK_CONFIG_FILE));
    after = fs.readFileSync(path.join(headDir, STACK_CONFIG_FILE));
    if (!before.equals(after)) return false;
  } catch {
    return false; // unreadable: the full comparison reports it
  }
  // each folder as written and as a JSON string writes it (the same text unless it holds `"` or `\`), searched in the bytes
  const prefixes = new Set([...appDirPrefixes(options.baseAppDir), ...appDirPrefixes(options.headAppDir)].flatMap((p) => [p, JSON.stringify(p).slice(1, -1)]));
  return ![...prefixes].some((p) => after.includes(p));
}

/** Compares base and head synth outputs; `baseOutdir` undefined means "no stacks at base". */
export function compareSynthDirs(baseOutdir: string | undefined, headOutdir: string, options: CompareOptions = {}): StackComparison[] {
  const base = baseOutdir ? listSynthStacks(baseOutdir) : new Map<string, string>();
  const head = listSynthStacks(headOutdir);
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  return names.map((stack): StackComparison => {
    const reason = options.forced?.get(stack);
    const reasons = reason ? [reason] : [];
    const baseDir = base.get(stack);
    const headDir = head.get(stack);
    if (!headDir) return { stack, status: 'removed', changedBlocks: [], reasons };
    if (baseDir && sameBytes(baseDir, headDir, options)) return { stack, status: reasons.length > 0 ? 'changed' : 'unchanged', changedBlocks: [], reasons };
    const volatile = options.volatile ?? [];
    const after = normalizeStackConfig(readStackConfig(headDir), { volatile, ...(options.headAppDir ? { appDir: options.headAppDir } : {}) });
    if (!baseDir) return { stack, status: 'added', changedBlocks: [...blocksOf(after).keys()].sort(), reasons };
    const before = normalizeStackConfig(readStackConfig(baseDir), { volatile, ...(options.baseAppDir ? { appDir: options.baseAppDir } : {}) });
    const blocks = changedBlocks(before, after);
    const status = blocks.length > 0 || reasons.length > 0 ? 'changed' : 'unchanged';
    return { stack, status, changedBlocks: blocks, reasons };
  });
}

/** The stacks to plan: changed and added ones (removed stacks have no config left to plan). */
export function stacksToPlan(comparisons: readonly StackComparison[]): string[] {
  return comparisons.filter((c) => c.status === 'changed' || c.status === 'added').map((c) => c.stack);
}

/** A GitHub Actions matrix over stacks: `{"include":[{"stack":"prod"}]}`. */
export function matrixJson(stacks: readonly string[]): string {
  return JSON.stringify({ include: stacks.map((stack) => ({ stack })) });
}
