import type { CliIO } from '../../cli/io';

/** A `CliIO` that records what a command prints. */
export function cliRecorder(cwd = process.cwd()): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env: {} };
}

/** Printed lines, one entry per line. */
export function lines(chunks: readonly string[]): string[] {
  return chunks.join('\n').split('\n').filter((line) => line !== '');
}
