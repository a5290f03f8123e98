import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { alertTestCases, collectEstateAlerts, coverageReport, loadRuleForTest, coverageText, escapeXml, junitReport, runAlertTestFiles } from '../../constructs/testing';

const fixtures = resolve(__dirname, '../fixtures/evaluation');

describe('JUnit XML', () => {
  const results = runAlertTestFiles([join(fixtures, 'alert-tests')], fixtures);
  const xml = junitReport(results);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('counts tests, failures and load errors per file', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
    const suites = parsed.testsuites.testsuite as { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string }[];
    expect(parsed.testsuites['@_tests']).toBe('5');
    expect(parsed.testsuites['@_failures']).toBe('1');
    expect(parsed.testsuites['@_errors']).toBe('1');
    expect(suites.map((s) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_errors']])).toEqual([
      ['alert-tests/failing/bad-notation.alert-test.yaml', '1', '0', '1'],
      ['alert-tests/failing/wrong-expectations.alert-test.yaml', '2', '1', '0'],
      ['alert-tests/passing/cpu-tiers.alert-test.yaml', '1', '0', '0'],
      ['alert-tests/passing/ingest-absent.alert-test.yaml', '1', '0', '0'],
    ]);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b & "c" \'d\' >\u0001')).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;');
    const tricky = junitReport([{ file: 'x<&>.yaml', alertName: 'A "quoted" <alert>', cases: [] }]);
    expect(XMLValidator.validate(tricky)).toBe(true);
  });

  it('is the same on every run (no timestamps or durations)', () => {
    expect(junitReport(runAlertTestFiles([join(fixtures, 'alert-tests')], fixtures))).toBe(xml);
  });
});

describe('coverage of an estate', () => {
  it('lists the alerts of cdktf output and which have behaviour tests', () => {
    const estate = collectEstateAlerts(join(fixtures, 'estate/cdktf.out'));
    expect(estate).toEqual([
      { name: 'Host CPU high', location: 'stacks/prod/cdk.tf.json signoz_rule.host_cpu_high' },
      { name: 'Host memory high', location: 'stacks/prod/cdk.tf.json signoz_rule.host_memory_high' },
    ]);
    const report = coverageReport(estate, new Set(['Host CPU high', 'Retired alert']));
    expect(coverageText(report)).toBe(
      [
        'Behaviour test coverage: 1 of 2 alerts (50%)',
        '  tested    Host CPU high  (stacks/prod/cdk.tf.json signoz_rule.host_cpu_high)',
        '  UNTESTED  Host memory high  (stacks/prod/cdk.tf.json signoz_rule.host_memory_high)',
        '  tests for an alert not in the estate: Retired alert',
      ].join('\n'),
    );
  });

  it('reads a folder of rule JSON files in any shape', () => {
    expect(collectEstateAlerts(join(fixtures, 'rules')).map((a) => a.name)).toEqual([
      'Checkout error rate',
      'Host CPU high',
      'Host CPU high (signoz_alert)',
      'Ingest heartbeat',
      'Queue depth (legacy v1)',
    ]);
  });
});

describe('alertTestCases (YAML tests inside any test runner)', () => {
  // the suite runs the passing fixtures as real tests, the way a project would in its own `npm test`
  for (const t of alertTestCases([join(fixtures, 'alert-tests/passing')], fixtures)) it(t.title, t.check);

  it('turns a failing case into a throwing check', () => {
    const cases = alertTestCases([join(fixtures, 'alert-tests/failing')], fixtures);
    expect(cases.map((c) => c.title)).toEqual([
      'alert-tests/failing/bad-notation.alert-test.yaml (load)',
      'alert-tests/failing/wrong-expectations.alert-test.yaml:3 › expects critical too early',
      'alert-tests/failing/wrong-expectations.alert-test.yaml:12 › passes',
    ]);
    expect(cases[1]!.check).toThrow(/alert "Host CPU high" did not behave as expected:\nat 2m/);
    expect(cases[2]!.check).not.toThrow();
  });
});

describe('loadRuleForTest (rule_file and alert)', () => {
  const tf = join(fixtures, 'estate/cdktf.out/stacks/prod/cdk.tf.json');

  it('picks one alert out of synthesized Terraform JSON by name', () => {
    expect(loadRuleForTest(tf, 'Host memory high', 'cdk.tf.json').thresholds[0]!.target).toBe(95);
  });

  it('asks which alert when the file holds several, and lists them', () => {
    expect(() => loadRuleForTest(tf, undefined, 'cdk.tf.json')).toThrow(
      'Invalid rule_file at cdk.tf.json: holds 2 rules: say which one with "alert:" ("Host CPU high", "Host memory high")',
    );
    expect(() => loadRuleForTest(tf, 'Disk full', 'cdk.tf.json')).toThrow(
      'Invalid rule_file at cdk.tf.json: has no rule named "Disk full"; it has: "Host CPU high", "Host memory high"',
    );
  });

  it('names a missing rule file as written in the test', () => {
    expect(() => loadRuleForTest(join(fixtures, 'nope.json'), undefined, '../nope.json')).toThrow('Invalid rule_file at ../nope.json: no such file');
  });
});
