/**
 * `changed-stacks` leaves no registered git worktree behind: not when it is interrupted while the
 * base is being synthesized (SIGTERM, SIGINT), and a checkout left by a run killed outright
 * (SIGKILL, no chance to clean up) is removed by the next run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pruneStaleBaseCheckouts } from '../../../pipeline/changes/base-checkout';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('changed-stacks-interrupt-');
const CLI = path.resolve(__dirname, '../../../scripts/signoz-alerts.ts');

function worktrees(repo: GitAppRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => line.slice('worktree '.length));
}

/** Starts `changed-stacks` and resolves once its base checkout is registered. */
async function startUntilCheckout(repo: GitAppRepo, base: string): Promise<{ child: ChildProcess; checkout: string; exited: Promise<NodeJS.Signals | null> }> {
  // node itself (not the tsx wrapper), so the signal reaches the process that holds the checkout.
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'changed-stacks', '--base', base, '--app-dir', repo.dir], { cwd: repo.dir, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (let i = 0; i < 600; i++) {
    const extra = worktrees(repo).filter((w) => path.basename(path.dirname(w)).startsWith('signoz-alerts-base-'));
    if (extra.length > 0) return { child, checkout: extra[0]!, exited };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('changed-stacks never registered a base checkout');
}

describe('changed-stacks and its base checkout', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('removes the worktree when it gets %s', async (signal) => {
    // GIVEN changed-stacks running, its base checkout registered
    const repo = GitAppRepo.create(path.join(root, signal), { prod: { cpu: 80 } });
    const base = repo.git('rev-parse', 'HEAD');
    const { child, checkout, exited } = await startUntilCheckout(repo, base);
    // WHEN it is interrupted
    child.kill(signal);
    // THEN it dies of that signal, and neither the worktree entry nor its folder is left
    expect(await exited).toBe(signal);
    expect(worktrees(repo)).toHaveLength(1);
    expect(fs.existsSync(path.dirname(checkout))).toBe(false);
  });

  it('removes, on the next run, a checkout left by a run killed outright, and keeps other worktrees', async () => {
    const repo = GitAppRepo.create(path.join(root, 'kill'), { prod: { cpu: 80 } });
    const base = repo.git('rev-parse', 'HEAD');
    const mine = path.join(root, 'kill-own-worktree');
    repo.git('worktree', 'add', '--detach', '--quiet', mine, base);
    const { child, checkout, exited } = await startUntilCheckout(repo, base);
    child.kill('SIGKILL');
    await exited;
    expect(worktrees(repo)).toHaveLength(3);
    // WHEN the next run starts (its first step)
    const removed = await pruneStaleBaseCheckouts(fs.realpathSync(repo.dir));
    // THEN only the dead run's checkout is gone
    expect(removed).toEqual([checkout]);
    expect(worktrees(repo).map((w) => fs.realpathSync(w))).toEqual([fs.realpathSync(repo.dir), fs.realpathSync(mine)]);
    expect(fs.existsSync(path.dirname(checkout))).toBe(false);
  });
});
