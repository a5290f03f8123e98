import type { Command } from 'commander';
import type { CliIO } from '../io';
import { registerEvaluate } from './evaluate';
import { registerTest } from './test';
import { registerPolicyCommand } from './policy';
import { registerValidate } from './validate';
import { registerApplyGuard } from './apply-guard';
import { registerChangedStacks } from './changed-stacks';
import { registerLockProviders } from './lock-providers';
import { registerPlanFingerprint } from './plan-fingerprint';
import { registerPlanSummary } from './plan-summary';
import { registerPrCheck } from './pr-check';
import { registerRefactorGuard } from './refactor-guard';

/** Adds one sub-command to the program; `setExitCode` raises the process exit code. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: (code: number) => void) => void;

/** Every sub-command of `signoz-alerts`, one module each under `cli/commands/`. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerValidate,
  registerEvaluate,
  registerTest,
  registerPolicyCommand,
  registerPlanSummary,
  registerRefactorGuard,
  registerChangedStacks,
  registerPlanFingerprint,
  registerApplyGuard,
  registerLockProviders,
  registerPrCheck,
];
