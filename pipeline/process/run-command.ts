/**
 * Runs an external program (git, terraform, the cdktf app) and collects its output. Never throws
 * for a non-zero exit: callers decide what a failure means and how to explain it.
 */
import { spawn } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run through the shell (for commands given as one string, like cdktf.json's `app`). */
  readonly shell?: boolean;
  /** Text written to the program's standard input. */
  readonly input?: string;
}

/** Most output kept per stream; the end is what explains a failure. */
const MAX_CAPTURE = 4 * 1024 * 1024;

export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: options.shell ?? false,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const keep = (buffer: string, chunk: Buffer): string => {
      const next = buffer + chunk.toString('utf8');
      return next.length > MAX_CAPTURE ? next.slice(next.length - MAX_CAPTURE) : next;
    };
    child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr, chunk)));
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: `${stderr}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A program that exits without reading its input must not crash the caller with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * The part of a program's output that explains a failure: its first error line, then the last
 * lines, without JavaScript stack frames.
 */
export function tail(text: string, lines = 15): string {
  const all = text
    .trimEnd()
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line));
  const firstError = all.find((line) => /\b[A-Za-z]*Error\b/.test(line));
  const last = all.slice(-lines);
  return (firstError !== undefined && !last.includes(firstError) ? [firstError, ...last] : last).join('\n');
}
