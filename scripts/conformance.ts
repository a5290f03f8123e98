/**
 * Checks the toolkit against real SigNoz payloads: `npm run conformance -- <corpus-dir>`.
 * The corpus (e.g. ../shared/signoz-corpus) is optional: when the folder does not exist the run
 * says so in one line and exits 0. Each check is a function of the corpus folder; add more to
 * CHECKS. Exit 1 when any check fails, 2 when called without a folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateRuleFileText } from '../constructs/validation';

interface CheckOutcome {
  /** One line: what was checked and the count. */
  readonly summary: string;
  /** One line per failure, empty when the check passed. */
  readonly failures: string[];
}

type ConformanceCheck = (corpusDir: string) => CheckOutcome;

/** Every rule payload SigNoz's own tests send (rules/*.json) must pass the validator. */
const rulePayloadsAreAccepted: ConformanceCheck = (corpusDir) => {
  const rulesDir = path.join(corpusDir, 'rules');
  if (!fs.existsSync(rulesDir)) return { summary: 'rule payloads: no rules/ folder', failures: [`${rulesDir} does not exist`] };
  const files = fs.readdirSync(rulesDir).filter((name) => name.endsWith('.json')).sort();
  const failures = files.flatMap((name) => {
    const result = validateRuleFileText(fs.readFileSync(path.join(rulesDir, name), 'utf8'));
    return result.errors.map((issue) => `rules/${name}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`);
  });
  const rejected = new Set(failures.map((line) => line.split(':')[0])).size;
  return { summary: `rule payloads: ${files.length - rejected}/${files.length} accepted by validateRulePayload`, failures };
};

const CHECKS: readonly ConformanceCheck[] = [rulePayloadsAreAccepted];

function main(args: readonly string[]): number {
  const corpusDir = args[0];
  if (!corpusDir) {
    process.stderr.write('usage: npm run conformance -- <corpus-dir>\n');
    return 2;
  }
  if (!fs.existsSync(corpusDir)) {
    process.stdout.write(`conformance: ${corpusDir} not found; nothing to check\n`);
    return 0;
  }
  let failed = false;
  for (const check of CHECKS) {
    const outcome = check(corpusDir);
    process.stdout.write(`conformance: ${outcome.summary}\n`);
    for (const failure of outcome.failures) process.stdout.write(`  ${failure}\n`);
    failed ||= outcome.failures.length > 0;
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
