import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-pack-');

describe('signoz-alerts pr-check --pack', () => {
  const repo = GitAppRepo.create(path.join(root, 'app'), { prod: { cpu: 80 } });
  repo.write('pack.cjs', 'module.exports = { name: "acme", rules: [] };\n');
  repo.write('empty.cjs', 'module.exports = { hello: 1 };\n');

  it('runs the given pack instead of the default one', async () => {
    const run = await runCli(['pr-check', '--base', 'HEAD', '--pack', './pack.cjs'], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('policies: 0 errors, 0 warnings, 0 suppressed (policy pack "acme")');
    expect(fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8')).toContain('(policy pack "acme")');
  });

  it('refuses a module without a pack, or --pack with --no-checks, before writing anything (exit 2)', async () => {
    const out = path.join(repo.dir, 'never');
    const bad = await runCli(['pr-check', '--base', 'HEAD', '--pack', 'empty.cjs', '--out-dir', out], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/empty\.cjs: the module does not provide a policy pack/);
    const both = await runCli(['pr-check', '--base', 'HEAD', '--pack', './pack.cjs', '--no-checks', '--out-dir', out], repo.dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--pack and --no-checks contradict each other');
    const date = await runCli(['pr-check', '--base', 'HEAD', '--now', '2026-02-30', '--out-dir', out], repo.dir);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--now must be a date written YYYY-MM-DD or an ISO 8601 date-time with a zone/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
