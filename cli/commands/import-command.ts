/**
 * `signoz-alerts import <rules.json|dir>... [--out file.ts] [--stack-var stack]`: turns exported
 * SigNoz rules into TypeScript that uses the construct library, with Terraform import blocks that
 * adopt the existing rule ids. The code goes to stdout, or to `--out` (written whole or not at all);
 * rules that cannot be imported are reported on stderr, one line per reason, and listed in the
 * generated file's header. Exit 0 when every rule was imported, 1 when any could not be, 2 for usage
 * errors (no such file, bad flag values).
 */
import { statSync } from 'node:fs';
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { Option } from 'commander';
import type { ImportProblem, ImportSource } from '../../import';
import { resolvePath } from '../input-files';
import { EXIT, UsageError } from '../io';
import { writeAtomically } from '../write-atomically';
import type { RegisterCommand } from './register-command';

interface ImportFlags {
  out?: string;
  stackVar: string;
  importFrom: string;
  functionName: string;
  force?: boolean;
  format: 'text' | 'json';
}

function problemLines(problem: ImportProblem): string[] {
  const where = problem.pointer === '' ? problem.source : `${problem.source}#${problem.pointer}`;
  const name = problem.alert !== undefined ? ` ${JSON.stringify(problem.alert)}` : '';
  return problem.messages.map((message) => `${where}${name}: ${message}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const registerImport: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('import')
    .description('turn exported SigNoz rules into TypeScript using the construct library, with Terraform import blocks for their ids')
    .argument('<paths...>', 'rule files (SigNoz exports or API responses), or directories searched recursively for *.json')
    .option('--out <file>', 'write the TypeScript module to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'let --out replace an existing file')
    .addOption(
      new Option('--format <format>', 'text: the code on stdout (or --out), problems on stderr; json: one report on stdout, the code in it unless --out')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--stack-var <name>', 'name of the scope parameter in the generated function', 'stack')
    .option('--import-from <module>', 'module the generated code imports the library from', 'cdktf-signoz-alerts')
    .option('--function-name <name>', 'name of the generated function', 'importedAlertRules')
    .action(async (paths: string[], flags: ImportFlags) => {
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for the construct library.
      const [{ importedSecrets, importSetup, isUsableIdentifier, renderImportModule, renderSetupSection }, { findRuleFiles }] = await Promise.all([
        import('../../import/index.js'),
        import('../find-rule-files.js'),
      ]);
      for (const [flag, value] of [
        ['--stack-var', flags.stackVar],
        ['--function-name', flags.functionName],
      ] as const) {
        if (!isUsableIdentifier(value)) throw new UsageError(`${flag} must be a TypeScript identifier that is not a keyword or a library name, got ${JSON.stringify(value)}`);
      }
      if (flags.importFrom.trim() === '') throw new UsageError('--import-from must name a module');
      // checked before any work: hand-edited imported code is not lost to a rerun
      if (flags.out !== undefined && !flags.force && isExistingFile(resolvePath(io.cwd, flags.out))) {
        throw new UsageError(`${flags.out} exists; pass --force to replace it, or choose another --out`);
      }
      const sources: ImportSource[] = [];
      const unreadable: ImportProblem[] = [];
      for (const file of findRuleFiles(paths, io.cwd)) {
        try {
          sources.push({ name: file.display, text: file.text ?? readInputFile(file.absolute, file.display) });
        } catch (err) {
          unreadable.push({
            source: file.display,
            pointer: '',
            messages: [`cannot read the file: ${isToolkitError(err) ? err.detail : ((err as NodeJS.ErrnoException).code ?? String(err))}`],
          });
        }
      }
      const result = importSetup(sources, { stackVar: flags.stackVar });
      const problems = [...unreadable, ...result.problems];
      const setup = renderSetupSection(result, flags.stackVar, `${flags.functionName}Setup`);
      const secrets = importedSecrets(result.channels);
      const code = renderImportModule(result.rules, {
        sources: paths,
        skipped: problems,
        ...(setup ? { setup } : {}),
        stackVar: flags.stackVar,
        importFrom: flags.importFrom,
        functionName: flags.functionName,
      });
      if (flags.out !== undefined) writeAtomically(resolvePath(io.cwd, flags.out), code, flags.out);
      const asProps = result.rules.filter((r) => r.code.mode === 'props').length;
      const adopted = result.rules.filter((r) => r.ruleId !== undefined).length;
      setExitCode(problems.length > 0 ? EXIT.failed : EXIT.ok);
      if (flags.format === 'json') {
        const report = {
          rules: result.rules.map((r) => ({
            source: r.source,
            pointer: r.pointer,
            alert: r.payload.alert,
            constructId: r.constructId,
            mode: r.code.mode,
            ...(r.ruleId !== undefined ? { ruleId: r.ruleId } : {}),
            notes: r.notes,
          })),
          channels: result.channels.map((c) => ({
            source: c.source,
            pointer: c.pointer,
            name: c.name,
            kind: c.code.kind,
            constructId: c.constructId,
            ...(c.id !== undefined ? { id: c.id } : {}),
            notes: c.notes,
          })),
          routePolicies: result.routePolicies.map((p) => ({
            source: p.source,
            pointer: p.pointer,
            name: p.name,
            constructId: p.constructId,
            ...(p.id !== undefined ? { id: p.id } : {}),
          })),
          maintenanceWindows: result.maintenanceWindows.map((w) => ({
            source: w.source,
            pointer: w.pointer,
            name: w.name,
            constructId: w.constructId,
            ...(w.id !== undefined ? { id: w.id } : {}),
            notes: w.notes,
          })),
          secretVariables: secrets.map((v) => v.variable),
          skipped: result.skipped.map((p) => ({ source: p.source, pointer: p.pointer, ...(p.alert !== undefined ? { name: p.alert } : {}), messages: p.messages })),
          problems: problems.map((p) => ({ source: p.source, pointer: p.pointer, ...(p.alert !== undefined ? { alert: p.alert } : {}), messages: p.messages })),
          ...(flags.out !== undefined ? { out: flags.out } : { code }),
        };
        io.out(JSON.stringify(report, null, 2));
        return;
      }
      const lines = problems.flatMap(problemLines);
      if (lines.length > 0) io.err(lines.join('\n'));
      if (flags.out === undefined) io.out(code);
      io.err(
        `${plural(result.rules.length, 'rule')} imported (${asProps} as props, ${result.rules.length - asProps} as payloads; ${adopted} with import blocks)` +
          `${flags.out !== undefined ? ` into ${flags.out}` : ''}; ${problems.length} could not be imported`,
      );
      if (setup) {
        io.err(
          `setup: ${plural(result.channels.length, 'channel')}, ${result.routePolicies.length} route polic${result.routePolicies.length === 1 ? 'y' : 'ies'}, ` +
            `${plural(result.maintenanceWindows.length, 'maintenance window')} imported (${flags.functionName}Setup)` +
            `${result.skipped.length > 0 ? `; ${result.skipped.length} rule-kind route polic${result.skipped.length === 1 ? 'y' : 'ies'} left to SigNoz` : ''}`,
        );
      }
      if (secrets.length > 0) io.err(`secret variables to set (TF_VAR_<name>): ${secrets.map((v) => v.variable).join(', ')}`);
    });
};

/** Whether `file` is an existing file; a path that cannot be looked at is left to the write, which says why. */
function isExistingFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
