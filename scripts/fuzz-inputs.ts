/**
 * Hostile inputs for every command that reads a file, and one run of a command on one input:
 * shared by the bounded properties in `npm test` and the long runs of `npm run fuzz`.
 * A crash is an exit code outside 0/1/2 or an "internal error"; a hang is a run over HANG_MS.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { main } from '../cli/program';
import type { CliIO } from '../cli/io';

/** A run slower than this counts as a hang. */
export const HANG_MS = 5_000;

const RULE_SEED = fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), 'utf8');
const SERIES_SEED = JSON.stringify({
  A: [
    {
      labels: { host: 'web-1' },
      points: [
        [0, 95],
        [60_000, 97],
        [120_000, 40],
      ],
    },
  ],
});
const PLAN_SEED = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.0',
  resource_changes: [
    {
      address: 'signoz_rule.cpu',
      mode: 'managed',
      type: 'signoz_rule',
      name: 'cpu',
      provider_name: 'registry.terraform.io/signoz/signoz',
      change: { actions: ['update'], before: { alert: 'CPU', labels: { severity: 'warning' } }, after: { alert: 'CPU high', labels: { severity: 'critical' } }, after_unknown: {} },
    },
  ],
});
const FINGERPRINT_SEED = JSON.stringify({ version: 1, fingerprint: `sha256:${'ab'.repeat(32)}`, saltId: 'none' });
const TEST_SEED =
  "rule_file: rule.json\ntests:\n  - interval: 1m\n    input_series:\n      - query: A\n        labels: {host: a}\n        values: '95x10 10x5'\n    alert_rule_test:\n      - eval_time: 5m\n        exp_alerts: []\n";

/** One command of the CLI, fed the fuzzed text as `input` (other files hold their seeds). */
export interface FuzzTarget {
  readonly name: string;
  readonly seed: string;
  readonly argv: (input: string, dir: string) => string[];
}

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  { name: 'validate', seed: RULE_SEED, argv: (input) => ['validate', input] },
  // --force: every input replaces the module the one before wrote (without it, all but the first are refused)
  { name: 'import', seed: RULE_SEED, argv: (input, dir) => ['import', input, '--out', path.join(dir, 'imported.ts'), '--force'] },
  { name: 'evaluate --rule', seed: RULE_SEED, argv: (input, dir) => ['evaluate', '--rule', input, '--series', path.join(dir, 'series.json')] },
  { name: 'evaluate --series', seed: SERIES_SEED, argv: (input, dir) => ['evaluate', '--rule', path.join(dir, 'rule.json'), '--series', input, '--format', 'text'] },
  { name: 'plan-summary', seed: PLAN_SEED, argv: (input) => ['plan-summary', input, '--format', 'text'] },
  { name: 'plan-fingerprint', seed: PLAN_SEED, argv: (input, dir) => ['plan-fingerprint', input, '--out', path.join(dir, 'fp.json')] },
  { name: 'apply-guard --plan', seed: PLAN_SEED, argv: (input) => ['apply-guard', '--plan', input, '--expect-fingerprint', `sha256:${'0'.repeat(64)}`] },
  { name: 'apply-guard --fingerprint', seed: FINGERPRINT_SEED, argv: (input, dir) => ['apply-guard', '--plan', path.join(dir, 'plan.json'), '--fingerprint', input] },
  { name: 'refactor-guard', seed: PLAN_SEED, argv: (input) => ['refactor-guard', input] },
  { name: 'test', seed: TEST_SEED, argv: (input) => ['test', input] },
];

/** Writes the seed files the targets read besides the fuzzed one. */
export function prepareFuzzDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'rule.json'), RULE_SEED);
  fs.writeFileSync(path.join(dir, 'series.json'), SERIES_SEED);
  fs.writeFileSync(path.join(dir, 'plan.json'), PLAN_SEED);
}

const hostileText = fc.constantFrom(
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u2028',
  '__proto__',
  'constructor',
  'toString',
  '{"toString":0}',
  '9e15',
  '1e400',
  'NaN',
  '-0',
  '"',
  '\\',
  '\u0000',
  '{',
  '[',
  '}',
  ']',
  ',',
  ':',
);

