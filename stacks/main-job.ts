/**
 * `npm start`: the main job on the example estate, offline. Synthesizes every stack into cdktf.out/,
 * validates every rule against the SigNoz rules API, runs the default policy pack, runs the alert
 * behaviour tests, and prints what each stack holds. Exits non-zero, with the reasons, when
 * anything is invalid.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAlertTestFiles } from '../constructs/testing';
import { App } from '../constructs/engine';
import { readSynthOutput, type SynthesizedStack } from '../constructs/codecs/synth-output';
import { runPack, validateStackRules } from '../pipeline/pr-check/default-hooks';
import type { PolicyReport } from '../policies/finding';
import { PolicyPack } from '../policies/pack';
import { deployRecipe, suppressionLines } from './deploy-recipe';
import type { PrCheckHookResult } from '../pipeline/pr-check/pr-check-hooks';
import { renderStackSummaries, summarizeStacks } from '../policies/reports/estate-summary';
import { defineEstate } from './estate';
import { synthErrorLines } from '../constructs';

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'cdktf.out');
const tests = path.join(root, 'stacks', 'alert-tests');
const STEPS = 4;

function step(n: number, what: string): () => void {
  process.stdout.write(`[${n}/${STEPS}] ${what} ... `);
  const started = performance.now();
  return () => process.stdout.write(`done (${Math.round(performance.now() - started)} ms)\n`);
}

function fail(lines: readonly string[]): never {
  process.stdout.write('FAILED\n');
  for (const line of lines) console.error(`  ${line}`);
  console.error('\nThe estate is not valid; fix the problems above and run npm start again.');
  process.exit(1);
}

function synthesize(): void {
  const done = step(1, 'synthesizing the example estate (stacks/estate.ts)');
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({ outdir });
    defineEstate(app);
    app.synth();
  } catch (err) {
    fail(synthErrorLines(err));
  }
  done();
}

function check(n: number, what: string, run: () => PrCheckHookResult): string[] {
  const done = step(n, what);
  const result = run();
  if (!result.ok) fail(result.lines);
  done();
  return [...result.lines];
}

async function main(): Promise<void> {
  console.log('signoz-alerts main job: the example estate, offline\n');
  synthesize();
  // The output is read once; its rules are decoded once and shared by every step below.
  const stacks: SynthesizedStack[] = readSynthOutput(outdir, root);
  const validation = check(2, 'validating every alert rule against the SigNoz rules API', () => validateStackRules(stacks));
  // the pack runs once; its report is kept to list what it suppressed, and why
  const pack = PolicyPack.default();
  let report: PolicyReport | undefined;
  const policies = check(3, 'checking the default policy pack', () => runPack({ name: pack.name, run: (s) => (report = pack.run(s)) }, stacks));

  const doneTests = step(4, 'running the alert behaviour tests (stacks/alert-tests)');
  // The tests' rule files are the stacks read above: hand them over instead of reading them again.
  const read = new Map<string, unknown>(stacks.map((stack) => [path.resolve(root, stack.file), stack.document]));
  const results = runAlertTestFiles([tests], root, read);
  const failures = results.flatMap((r) =>
    r.error ? [`${r.file}: ${r.error}`] : r.cases.filter((c) => !c.passed).flatMap((c) => [`${r.file}:${c.line} ${c.name}`, ...c.failures.map((f) => `  ${f}`)]),
  );
  if (failures.length > 0) fail(failures);
  doneTests();
  const cases = results.reduce((n, r) => n + r.cases.length, 0);

  console.log(`\n${validation.join('; ')}; policies: ${policies[policies.length - 1]}; behaviour tests: ${cases} cases in ${results.length} files passed\n`);
  console.log(renderStackSummaries(summarizeStacks(stacks)));
  const suppressed = report ? suppressionLines(report) : [];
  if (suppressed.length > 0) {
    console.log(`\nSuppressed by the policy pack (${report!.suppressed.length}), with the reasons recorded in the code:`);
    for (const line of suppressed) console.log(`  ${line}`);
  }
  console.log(`\nSynthesized into ${path.relative(process.cwd(), outdir) || '.'}/. To deploy (every variable the stacks declare; see README, "deploying to a real SigNoz"):`);
  for (const line of deployRecipe(stacks)) console.log(`  ${line}`);
}

main().catch((err: unknown) => {
  console.error(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
