/** Finds and runs YAML behaviour test files; used by `signoz-alerts test` and callable from any test runner. */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { holdsRules, rulesIn, type RuleEntry } from '../codecs/rules-in';
import { closestName } from '../validation/did-you-mean';
import { LABEL_SEVERITY, loadEvaluableRule, RuleEvaluationError, type EvaluableRule } from '../evaluation';
import { AlertTestFileError, parseAlertTestFile, type AlertTestFileProblem, type RuleReference } from './alert-test-file';
import { BehaviourSpecError, runBehaviourTest, type CaseResult } from './run-behaviour-test';
import { isToolkitError, ToolkitError } from '../model/toolkit-error';
import { parseJsonInput } from '../util/parse-input';
import { readInputFile } from '../util/read-input-file';

/** File names the runner picks up inside folders. */
export const ALERT_TEST_FILE_PATTERN = /\.alert-test\.ya?ml$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', 'dist']);

export interface FileResult {
  /** The file as displayed: relative to the working directory. */
  readonly file: string;
  /** Name of the rule under test, once it could be loaded. */
  readonly alertName?: string;
  readonly cases: readonly (CaseResult & { readonly line: number })[];
  /** Set when the file or its rule could not be read; no case ran. */
  readonly error?: string;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (ALERT_TEST_FILE_PATTERN.test(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
}

/** Test files named or found under the given paths, sorted; throws for a path that does not exist. */
export function discoverAlertTestFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      throw new ToolkitError('test path', { file: path }, [{ path: '', message: 'no such file or directory' }]);
    }
    if (isDir) {
      const inDir: string[] = [];
      walk(absolute, inDir);
      inDir.forEach((f) => found.add(f));
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort();
}

/** The rule a test file points at (`rule_file`, and `alert` when the file holds several). */
export function loadRuleForTest(ruleFile: string, alert: string | undefined, shownAs: string = ruleFile, documents?: Map<string, unknown>): EvaluableRule {
  let doc: unknown = documents?.get(ruleFile);
  if (doc === undefined) {
    let parsed: ReturnType<typeof parseJsonInput>;
    try {
      parsed = parseJsonInput(readInputFile(ruleFile, shownAs));
    } catch (err) {
      if (isToolkitError(err)) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new ToolkitError('rule_file', { file: shownAs }, [{ path: '', message: code === 'ENOENT' ? 'no such file' : (err as Error).message }]);
    }
    if ('error' in parsed) throw new ToolkitError('rule_file', { file: shownAs }, [{ path: '', message: parsed.error }]);
    doc = parsed.value;
    documents?.set(ruleFile, doc);
  }
  return loadEvaluableRule(chooseRule(holdsRules(doc) ? rulesIn(doc) : [], alert, shownAs).json);
}

/**
 * The rule named `alert` among `rules` (the only one when `alert` is not given); a ToolkitError
 * naming `shownAs` when there is none, or several with different names. The same alert found in
 * several stacks of one estate is one rule: the first is taken.
 */
export function chooseRule<T extends RuleEntry>(rules: readonly T[], alert: string | undefined, shownAs: string, choose = '"alert:"', field = 'rule_file'): T {
  if (rules.length === 0) throw new ToolkitError(field, { file: shownAs }, [{ path: '', message: 'holds no SigNoz rule' }]);
  const chosen = alert === undefined ? rules : rules.filter((r) => r.name === alert);
  if (chosen.length === 0) {
    const names = [...new Set(rules.map((r) => r.name))];
    const hint = closestName(alert ?? '', names);
    throw new ToolkitError(field, { file: shownAs }, [
      { path: '', message: `has no rule named "${alert}"${hint !== undefined ? ` (did you mean "${hint}"?)` : ''}; it has: ${names.map((n) => JSON.stringify(n)).join(', ')}` },
    ]);
  }
  const names = new Set(chosen.map((r) => r.name));
  if (names.size > 1)
    throw new ToolkitError(field, { file: shownAs }, [
      { path: '', message: `holds ${names.size} rules: say which one with ${choose} (${[...names].map((n) => JSON.stringify(n)).join(', ')})` },
    ]);
  return chosen[0]!;
}

/**
 * Names the tests use that the rule does not have: series for a query it lacks (they would be
 * ignored, and the test pass on silence), or a tier it does not define (`critcal`), which no alert
 * can ever carry. Each with a did-you-mean where one is close.
 */
export function unknownReferences(references: readonly RuleReference[], rule: EvaluableRule): AlertTestFileProblem[] {
  const queries = rule.queries.map((q) => q.name);
  const tiers = rule.thresholds.map((t) => t.name);
  const problems: AlertTestFileProblem[] = [];
  for (const ref of references) {
    const severity = ref.field.endsWith(`.${LABEL_SEVERITY}`);
    const known = ref.kind === 'query' ? queries : severity ? tiers.map((t) => t.toLowerCase()) : tiers;
    // a rule without tiers (absent-data only) names none to check against
    if (known.includes(ref.name) || (ref.kind === 'tier' && known.length === 0)) continue;
    // one-letter query names (A, B) are all one edit apart: a suggestion there would be noise
    const hint = ref.name.length > 1 ? closestName(ref.name, known) : undefined;
    const what = ref.kind === 'query' ? `series for query "${ref.name}", which rule "${rule.name}" does not have` : `tier "${ref.name}", which rule "${rule.name}" does not define`;
    problems.push({
      line: ref.line,
      reason: `${ref.field}: ${what}${hint !== undefined ? ` (did you mean "${hint}"?)` : ''}; it has ${known.map((n) => JSON.stringify(n)).join(', ')}`,
    });
  }
  return problems;
}

/** Reads, loads and runs one test file. Never throws for a user mistake: it lands in `error` or a failed case. */
/** `documents` caches parsed rule files across the test files of one run (several tests share one cdk.tf.json). */
export function runAlertTestFile(path: string, cwd: string, documents?: Map<string, unknown>): FileResult {
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    text = readInputFile(path, file);
  } catch (err) {
    return { file, cases: [], error: isToolkitError(err) ? `cannot read: it ${err.detail}` : `cannot read: ${(err as Error).message}` };
  }
  let rule: EvaluableRule;
  let spec;
  try {
    spec = parseAlertTestFile(text, file);
    rule = loadRuleForTest(resolve(dirname(path), spec.ruleFile), spec.alert, spec.ruleFile, documents);
  } catch (err) {
    if (err instanceof AlertTestFileError) return { file, cases: [], error: err.lines().join('\n') };
    if (err instanceof RuleEvaluationError)
      return { file, cases: [], error: `${spec?.ruleFile}: ${err.summary}\n${err.problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}` };
    return { file, cases: [], error: `${file}: ${(err as Error).message}` };
  }
  const unknown = unknownReferences(spec.references, rule);
  if (unknown.length > 0) return { file, alertName: rule.name, cases: [], error: unknown.map((p) => `${file}:${p.line}: ${p.reason}`).join('\n') };
  const cases = spec.cases.map(({ testCase, line }, i) => {
    try {
      return { ...runBehaviourTest(rule, testCase, i), line };
    } catch (err) {
      if (!(err instanceof BehaviourSpecError) && !(err instanceof RangeError)) throw err;
      return {
        name: testCase.name ?? `case ${i + 1}`,
        passed: false,
        failures: [`${file}:${line}: ${err instanceof BehaviourSpecError ? err.detail : err.message}`],
        timeline: { rule, ticks: [], warnings: [] },
        start: 0,
        series: {},
        line,
      };
    }
  });
  return { file, alertName: rule.name, cases };
}

