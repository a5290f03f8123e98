import type { CliIO } from '../../cli/io';
import { main } from '../../cli/program';

/** A `CliIO` that records what a command prints. */
export function cliRecorder(cwd = process.cwd(), env: Record<string, string | undefined> = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env };
}

/** Printed lines, one entry per line. */
export function lines(chunks: readonly string[]): string[] {
  return chunks
    .join('\n')
    .split('\n')
    .filter((line) => line !== '');
}

export interface RecordedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with recorded output. */
export async function runCli(argv: readonly string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}): Promise<RecordedRun> {
  const io = cliRecorder(cwd, env);
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}
