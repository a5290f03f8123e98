/**
 * The base synth cache: a second check against the same base reuses what the first synthesized,
 * a cache file that no longer matches its recorded hash is synthesized again, and anything the key
 * does not cover (another base, no lock file) is never reused. A tiny cdktf app in a real git
 * repository; Terraform is a stand-in binary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('synth-cache-');
const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));
const env = { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's', TERRAFORM_BINARY_NAME: fakeTerraform };

function entries(cache: string): string[] {
  return fs.existsSync(cache) ? fs.readdirSync(cache).sort() : [];
}

describe('base synth cache', () => {
  const repo = GitAppRepo.create(path.join(root, 'repo'), { prod: { cpu: 80 }, staging: { cpu: 70 } });
  repo.write('package-lock.json', '{"lockfileVersion":3}\n');
  const base = repo.commit('pin dependencies');
  repo.writeStacks({ prod: { cpu: 75 }, staging: { cpu: 70 } });
  const cache = path.join(root, 'cache');
  const prCheck = () => runCli(['pr-check', '--no-checks', '--base', base, '--synth-cache', cache], repo.dir, env);

  it('stores the base synth on the first run and reuses it on the second, with the same outcome', async () => {
    const first = await prCheck();
    expect(first.code, first.stderr).toBe(0);
    const key = /base synth stored in cache \(key ([0-9a-f]{32})\)/.exec(first.stderr)?.[1];
    expect(key).toBeDefined();
    expect(entries(cache)).toEqual([`base-${key}`]);
    expect(fs.existsSync(path.join(cache, `base-${key}`, 'cdktf.out', 'stacks', 'prod', 'cdk.tf.json'))).toBe(true);
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');

    const second = await prCheck();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`pr-check: base synth reused from cache (key ${key})`);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toContain('planned: prod; changes: yes');
    expect(fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8')).toBe(comment);
  });

  it('synthesizes the base again when a cached file was changed, and does not believe it', async () => {
    const [entry] = entries(cache);
    // Made to look like the head: trusted, it would hide the change to prod.
    const file = path.join(cache, entry!, 'cdktf.out', 'stacks', 'prod', 'cdk.tf.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"threshold": 80', '"threshold": 75'));
    const run = await prCheck();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `pr-check: base synth cache entry ${entry!.slice('base-'.length)} does not match its manifest (cdktf.out/stacks/prod/cdk.tf.json does not match its hash): synthesizing the base again`,
    );
    expect(run.stdout).toContain('planned: prod; changes: yes');
    expect(run.stderr).toContain('base synth stored in cache');
    const again = await prCheck();
    expect(again.stderr).toContain('base synth reused from cache');
  });

  it('keys on the base: changed-stacks against another base synthesizes it and keeps only that entry', async () => {
    const [before] = entries(cache);
    repo.commit('tighten prod');
    const run = await runCli(['changed-stacks', '--base', 'HEAD', '--synth-cache', cache], repo.dir, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^unchanged prod$/m);
    expect(run.stderr).not.toContain('reused');
    const [after] = entries(cache);
    expect(entries(cache)).toHaveLength(1);
    expect(after).not.toBe(before);
    const reused = await runCli(['changed-stacks', '--base', 'HEAD', '--synth-cache', cache], repo.dir, env);
    expect(reused.stderr).toContain(`base synth reused from cache (key ${after!.slice('base-'.length)})`);
    expect(reused.stdout).toBe(run.stdout);
  });

  it('neither reuses nor stores without a lock file pinning node_modules, nor with --no-synth-cache', async () => {
    const bare = GitAppRepo.create(path.join(root, 'bare'), { prod: { cpu: 80 } });
    const bareCache = path.join(root, 'bare-cache');
    const run = await runCli(['changed-stacks', '--base', 'HEAD', '--synth-cache', bareCache], bare.dir, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('base synth not cached: no lock file pins node_modules');
    expect(entries(bareCache)).toEqual([]);
    const off = await runCli(['changed-stacks', '--base', 'HEAD', '--no-synth-cache'], repo.dir, { ...env, SIGNOZ_ALERTS_SYNTH_CACHE: cache });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stderr).not.toContain('base synth');
  });
});
