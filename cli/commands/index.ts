import type { RegisterCommand } from './register-command';

export type { RegisterCommand } from './register-command';

/**
 * Every sub-command of `signoz-alerts`, one module each under `cli/commands/`, loaded on demand:
 * a run loads only the command it was asked for. Each module registers its name, options and help
 * cheaply and imports what its action needs when the action runs, so `--help` (which registers
 * every command) does not pay for the pipeline, the rule checks or the CDK engine either. Dynamic
 * `import()` rather than `require`, so the TypeScript sources load under vitest and tsx as well as
 * from the build.
 */
import { ownEntry } from '../../constructs/util/json';
export const COMMAND_MODULES: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  validate: async () => (await import('./validate-command.js')).registerValidate,
  evaluate: async () => (await import('./evaluate-command.js')).registerEvaluate,
  test: async () => (await import('./test-command.js')).registerTest,
  policy: async () => (await import('./policy-command.js')).registerPolicyCommand,
  'plan-summary': async () => (await import('./plan-summary-command.js')).registerPlanSummary,
  'refactor-guard': async () => (await import('./refactor-guard-command.js')).registerRefactorGuard,
  'changed-stacks': async () => (await import('./changed-stacks-command.js')).registerChangedStacks,
  'plan-fingerprint': async () => (await import('./plan-fingerprint-command.js')).registerPlanFingerprint,
  'apply-guard': async () => (await import('./apply-guard-command.js')).registerApplyGuard,
  'lock-providers': async () => (await import('./lock-providers-command.js')).registerLockProviders,
  'pr-check': async () => (await import('./pr-check-command.js')).registerPrCheck,
  import: async () => (await import('./import-command.js')).registerImport,
  route: async () => (await import('./route-command.js')).registerRoute,
  init: async () => (await import('./init-command.js')).registerInit,
};

/**
 * The commands a run needs: none for `--version` given first (commander answers it before any
 * command is looked at), the one named first in `argv`, or all of them (help, unknown names).
 */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  if (argv[0] === '--version' || argv[0] === '-V') return [];
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name !== undefined ? ownEntry(COMMAND_MODULES, name) : undefined;
  return Promise.all(load ? [load()] : Object.values(COMMAND_MODULES).map((l) => l()));
}
