/**
 * `pr-check` masks what Terraform prints when it fails: the tail of a failed `terraform plan` goes
 * into the comment and the log without the secrets Terraform was given, and without a fingerprint
 * marker the apply job could mistake for a reviewed one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-masking-');
const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));

describe('pr-check masks Terraform error tails', () => {
  it('keeps a TF_VAR secret echoed by a failed plan out of the comment and the log, and breaks a marker in it', async () => {
    // GIVEN a changed stack whose plan fails with an error that echoes the access token
    const { repo, base } = GitAppRepo.withOneChange(path.join(root, 'app'));
    const secret = 'MKA_low*secret|token@example';
    // WHEN pr-check runs with the secret in the environment, as the workflow passes it
    const run = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, {
      SIGNOZ_ALERTS_FINGERPRINT_SALT: 's',
      TERRAFORM_BINARY_NAME: fakeTerraform,
      [FAKE_TF_MODE]: 'plan-fails',
      TF_VAR_signoz_access_token: secret,
    });
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');
    // THEN the failure is reported, the secret is not, in any spelling, and the only marker is the toolkit's header
    expect(run.code).toBe(1);
    expect(comment).toContain('terraform plan failed');
    expect(run.stderr).toContain('terraform plan failed');
    for (const text of [comment, run.stdout, run.stderr]) {
      expect(text).not.toContain('MKA');
      expect(text).not.toMatch(/signoz-alerts:fingerprint/);
    }
    expect(comment).toContain('401 Unauthorized with token (redacted)');
  });
});
