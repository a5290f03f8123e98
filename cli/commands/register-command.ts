import type { Command } from 'commander';
import type { CliIO } from '../io';

/** Adds one sub-command to the program; `setExitCode` raises the process exit code. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: (code: number) => void) => void;
