import * as path from 'node:path';
import { detectChangedStacks } from '../../../pipeline/changes/changed-stacks';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('changed-stacks-git-');
const STACKS = { prod: { cpu: 80, disk: 90 }, staging: { cpu: 70 } };

function statuses(result: Awaited<ReturnType<typeof detectChangedStacks>>): string[] {
  return result.comparisons.map((c) => `${c.stack}:${c.status}`);
}

describe('changed-stacks against a git base (real cdktf synth of both)', () => {
  const repo = GitAppRepo.create(path.join(root, 'repo'), STACKS);
  const base = repo.git('rev-parse', 'HEAD');

  it('plans nothing for a refactor that changes no synthesized output', async () => {
    repo.write(
      'shared.ts',
      repo
        .read('shared.ts')
        .replace(
          "return new TerraformData(scope, id, { input: { kind: 'alert', threshold, window: '5m' } });",
          "const input = { window: '5m', threshold, kind: 'alert' };\n  return new TerraformData(scope, id, { input });",
        ),
    );
    repo.commit('refactor the shared construct');
    expect(statuses(await detectChangedStacks({ appDir: repo.dir, base }))).toEqual(['prod:unchanged', 'staging:unchanged']);
  });

  it('plans every stack a shared construct change touches, including uncommitted changes', async () => {
    repo.write('shared.ts', repo.read('shared.ts').replace("window: '5m'", "window: '10m'"));
    const result = await detectChangedStacks({ appDir: repo.dir, base });
    expect(statuses(result)).toEqual(['prod:changed', 'staging:changed']);
    expect(result.comparisons[0]!.changedBlocks).toEqual(expect.arrayContaining([expect.stringMatching(/^terraform_data\.cpu/)]));
    repo.git('checkout', '--', 'shared.ts');
  });

  it('plans only the stack that changed, reports added and removed stacks, and prints a matrix', async () => {
    repo.writeStacks({ prod: { cpu: 75, disk: 90 }, dev: { cpu: 50 } });
    repo.commit('tighten prod, add dev, drop staging');
    expect(statuses(await detectChangedStacks({ appDir: repo.dir, base }))).toEqual(['dev:added', 'prod:changed', 'staging:removed']);
    const json = await runCli(['changed-stacks', '--base', base, '--format', 'json'], repo.dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ include: [{ stack: 'dev' }, { stack: 'prod' }] });
    expect(json.stderr).toContain('staging: removed from the app');
    const text = await runCli(['changed-stacks', '--base', base], repo.dir);
    expect(text.stdout).toMatch(/^added {5}dev: .*terraform_data\.cpu/m);
    expect(text.stdout).toMatch(/^changed {3}prod: terraform_data\.cpu$/m);
  });

  it('plans a stack whose committed lock file changed', async () => {
    const before = repo.git('rev-parse', 'HEAD');
    repo.write('stacks/locks/prod/.terraform.lock.hcl', '# provider locks\n');
    const result = await detectChangedStacks({ appDir: repo.dir, base: before, locksDir: path.join(repo.dir, 'stacks', 'locks') });
    expect(result.comparisons.find((c) => c.stack === 'prod')).toMatchObject({ status: 'changed', reasons: ['its provider lock file changed'] });
  });

  it('plans everything, with a warning, when the base cannot be synthesized', async () => {
    const broken = GitAppRepo.create(path.join(root, 'broken'), STACKS);
    broken.write('main.ts', 'throw new Error("base is broken");\n');
    const brokenBase = broken.commit('break the app');
    broken.git('revert', '--no-edit', 'HEAD');
    const result = await detectChangedStacks({ appDir: broken.dir, base: brokenBase });
    expect(statuses(result)).toEqual(['prod:changed', 'staging:changed']);
    expect(result.baseSynthError).toContain('base is broken');
  });

  it('lists every stack with --all and rejects an unknown ref', async () => {
    expect((await runCli(['changed-stacks', '--all', '--format', 'json'], repo.dir)).stdout).toBe('{"include":[{"stack":"dev"},{"stack":"prod"}]}');
    const unknown = await runCli(['changed-stacks', '--base', 'no-such-branch'], repo.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown git ref "no-such-branch"');
  });
});
