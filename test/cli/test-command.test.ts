import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { main } from '../../cli/program';
import { cliRecorder as recorder } from '../support/cli-recorder';

const fixtures = resolve(__dirname, '../fixtures/evaluation');

describe('signoz-alerts test', () => {
  it('exits 0 when every case passes, and reports coverage of an estate', async () => {
    const io = recorder(fixtures);
    expect(await main(['test', 'alert-tests/passing', '--coverage', 'estate/cdktf.out'], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe(
      [
        'PASS  alert-tests/passing/cpu-tiers.alert-test.yaml:5 › warning, then critical, recovering, resolved',
        'PASS  alert-tests/passing/ingest-absent.alert-test.yaml:4 › no-data alert 5 minutes after the last evaluation that saw a heartbeat',
        '',
        '2 passed, 0 failed',
        '',
        'Behaviour test coverage: 1 of 2 alerts (50%)',
        '  tested    Host CPU high  (stacks/prod/cdk.tf.json signoz_rule.host_cpu_high)',
        '  UNTESTED  Host memory high  (stacks/prod/cdk.tf.json signoz_rule.host_memory_high)',
        '  tests for an alert not in the estate: Ingest heartbeat',
      ].join('\n'),
    );
  });

  it('exits 1 on a failing case or a broken file, explains both, and writes JUnit XML', async () => {
    const out = mkdtempSync(join(tmpdir(), 'junit-'));
    const io = recorder(fixtures);
    expect(await main(['test', 'alert-tests/failing', '--junit', join(out, 'reports/junit.xml')], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain(
      'ERROR alert-tests/failing/bad-notation.alert-test.yaml\n      alert-tests/failing/bad-notation.alert-test.yaml:6: tests[0].input_series[0].values: bad value "3+x4"',
    );
    expect(text).toContain('FAIL  alert-tests/failing/wrong-expectations.alert-test.yaml:3 › expects critical too early');
    expect(text).toContain('        - missing:    firing {threshold.name="critical"}');
    expect(text).toContain('PASS  alert-tests/failing/wrong-expectations.alert-test.yaml:12 › passes');
    expect(text.endsWith('1 passed, 1 failed, 1 file with errors')).toBe(true);
    expect(XMLValidator.validate(readFileSync(join(out, 'reports/junit.xml'), 'utf8'))).toBe(true);
  });

  it('exits 2 when nothing is found or a path is wrong', async () => {
    const empty = recorder(fixtures);
    expect(await main(['test', 'rules'], empty)).toBe(2);
    expect(empty.stderr.join('\n')).toBe('signoz-alerts: Invalid command line: no *.alert-test.yaml files found in rules');
    const missing = recorder(fixtures);
    expect(await main(['test', 'no-such-dir'], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toBe('signoz-alerts: Invalid test path at no-such-dir: no such file or directory');
    const badCoverage = recorder(fixtures);
    expect(await main(['test', 'alert-tests/passing', '--coverage', 'nowhere'], badCoverage)).toBe(2);
  });
});
