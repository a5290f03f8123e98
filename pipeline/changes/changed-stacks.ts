/**
 * `changed-stacks`: synthesizes the app at a base git ref and as it is now, and compares the
 * outputs stack by stack. A stack whose committed provider lock file changed is planned too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
import { cleanUpOnInterrupt } from '../process/interrupt-cleanup';
import { changedFiles, repositoryRoot, resolveCommit, withBaseCheckout } from './base-checkout';
import { readCdktfProject } from './cdktf-project';
import { compareSynthDirs, listSynthStacks, type StackComparison } from './compare-synth-dirs';
import { normalizeStackConfig, readStackConfig } from './stack-config';
import { synthApp } from './synth-app';
import { resolveReferenceDate, SOURCE_DATE_EPOCH } from '../../policies/suppressions/reference-date';

/** The environment that makes an app's synth resolve `today` as its reference date (midnight UTC of that day). */
function referenceDateEnv(today: string | undefined): Record<string, string> {
  if (today === undefined) return {};
  return { [SOURCE_DATE_EPOCH]: String(Date.parse(`${resolveReferenceDate(today, {}, undefined, 'today')}T00:00:00Z`) / 1000) };
}
import { readSynthOutput, type SynthesizedStack } from '../../constructs/codecs/synth-output';
import { baseSynthCacheKey, SynthCache, type SynthCacheKey } from './synth-cache';
import { toolkitPackage } from '../../cli/package-root';

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
  /**
   * The date suppressions expire against in both synths (`YYYY-MM-DD` or an ISO date-time), given to
   * the app as `SOURCE_DATE_EPOCH`, so its synth-time checks answer for the same day as the caller's.
   * @default - the app reads its own environment (SOURCE_DATE_EPOCH when set, else the clock)
   */
  readonly today?: string;
  /**
   * Folder of the base synth cache (see synth-cache.ts): the base's synth output is reused from it
   * when its key matches and its files are intact, and stored in it otherwise. @default - no cache
   */
  readonly synthCache?: string;
  /** Progress lines (the cache's reuse or miss). @default - none */
  readonly log?: (line: string) => void;
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
  /**
   * The base's synthesized stacks that differ from head (changed or removed), read before the base
   * synth is removed; an unchanged stack is the same at head. @default - none (no base synth, or unreadable)
   */
  readonly baseSynthesized?: readonly SynthesizedStack[];
  /** What the base synth cache did: `reused`, `stored`, or why neither. @default - no cache asked for */
  readonly baseSynthCache?: string;
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

/** The base synth, from the cache when it holds this base, else synthesized (and stored when keyed). */
async function baseSynth(
  options: ChangedStacksOptions,
  appDir: string,
  commit: string,
  links: readonly string[],
  baseOutdir: string,
  env: Readonly<Record<string, string>>,
): Promise<{ outdir: string; appDir: string | undefined; cache?: string }> {
  const log = options.log ?? (() => undefined);
  const cache = options.synthCache ? new SynthCache(path.resolve(options.synthCache)) : undefined;
  let key: SynthCacheKey | undefined;
  let cacheNote: string | undefined;
  if (cache) {
    const keyed = await baseSynthCacheKey({
      repoRoot: await repositoryRoot(appDir),
      appDir,
      commit,
      links,
      toolkitVersion: toolkitPackage()?.manifest.version,
      env: { ...process.env, ...env },
    });
    if ('unkeyed' in keyed) {
      cacheNote = `base synth not cached: ${keyed.unkeyed}`;
    } else {
      key = keyed;
      const found = cache.lookup(key.key);
      if ('hit' in found) {
        log(`base synth reused from cache (key ${key.key})`);
        return { outdir: found.hit.outdir, appDir: found.hit.appDir, cache: `reused (key ${key.key})` };
      }
      if (found.miss === 'mismatch') cacheNote = `base synth cache entry ${key.key} does not match its manifest (${found.detail}): synthesizing the base again`;
    }
    if (cacheNote) log(cacheNote);
  }
  const baseAppDir = await withBaseCheckout(appDir, commit, links, async (dir) => {
    if (!fs.existsSync(path.join(dir, 'cdktf.json'))) return undefined;
    await synthApp(readCdktfProject(dir), baseOutdir, `base (${options.base})`, env);
    return dir;
  });
  if (!cache || !key || !baseAppDir) return { outdir: baseOutdir, appDir: baseAppDir, ...(cache ? { cache: cacheNote ?? 'not stored: no app at the base' } : {}) };
  try {
    const stored = cache.store(key, baseOutdir, baseAppDir);
    if (!stored) return { outdir: baseOutdir, appDir: baseAppDir, cache: 'not stored: the output holds links' };
    log(`base synth stored in cache (key ${key.key})`);
    return { outdir: stored, appDir: baseAppDir, cache: `stored (key ${key.key})` };
  } catch (err) {
    // A cache that cannot be written costs the next run a synth, never this check.
    const note = `base synth not stored in cache: ${err instanceof Error ? err.message : String(err)}`;
    log(note);
    return { outdir: baseOutdir, appDir: baseAppDir, cache: note };
  }
}

