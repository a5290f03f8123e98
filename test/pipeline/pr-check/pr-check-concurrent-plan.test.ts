/**
 * `pr-check` plans the changed stacks while its checks run: the comment still lists the checks'
 * notes before the planning's, and a check that throws leaves no saved plan (secrets in clear text).
 * Terraform is a stand-in binary (`fake-terraform`), the app a tiny cdktf app in a real git repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPipelineConfig } from '../../../pipeline/config/pipeline-config';
import { runPrCheck } from '../../../pipeline/pr-check/pr-check';
import type { PrCheckHook } from '../../../pipeline/pr-check/pr-check-hooks';
import { TerraformCli } from '../../../pipeline/terraform/terraform-cli';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-concurrent-');
const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));

const changedRepo = (name: string): { repo: GitAppRepo; base: string } => GitAppRepo.withOneChange(path.join(root, name));

const passing: PrCheckHook = { name: 'team check', run: async () => ({ ok: true, lines: ['all good'] }) };

describe('pr-check plans while its checks run', () => {
  it("lists the checks' notes before the planning's, as when they ran one after the other", async () => {
    const { repo, base } = changedRepo('order');
    const result = await runPrCheck({
      appDir: repo.dir,
      base,
      outDir: path.join(repo.dir, '.pr-check'),
      config: loadPipelineConfig(repo.dir),
      salt: 's',
      hooks: [passing],
      terraform: new TerraformCli({ binary: 'no-such-terraform-here' }),
    });
    expect(result.exitCode).toBe(1);
    expect(result.notes).toEqual(['team check: passed', 'team check: all good', 'no-such-terraform-here is not on PATH: no stack was planned (changed: prod).']);
  });

  it('waits for the planning when a check throws, so no saved plan is left behind', async () => {
    const { repo, base } = changedRepo('throws');
    const outDir = path.join(repo.dir, '.pr-check');
    const throwing: PrCheckHook = {
      name: 'broken check',
      run: async () => {
        throw new Error('the check broke');
      },
    };
    await expect(
      runPrCheck({
        appDir: repo.dir,
        base,
        outDir,
        config: loadPipelineConfig(repo.dir),
        salt: 's',
        hooks: [throwing],
        terraform: new TerraformCli({ binary: fakeTerraform, env: { ...process.env, [FAKE_TF_MODE]: 'big', FAKE_TF_MB: '6' } }),
      }),
    ).rejects.toThrow('the check broke');
    expect(fs.readdirSync(path.join(outDir, 'plans')).filter((f) => /\.(tfplan|plan\.json)$/.test(f))).toEqual([]);
    expect(fs.existsSync(path.join(outDir, 'plans', 'prod.fingerprint.json'))).toBe(true);
  });
});
