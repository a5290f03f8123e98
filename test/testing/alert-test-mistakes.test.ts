import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAlertTestFile } from '../../constructs/testing';

const rule = path.resolve(__dirname, '../fixtures/evaluation/rules/cpu-tiers.json');
let workdir: string;

beforeEach(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'alert-test-'));
});

afterEach(() => {
  fs.rmSync(workdir, { recursive: true, force: true });
});

function runYaml(body: string): ReturnType<typeof runAlertTestFile> {
  const file = path.join(workdir, 'cpu.alert-test.yaml');
  fs.writeFileSync(file, `rule_file: ${JSON.stringify(rule)}\n${body}`);
  return runAlertTestFile(file, workdir);
}

describe('YAML behaviour tests: names the rule does not have', () => {
  it('rejects a tier typo and series for a query the rule lacks, each with its line and a did-you-mean', () => {
    // GIVEN a test that names tier "critcal" and gives series for query "B" (the rule has only A)
    const result = runYaml(`tests:
  - input_series:
      - query: B
        values: '90x10'
    alert_rule_test:
      - eval_time: 5m
        exp_alerts:
          - exp_labels: {threshold.name: critcal}
`);

    // THEN no case runs, and both mistakes are reported
    expect(result.cases).toEqual([]);
    expect(result.error?.split('\n')).toEqual([
      'cpu.alert-test.yaml:4: tests[0].input_series[0].query: series for query "B", which rule "Host CPU high" does not have; it has "A"',
      'cpu.alert-test.yaml:9: tests[0].alert_rule_test[0].exp_alerts[0].exp_labels.threshold.name: tier "critcal", which rule "Host CPU high" does not define (did you mean "critical"?); it has "warning", "critical"',
    ]);
  });

  it('checks severity labels against the lowercased tier names', () => {
    const result = runYaml(`tests:
  - input_series:
      - query: A
        values: '90x10'
    resolve_test:
      - exp_labels: {severity: warnng}
        exp_resolved_at: never
`);
    expect(result.error).toBe(
      'cpu.alert-test.yaml:7: tests[0].resolve_test[0].exp_labels.severity: tier "warnng", which rule "Host CPU high" does not define (did you mean "warning"?); it has "warning", "critical"',
    );
  });
});

describe('YAML behaviour tests: every mistake in a file', () => {
  it('reports the mistakes of every case, not only the first', () => {
    const result = runYaml(`tests:
  - input_series:
      - query: A
        values: '1 2 oops'
    alert_rule_test:
      - eval_time: 5m
  - input_series:
      - query: A
        values: '1'
    alert_rule_test:
      - eval_time: soon
      - eval_time: 1m
        exp_alerts: [{exp_state: burning}]
`);
    expect(result.cases).toEqual([]);
    const lines = result.error!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^cpu\.alert-test\.yaml:5: tests\[0\]\.input_series\[0\]\.values: /);
    expect(lines[1]).toMatch(/^cpu\.alert-test\.yaml:12: tests\[1\]\.alert_rule_test\[0\]\.eval_time: invalid duration "soon": expected whole numbers with units/);
    expect(lines[2]).toMatch(/^cpu\.alert-test\.yaml:14: tests\[1\]\.alert_rule_test\[1\]\.exp_alerts\[0\]\.exp_state: expected one of /);
  });
});

describe('YAML behaviour tests: a failure shows what each tier computed', () => {
  it('gives the value of every tier at the failing tick, per series, against its target', () => {
    // GIVEN a load under both thresholds, and a test that wrongly expects the warning tier to fire
    const result = runYaml(`tests:
  - interval: 1m
    input_series:
      - query: A
        labels: {host: web-1}
        values: '50x10'
    alert_rule_test:
      - eval_time: 8m
        exp_alerts:
          - exp_labels: {threshold.name: warning}
`);

    // THEN the failure says no alert fired, and why: each tier's value and its target
    const [failure] = result.cases[0]!.failures;
    expect(failure).toContain('(no active alerts)');
    const values = failure!.split('\n').slice(failure!.split('\n').findIndex((l) => l.includes('values of query A')));
    expect(values).toEqual([
      '  values of query A over the window [1970-01-01T00:01:00Z, 1970-01-01T00:06:00Z):',
      expect.stringMatching(/^ {4}\{host="web-1"\} \d+ points: critical: 50 \(\w+ above 90: not crossed\); warning: 50 \(\w+ above 70: not crossed\)$/),
    ]);
  });
});

describe('YAML behaviour tests: declared limits come before the work', () => {
  it('refuses an eval_time past the longest span a case may cover before building its series', () => {
    // GIVEN a case with more points than one evaluation takes (3 x 999,999) AND an eval_time past 31 days
    const series = [1, 2, 3].map((n) => `      - query: A\n        labels: {host: h${n}}\n        values: '1x999998'\n`).join('');
    const result = runYaml(`tests:
  - interval: 1s
    input_series:
${series}    alert_rule_test:
      - eval_time: 745h
        exp_alerts: []
`);
    // THEN the span is what it names: the series were never built (they would have been refused for their points)
    const failures = result.cases.flatMap((c) => c.failures).join('\n') + (result.error ?? '');
    expect(failures).toContain('eval_time: the case covers 745h from its start; a test case may cover at most 31 days');
    expect(failures).not.toContain('points');
  });
});

describe('YAML behaviour tests: a key that is itself a list (fuzz seed 20261208)', () => {
  it('refuses it as an unknown key, with no warning on stderr', async () => {
    // GIVEN a test case whose key is the flow sequence [a, b]
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.message);
    };
    process.on('warning', onWarning);
    try {
      const result = runYaml('tests:\n  - ? [a, b]\n    : 1\n');
      // THEN one clear problem naming the key and what is allowed
      expect(result.error).toContain('unknown key "[ a, b ]"; allowed here: name,');
      // Node emits warnings on a later tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
