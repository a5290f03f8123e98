/**
 * `signoz-alerts apply-guard --plan <saved.json> --fingerprint <fp.json> [--replan <new.json>]`:
 * exits 1 unless the plan is the reviewed one and within the destroy budget.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { FINGERPRINT_SALT_ENV } from '../../pipeline/apply-safety/plan-fingerprint';
import { EXIT, UsageError, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';
import { integerOption } from './option-parsers';

interface ApplyGuardOptions {
  plan: string;
  fingerprint?: string;
  expectFingerprint?: string;
  replan?: string;
  maxAlertDeletes?: number;
  allowDestroy?: boolean;
  config?: string;
}

export const registerApplyGuard: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('apply-guard')
    .description('Refuse to apply (exit 1) unless the plan is the reviewed one and within the destroy budget.')
    .requiredOption('--plan <saved.json>', 'JSON of the plan about to be applied (`terraform show -json <planfile>`)')
    .option('--fingerprint <fp.json>', 'fingerprint record written at review time by `plan-fingerprint`')
    .option('--expect-fingerprint <sha256:...>', 'the reviewed fingerprint itself, instead of a record file')
    .option('--replan <new.json>', 'a plan made just now; must have the reviewed fingerprint too')
    .option('--max-alert-deletes <n>', 'most alerts a plan may delete without an override (default: config, else 5)', integerOption('--max-alert-deletes'))
    .option('--allow-destroy', `allow a plan over the destroy budget (also: SIGNOZ_ALERTS_ALLOW_DESTROY=1)`)
    .option('--config <path>', 'pipeline config file (default: signoz-alerts.pipeline.json if present)')
    .action(async (options: ApplyGuardOptions) => {
      if (Boolean(options.fingerprint) === Boolean(options.expectFingerprint)) {
        throw new UsageError('give the reviewed fingerprint with exactly one of --fingerprint <file> or --expect-fingerprint <sha256:...>');
      }
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
      const [{ applyGuard, parseExpectedFingerprint, readFingerprintRecord }, { destroyAllowedByEnv }, { loadPipelineConfig }, { readPlanFile }] = await Promise.all([
        import('../../pipeline/apply-safety/apply-guard.js'),
        import('../../pipeline/apply-safety/destroy-budget.js'),
        import('../../pipeline/config/pipeline-config.js'),
        import('../../pipeline/plan/plan-file.js'),
      ]);
      const config = loadPipelineConfig(io.cwd, options.config);
      const expected = options.fingerprint ? readFingerprintRecord(path.resolve(io.cwd, options.fingerprint)) : parseExpectedFingerprint(options.expectFingerprint!);
      const result = applyGuard({
        plan: await readPlanFile(path.resolve(io.cwd, options.plan)),
        expected,
        ...(options.replan ? { replan: await readPlanFile(path.resolve(io.cwd, options.replan)) } : {}),
        salt: io.env[FINGERPRINT_SALT_ENV] || undefined,
        maxAlertDeletes: { ...config.destroyBudgets, ...(options.maxAlertDeletes !== undefined ? { alertDeletes: options.maxAlertDeletes } : {}) },
        allowDestroy: Boolean(options.allowDestroy) || destroyAllowedByEnv(io.env),
      });
      for (const line of result.messages)
        if (result.ok) io.out(line);
        else io.err(line);
      setExitCode(result.ok ? EXIT.ok : EXIT.failed);
    });
};
