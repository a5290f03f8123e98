import type { CliIO } from '../../../cli/io';

/** A CliIO that records what a command prints. */
export function recordingIO(cwd = process.cwd()): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env: {} };
}
