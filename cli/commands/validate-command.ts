/**
 * `signoz-alerts validate [--format text|json] <files|dirs...>`: checks SigNoz rule JSON files
 * (UI exports, API payloads, a stack's `cdk.tf.json`, every stack of a `cdktf.out` folder) the way
 * the rules API would. Exit 0 when every file is valid, 1 when
 * any is invalid (unreadable files and bad JSON included), 2 when the command is misused.
 * Text: one line per error on stdout, `file: /json/pointer: message` (`file: message` for the
 * whole file); warnings and the summary go to stderr so stdout stays parseable.
 */
import { visibleText } from '../../constructs/util/visible-text';
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { Option } from 'commander';
import type { RuleFileValidation } from '../../constructs/codecs';
import type { ValidationIssue } from '../../constructs/validation';
import type { RuleFile } from '../find-rule-files';
import { EXIT } from '../io';
import type { RegisterCommand } from './register-command';

/** The JSON output: exactly these keys, per file. */
export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: ValidationIssue[];
}

interface CheckedFile extends FileReport {
  readonly rules: number;
  readonly warnings: ValidationIssue[];
}

function checkFile(file: RuleFile, validateRuleFileText: (text: string) => RuleFileValidation): CheckedFile {
  let result: RuleFileValidation;
  try {
    result = validateRuleFileText(file.text ?? readInputFile(file.absolute, file.display));
  } catch (error) {
    const reason = isToolkitError(error) ? error.detail : ((error as NodeJS.ErrnoException).code ?? String(error));
    result = { valid: false, rules: 0, errors: [{ path: '', message: `cannot read the file: ${reason}` }], warnings: [] };
  }
  return { file: file.display, ...result };
}

function issueLine(file: string, issue: ValidationIssue, label = ''): string {
  return issue.path === '' ? `${file}: ${label}${issue.message}` : `${file}: ${issue.path}: ${label}${issue.message}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(checked: readonly CheckedFile[]): string {
  const invalid = checked.filter((c) => !c.valid).length;
  const rules = checked.reduce((sum, c) => sum + c.rules, 0);
  return `${plural(checked.length, 'file')} checked (${plural(rules, 'rule')}): ${checked.length - invalid} valid, ${invalid} invalid`;
}

export const registerValidate: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('validate')
    .description('check SigNoz alert rules (UI exports, API payloads, cdk.tf.json, a cdktf.out folder) against the SigNoz rules API')
    .argument('<paths...>', 'rule files or cdk.tf.json, a cdktf output folder (every stack it lists), or directories searched recursively for *.json')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for the rule checks.
      const [{ validateRuleFileText }, { findRuleFiles }] = await Promise.all([import('../../constructs/codecs/validate-rule-file.js'), import('../find-rule-files.js')]);
      const checked = findRuleFiles(paths, io.cwd).map((file) => checkFile(file, validateRuleFileText));
      if (options.format === 'json') {
        const reports: FileReport[] = checked.map(({ file, valid, errors }) => ({ file, valid, errors }));
        io.out(JSON.stringify(reports, null, 2));
      } else {
        const lines = checked.flatMap((c) => c.errors.map((issue) => issueLine(c.file, issue)));
        if (lines.length > 0) io.out(visibleText(lines.join('\n')));
      }
      const warnings = checked.flatMap((c) => c.warnings.map((issue) => issueLine(c.file, issue, 'warning: ')));
      if (warnings.length > 0) io.err(warnings.join('\n'));
      io.err(summary(checked));
      setExitCode(checked.every((c) => c.valid) ? EXIT.ok : EXIT.failed);
    });
};
