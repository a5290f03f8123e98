/**
 * The saved plan holds every value in clear text: `pr-check` removes it on every way out, also when
 * it is interrupted while Terraform runs (a cancelled CI job sends SIGINT, then SIGTERM).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-interrupt-');
const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));
const CLI = path.resolve(__dirname, '../../../scripts/signoz-alerts.ts');

describe('pr-check interrupted', () => {
  it('removes the saved plan when it gets SIGTERM during `terraform show`', async () => {
    // GIVEN pr-check waiting on `terraform show` with the saved plan (holding a secret) on disk
    const { repo, base } = GitAppRepo.withOneChange(path.join(root, 'app'));
    const env = { ...process.env, TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'show-hangs', SIGNOZ_ALERTS_FINGERPRINT_SALT: 's' };
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'pr-check', '--no-checks', '--base', base], { cwd: repo.dir, env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const saved = path.join(repo.dir, '.pr-check', 'plans', 'prod.tfplan');
    for (let i = 0; i < 1200 && !fs.existsSync(saved); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readFileSync(saved, 'utf8')).toContain('hunter2');
    // WHEN the job is cancelled
    child.kill('SIGTERM');
    // THEN pr-check dies of the signal and the saved plan is gone
    expect(await exited).toBe('SIGTERM');
    expect(fs.readdirSync(path.dirname(saved)).filter((f) => /\.(tfplan|plan\.json)$/.test(f))).toEqual([]);
  });
});
