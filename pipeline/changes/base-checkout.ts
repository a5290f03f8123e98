/**
 * A throw-away checkout of a base git ref (`git worktree add --detach`), for synthesizing the app
 * as it was. `npm ci` there would take minutes, so the untracked folders the app needs to run
 * (`node_modules`, generated bindings) are linked in from the current checkout; if the base ref
 * changed dependencies, the base is synthesized with the head's dependencies.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
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

/**
 * Runs `work` with the app folder of a detached checkout of `commit`; `links` (relative to the app
 * folder) are symlinked from `appDir` into it. The checkout is removed afterwards, even on failure.
 */
export async function withBaseCheckout<T>(appDir: string, commit: string, links: readonly string[], work: (baseAppDir: string) => Promise<T>): Promise<T> {
  const root = await repositoryRoot(appDir);
  const appRelative = path.relative(root, fs.realpathSync(appDir));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-base-'));
  const checkout = path.join(temp, 'checkout');
  await git(['worktree', 'add', '--detach', '--quiet', checkout, commit], root);
  try {
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
  } finally {
    await runCommand('git', ['worktree', 'remove', '--force', checkout], { cwd: root });
    fs.rmSync(temp, { recursive: true, force: true });
    await runCommand('git', ['worktree', 'prune'], { cwd: root });
  }
}
