/**
 * The base synth cache: what the base of a change synthesized, kept so that a later check against
 * the same base does not synthesize it again (a PR check then costs about one synth). An entry is
 * keyed by everything the base synth is known to depend on, and reused only when every part of the
 * key is known and equal and every file still has the hash recorded when it was stored; any doubt
 * (no lock file, a part that cannot be read, a file that does not match) means synthesizing again.
 *
 * Layout: `<dir>/base-<key>/cdktf.out/...` (the synth output as written) and
 * `<dir>/base-<key>/entry.json` (the key's parts, the app folder the base was synthesized in, and
 * the sha256 of every file). A store replaces the entries of other keys: the folder holds the base
 * last synthesized, which is what `actions/cache` saves under the base commit.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import { runCommand } from '../process/run-command';

/** Environment variable naming the cache folder (the `--synth-cache` option wins). */
export const SYNTH_CACHE_ENV = 'SIGNOZ_ALERTS_SYNTH_CACHE';
/** Environment variables a synth is known to read, so part of the key. */
const KEY_ENV = ['SOURCE_DATE_EPOCH'] as const;
/** Lock files that pin `node_modules`, looked for from the app folder up to the repository root. */
const LOCK_FILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'] as const;
const ENTRY_FILE = 'entry.json';
const OUTPUT_DIR = 'cdktf.out';
const ENTRY_VERSION = 1;

/** What a base synth depends on; two synths with equal parts write the same output. */
export interface SynthCacheKeyParts {
  /** The git tree of the whole repository at the base commit (the app may import code outside its folder). */
  readonly tree: string;
  /** Folder of the app relative to the repository root. */
  readonly appPath: string;
  /** The toolkit's version (the one running the check). */
  readonly toolkit: string;
  /** sha256 of each lock file pinning `node_modules` (the base synth runs with the head's). */
  readonly lockfiles: Readonly<Record<string, string>>;
  /** sha256 of the untracked folders linked into the base checkout, other than node_modules (generated bindings). */
  readonly links: Readonly<Record<string, string>>;
  readonly node: string;
  readonly platform: string;
  /** The environment variables a synth is known to read. */
  readonly env: Readonly<Record<string, string>>;
}

export interface SynthCacheKey {
  readonly key: string;
  readonly parts: SynthCacheKeyParts;
}

/** A reusable entry: the synth output folder and the app folder it was synthesized in. */
export interface SynthCacheHit {
  readonly outdir: string;
  readonly appDir: string;
}

export type SynthCacheLookup = { readonly hit: SynthCacheHit } | { readonly miss: 'absent' } | { readonly miss: 'mismatch'; readonly detail: string };

interface EntryFile {
  readonly version: number;
  readonly key: string;
  readonly parts: SynthCacheKeyParts;
  readonly appDir: string;
  /** Path relative to the entry folder (`/` separated) -> sha256 hex. */
  readonly files: Readonly<Record<string, string>>;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every regular file under `dir`, relative and `/` separated, sorted; undefined when a link or special file is found. */
function filesUnder(dir: string): string[] | undefined {
  const out: string[] = [];
  const walk = (rel: string): boolean => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!walk(child)) return false;
      } else if (entry.isFile()) out.push(child);
      else return false;
    }
    return true;
  };
  return walk('') ? out.sort() : undefined;
}

