/**
 * `changed-stacks` leaves no registered git worktree behind: not when it is interrupted while the
 * base is being synthesized (SIGTERM, SIGINT), and a checkout left by a run killed outright
 * (SIGKILL, no chance to clean up) is removed by the next run. Interrupted, it also leaves none of
 * the app's synth processes running (the app's command starts others, as `npx tsx main.ts` does),
 * nor the synths' temporary output folders.
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

/** Pids of the processes whose command line contains `marker` (Linux /proc). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}

async function until(condition: () => boolean, tries: number): Promise<boolean> {
  for (let i = 0; i < tries && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}

/**
 * A synth command that never ends, a tree like `sh -c "npx tsx main.ts"`: the shell starts node,
 * which starts another node that ignores SIGTERM (as tsx does while it waits for its child) and then
 * writes `ready`. Every process carries `marker` on its command line.
 */
function slowSynthApp(repo: GitAppRepo, marker: string, ready: string): void {
  const leaf = `process.on('SIGTERM', () => {}); require('node:fs').writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1000);`;
  repo.write(
    'slow-synth.js',
    [
      "const { spawn } = require('node:child_process');",
      `spawn(process.execPath, ['-e', ${JSON.stringify(leaf)}, process.argv[2]], { stdio: 'inherit' });`,
      'setInterval(() => {}, 1000);',
      '',
    ].join('\n'),
  );
  repo.write('cdktf.json', JSON.stringify({ language: 'typescript', app: `node slow-synth.js ${marker}; true`, output: 'cdktf.out' }, null, 2));
  repo.commit('slow synth');
}

const linuxOnly = process.platform === 'linux' ? describe : describe.skip; // reads /proc to find the synth's processes

linuxOnly('changed-stacks interrupted during the synth', () => {
  const markers: string[] = [];
  afterEach(() => {
    for (const marker of markers.splice(0)) {
      for (const pid of processesWith(marker)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Ended meanwhile.
        }
      }
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops every process of the synth when it gets %s', async (signal) => {
    // GIVEN changed-stacks waiting on an app synth whose processes never end by themselves
    const marker = `signoz-alerts-synth-marker-${process.pid}-${signal}`;
    markers.push(marker);
    const repo = GitAppRepo.create(path.join(root, `synth-${signal}`), { prod: { cpu: 80 } });
    const ready = path.join(root, `synth-${signal}-leaf-ready`);
    slowSynthApp(repo, marker, ready);
    const base = repo.git('rev-parse', 'HEAD');
    const tmp = path.join(root, `synth-${signal}-tmp`);
    fs.mkdirSync(tmp);
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'changed-stacks', '--base', base, '--no-synth-cache'], {
      cwd: repo.dir,
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: tmp },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const leafRunning = await until(() => fs.existsSync(ready), 1200);
    if (!leafRunning) child.kill('SIGKILL');
    expect(leafRunning).toBe(true);
    // WHEN the CLI alone (not its process group) gets the signal
    child.kill(signal);
    // THEN it dies of that signal, and none of the synth's processes is left running
    expect(await exited).toBe(signal);
    await until(() => processesWith(marker).length === 0, 200);
    expect(processesWith(marker)).toEqual([]);
    // and neither the head nor the base synth's temporary output folder is left half-written
    expect(fs.readdirSync(tmp).filter((name) => name.startsWith('signoz-alerts-'))).toEqual([]);
  });
});
