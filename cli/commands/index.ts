import type { Command } from 'commander';
import type { CliIO } from '../io';

/** Adds one sub-command to the program; `setExitCode` raises the process exit code. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: (code: number) => void) => void;

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Every sub-command of `signoz-alerts`, one module each under `cli/commands/`, loaded on demand:
 * a run loads only the command it was asked for, so `validate` does not pay for the pipeline or
 * the CDK engine (all of them are loaded for `--help`).
 */
export const COMMAND_MODULES: Readonly<Record<string, () => RegisterCommand>> = {
  validate: () => (require('./validate') as typeof import('./validate')).registerValidate,
  evaluate: () => (require('./evaluate') as typeof import('./evaluate')).registerEvaluate,
  test: () => (require('./test') as typeof import('./test')).registerTest,
  policy: () => (require('./policy') as typeof import('./policy')).registerPolicyCommand,
  'plan-summary': () => (require('./plan-summary') as typeof import('./plan-summary')).registerPlanSummary,
  'refactor-guard': () => (require('./refactor-guard') as typeof import('./refactor-guard')).registerRefactorGuard,
  'changed-stacks': () => (require('./changed-stacks') as typeof import('./changed-stacks')).registerChangedStacks,
  'plan-fingerprint': () => (require('./plan-fingerprint') as typeof import('./plan-fingerprint')).registerPlanFingerprint,
  'apply-guard': () => (require('./apply-guard') as typeof import('./apply-guard')).registerApplyGuard,
  'lock-providers': () => (require('./lock-providers') as typeof import('./lock-providers')).registerLockProviders,
  'pr-check': () => (require('./pr-check') as typeof import('./pr-check')).registerPrCheck,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The commands a run needs: the one named first in `argv`, or all of them (help, unknown names). */
export function commandsFor(argv: readonly string[]): RegisterCommand[] {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name !== undefined ? COMMAND_MODULES[name] : undefined;
  return load ? [load()] : Object.values(COMMAND_MODULES).map((l) => l());
}
