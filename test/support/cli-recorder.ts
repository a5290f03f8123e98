import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';

export interface RecordedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with recorded output. */
export async function runCli(argv: readonly string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}): Promise<RecordedRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env };
  const code = await main(argv, io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
