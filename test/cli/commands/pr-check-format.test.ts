import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-format-');

describe('signoz-alerts pr-check --format json', () => {
  const repo = GitAppRepo.create(path.join(root, 'app'), { prod: { cpu: 80 } });

  it('prints the outcome as one JSON document on stdout', async () => {
    // WHEN the app is checked against its own HEAD (nothing changed; the checks are not what this test is about)
    const run = await runCli(['pr-check', '--base', 'HEAD', '--no-checks', '--format', 'json'], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's' });

    // THEN stdout is exactly the report, and it says nothing was planned and nothing changed
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      comment: '.pr-check/comment.md',
      jobSummary: '.pr-check/summary.md',
      planned: [],
      notPlanned: [],
      planErrored: [],
      headSynthFailed: false,
      changes: 'no',
      exitCode: 0,
    });
    expect(Array.isArray(report.notes)).toBe(true);
  });
});
