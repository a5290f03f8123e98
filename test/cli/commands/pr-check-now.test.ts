import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../support/cli-recorder';
import { GitAppRepo } from '../../support/git-app-repo';
import { tempDir } from '../../support/temp-dir';

const root = tempDir('pr-check-now-');

/** Seconds since 1970 of midnight UTC of `day`. */
const epochOf = (day: string): string => String(Date.parse(`${day}T00:00:00Z`) / 1000);

describe('signoz-alerts pr-check gives its reference date to the app it synthesizes', () => {
  // an app that records the SOURCE_DATE_EPOCH its synth sees (its synth-time suppression expiry reads it)
  const repo = GitAppRepo.create(path.join(root, 'app'), { prod: { cpu: 80 } });
  repo.write('shared.ts', repo.read('shared.ts').replace("window: '5m'", "window: '5m', referenceDate: process.env.SOURCE_DATE_EPOCH ?? 'unset'"));
  repo.commit('record the reference date the synth sees');
  const headOutdir = path.join(repo.dir, 'head.out');
  const seenBySynth = (): unknown => {
    const stack = JSON.parse(fs.readFileSync(path.join(headOutdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
    return stack.resource.terraform_data.cpu.input.referenceDate;
  };

  it('--now: the app synthesizes with that date, not the clock or the runner environment', async () => {
    const run = await runCli(['pr-check', '--base', 'HEAD', '--now', '2026-03-01T18:30:00Z', '--head-outdir', headOutdir, '--no-checks'], repo.dir, {
      SIGNOZ_ALERTS_FINGERPRINT_SALT: 's',
      SOURCE_DATE_EPOCH: epochOf('2030-01-01'),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(seenBySynth()).toBe(epochOf('2026-03-01'));
  });

  it('without --now: the SOURCE_DATE_EPOCH pr-check was given reaches the app (as that day)', async () => {
    const run = await runCli(['pr-check', '--base', 'HEAD', '--head-outdir', headOutdir, '--no-checks'], repo.dir, {
      SIGNOZ_ALERTS_FINGERPRINT_SALT: 's',
      SOURCE_DATE_EPOCH: String(Number(epochOf('2026-05-04')) + 3600),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(seenBySynth()).toBe(epochOf('2026-05-04'));
  });
});
