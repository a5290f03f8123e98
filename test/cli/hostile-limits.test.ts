import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJson, resourceChange } from '../pipeline/fixtures/plan-builders';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';
import { MAX_NESTING_DEPTH, MAX_RULE_NESTING_DEPTH } from '../../constructs/util/parse-input';

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
    const out = path.join(dir, 'imported.ts');
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
