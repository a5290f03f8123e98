/** `signoz-alerts test`: run YAML alert behaviour tests, report pass/fail, JUnit XML and coverage. */
import { visibleText } from '../../constructs/util/visible-text';
import { statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import type { FileResult } from '../../constructs/testing';
import { painter, type Style } from '../colour';
import { EXIT, UsageError, type CliIO } from '../io';
import { resolvePath } from '../input-files';
import { writeAtomically } from '../write-atomically';
import type { RegisterCommand } from './register-command';

interface TestFlags {
  junit?: string;
  html?: string;
  coverage?: string;
  format: 'text' | 'json';
}

/** The machine-readable results (`--format json`): per file, its error or its cases; then the counts. */
export function resultsJson(results: readonly FileResult[]): unknown {
  const cases = results.flatMap((r) => r.cases);
  return {
    files: results.map((r) => ({
      file: r.file,
      ...(r.alertName !== undefined ? { alert: r.alertName } : {}),
      ...(r.error !== undefined ? { errors: r.error.split('\n') } : {}),
      cases: r.cases.map((c) => ({ name: c.name, line: c.line, passed: c.passed, failures: c.failures, warnings: c.passed ? [] : c.timeline.warnings })),
    })),
    summary: { passed: cases.filter((c) => c.passed).length, failed: cases.filter((c) => !c.passed).length, filesWithErrors: results.filter((r) => r.error).length },
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

/** Human-readable results, one line per case, failures explained below their line. */
export function resultsText(results: readonly FileResult[], paint: (style: Style, text: string) => string = painter(false)): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.error) {
      lines.push(`${paint('red', 'ERROR')} ${result.file}`, indent(result.error));
      continue;
    }
    for (const c of result.cases) {
      lines.push(`${c.passed ? paint('green', 'PASS') : paint('red', 'FAIL')}  ${result.file}:${c.line} › ${c.name}`);
      if (!c.passed) {
        lines.push(...c.failures.map(indent));
        lines.push(...c.timeline.warnings.map((w) => indent(`warning: ${w}`)));
      }
    }
  }
  const cases = results.flatMap((r) => r.cases);
  const passed = cases.filter((c) => c.passed).length;
  const errors = results.filter((r) => r.error).length;
  lines.push('', `${passed} passed, ${cases.length - passed} failed${errors ? `, ${errors} file${errors > 1 ? 's' : ''} with errors` : ''}`);
  return lines.join('\n');
}

async function run(paths: string[], flags: TestFlags, io: CliIO, setExitCode: (code: number) => void): Promise<void> {
  // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
  const [{ collectEstateAlerts, coverageReport, coverageText, discoverAlertTestFiles, junitReport, runAlertTestFile }, { behaviourTestReport }] = await Promise.all([
    import('../../constructs/testing/index.js'),
    import('../../constructs/report/behaviour-report.js'),
  ]);
  const files = discoverAlertTestFiles(paths, io.cwd);
  if (files.length === 0) throw new UsageError(`no *.alert-test.yaml files found in ${paths.join(', ')}`);
  let estatePath: string | undefined;
  if (flags.coverage !== undefined) {
    estatePath = resolvePath(io.cwd, flags.coverage);
    try {
      statSync(estatePath);
    } catch {
      throw new UsageError(`--coverage ${flags.coverage}: no such file or directory`);
    }
  }
  const results = files.map((file) => runAlertTestFile(file, io.cwd));
  const json = flags.format === 'json' ? (resultsJson(results) as Record<string, unknown>) : undefined;
  if (!json) io.out(visibleText(resultsText(results, painter(io.colour === true))));
  if (flags.junit !== undefined) {
    try {
      writeFileAtomic(resolvePath(io.cwd, flags.junit), junitReport(results));
    } catch (err) {
      throw new UsageError(`cannot write --junit ${flags.junit}: ${(err as Error).message}`);
    }
  }
  if (flags.html !== undefined) writeAtomically(resolvePath(io.cwd, flags.html), behaviourTestReport(results), `--html ${flags.html}`, 'report.html');
  if (estatePath !== undefined) {
    const tested = new Set(results.map((r) => r.alertName).filter((n): n is string => n !== undefined));
    const coverage = coverageReport(collectEstateAlerts(estatePath), tested);
    if (json) json.coverage = coverage;
    else io.out(visibleText(`\n${coverageText(coverage)}`));
  }
  if (json) io.out(JSON.stringify(json, null, 2));
  const failed = results.some((r) => r.error !== undefined || r.cases.some((c) => !c.passed));
  setExitCode(failed ? EXIT.failed : EXIT.ok);
}

export const registerTest: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('test')
    .description('Run alert behaviour tests (*.alert-test.yaml): given series, check which alerts fire, when, and when they resolve')
    .argument('<paths...>', 'test files, or folders searched for *.alert-test.yaml / *.alert-test.yml')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--html <file>', 'also write an HTML report: each case with its series, thresholds, and firing and resolving ticks drawn as a chart')
    .option('--coverage <path>', 'list which alerts of an estate have tests: a cdktf.out folder, a folder of rule JSON, or one file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((paths: string[], flags: TestFlags) => run(paths, flags, io, setExitCode));
};
