import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJson, resourceChange } from '../pipeline/fixtures/plan-builders';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';
import { MAX_NESTING_DEPTH, MAX_RULE_NESTING_DEPTH } from '../../constructs/util/parse-input';
import { MAX_POINTS, MAX_TEST_SPAN_MS } from '../../constructs/evaluation/evaluation-limits';

const dir = tempDir('hostile-limits-');

const cpuTiers = (): any => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), 'utf8'));

describe('nesting depth is bounded with a clear error in every reader', () => {
  /** A plan whose one change has a value nested `depth` arrays deep (written as text: JSON.stringify itself overflows on it). */
  const planWith = (name: string, depth: number): string => {
    const file = writeJson(
      path.join(dir, `${name}.plan.json`),
      planJson({
        resourceChanges: [
          resourceChange({ address: 'signoz_rule.deep', type: 'signoz_rule', actions: ['update'], before: { labels: { a: '1' } }, after: { labels: { a: '2' }, deep: 'DEEP' } }),
        ],
      }),
    );
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"DEEP"', `${'['.repeat(depth)}1${']'.repeat(depth)}`));
    return file;
  };
  const commands: [string, (plan: string) => string[]][] = [
    ['plan-summary', (plan) => ['plan-summary', plan]],
    ['plan-fingerprint', (plan) => ['plan-fingerprint', plan, '--out', path.join(dir, 'fp.json')]],
    ['apply-guard', (plan) => ['apply-guard', '--plan', plan, '--expect-fingerprint', `sha256:${'0'.repeat(64)}`]],
    ['refactor-guard', (plan) => ['refactor-guard', plan]],
  ];

  it.each(commands)('%s refuses a value nested 5,000 deep: exit 2, naming the limit', async (_name, argv) => {
    const run = await runCli(argv(planWith('deep5000', 5000)), dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).toContain(`nested more than ${MAX_NESTING_DEPTH} levels deep`);
    expect(run.code).toBe(2);
  });

  it.each(commands)('%s still reads a value nested just under the limit', async (_name, argv) => {
    const run = await runCli(argv(planWith('deep-ok', MAX_NESTING_DEPTH - 10)), dir);
    expect(run.stderr).not.toMatch(/internal error|nested more than/i);
    expect(run.code).toBeLessThanOrEqual(1);
  });

  it.each([MAX_RULE_NESTING_DEPTH + 50, 5000])('import refuses a rule nested %i deep and still writes the others', async (depth) => {
    // GIVEN two rules, the second with a label value nested past the rule limit (written as text: JSON.stringify overflows on it)
    const good = cpuTiers();
    const deep = { ...cpuTiers(), alert: 'Deep one', labels: { team: 'DEEP' } };
    const file = path.join(dir, 'two-rules.json');
    fs.writeFileSync(file, JSON.stringify([good, deep]).replace('"DEEP"', `${'['.repeat(depth)}1${']'.repeat(depth)}`));
    const out = path.join(dir, `imported-${depth}.ts`);
    // WHEN imported
    const run = await runCli(['import', file, '--out', out], dir);
    // THEN the good rule is written and the deep one refused, naming the limit
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stdout + run.stderr).toContain(`nested deeper than ${MAX_RULE_NESTING_DEPTH} levels`);
    expect(fs.readFileSync(out, 'utf8')).toContain(JSON.stringify(good.alert));
    expect(run.code).toBe(1);
  });
});

describe('huge values', () => {
  it.each([
    ['a run of letters', 'a'.repeat(6_000_000)],
    ['a bearer token', `Bearer ${'a1'.repeat(3_000_000)}`],
    ['JSON text with a number out of range', `{"a": ${'1'.repeat(6_000_000)}}`],
  ])('plan-summary reads a 6,000,000-character value (%s) and answers', async (_what, value) => {
    const file = writeJson(
      path.join(dir, 'huge-value.plan.json'),
      planJson({
        resourceChanges: [resourceChange({ address: 'signoz_rule.a', type: 'signoz_rule', actions: ['update'], before: { description: 'short' }, after: { description: value } })],
      }),
    );
    for (const argv of [
      ['plan-summary', file],
      ['plan-summary', file, '--format', 'text'],
    ]) {
      const run = await runCli(argv, dir);
      expect(run.stderr).not.toMatch(/internal error/i);
      expect(run.code).toBe(0);
    }
  });
});

describe('evaluation limits', () => {
  it('evaluate refuses a timestamp of 9e15 (past the range of a date), naming the point: exit 2, no internal error', async () => {
    const rule = writeJson(path.join(dir, 'cpu.json'), cpuTiers());
    const series = writeJson(path.join(dir, 'far.json'), { A: [{ labels: { host: 'a' }, points: [[9e15, 95]] }] });
    const run = await runCli(['evaluate', '--rule', rule, '--series', series], dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).toContain('/A/0/points/0/0: timestamp must be within ±8640000000000000 unix milliseconds');
    expect(run.code).toBe(2);
  });

  it(`evaluate refuses more than ${MAX_POINTS} points before evaluating`, async () => {
    const rule = writeJson(path.join(dir, 'cpu.json'), cpuTiers());
    const points = Array.from({ length: MAX_POINTS / 2 + 1 }, (_, i) => [i * 1000, 1]);
    const series = writeJson(path.join(dir, 'many.json'), {
      A: [
        { labels: { host: 'a' }, points },
        { labels: { host: 'b' }, points },
      ],
    });
    const run = await runCli(['evaluate', '--rule', rule, '--series', series, '--to', '0'], dir);
    expect(run.stderr).toContain(`the input has ${MAX_POINTS + 2} points; at most ${MAX_POINTS} are evaluated at once`);
    expect(run.code).toBe(2);
  });

  it('a 253-byte behaviour test over 100h at 1s answers: it passes, or a longer one is refused naming the limit', async () => {
    fs.writeFileSync(path.join(dir, 'rule.json'), JSON.stringify(cpuTiers()));
    const test = (values: string, evalTime: string): string =>
      `rule_file: rule.json\ntests:\n  - interval: 1s\n    input_series:\n      - query: A\n        labels: {host: a}\n        values: '${values}'\n    alert_rule_test:\n      - eval_time: ${evalTime}\n        exp_alerts: []\n`;
    fs.writeFileSync(path.join(dir, 'long.alert-test.yaml'), test('0.5x400000', '100h'));
    expect((await runCli(['test', 'long.alert-test.yaml'], dir)).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'too-long.alert-test.yaml'), test('0.5x400000', `${MAX_TEST_SPAN_MS / 3_600_000 + 1}h`));
    const run = await runCli(['test', 'too-long.alert-test.yaml'], dir);
    expect(run.stdout + run.stderr).toContain('a test case may cover at most 31 days');
    expect(run.code).not.toBe(0);
  });
});

describe('invisible characters are shown, not applied', () => {
  it.each(['markdown', 'text'])('plan-summary (%s) shows a right-to-left override in an alert name as <U+202E>', async (format) => {
    const file = writeJson(
      path.join(dir, 'bidi.plan.json'),
      planJson({ resourceChanges: [resourceChange({ address: 'signoz_rule.a', type: 'signoz_rule', actions: ['create'], after: { alert: 'CPU \u202Eegap\u200b' } })] }),
    );
    const run = await runCli(['plan-summary', file, '--format', format], dir);
    expect(run.stdout).toContain('CPU <U+202E>egap<U+200B>');
    expect(run.stdout).not.toMatch(/[\u202e\u200b]/);
  });
});
