/**
 * A throw-away checkout of a base git ref (`git worktree add --detach`), for synthesizing the app
 * as it was. `npm ci` there would take minutes, so the untracked folders the app needs to run
 * (`node_modules`, generated bindings) are linked in from the current checkout; if the base ref
 * changed dependencies, the base is synthesized with the head's dependencies.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
import { cleanUpOnInterrupt } from '../process/interrupt-cleanup';
import { runCommand, tail } from '../process/run-command';

async function git(args: readonly string[], cwd: string): Promise<string> {
  const result = await runCommand('git', args, { cwd });
  if (result.code !== 0) throw new PipelineInputError(`git ${args.join(' ')} failed in ${cwd}:\n${tail(result.stderr || result.stdout)}`, {}, 'git checkout');
  return result.stdout.trim();
}

export async function repositoryRoot(dir: string): Promise<string> {
  const result = await runCommand('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
  if (result.code !== 0) throw new PipelineInputError(`${dir} is not inside a git repository (needed to synthesize the base ref).`, {}, 'git checkout');
  return fs.realpathSync(result.stdout.trim());
}

export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  const result = await runCommand('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot });
  if (result.code !== 0) {
    throw new PipelineInputError(`unknown git ref "${ref}" (fetch it first; in CI check out with fetch-depth: 0).`, {}, 'git ref');
  }
  return result.stdout.trim();
}

/** Files changed between `commit` and the working tree under `pathspec`, relative to the repo root. */
export async function changedFiles(repoRoot: string, commit: string, pathspec: string): Promise<string[]> {
  const out = await git(['diff', '--name-only', commit, '--', pathspec], repoRoot);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--', pathspec], repoRoot);
  return [...out.split('\n'), ...untracked.split('\n')].filter((line) => line !== '');
}

/** Prefix of the temporary folder of every base checkout this module makes. */
const CHECKOUT_PREFIX = 'signoz-alerts-base-';
/** File in that folder holding the id of the process that made it. */
const OWNER_FILE = 'owner.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a base checkout now, synchronously (safe in a signal handler). */
function removeCheckoutSync(root: string, checkout: string): void {
  spawnSync('git', ['worktree', 'remove', '--force', checkout], { cwd: root, stdio: 'ignore' });
  fs.rmSync(path.dirname(checkout), { recursive: true, force: true });
  spawnSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore' });
}

/**
 * Removes base checkouts of this repository left behind by a run that was killed (its owner process
 * is gone): only folders this module names `signoz-alerts-base-*`, never another worktree.
 */
export async function pruneStaleBaseCheckouts(root: string): Promise<string[]> {
  const list = await runCommand('git', ['worktree', 'list', '--porcelain'], { cwd: root });
  const removed: string[] = [];
  for (const line of list.stdout.split('\n')) {
    if (!line.startsWith('worktree ')) continue;
    const checkout = line.slice('worktree '.length);
    if (path.basename(checkout) !== 'checkout' || !path.basename(path.dirname(checkout)).startsWith(CHECKOUT_PREFIX)) continue;
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(path.dirname(checkout), OWNER_FILE), 'utf8').trim());
    } catch {
      // no owner file: the folder is gone or was never finished, so the entry is stale
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) continue;
    removeCheckoutSync(root, checkout);
    removed.push(checkout);
  }
  await runCommand('git', ['worktree', 'prune'], { cwd: root });
  return removed;
}

/**
 * Runs `work` with the app folder of a detached checkout of `commit`; `links` (relative to the app
 * folder) are symlinked from `appDir` into it. The checkout is removed afterwards, on failure too and
 * when the process is interrupted (SIGINT, SIGTERM, SIGHUP); checkouts left by a killed run are
 * removed first.
 */
export async function withBaseCheckout<T>(appDir: string, commit: string, links: readonly string[], work: (baseAppDir: string) => Promise<T>): Promise<T> {
  const root = await repositoryRoot(appDir);
  await pruneStaleBaseCheckouts(root);
  const appRelative = path.relative(root, fs.realpathSync(appDir));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), CHECKOUT_PREFIX));
  fs.writeFileSync(path.join(temp, OWNER_FILE), `${process.pid}\n`);
  const checkout = path.join(temp, 'checkout');
  try {
    return await cleanUpOnInterrupt(
      () => removeCheckoutSync(root, checkout),
      async () => {
        await git(['worktree', 'add', '--detach', '--quiet', checkout, commit], root);
        const baseAppDir = path.join(checkout, appRelative);
        for (const link of links) {
          const source = path.join(appDir, link);
          const target = path.join(baseAppDir, link);
          if (fs.existsSync(source) && fs.existsSync(baseAppDir) && !fs.existsSync(target)) {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.symlinkSync(fs.realpathSync(source), target, 'junction');
          }
        }
        return await work(baseAppDir);
      },
    );
  } finally {
    await runCommand('git', ['worktree', 'remove', '--force', checkout], { cwd: root });
    fs.rmSync(temp, { recursive: true, force: true });
    await runCommand('git', ['worktree', 'prune'], { cwd: root });
  }
}