export async function detectChangedStacks(options: ChangedStacksOptions): Promise<ChangedStacksResult> {
  const appDir = path.resolve(options.appDir);
  const project = readCdktfProject(appDir);
  const commit = await resolveCommit(await repositoryRoot(appDir), options.base);
  const headOutdir = options.headOutdir ? path.resolve(options.headOutdir) : tempOutdir('head');
  const baseOutdir = tempOutdir('base');
  const env = referenceDateEnv(options.today);
  // A signal mid-synth removes the temporary outputs too (the synth processes are stopped first): no half-written folder is left.
  const removeTemporaryOutputs = (): void => {
    fs.rmSync(path.dirname(baseOutdir), { recursive: true, force: true });
    if (!options.headOutdir) fs.rmSync(path.dirname(headOutdir), { recursive: true, force: true });
  };
  try {
    return await cleanUpOnInterrupt(removeTemporaryOutputs, () => detect(options, project, appDir, commit, headOutdir, baseOutdir, env));
  } finally {
    fs.rmSync(path.dirname(baseOutdir), { recursive: true, force: true });
  }
}

async function detect(
  options: ChangedStacksOptions,
  project: ReturnType<typeof readCdktfProject>,
  appDir: string,
  commit: string,
  headOutdir: string,
  baseOutdir: string,
  env: ReturnType<typeof referenceDateEnv>,
): Promise<ChangedStacksResult> {
  const links = options.links ?? ['node_modules', project.codeMakerOutput];
  const [headResult, baseResult] = await Promise.allSettled([synthApp(project, headOutdir, 'head', env), baseSynth(options, appDir, commit, links, baseOutdir, env)]);
  if (headResult.status === 'rejected') throw headResult.reason;
  const forced = await lockChanges(appDir, commit, options.locksDir);
  if (baseResult.status === 'rejected') {
    const message = baseResult.reason instanceof Error ? baseResult.reason.message : String(baseResult.reason);
    const reason = `the base (${options.base}) could not be synthesized, so every stack is planned`;
    const comparisons = [...listSynthStacks(headOutdir).keys()].sort().map((stack): StackComparison => ({ stack, status: 'changed', changedBlocks: [], reasons: [reason] }));
    return { comparisons, headOutdir, baseSynthError: message };
  }
  const { outdir: baseOut, appDir: baseAppDir, cache } = baseResult.value;
  const comparisons = compareSynthDirs(baseAppDir ? baseOut : undefined, headOutdir, {
    forced,
    headAppDir: appDir,
    ...(baseAppDir ? { baseAppDir } : {}),
  });
  const baseConfigs = new Map<string, unknown>();
  if (baseAppDir) {
    const baseStacks = listSynthStacks(baseOut);
    for (const c of comparisons) {
      const dir = c.status === 'changed' ? baseStacks.get(c.stack) : undefined;
      if (dir) baseConfigs.set(c.stack, normalizeStackConfig(readStackConfig(dir), { appDir: baseAppDir }));
    }
  }
  let baseSynthesized: SynthesizedStack[] | undefined;
  try {
    const differing = comparisons.filter((c) => c.status === 'changed' || c.status === 'removed').map((c) => c.stack);
    baseSynthesized = baseAppDir ? readSynthOutput(baseOut, process.cwd(), { stacks: differing }) : [];
  } catch {
    baseSynthesized = undefined; // the comparison above already reports an unreadable base
  }
  return { comparisons, headOutdir, baseConfigs, ...(baseSynthesized ? { baseSynthesized } : {}), ...(cache !== undefined ? { baseSynthCache: cache } : {}) };
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
