/**
 * `signoz-alerts`: the command line for pipelines and non-TypeScript users. Thin by design: it
 * parses arguments and prints; the work lives in the library.
 */
import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands';
import { isToolkitError, toolkitErrorLines } from '../constructs/model/toolkit-error';
import { EXIT, processIO, withVisibleErrors, type CliIO } from './io';
import { toolkitPackage } from './package-root';

/** The package version, found from the source tree (`cli/`) and the build (`dist/cli/`) alike. */
function packageVersion(): string {
  return toolkitPackage()?.manifest.version ?? '0.0.0';
}

export async function buildProgram(io: CliIO, setExitCode: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('signoz-alerts')
    .description('Alerts-as-code for SigNoz: validate rules, check policies, summarize plans.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  for (const register of await commandsFor(argv)) {
    register(program, io, setExitCode);
  }
  return program;
}

/**
 * Runs the CLI and resolves to its exit code; never throws for a user mistake. The one place that
 * turns errors into exit codes: a user's mistake (any ToolkitError, UsageError included) prints one
 * line per problem and exits 2; anything else is a bug, reported as an internal error, exit 1.
 */
export async function main(argv: readonly string[], rawIO: CliIO = processIO): Promise<number> {
  const io = withVisibleErrors(rawIO);
  let exitCode: number = EXIT.ok;
  const program = await buildProgram(
    io,
    (code) => {
      exitCode = Math.max(exitCode, code);
    },
    argv,
  );
  for (const sub of program.commands) sub.exitOverride();
  if (argv.length === 0) {
    // no command is a usage mistake (a pipeline step with a lost argument must not pass): usage on stderr, exit 2
    io.err(program.helpInformation().replace(/\n$/, ''));
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are successful exits; everything else commander reports is a usage error
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (isToolkitError(err)) {
      io.err(`signoz-alerts: ${toolkitErrorLines(err).join('\n')}`);
      return EXIT.usage;
    }
    io.err(`signoz-alerts: internal error: ${err instanceof Error ? err.message : String(err)}`);
    if (io.env.SIGNOZ_ALERTS_DEBUG) io.err(err instanceof Error && err.stack ? err.stack : '');
    return EXIT.failed;
  }
}
