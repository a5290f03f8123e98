import type { Command } from 'commander';
import type { CliIO } from '../io';
import { registerPlanSummary } from './plan-summary';

/** Adds one sub-command to the program; `setExitCode` raises the process exit code. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: (code: number) => void) => void;

/** Every sub-command of `signoz-alerts`, one module each under `cli/commands/`. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerPlanSummary,
];
