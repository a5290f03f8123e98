/**
 * `npm run bench` takes a long time, so a mistyped or unknown flag must stop it at once with the
 * usage (exit 2), and `--help` must print the usage instead of starting a run.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const RUN = path.resolve(__dirname, '../../bench/run.ts');
const bench = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run bench flags', () => {
  it('--help prints the usage and runs nothing', () => {
    const run = bench('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('usage: npm run bench -- [--quick] [--sizes N,N] [--only GROUP,GROUP]');
    expect(run.stderr).not.toContain('synth:');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--sizes', '0,10'], '--sizes takes positive integers separated by commas, got "0,10"'],
    [['--only', 'commandz'], '--only: unknown group commandz; the groups are synth, commands, evaluate, pr-check'],
  ])('refuses %j with one line and the usage, before any work (exit 2)', (args, message) => {
    const run = bench(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`bench: ${message}`);
    expect(run.stderr).toContain('usage: npm run bench');
    expect(run.stdout).toBe('');
  });
});
