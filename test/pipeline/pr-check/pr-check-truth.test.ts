/**
 * `pr-check` never says "no changes" when nothing was planned, reads plans of any size, and removes
 * the saved plan (secrets in clear text) on every way out. Terraform is a stand-in binary
 * (`fake-terraform`), the app a tiny cdktf app in a real git repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-truth-');
const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));

const changedRepo = (name: string): { repo: GitAppRepo; base: string } => GitAppRepo.withOneChange(path.join(root, name));

async function prCheck(repo: GitAppRepo, base: string, env: Record<string, string>) {
  const run = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's', ...env });
  const out = path.join(repo.dir, '.pr-check');
  const comment = fs.existsSync(path.join(out, 'comment.md')) ? fs.readFileSync(path.join(out, 'comment.md'), 'utf8') : undefined;
  const plans = fs.existsSync(path.join(out, 'plans'))
    ? fs
        .readdirSync(path.join(out, 'plans'))
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [];
  return { run, comment, plans };
}

describe('pr-check tells the truth about what was planned', () => {
  it('reads a plan whose `terraform show -json` is bigger than 4 MiB, and removes the saved plan and its JSON', async () => {
    const { repo, base } = changedRepo('big');
    const { run, comment, plans } = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'big', FAKE_TF_MB: '6' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('planned: prod; changes: yes');
    expect(comment).toMatch(/<!-- signoz-alerts:fingerprint stack=prod sha256:[0-9a-f]{64} -->/);
    expect(comment).toContain('1 stack: 1 to update.');
    expect(plans).toEqual(['prod.fingerprint.json']);
  });

  it.each([
    ['show-fails', 'Failed to read the given file'],
    ['garbage', 'invalid JSON at line 1'],
  ])('reports a plan that could not be read (%s) as not planned, fails, and still removes the saved plan', async (mode, why) => {
    const { repo, base } = changedRepo(`unreadable-${mode}`);
    const { run, comment, plans } = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: mode });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('planned: none; not planned: prod; changes: unknown');
    expect(run.stderr).toContain(why);
    expect(comment).not.toMatch(/no changes\./);
    expect(comment).toContain('not planned: prod');
    expect(comment).not.toContain('signoz-alerts:fingerprint');
    expect(plans).toEqual([]);
  });

  it('reports an errored plan as an error: exit 1, no fingerprint, never "no changes"', async () => {
    const { repo, base } = changedRepo('errored');
    const { run, comment, plans } = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'errored' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('plan errored: prod; changes: unknown');
    expect(comment).toContain('planning failed for prod');
    expect(comment).not.toMatch(/no changes\./);
    expect(comment).not.toContain('signoz-alerts:fingerprint');
    expect(plans).toEqual([]);
  });

  it('fails, and says the changed stack was not planned, when terraform is missing', async () => {
    const { repo, base } = changedRepo('no-terraform');
    const { run, comment } = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: path.join(root, 'no-such-terraform') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('planned: none; not planned: prod; changes: unknown');
    expect(comment).not.toMatch(/no changes\./);
    expect(comment).toContain('0 stacks planned: no planned changes known; not planned: prod.');
  });

  it('writes a comment saying the head could not be synthesized, replacing the previous comment', async () => {
    const { repo, base } = changedRepo('head-synth');
    const first = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'big', FAKE_TF_MB: '0' });
    expect(first.comment).toContain('signoz-alerts:fingerprint stack=prod');
    repo.write('stacks.ts', "throw new Error('broken construct in this PR');\n");
    const { run, comment } = await prCheck(repo, base, { TERRAFORM_BINARY_NAME: fakeTerraform });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('head synth failed; changes: unknown');
    expect(comment).toMatch(/^<!-- signoz-alerts:plan-summary -->/);
    expect(comment).toContain('could not be synthesized');
    expect(comment).toContain('broken construct in this PR');
    expect(comment).not.toContain('signoz-alerts:fingerprint');
    expect(comment).not.toMatch(/no changes\./);
  });
});

describe('pr-check deletes nothing it did not create', () => {
  it('leaves ./plans alone with --out-dir . when the base ref is unknown (exit 2 before anything is touched)', async () => {
    const { repo } = changedRepo('out-dir-bad-base');
    repo.write('plans/keep.plan.json', 'my own file');
    const run = await runCli(['pr-check', '--no-checks', '--base', 'no-such-ref', '--out-dir', '.'], repo.dir, { TERRAFORM_BINARY_NAME: fakeTerraform });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown git ref "no-such-ref"');
    expect(repo.read('plans/keep.plan.json')).toBe('my own file');
  });

  it('refuses a plans/ folder it did not make, and clears only its own files from one it made', async () => {
    const { repo, base } = changedRepo('out-dir-own');
    repo.write('plans/keep.plan.json', 'my own file');
    const env = { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's', TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'big', FAKE_TF_MB: '0' };
    const refused = await runCli(['pr-check', '--no-checks', '--base', base, '--out-dir', '.'], repo.dir, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was not made by pr-check; nothing in it was touched');
    expect(repo.read('plans/keep.plan.json')).toBe('my own file');
    // A folder pr-check made: a later run replaces its fingerprints and keeps anything else
    const out = path.join(repo.dir, 'out');
    expect((await runCli(['pr-check', '--no-checks', '--base', base, '--out-dir', out], repo.dir, env)).code).toBe(0);
    fs.writeFileSync(path.join(out, 'plans', 'stale.fingerprint.json'), '{}');
    fs.writeFileSync(path.join(out, 'plans', 'notes.txt'), 'mine');
    expect((await runCli(['pr-check', '--no-checks', '--base', base, '--out-dir', out], repo.dir, env)).code).toBe(0);
    expect(fs.readdirSync(path.join(out, 'plans')).sort()).toEqual(['.made-by-signoz-alerts-pr-check', 'notes.txt', 'prod.fingerprint.json']);
  }, 240_000);
});
