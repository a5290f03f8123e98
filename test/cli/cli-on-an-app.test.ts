import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli-recorder';

const estate = path.resolve(__dirname, '../fixtures/evaluation/estate');
const rules = path.resolve(__dirname, '../fixtures/evaluation/rules');
let workdir: string;

beforeEach(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-app-'));
});

afterEach(() => {
  fs.rmSync(workdir, { recursive: true, force: true });
});

function series(points: [number, number][]): string {
  const file = path.join(workdir, 'series.json');
  fs.writeFileSync(file, JSON.stringify({ A: [{ labels: { host: 'web-1' }, points }] }));
  return file;
}

describe('validate on an app', () => {
  it('reads a cdktf.out folder through its manifest: every stack, never manifest.json as a rule', async () => {
    // WHEN the synth output folder of an app is validated
    const result = await runCli(['validate', '--format', 'json', 'cdktf.out'], estate);

    // THEN its one stack file is checked, with both rules, and nothing is invalid
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ file: 'cdktf.out/stacks/prod/cdk.tf.json', valid: true, errors: [] }]);
    expect(result.stderr).toBe('1 file checked (2 rules): 1 valid, 0 invalid');
  });

  it('finds a cdktf.out inside a folder it walks, and a cdk.tf.json named directly', async () => {
    const walked = await runCli(['validate', '.'], estate);
    expect(walked).toMatchObject({ code: 0, stderr: '1 file checked (2 rules): 1 valid, 0 invalid' });
    const direct = await runCli(['validate', 'cdktf.out/stacks/prod/cdk.tf.json'], estate);
    expect(direct).toMatchObject({ code: 0, stderr: '1 file checked (2 rules): 1 valid, 0 invalid' });
  });

  it('reports a rule broken inside a stack with the stack file and the rule pointer', async () => {
    // GIVEN a copy of the app whose memory rule has a bad operator
    fs.cpSync(path.join(estate, 'cdktf.out'), path.join(workdir, 'cdktf.out'), { recursive: true });
    const file = path.join(workdir, 'cdktf.out/stacks/prod/cdk.tf.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"op": ?"above"/, '"op": "bigger"'));

    const result = await runCli(['validate', 'cdktf.out'], workdir);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^cdktf\.out\/stacks\/prod\/cdk\.tf\.json: \/resource\/signoz_rule\/[a-z_]+\/condition\S*: .*bigger/);
  });
});

describe('evaluate --rule on an app', () => {
  it('takes a cdktf.out folder or a cdk.tf.json, and --alert picks the rule', async () => {
    const points = series([0, 1, 2, 3, 4, 5].map((m) => [m * 60_000, 99] as [number, number]));
    for (const rule of ['cdktf.out', 'cdktf.out/stacks/prod/cdk.tf.json']) {
      const result = await runCli(['evaluate', '--rule', rule, '--alert', 'Host CPU high', '--series', points, '--format', 'json'], estate);
      expect(result.code).toBe(0);
      const ticks = JSON.parse(result.stdout) as { alerts: { labels: Record<string, string> }[] }[];
      expect(ticks.some((t) => t.alerts.some((a) => a.labels['threshold.name'] === 'critical'))).toBe(true);
    }
  });

  it('asks which rule when the app holds several, and suggests the closest name for a typo', async () => {
    const points = series([[0, 1]]);
    const none = await runCli(['evaluate', '--rule', 'cdktf.out', '--series', points], estate);
    expect(none).toMatchObject({ code: 2, stderr: 'signoz-alerts: Invalid --rule at cdktf.out: holds 2 rules: say which one with --alert ("Host CPU high", "Host memory high")' });
    const typo = await runCli(['evaluate', '--rule', 'cdktf.out', '--alert', 'Host CPU hgh', '--series', points], estate);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('has no rule named "Host CPU hgh" (did you mean "Host CPU high"?)');
  });
});

describe('usage', () => {
  it('no arguments: usage on stderr, exit 2', async () => {
    const result = await runCli([], workdir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: signoz-alerts \[options\] \[command\]/);
    expect(result.stderr).toContain('validate [options] <paths...>');
  });
});

describe('import --out', () => {
  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    fs.copyFileSync(path.join(rules, 'cpu-tiers.json'), path.join(workdir, 'cpu.json'));
    fs.writeFileSync(path.join(workdir, 'alerts.ts'), '// edited by hand\n');

    const refused = await runCli(['import', 'cpu.json', '--out', 'alerts.ts'], workdir);
    expect(refused).toMatchObject({ code: 2, stderr: 'signoz-alerts: Invalid command line: alerts.ts exists; pass --force to replace it, or choose another --out' });
    expect(fs.readFileSync(path.join(workdir, 'alerts.ts'), 'utf8')).toBe('// edited by hand\n');

    const forced = await runCli(['import', 'cpu.json', '--out', 'alerts.ts', '--force'], workdir);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(workdir, 'alerts.ts'), 'utf8')).toContain('Host CPU high');
  });
});

describe('--format json', () => {
  it('import prints one report: rules, problems and the code', async () => {
    fs.copyFileSync(path.join(rules, 'cpu-tiers.json'), path.join(workdir, 'cpu.json'));
    fs.writeFileSync(path.join(workdir, 'broken.json'), '{"alert": "x"}');
    const result = await runCli(['import', '--format', 'json', 'cpu.json', 'broken.json'], workdir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { rules: { alert: string; source: string }[]; problems: { source: string; messages: string[] }[]; code: string };
    expect(report.rules.map((r) => [r.source, r.alert])).toEqual([['cpu.json', 'Host CPU high']]);
    expect(report.problems.map((p) => p.source)).toEqual(['broken.json']);
    expect(report.code).toContain('Host CPU high');
  });

  it('test prints results per file and case, with the counts', async () => {
    const result = await runCli(['test', '--format', 'json', 'alert-tests'], path.resolve(__dirname, '../fixtures/evaluation'));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { file: string; errors?: string[]; cases: { passed: boolean }[] }[]; summary: Record<string, number> };
    expect(report.summary).toEqual({ passed: 3, failed: 1, filesWithErrors: 1 });
    expect(report.files.map((f) => [f.file, f.errors !== undefined, f.cases.map((c) => c.passed)])).toEqual([
      ['alert-tests/failing/bad-notation.alert-test.yaml', true, []],
      ['alert-tests/failing/wrong-expectations.alert-test.yaml', false, [false, true]],
      ['alert-tests/passing/cpu-tiers.alert-test.yaml', false, [true]],
      ['alert-tests/passing/ingest-absent.alert-test.yaml', false, [true]],
    ]);
  });
});
