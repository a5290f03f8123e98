/**
 * Runs an external program (git, terraform, the cdktf app) and collects its output. Never throws
 * for a non-zero exit: callers decide what a failure means and how to explain it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { isInterrupted, stopGroupOnInterrupt } from './interrupt-cleanup';

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
  /**
   * Stream standard output into this file (created with mode 0600) instead of keeping it in memory:
   * for output of any size that is read whole, like `terraform show -json`. `stdout` is then empty.
   */
  readonly stdoutFile?: string;
  /** Keep all of standard output (no cap), for output read whole and known to fit in memory. */
  readonly fullStdout?: boolean;
  /**
   * Start the program in a process group of its own (POSIX), stopped with everything it started when
   * this process gets SIGINT, SIGTERM or SIGHUP: for long-running programs that start others (the
   * cdktf app through `sh`, npm and tsx; Terraform and its providers), which would otherwise run on
   * after this process has died. The group no longer gets a terminal's Ctrl-C itself; this process
   * passes it on as SIGTERM.
   */
  readonly processGroup?: boolean;
}

/** Most output kept per stream (unless asked otherwise); the end is what explains a failure. */
const MAX_CAPTURE = 4 * 1024 * 1024;

export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((settle) => {
    // Once a signal is being handled the process is about to die of it: nothing new starts, and
    // nothing that ends meanwhile is reported back (the caller would act on a run cut short).
    if (isInterrupted()) return;
    let release: (() => void) | undefined;
    const resolve = (result: CommandResult): void => {
      release?.();
      release = undefined;
      if (!isInterrupted()) settle(result);
    };
    const group = options.processGroup === true && process.platform !== 'win32';
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: options.shell ?? false,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: group,
    });
    if (group && child.pid !== undefined) release = stopGroupOnInterrupt(child.pid);
    let stdout = '';
    let stderr = '';
    const stdoutChunks: Buffer[] = [];
    const keep = (buffer: string, chunk: Buffer): string => {
      const next = buffer + chunk.toString('utf8');
      return next.length > MAX_CAPTURE ? next.slice(next.length - MAX_CAPTURE) : next;
    };
    // Opened now, not on the stream's first tick: cleanup of an interrupted run sees (and removes) the file.
    const sink = options.stdoutFile !== undefined ? fs.createWriteStream('', { fd: fs.openSync(options.stdoutFile, 'w', 0o600) }) : undefined;
    const sinkDone = new Promise<string | undefined>((done) => {
      if (!sink) return done(undefined);
      sink.on('finish', () => done(undefined));
      sink.on('error', (err) => done(`cannot write ${options.stdoutFile}: ${err.message}`));
    });
    if (sink) child.stdout.pipe(sink);
    else if (options.fullStdout) child.stdout.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));
    else child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr, chunk)));
    const out = (): string => (options.fullStdout ? Buffer.concat(stdoutChunks).toString('utf8') : stdout);
    child.on('error', (err) => {
      sink?.end();
      resolve({ code: 127, stdout: out(), stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code) => {
      void sinkDone.then((sinkError) => resolve(sinkError ? { code: code || 1, stdout: out(), stderr: `${stderr}${sinkError}` } : { code: code ?? 1, stdout: out(), stderr }));
    });
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
