import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { cliRecorder as recorder, lines } from '../support/cli-recorder';
import { RULE_FIXTURE_NAMES, ruleFixture, type AnyJson } from '../support/rule-fixtures';

let workdir: string;

function write(relative: string, content: unknown): void {
  const file = path.join(workdir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

async function run(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[]; raw: string }> {
  const io = recorder(workdir);
  const code = await main(['validate', ...args], io);
  return { code, stdout: lines(io.stdout), stderr: lines(io.stderr), raw: io.stdout.join('\n') };
}

function brokenRule(): AnyJson {
  const rule = ruleFixture('metrics-threshold.json');
  rule.condition.thresholds.spec[0].op = 'bigger';
  rule.evaluation.spec.evalWindow = '0s';
  return rule;
}

beforeEach(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cli-'));
});

afterEach(() => {
  fs.rmSync(workdir, { recursive: true, force: true });
});

describe('signoz-alerts validate', () => {
  it('exits 0 and prints only a summary when every file is valid', async () => {
    write('cpu.json', ruleFixture('metrics-threshold.json'));
    const result = await run('cpu.json');
    expect(result).toMatchObject({ code: 0, stdout: [], stderr: ['1 file checked (1 rule): 1 valid, 0 invalid'] });
  });

  it('walks directories recursively in a stable order, skipping hidden and dependency folders', async () => {
    // GIVEN rules in nested folders, next to files and folders that are not rules
    for (const name of RULE_FIXTURE_NAMES) write(`rules/${name.startsWith('m') ? 'metrics/' : ''}${name}`, ruleFixture(name));
    write('rules/README.md', '# not a rule');
    write('rules/node_modules/pkg/package.json', '{"name": "pkg"}');
    write('rules/.git/config.json', '{}');
    write('rules/b-broken.json', brokenRule());

    // WHEN the folder is validated as JSON
    const result = await run('--format', 'json', 'rules');

    // THEN every rule file is checked once, in sorted order, and the broken one fails the run
    expect(result.code).toBe(1);
    const report = JSON.parse(result.raw) as { file: string; valid: boolean }[];
    expect(report.map((r) => r.file)).toEqual([
      'rules/absent-data-heartbeat.json',
      'rules/anomaly.json',
      'rules/b-broken.json',
      'rules/clickhouse-sql.json',
      'rules/cumulative-daily-budget.json',
      'rules/logs-error-rate-formula.json',
      'rules/metrics/metrics-threshold.json',
      'rules/metrics/multi-tier-disk.json',
      'rules/promql.json',
      'rules/traces-p99-latency.json',
    ]);
    expect(report.filter((r) => !r.valid).map((r) => r.file)).toEqual(['rules/b-broken.json']);
    expect(result.stderr).toEqual(['10 files checked (10 rules): 9 valid, 1 invalid']);
  });

  it('prints one line per error as file: pointer: message and exits 1', async () => {
    write('broken.json', brokenRule());
    write('ok.json', ruleFixture('promql.json'));
    const result = await run('ok.json', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      'broken.json: /condition/thresholds/spec/0/op: unsupported value "bigger"; must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds (also accepted, in any letter case: numeric codes 1-7, >, <, eq, =, not_eq, !=, above_or_eq, >=, below_or_eq, <=)',
      'broken.json: /evaluation/spec/evalWindow: evalWindow must be greater than zero',
    ]);
    expect(result.stderr).toEqual(['2 files checked (2 rules): 1 valid, 1 invalid']);
  });

  it('prints exactly file, valid and errors per file with --format json', async () => {
    write('broken.json', brokenRule());
    write('ok.json', ruleFixture('promql.json'));
    const result = await run('--format', 'json', 'ok.json', 'broken.json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.raw)).toEqual([
      { file: 'ok.json', valid: true, errors: [] },
      {
        file: 'broken.json',
        valid: false,
        errors: [
          { path: '/condition/thresholds/spec/0/op', message: expect.stringMatching(/^unsupported value "bigger"; must be one of above, /) },
          { path: '/evaluation/spec/evalWindow', message: 'evalWindow must be greater than zero' },
        ],
      },
    ]);
  });

  it('reports invalid JSON as an error of that file only, with its position', async () => {
    write('a-truncated.json', '{\n  "alert": "x",\n  "labels": {,}\n}');
    write('b-ok.json', ruleFixture('promql.json'));
    const result = await run('.');
    expect(result.code).toBe(1);
    expect(result.stdout).toHaveLength(1);
    expect(result.stdout[0]).toMatch(/^a-truncated\.json: invalid JSON at line 3, column 14: /);
    expect(result.stderr).toEqual(['2 files checked (1 rule): 1 valid, 1 invalid']);
  });

  it('reads SigNoz API envelopes and reports each rule under its pointer', async () => {
    const first = { id: '0196a3c2-7b1e-7c3a-9f10-3d2b1c4e5f60', state: 'firing', createAt: '2026-05-01T10:00:00Z', ...ruleFixture('promql.json') };
    const second = { id: '0196a3c2-7b1e-7c3a-9f10-3d2b1c4e5f61', state: 'inactive', ...brokenRule() };
    write('export.json', { status: 'success', data: { rules: [first, second] } });
    const result = await run('export.json');
    expect(result.code).toBe(1);
    expect(result.stdout.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      'export.json: /data/rules/1/condition/thresholds/spec/0/op',
      'export.json: /data/rules/1/evaluation/spec/evalWindow',
    ]);
    expect(result.stderr).toEqual(['1 file checked (2 rules): 0 valid, 1 invalid']);
  });

  it('reports legacy rules with their migration hint', async () => {
    const legacy = ruleFixture('metrics-threshold.json');
    legacy.version = 'v4';
    write('legacy.json', legacy);
    const result = await run('legacy.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      'legacy.json: /version: legacy query format version "v4": SigNoz >= v0.113.0 accepts only "v5"; set "version": "v5" and write the queries as compositeQuery.queries [{"type": ..., "spec": ...}]',
    ]);
  });

  it('prints warnings on stderr without failing the run', async () => {
    const rule = ruleFixture('metrics-threshold.json');
    rule.condition.alertOnAbsence = true;
    write('typo.json', rule);
    const result = await run('typo.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toEqual([
      'typo.json: /condition/alertOnAbsence: warning: unknown field "alertOnAbsence"; SigNoz ignores it; did you mean "alertOnAbsent"?',
      '1 file checked (1 rule): 1 valid, 0 invalid',
    ]);
  });

  it.each([
    [['missing.json'], 'signoz-alerts: Invalid command line: no such file or directory: missing.json'],
    [['--format', 'yaml', 'x.json'], "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json."],
    [[], "error: missing required argument 'paths'"],
    [['empty'], 'signoz-alerts: Invalid command line: no *.json files in directory empty'],
  ])('exits 2 for a usage error: %j', async (args, message) => {
    fs.mkdirSync(path.join(workdir, 'empty'));
    write('x.json', ruleFixture('promql.json'));
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr[0]).toBe(message);
  });
});
