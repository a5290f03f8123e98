import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJson, resourceChange } from '../pipeline/fixtures/plan-builders';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';

const dir = tempDir('hostile-input-');

describe('hostile input gets an answer, never an internal error', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('plan-summary and refactor-guard read a resource type %s like any other', async (type) => {
    // GIVEN a plan whose resource types are names found on every object's prototype
    const change = (name: string, actions: string[]) => ({ ...resourceChange({ address: `${type}.${name}`, type, actions, before: { a: 1 }, after: null }) });
    const created = { ...resourceChange({ address: `${type}.b`, type, actions: ['create'], after: { a: 1 } }) };
    const file = writeJson(path.join(dir, `${type}.plan.json`), planJson({ resourceChanges: [change('a', ['delete']), created] }));
    // WHEN summarized and guarded THEN both answer
    for (const argv of [
      ['plan-summary', file],
      ['plan-summary', file, '--format', 'text'],
      ['refactor-guard', file],
    ]) {
      const run = await runCli(argv, dir);
      expect(run.stderr, argv.join(' ')).not.toMatch(/internal error/i);
      expect(run.code, argv.join(' ')).toBeLessThanOrEqual(1);
    }
  });

  const cpuTiers = (): any => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), 'utf8'));
  const series = writeJson(path.join(dir, 'series.json'), {
    A: [
      {
        labels: { host: 'web-1' },
        points: [
          [0, 95],
          [60_000, 95],
        ],
      },
    ],
  });
  const notAString = { toString: 0 };

  it.each([
    ['the evaluation kind', (r: any) => (r.evaluation.kind = notAString)],
    ['a time aggregation', (r: any) => (r.condition.compositeQuery.queries[0].spec.aggregations[0].timeAggregation = notAString)],
    ['a space aggregation', (r: any) => (r.condition.compositeQuery.queries[0].spec.aggregations[0].spaceAggregation = notAString)],
    ['an expression aggregation', (r: any) => (r.condition.compositeQuery.queries[0].spec.aggregations = [{ expression: notAString }])],
    [
      'a formula expression',
      (r: any) => {
        r.condition.compositeQuery.queries.push({ type: 'builder_formula', spec: { name: 'F1', expression: notAString } });
        r.condition.selectedQueryName = 'F1';
      },
    ],
    ['the query unit', (r: any) => (r.condition.compositeQuery.unit = notAString)],
    ['a threshold unit', (r: any) => (r.condition.thresholds.spec[0].targetUnit = notAString)],
  ])('evaluate refuses {"toString":0} as %s, naming where', async (_what, mutate) => {
    const rule = cpuTiers();
    mutate(rule);
    const file = writeJson(path.join(dir, 'rule.json'), rule);
    const run = await runCli(['evaluate', '--rule', file, '--series', series], dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).toMatch(/invalid rule: \/(evaluation|condition)\//);
    expect(run.code).toBe(1);
  });

  it.each([
    ['a label value', { A: [{ labels: { host: notAString }, points: [[0, 95]] }] }],
    ['a label set', { A: [{ labels: notAString, points: [[0, 95]] }] }],
    ['a point value', { A: [{ labels: {}, points: [[0, notAString]] }] }],
    ['a point time', { A: [{ labels: {}, points: [[notAString, 1]] }] }],
    ['a series list', { A: notAString }],
    ['a query name', { toString: [{ labels: {}, points: [[0, 1]] }] }],
    ['a query name', '{"__proto__": [{"labels": {"constructor": "x"}, "points": [[0, 1]]}]}'],
  ])('evaluate answers for {"toString":0} as %s in the series', async (_what, content) => {
    const rule = writeJson(path.join(dir, 'cpu.json'), cpuTiers());
    const file = path.join(dir, 'hostile-series.json');
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    const run = await runCli(['evaluate', '--rule', rule, '--series', file], dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBeLessThanOrEqual(2);
  });

  it.each([
    [
      'a directory',
      () => {
        const reportDir = path.join(dir, 'report-dir');
        fs.mkdirSync(reportDir, { recursive: true });
        return reportDir;
      },
      /it is a directory \(EISDIR\)/,
    ],
    ['a path through a file', () => path.join(writeJson(path.join(dir, 'a-file.json'), {}), 'report.md'), /not a directory \((ENOTDIR|EEXIST)\)/],
  ])('a report that cannot be written to %s is a clear error with exit 2, not an internal error', async (_what, target, reason) => {
    const plan = writeJson(path.join(dir, 'empty.plan.json'), planJson({}));
    const out = target();
    const run = await runCli(['plan-summary', plan, '--overflow-file', out], dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toContain(out);
    expect(run.code).toBe(2);
  });
});
