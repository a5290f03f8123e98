import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { planJson, resourceChange } from '../pipeline/fixtures/plan-builders';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';
import { MAX_INPUT_FILE_BYTES } from '../../constructs/util/read-input-file';

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

  it('plan-summary, plan-fingerprint and refactor-guard refuse an action that is an object with a toString of its own (fuzz seed 20261207)', async () => {
    // GIVEN a plan whose action is no string but an object that cannot be turned into one
    const plan = planJson({
      resourceChanges: [resourceChange({ address: 'signoz_rule.cpu', type: 'signoz_rule', actions: ['update'], before: { alert: 'CPU' }, after: { alert: 'CPU high' } })],
    });
    (plan as any).resource_changes[0].change.actions = [{ toString: { a: 1 } }];
    const file = writeJson(path.join(dir, 'object-action.plan.json'), plan);
    // WHEN read THEN bad input, naming where
    for (const argv of [
      ['plan-summary', file],
      ['plan-fingerprint', file, '--out', path.join(dir, 'fp.json')],
      ['refactor-guard', file],
    ]) {
      const run = await runCli(argv, dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'salt' });
      expect(run.stderr, argv.join(' ')).not.toMatch(/internal error/i);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain('resource_changes[0].change.actions[0]');
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

  describe('files that are not regular files are refused before anything is read', () => {
    const fifo = path.join(dir, 'rules.fifo.json');
    beforeAll(() => execFileSync('mkfifo', [fifo]));
    const commands: [string, (file: string) => string[], number][] = [
      ['validate', (file) => ['validate', file], 1],
      ['import', (file) => ['import', file], 1],
      ['evaluate --rule', (file) => ['evaluate', '--rule', file, '--series', file], 2],
      ['plan-summary', (file) => ['plan-summary', file], 2],
      ['refactor-guard', (file) => ['refactor-guard', file], 2],
      ['apply-guard --fingerprint', (file) => ['apply-guard', '--plan', file, '--fingerprint', file], 2],
    ];
    it.each(
      commands.flatMap(([name, argv, code]) => [[name, '/dev/zero', 'a character device', argv, code] as const, [name, 'a FIFO', 'a named pipe (FIFO)', argv, code] as const]),
    )('%s %s: refused promptly as %s', async (_name, which, kind, argv, code) => {
      // a read of /dev/zero or a FIFO would never end: the test's own timeout is the hang guard
      const run = await runCli(argv(which === '/dev/zero' ? '/dev/zero' : fifo), dir);
      expect(run.stderr).not.toMatch(/internal error/i);
      expect(run.stdout + run.stderr).toContain(`is ${kind}; only regular files are read`);
      expect(run.code).toBe(code);
    });
  });

  it('refuses an input file over the size limit before reading it', async () => {
    const huge = path.join(dir, 'huge.rules.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_INPUT_FILE_BYTES + 1); // sparse: costs no disk
    const run = await runCli(['validate', huge], dir);
    expect(run.stdout + run.stderr).toContain(`is ${MAX_INPUT_FILE_BYTES + 1} bytes, over the limit of ${MAX_INPUT_FILE_BYTES} bytes (128 MiB) for any input file`);
  });

  it('streams a plan of any size instead: a plan file over that limit is read, and one that is not JSON is refused at its first byte', async () => {
    const huge = path.join(dir, 'huge.plan.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_INPUT_FILE_BYTES + 1);
    const run = await runCli(['plan-summary', huge], dir);
    expect(run.stderr).toContain('invalid JSON');
    expect(run.stderr).toContain('invalid JSON at byte 0');
    expect(run.code).toBe(2);
  });
});
