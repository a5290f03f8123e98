/**
 * `signoz-alerts policy [cdktf.out]`: checks synthesized stacks against a policy pack, for PR
 * checks. Same engine and same findings as the synth-time check.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../policies/reports';
import { resolveReferenceDate } from '../../policies/suppressions/reference-date';
import { EXIT, UsageError, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';

interface PolicyFlags {
  format: ReportFormat;
  pack: string;
  output?: string;
  now?: string;
  today?: string;
}

export async function runPolicyCommand(outdir: string, flags: PolicyFlags, io: CliIO, toolVersion: string): Promise<number> {
  if (flags.now !== undefined && flags.today !== undefined) throw new UsageError('--now and --today name the same date; give only --now');
  // --now wins over SOURCE_DATE_EPOCH, which wins over the clock; the same date for every stack.
  const today = resolveReferenceDate(flags.now ?? flags.today, io.env, undefined, flags.now !== undefined ? '--now' : '--today');
  // Loaded here, not at the top: `--help` and the other commands do not pay for the rules and their readers.
  const [{ loadPolicyPack }, { readCdktfOut }] = await Promise.all([import('../../policies/load-pack.js'), import('../../policies/synth/synthesized-stacks.js')]);
  // A pack or a cdktf.out that cannot be read is a ToolkitError, which main reports (exit 2).
  const pack = await loadPolicyPack(flags.pack, io.cwd);
  const stacks = readCdktfOut(outdir, io.cwd);
  if (stacks.length === 0) throw new UsageError(`${outdir} holds no synthesized stack`);
  const report = pack.run(stacks, { today });
  const text = renderReport(report, flags.format, toolVersion);
  if (flags.output) {
    writeFileAtomic(path.resolve(io.cwd, flags.output), text.endsWith('\n') ? text : `${text}\n`);
    io.err(
      `signoz-alerts policy: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.suppressed} suppressed; report written to ${flags.output}`,
    );
  } else {
    io.out(text);
  }
  return report.summary.errors > 0 ? EXIT.failed : EXIT.ok;
}

export const registerPolicyCommand: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('policy')
    .description('Check synthesized stacks against a policy pack (exit 0: no errors, 1: errors, 2: usage)')
    .argument('[outdir]', 'cdktf output folder (holds manifest.json)', 'cdktf.out')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...REPORT_FORMATS]).default('text'))
    .option('-p, --pack <pack>', '"default" or the path of a module exporting a PolicyPack (.ts needs tsx)', 'default')
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--now <iso-date>', 'reference date suppressions expire against (YYYY-MM-DD or ISO date-time; default: SOURCE_DATE_EPOCH, else the clock)')
    .addOption(new Option('--today <date>', 'former name of --now').hideHelp())
    .action(async (outdir: string, flags: PolicyFlags) => {
      setExitCode(await runPolicyCommand(outdir, flags, io, program.version() ?? '0.0.0'));
    });
};
