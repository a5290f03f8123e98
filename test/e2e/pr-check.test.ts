/**
 * `pr-check` on a real git repository holding a tiny cdktf app, with real Terraform planning
 * built-in `terraform_data` stand-ins (offline), and the notes a developer gets when a stack needs
 * providers that cannot be downloaded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPipelineConfig } from '../../pipeline/config/pipeline-config';
import { runPrCheck } from '../../pipeline/pr-check/pr-check';
import { runCli } from '../support/cli-recorder';
import { GitAppRepo } from '../support/git-app-repo';
import { describeWithTerraform } from '../support/terraform';
import { tempDir } from '../support/temp-dir';

const root = tempDir('e2e-pr-check-');
const env = { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'pr-salt' };

/** Makes the prod stack require a provider from a registry that never resolves (`.invalid`). */
function requireUnreachableProvider(repo: GitAppRepo): void {
  repo.write(
    'main.ts',
    repo
      .read('main.ts')
      .replace(
        '  const stack = new TerraformStack(app, name);',
        "  const stack = new TerraformStack(app, name);\n  if (name === 'prod') stack.addOverride('terraform.required_providers', { signoz: { source: 'registry.invalid/signoz/signoz', version: '0.0.17' } });",
      ),
  );
}

describeWithTerraform('pr-check end to end', () => {
  it('plans only the changed stack and writes the comment, the job summary and the fingerprint', async () => {
    const repo = GitAppRepo.create(path.join(root, 'app'), { prod: { cpu: 80, disk: 90 }, staging: { cpu: 70 } });
    const base = repo.git('rev-parse', 'HEAD');
    repo.writeStacks({ prod: { cpu: 75, disk: 90 }, staging: { cpu: 70 } });
    const run = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('planned: prod; changes: yes');
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');
    expect(comment).toMatch(/^<!-- signoz-alerts:plan-summary -->\n<!-- signoz-alerts:fingerprint stack=prod sha256:[0-9a-f]{64} -->\n## SigNoz alerts plan/);
    expect(comment).toContain('### prod: 2 planned changes');
    expect(comment).not.toContain('staging');
    const fingerprints = JSON.parse(fs.readFileSync(path.join(repo.dir, '.pr-check', 'fingerprints.json'), 'utf8'));
    expect(comment).toContain(fingerprints.prod);
    expect(fs.readFileSync(path.join(repo.dir, '.pr-check', 'summary.md'), 'utf8')).toContain('### prod: 2 planned changes');
    // the fingerprint, beside the marker that says pr-check made the folder (the saved plan itself is removed)
    expect(fs.readdirSync(path.join(repo.dir, '.pr-check', 'plans')).sort()).toEqual(['.made-by-signoz-alerts-pr-check', 'prod.fingerprint.json']);
  });

  it('says there is nothing to plan when no synthesized output changed', async () => {
    const repo = GitAppRepo.create(path.join(root, 'quiet'), { prod: { cpu: 80 } });
    const run = await runCli(['pr-check', '--no-checks', '--base', 'HEAD'], repo.dir, env);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8')).toContain('nothing to plan');
  });

  it('runs registered checks and fails the PR check when one fails', async () => {
    const repo = GitAppRepo.create(path.join(root, 'hooked'), { prod: { cpu: 80 } });
    const result = await runPrCheck({
      appDir: repo.dir,
      base: 'HEAD',
      outDir: path.join(repo.dir, '.pr-check'),
      config: loadPipelineConfig(repo.dir),
      salt: 'x',
      hooks: [{ name: 'policy pack', run: async (ctx) => ({ ok: false, lines: [`stacks seen: ${ctx.stacks.join(',')}`] }) }],
    });
    expect(result.exitCode).toBe(1);
    expect(fs.readFileSync(result.commentFile, 'utf8')).toContain('- policy pack: stacks seen: prod');
  });

  it('explains why a stack that needs providers was not planned (no lock file, registry unreachable)', async () => {
    const repo = GitAppRepo.create(path.join(root, 'providers'), { prod: { cpu: 80 } });
    requireUnreachableProvider(repo);
    const base = repo.commit('require a provider');
    repo.writeStacks({ prod: { cpu: 60 } });
    const noLock = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, env);
    // A changed stack that was not planned fails the check: what it changes is unknown.
    expect(noLock.code).toBe(1);
    expect(noLock.stdout).toContain('planned: none; not planned: prod; changes: unknown');
    expect(fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8')).not.toContain('no changes.');
    expect(noLock.stderr).toContain('Stack prod was not planned: no committed lock file at stacks/locks/prod/.terraform.lock.hcl; run `npm run lock` and commit it.');
    repo.write('stacks/locks/prod/.terraform.lock.hcl', '# placeholder lock\n');
    const unreachable = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, env);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Stack prod was not planned: its providers could not be downloaded here (registry unreachable).');
  });

  it('lock-providers fails with a clear message when the registry is unreachable', async () => {
    const repo = GitAppRepo.create(path.join(root, 'locks'), { prod: { cpu: 80 }, dev: { cpu: 1 } });
    requireUnreachableProvider(repo);
    const run = await runCli(['lock-providers'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('dev: uses no downloadable providers, no lock file needed');
    expect(run.stderr).toContain('cannot refresh the lock file of stack "prod": the provider registry is not reachable from here');
    expect(run.stderr).toContain('linux_amd64, linux_arm64, darwin_amd64, darwin_arm64');
  });
});
