/**
 * `signoz-alerts plan-fingerprint <plan.json>`: records the approval fingerprint of a plan in a JSON
 * file next to it (or `--out`) and prints the fingerprint.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { defaultFingerprintPath, FINGERPRINT_SALT_ENV, planFingerprint } from '../../pipeline/apply-safety/plan-fingerprint';
import { readStackConfig, stackConfigHash } from '../../pipeline/changes/stack-config';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { EXIT, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';

interface FingerprintOptions {
  out?: string;
  synthDir?: string;
  appDir: string;
}

export const registerPlanFingerprint: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('plan-fingerprint')
    .description(`Record the approval fingerprint of a plan (sensitive values hashed with $${FINGERPRINT_SALT_ENV}).`)
    .argument('<plan.json>', 'plan written by `terraform show -json <planfile>`')
    .option('--out <file>', 'where to write the record (default: next to the plan, <name>.fingerprint.json)')
    .option('--synth-dir <dir>', 'synthesized stack folder (cdktf.out/stacks/<stack>) whose hash is recorded with the plan')
    .option('--app-dir <dir>', 'folder of cdktf.json (absolute paths under it do not count in the synth hash)', '.')
    .action(async (planFile: string, options: FingerprintOptions) => {
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
      const { readPlanFile } = await import('../../pipeline/plan/plan-file.js');
      const salt = io.env[FINGERPRINT_SALT_ENV] || undefined;
      if (!salt) io.err(`signoz-alerts: warning: ${FINGERPRINT_SALT_ENV} is not set; sensitive values are hashed without a salt.`);
      const file = path.resolve(io.cwd, planFile);
      const synthHash = options.synthDir ? stackConfigHash(readStackConfig(path.resolve(io.cwd, options.synthDir)), { appDir: path.resolve(io.cwd, options.appDir) }) : null;
      const record = planFingerprint(await readPlanFile(file), salt, synthHash);
      const out = options.out ? path.resolve(io.cwd, options.out) : defaultFingerprintPath(file);
      writeFileAtomic(out, `${JSON.stringify(record, null, 2)}\n`);
      io.out(record.fingerprint);
      setExitCode(EXIT.ok);
    });
};
