/**
 * The PR comment says what a change does to who is notified: base and head synth outputs compared
 * over a week, in the environments of the changed stacks. The app is the routing test estate in a
 * real git repository; Terraform is absent, so nothing is planned (the check fails for that).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const ESTATE_MODULE = path.resolve(__dirname, '../../notify/routing-estate');

describe('pr-check and routing', () => {
  it('names the alerts whose paging changes in the comment', async () => {
    // GIVEN the estate at base, and a head where the payments critical tier posts to Slack instead of paging
    const root = tempDir('pr-check-routing-');
    const repo = GitAppRepo.create(path.join(root, 'app'), { prod: { cpu: 80 } });
    repo.write('variant.json', '{}\n');
    repo.write(
      'main.ts',
      [
        `import { synthEstate } from ${JSON.stringify(ESTATE_MODULE)};`,
        "import * as fs from 'node:fs';",
        "synthEstate(process.env.CDKTF_OUTDIR ?? 'cdktf.out', JSON.parse(fs.readFileSync('variant.json', 'utf8')));",
        '',
      ].join('\n'),
    );
    const base = repo.commit('routing estate');
    repo.write('variant.json', JSON.stringify({ paymentsCriticalChannels: ['slack-payments'] }));
    // WHEN
    const run = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, {
      SIGNOZ_ALERTS_FINGERPRINT_SALT: 's',
      TERRAFORM_BINARY_NAME: path.join(root, 'no-such-terraform'),
      SOURCE_DATE_EPOCH: String(Date.parse('2026-03-23T00:00:00Z') / 1000),
    });
    // THEN
    expect(run.code, run.stderr).toBe(1); // nothing could be planned
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');
    const routing = comment.split('\n').filter((line) => line.includes('Routing:'));
    expect(routing).toHaveLength(2);
    expect(routing[1]).toContain('prod "Payments errors" critical, 2 stretches, 167h in all, from 2026-03-23 00:00 to 2026-03-29 01:30 (UTC)');
    expect(routing[1]).toContain('paged (payments-pager) before, slack-payments only after');
    expect(routing[0]).toContain('dev "Payments errors" critical');
  }, 120_000);
});