/**
 * Runs every test file found under `paths`. `documents` (absolute path -> parsed JSON) holds rule
 * files the caller has read already, such as the stacks of a synth output it has just checked.
 */
export function runAlertTestFiles(paths: readonly string[], cwd: string = process.cwd(), documents: Map<string, unknown> = new Map()): FileResult[] {
  return discoverAlertTestFiles(paths, cwd).map((path) => runAlertTestFile(path, cwd, documents));
}

/** A test per case of the YAML files under `paths`, for any runner: `for (const t of alertTestCases(['alerts'])) it(t.title, t.check);` */
export function alertTestCases(paths: readonly string[], cwd: string = process.cwd()): { readonly title: string; readonly check: () => void }[] {
  return runAlertTestFiles(paths, cwd).flatMap((result) => {
    if (result.error) {
      return [
        {
          title: `${result.file} (load)`,
          check: (): void => {
            throw new Error(result.error);
          },
        },
      ];
    }
    return result.cases.map((c) => ({
      title: `${result.file}:${c.line} › ${c.name}`,
      check: (): void => {
        if (!c.passed) throw new Error([`alert "${result.alertName}" did not behave as expected:`, ...c.failures, ...c.timeline.warnings.map((w) => `warning: ${w}`)].join('\n'));
      },
    }));
  });
}