/** sha256 over the relative paths and contents of every file under `dir` (following links); undefined when unreadable. */
function folderHash(dir: string): string | undefined {
  try {
    const real = fs.realpathSync(dir);
    const files: string[] = [];
    const walk = (rel: string): void => {
      for (const entry of fs.readdirSync(path.join(real, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        const stat = fs.statSync(path.join(real, child));
        if (stat.isDirectory()) walk(child);
        else if (stat.isFile()) files.push(child);
      }
    };
    walk('');
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${file}\0${sha256(fs.readFileSync(path.join(real, file)))}\n`);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * The key of the base synth of `commit`, or why there is none (then nothing is reused or stored).
 * `links` are the untracked folders linked into the base checkout (node_modules is covered by the lock file).
 */
export async function baseSynthCacheKey(options: {
  readonly repoRoot: string;
  readonly appDir: string;
  readonly commit: string;
  readonly links: readonly string[];
  readonly toolkitVersion: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): Promise<SynthCacheKey | { readonly unkeyed: string }> {
  const tree = await runCommand('git', ['rev-parse', '--verify', '--quiet', `${options.commit}^{tree}`], { cwd: options.repoRoot });
  if (tree.code !== 0) return { unkeyed: 'the base commit has no tree' };
  if (!options.toolkitVersion) return { unkeyed: "the toolkit's version is unknown" };
  const appDir = fs.realpathSync(options.appDir);
  const lockfiles: Record<string, string> = {};
  for (let dir = appDir; ; dir = path.dirname(dir)) {
    for (const name of LOCK_FILES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) lockfiles[path.relative(options.repoRoot, file).split(path.sep).join('/')] = sha256(fs.readFileSync(file));
    }
    if (dir === options.repoRoot || dir === path.dirname(dir)) break;
  }
  if (Object.keys(lockfiles).length === 0) return { unkeyed: 'no lock file pins node_modules' };
  const links: Record<string, string> = {};
  for (const link of options.links) {
    if (link === 'node_modules' || !fs.existsSync(path.join(appDir, link))) continue;
    const hash = folderHash(path.join(appDir, link));
    if (hash === undefined) return { unkeyed: `${link} cannot be read` };
    links[link] = hash;
  }
  const env = options.env ?? process.env;
  const parts: SynthCacheKeyParts = {
    tree: tree.stdout.trim(),
    appPath: path.relative(options.repoRoot, appDir).split(path.sep).join('/'),
    toolkit: options.toolkitVersion,
    lockfiles,
    links,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    env: Object.fromEntries(KEY_ENV.flatMap((name) => (env[name] !== undefined ? [[name, env[name]!]] : []))),
  };
  return synthCacheKey(parts);
}

/** The key of these parts: 32 hex digits of the sha256 of their canonical JSON. */
export function synthCacheKey(parts: SynthCacheKeyParts): SynthCacheKey {
  return { key: sha256(canonicalize(parts) ?? '').slice(0, 32), parts };
}

/** The cache folder; see the module comment. */
export class SynthCache {
  constructor(readonly dir: string) {}

  private entryDir(key: string): string {
    return path.join(this.dir, `base-${key}`);
  }

  /** The entry of `key`, when present and every file matches its recorded hash. */
  lookup(key: string): SynthCacheLookup {
    const dir = this.entryDir(key);
    let entry: EntryFile;
    try {
      entry = JSON.parse(fs.readFileSync(path.join(dir, ENTRY_FILE), 'utf8')) as EntryFile;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { miss: 'absent' };
      return { miss: 'mismatch', detail: `${ENTRY_FILE} cannot be read` };
    }
    if (entry === null || typeof entry !== 'object' || entry.version !== ENTRY_VERSION || entry.key !== key || typeof entry.appDir !== 'string') {
      return { miss: 'mismatch', detail: `${ENTRY_FILE} is not an entry of this key` };
    }
    const recorded = entry.files !== null && typeof entry.files === 'object' ? entry.files : {};
    const present = fs.existsSync(path.join(dir, OUTPUT_DIR)) ? filesUnder(path.join(dir, OUTPUT_DIR)) : undefined;
    if (!present) return { miss: 'mismatch', detail: `${OUTPUT_DIR} is missing or holds a link` };
    const names = present.map((f) => `${OUTPUT_DIR}/${f}`);
    const extra = names.find((f) => !(f in recorded));
    if (extra) return { miss: 'mismatch', detail: `${extra} is not in ${ENTRY_FILE}` };
    const missing = Object.keys(recorded).find((f) => !names.includes(f));
    if (missing) return { miss: 'mismatch', detail: `${missing} is missing` };
    for (const name of names) {
      if (sha256(fs.readFileSync(path.join(dir, name))) !== recorded[name]) return { miss: 'mismatch', detail: `${name} does not match its hash` };
    }
    return { hit: { outdir: path.join(dir, OUTPUT_DIR), appDir: entry.appDir } };
  }

  /**
   * Moves (or copies) a finished synth output into the entry of `key`, replacing the entries of
   * other keys; `appDir` is the folder it was synthesized in. Returns the entry's output folder, or
   * undefined when the output holds something other than files and folders (not stored).
   */
  store(key: SynthCacheKey, outdir: string, appDir: string): string | undefined {
    const files = filesUnder(outdir);
    if (!files) return undefined;
    fs.mkdirSync(this.dir, { recursive: true });
    const staging = fs.mkdtempSync(path.join(this.dir, '.staging-'));
    const target = path.join(staging, OUTPUT_DIR);
    let moved = false;
    try {
      try {
        fs.renameSync(outdir, target);
        moved = true;
      } catch {
        fs.cpSync(outdir, target, { recursive: true });
      }
      const hashes = Object.fromEntries(files.map((f) => [`${OUTPUT_DIR}/${f}`, sha256(fs.readFileSync(path.join(target, f)))]));
      const entry: EntryFile = { version: ENTRY_VERSION, key: key.key, parts: key.parts, appDir, files: hashes };
      fs.writeFileSync(path.join(staging, ENTRY_FILE), `${JSON.stringify(entry, null, 2)}\n`);
      for (const name of fs.readdirSync(this.dir)) {
        if (name.startsWith('base-')) fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
      }
      fs.renameSync(staging, this.entryDir(key.key));
      return path.join(this.entryDir(key.key), OUTPUT_DIR);
    } catch (err) {
      // The output goes back where it was: the check goes on with it.
      if (moved && fs.existsSync(target)) fs.renameSync(target, outdir);
      throw err;
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
}
