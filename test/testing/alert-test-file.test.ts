import { AlertTestFileError, parseAlertTestFile } from '../../constructs/testing';
import { buildQueryResults } from '../../constructs/testing/run-behaviour-test';

const errorOf = (text: string): AlertTestFileError => {
  try {
    parseAlertTestFile(text, 'cpu.alert-test.yaml');
  } catch (err) {
    if (err instanceof AlertTestFileError) return err;
    throw err;
  }
  throw new Error('expected the file to be rejected');
};

const valid = `rule_file: rules/cpu.json
alert: Host CPU high
evaluation_delay: 1m
tests:
  - name: fires
    interval: 30s
    start: 2026-01-05T10:00:00Z
    first_eval_time: 2m
    input_series:
      - query: A
        labels: {host: web-1, code: 500}
        values: '1+1x3 _ 9'
    alert_rule_test:
      - eval_time: 5m
        match: exact
        exp_alerts:
          - exp_labels: {threshold.name: critical}
            exp_state: recovering
            exp_value: 4
    resolve_test:
      - exp_labels: {threshold.name: critical}
        exp_resolved_at: never
`;

describe('YAML behaviour test files', () => {
  it('reads every field into the test model', () => {
    const file = parseAlertTestFile(valid, 'cpu.alert-test.yaml');
    expect(file.ruleFile).toBe('rules/cpu.json');
    expect(file.alert).toBe('Host CPU high');
    expect(file.cases[0]!.line).toBe(5);
    expect(file.cases[0]!.testCase).toEqual({
      name: 'fires',
      interval: '30s',
      start: '2026-01-05T10:00:00Z',
      firstEvalTime: '2m',
      evalDelay: '1m',
      series: { A: [{ labels: { host: 'web-1', code: '500' }, values: '1+1x3 _ 9' }] },
      expectations: [{ at: '5m', match: 'exact', alerts: [{ labels: { 'threshold.name': 'critical' }, state: 'recovering', value: 4 }] }],
      resolves: [{ labels: { 'threshold.name': 'critical' }, at: 'never' }],
    });
  });

  it("takes durations in Prometheus's form, as promtool does (weeks, days, years, 0)", () => {
    const text = valid.replace('interval: 30s', 'interval: 1d').replace('eval_time: 5m', 'eval_time: 4d1h').replace('first_eval_time: 2m', 'first_eval_time: 0');
    const testCase = parseAlertTestFile(text, 'cpu.alert-test.yaml').cases[0]!.testCase;
    expect(testCase.expectations![0]!.at).toBe('4d1h');
    const points = buildQueryResults(testCase).A![0]!.points;
    // one point a day from the start: 1, 2, 3, 4, (none), 9
    expect(points.map(([t]) => t - Date.parse('2026-01-05T10:00:00Z'))).toEqual([0, 1, 2, 3, 5].map((day) => day * 86_400_000));
  });

  const cases: [string, string, string][] = [
    [
      'a bad series value, with its line',
      valid.replace("'1+1x3 _ 9'", "'1+1x3 _ 9x'"),
      'cpu.alert-test.yaml:12: tests[0].input_series[0].values: bad value "9x" (value 3, column 9)',
    ],
    [
      'an unknown key (a typo)',
      valid.replace('exp_state:', 'exp_stat:'),
      'cpu.alert-test.yaml:18: tests[0].alert_rule_test[0].exp_alerts[0].exp_stat: unknown key "exp_stat"; allowed here: exp_labels, exp_state, exp_value',
    ],
    [
      'an unknown state',
      valid.replace('exp_state: recovering', 'exp_state: resolved'),
      'cpu.alert-test.yaml:18: tests[0].alert_rule_test[0].exp_alerts[0].exp_state: expected one of pending, recovering, firing, nodata, got "resolved"',
    ],
    [
      'a bad duration',
      valid.replace('eval_time: 5m', 'eval_time: 5 minutes'),
      'cpu.alert-test.yaml:14: tests[0].alert_rule_test[0].eval_time: unknown unit " minutes" in duration "5 minutes": expected whole numbers with units y, w, d, h, m, s, ms',
    ],
    [
      'a fraction, which Prometheus durations do not take',
      valid.replace('eval_time: 5m', 'eval_time: 1.5m'),
      'cpu.alert-test.yaml:14: tests[0].alert_rule_test[0].eval_time: unknown unit "." in duration "1.5m"',
    ],
    [
      'units out of order',
      valid.replace('eval_time: 5m', 'eval_time: 30s5m'),
      'cpu.alert-test.yaml:14: tests[0].alert_rule_test[0].eval_time: invalid duration "30s5m": expected whole numbers with units y, w, d, h, m, s, ms, biggest first, each once',
    ],
    ['a start without a zone', valid.replace('2026-01-05T10:00:00Z', '2026-01-05T10:00:00'), 'cpu.alert-test.yaml:7: tests[0].start: expected an ISO 8601 time with a zone'],
    ['a missing rule_file', valid.replace('rule_file: rules/cpu.json\n', ''), 'cpu.alert-test.yaml:1: rule_file is required'],
    ['broken YAML', 'rule_file: [unclosed\n', 'cpu.alert-test.yaml:2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a test without expectations', 'rule_file: r.json\ntests:\n  - input_series: []\n', 'cpu.alert-test.yaml:3: tests[0]: a test needs alert_rule_test or resolve_test entries'],
  ];
  for (const [what, text, message] of cases) {
    it(`reports ${what} with file and line`, () => {
      expect(errorOf(text).message.startsWith(`Invalid alert test file at ${message}`)).toBe(true);
    });
  }
});