/** Text built from a seed: spliced with fragments, cut, nested, or any JSON value, or any string. */
export function fuzzInput(seed: string): fc.Arbitrary<string> {
  const splice = fc
    .tuple(fc.nat(seed.length), fc.nat(40), fc.array(fc.oneof(hostileText, fc.string({ maxLength: 12 }), fc.json({ maxDepth: 3 })), { maxLength: 4 }))
    .map(([at, cut, parts]) => seed.slice(0, at) + parts.join('') + seed.slice(Math.min(seed.length, at + cut)));
  const nested = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
    const at = seed.indexOf('"', seed.length >> 1);
    const deep = `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`;
    return at < 0 ? deep : `${seed.slice(0, at)}${deep}${seed.slice(seed.indexOf('"', at + 1) + 1)}`;
  });
  const replaced = fc.tuple(fc.json({ maxDepth: 4 }), fc.nat(20)).map(([value, n]) => {
    const strings = [...seed.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?/g)];
    const m = strings[n % Math.max(1, strings.length)];
    return m ? seed.slice(0, m.index) + value + seed.slice(m.index + m[0].length) : value;
  });
  return fc.oneof(
    { weight: 4, arbitrary: splice },
    { weight: 3, arbitrary: replaced },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  );
}

export interface FuzzOutcome {
  readonly code: number;
  readonly ms: number;
  readonly crashed: boolean;
  readonly output: string;
}

const quietIO = (cwd: string, sink: string[]): CliIO => ({ out: (t) => sink.push(t), err: (t) => sink.push(t), cwd, env: { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'fuzz' } });

/** An exit code outside 0/1/2, an internal error, or a stack trace line (`    at f (file.ts:1:2)`) in the output. */
function isCrash(code: number, output: string): boolean {
  return ![0, 1, 2].includes(code) || /internal error|^\s+at .*:\d+:\d+\)?$/im.test(output);
}

function writeInput(target: FuzzTarget, text: string, dir: string): string {
  const file = path.join(dir, target.name.startsWith('test') ? 'input.alert-test.yaml' : 'input.json');
  fs.writeFileSync(file, text);
  return file;
}

/** Runs `target` on `text` in-process (through the CLI's entry point) and judges the outcome. */
export async function runFuzzCase(target: FuzzTarget, text: string, dir: string): Promise<FuzzOutcome> {
  const file = writeInput(target, text, dir);
  const sink: string[] = [];
  const started = performance.now();
  let code: number;
  try {
    code = await main(target.argv(file, dir), quietIO(dir, sink));
  } catch (err) {
    sink.push(`internal error (thrown out of main): ${String(err)}`);
    code = -1;
  }
  const output = sink.join('\n');
  return { code, ms: performance.now() - started, crashed: isCrash(code, output), output };
}

const CLI = path.join(__dirname, 'signoz-alerts.ts');
/** tsx's loader by absolute URL: the process runs in the fuzz folder, where `tsx` does not resolve. */
const TSX = pathToFileURL(require.resolve('tsx')).href;

/**
 * Runs `target` on `text` as its own process, the way a pipeline runs the CLI: the exit code the
 * process really ends with (a signal, a timeout or an exit outside 0/1/2 is a crash), and whether
 * anything reached the streams as an internal error or a stack trace. Seconds slower than in-process
 * (a Node start per input), so `npm run fuzz` runs a sample of the inputs this way.
 */
export function runFuzzCaseAsProcess(target: FuzzTarget, text: string, dir: string): FuzzOutcome {
  const file = writeInput(target, text, dir);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', TSX, CLI, ...target.argv(file, dir)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, SIGNOZ_ALERTS_FINGERPRINT_SALT: 'fuzz', NO_COLOR: '1' },
  });
  const code = run.status ?? -1;
  const output = `${run.stdout}\n${run.stderr}${run.signal ? `\nkilled by ${run.signal}` : ''}`;
  return { code, ms: performance.now() - started, crashed: isCrash(code, output), output };
}
