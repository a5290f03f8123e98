/**
 * `changed-stacks`: synthesizes the app at a base git ref and as it is now, and compares the
 * outputs stack by stack. A stack whose committed provider lock file changed is planned too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
import { changedFiles, repositoryRoot, resolveCommit, withBaseCheckout } from './base-checkout';
import { readCdktfProject } from './cdktf-project';
import { compareSynthDirs, listSynthStacks, type StackComparison } from './compare-synth-dirs';
import { normalizeStackConfig, readStackConfig } from './stack-config';
import { synthApp } from './synth-app';
import { readSynthOutput, type SynthesizedStack } from '../../constructs/codecs/synth-output';

export interface ChangedStacksOptions {
  /** Folder of cdktf.json. */
  readonly appDir: string;
  /** Git ref to compare with (branch, tag or commit). */
  readonly base: string;
  /** Where to synthesize the head (default: a temporary folder). */
  readonly headOutdir?: string;
  /** Folder of the committed lock files, `<locksDir>/<stack>/.terraform.lock.hcl`. */
  readonly locksDir?: string;
  /** Untracked folders linked into the base checkout (default: node_modules and the bindings folder). */
  readonly links?: readonly string[];
}

export interface ChangedStacksResult {
  readonly comparisons: readonly StackComparison[];
  readonly headOutdir: string;
  /** Set when the base could not be synthesized; every head stack is then planned. */
  readonly baseSynthError?: string;
  /**
   * The base configs of the changed stacks that exist at base, normalized (cdktf metadata dropped,
   * the base checkout's path as `<app-dir>`), kept after the base synth is removed: what a config
   * diff compares the head with when a stack cannot be planned. @default - none (no base synth)
   */
  readonly baseConfigs?: ReadonlyMap<string, unknown>;
  /** The base's synthesized stacks, read before the base synth is removed (what routing was). @default - none (no base synth, or unreadable) */
  readonly baseSynthesized?: readonly SynthesizedStack[];
}

function tempOutdir(label: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `signoz-alerts-${label}-`)), 'cdktf.out');
}

async function lockChanges(appDir: string, commit: string, locksDir: string | undefined): Promise<Map<string, string>> {
  const forced = new Map<string, string>();
  if (!locksDir || !fs.existsSync(locksDir)) return forced;
  const root = await repositoryRoot(appDir);
  const relative = path.relative(root, fs.realpathSync(locksDir));
  for (const file of await changedFiles(root, commit, relative)) {
    const parts = path.relative(relative, file).split(/[\\/]/);
    if (parts.length === 2 && parts[1] === '.terraform.lock.hcl') forced.set(parts[0]!, 'its provider lock file changed');
  }
  return forced;
}

export async function detectChangedStacks(options: ChangedStacksOptions): Promise<ChangedStacksResult> {
  const appDir = path.resolve(options.appDir);
  const project = readCdktfProject(appDir);
  const commit = await resolveCommit(await repositoryRoot(appDir), options.base);
  const headOutdir = options.headOutdir ? path.resolve(options.headOutdir) : tempOutdir('head');
  const baseOutdir = tempOutdir('base');
  const links = options.links ?? ['node_modules', project.codeMakerOutput];
  try {
    const [headResult, baseResult] = await Promise.allSettled([
      synthApp(project, headOutdir, 'head'),
      withBaseCheckout(appDir, commit, links, async (baseAppDir) => {
        if (!fs.existsSync(path.join(baseAppDir, 'cdktf.json'))) return undefined;
        await synthApp(readCdktfProject(baseAppDir), baseOutdir, `base (${options.base})`);
        return baseAppDir;
      }),
    ]);
    if (headResult.status === 'rejected') throw headResult.reason;
    const forced = await lockChanges(appDir, commit, options.locksDir);
    if (baseResult.status === 'rejected') {
      const message = baseResult.reason instanceof Error ? baseResult.reason.message : String(baseResult.reason);
      const reason = `the base (${options.base}) could not be synthesized, so every stack is planned`;
      const comparisons = [...listSynthStacks(headOutdir).keys()].sort().map((stack): StackComparison => ({ stack, status: 'changed', changedBlocks: [], reasons: [reason] }));
      return { comparisons, headOutdir, baseSynthError: message };
    }
    const baseAppDir = baseResult.value;
    const comparisons = compareSynthDirs(baseAppDir ? baseOutdir : undefined, headOutdir, {
      forced,
      headAppDir: appDir,
      ...(baseAppDir ? { baseAppDir } : {}),
    });
    const baseConfigs = new Map<string, unknown>();
    if (baseAppDir) {
      const baseStacks = listSynthStacks(baseOutdir);
      for (const c of comparisons) {
        const dir = c.status === 'changed' ? baseStacks.get(c.stack) : undefined;
        if (dir) baseConfigs.set(c.stack, normalizeStackConfig(readStackConfig(dir), { appDir: baseAppDir }));
      }
    }
    let baseSynthesized: SynthesizedStack[] | undefined;
    try {
      baseSynthesized = baseAppDir ? readSynthOutput(baseOutdir) : [];
    } catch {
      baseSynthesized = undefined; // the comparison above already reports an unreadable base
    }
    return { comparisons, headOutdir, baseConfigs, ...(baseSynthesized ? { baseSynthesized } : {}) };
  } finally {
    fs.rmSync(path.dirname(baseOutdir), { recursive: true, force: true });
  }
}

/** Every stack of the app as it is now (for jobs that cover all stacks, like the drift check). */
export async function listAllStacks(appDir: string, headOutdir?: string): Promise<{ stacks: string[]; headOutdir: string }> {
  const project = readCdktfProject(path.resolve(appDir));
  const outdir = headOutdir ? path.resolve(headOutdir) : tempOutdir('head');
  await synthApp(project, outdir, 'app');
  const stacks = [...listSynthStacks(outdir).keys()].sort();
  if (stacks.length === 0) throw new PipelineInputError(`the app in ${project.dir} synthesized no stacks.`, {}, 'cdktf app');
  return { stacks, headOutdir: outdir };
}
