import type { RegisterCommand } from './register-command';

export type { RegisterCommand } from './register-command';

/**
 * Every sub-command of `signoz-alerts`, one module each under `cli/commands/`, loaded on demand:
 * a run loads only the command it was asked for, so `validate` does not pay for the pipeline or
 * the CDK engine (all of them are loaded for `--help`). Dynamic `import()` rather than `require`,
 * so the TypeScript sources load under vitest and tsx as well as from the build.
 */
import { ownEntry } from '../../constructs/util/json';
export const COMMAND_MODULES: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  validate: async () => (await import('./validate.js')).registerValidate,
  evaluate: async () => (await import('./evaluate.js')).registerEvaluate,
  test: async () => (await import('./test.js')).registerTest,
  policy: async () => (await import('./policy.js')).registerPolicyCommand,
  'plan-summary': async () => (await import('./plan-summary.js')).registerPlanSummary,
  'refactor-guard': async () => (await import('./refactor-guard.js')).registerRefactorGuard,
  'changed-stacks': async () => (await import('./changed-stacks.js')).registerChangedStacks,
  'plan-fingerprint': async () => (await import('./plan-fingerprint.js')).registerPlanFingerprint,
  'apply-guard': async () => (await import('./apply-guard.js')).registerApplyGuard,
  'lock-providers': async () => (await import('./lock-providers.js')).registerLockProviders,
  'pr-check': async () => (await import('./pr-check.js')).registerPrCheck,
  import: async () => (await import('./import.js')).registerImport,
};

/** The commands a run needs: the one named first in `argv`, or all of them (help, unknown names). */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name !== undefined ? ownEntry(COMMAND_MODULES, name) : undefined;
  return Promise.all(load ? [load()] : Object.values(COMMAND_MODULES).map((l) => l()));
}
