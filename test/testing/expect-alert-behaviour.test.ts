import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlertBehaviourError, expectAlertBehaviour } from '../../constructs/testing';
import type { RulePayload } from '../../constructs/model/rule-payload';

const cpuRule = JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/rules/cpu-tiers.json'), 'utf8')) as RulePayload;

// cpu-tiers: warning > 70, critical > 90 (recovery 80), match "last", 5m window; 2m evaluation delay,
// so the tick at minute N sees the point of minute N-3: 95 is at minutes 5..10, seen by ticks 8..13.
const spike = {
  series: { A: [{ labels: { host: 'web-1' }, values: '50x4 95x5 50x10' }] },
};

describe('expectAlertBehaviour (the TypeScript helper)', () => {
  it('passes when the alerts match, and returns the timeline for further checks', () => {
    const result = expectAlertBehaviour(cpuRule, {
      ...spike,
      expectations: [
        { at: '7m', alerts: [] },
        { at: '8m', alerts: [{ labels: { 'threshold.name': 'critical', host: 'web-1' } }, { labels: { 'threshold.name': 'warning' } }] },
      ],
      resolves: [{ labels: { 'threshold.name': 'critical' }, at: '14m' }],
    });
    expect(result.passed).toBe(true);
    expect(result.timeline.ticks.length).toBeGreaterThan(8);
  });

  it('throws an error that shows expected, got, missing and unexpected alerts', () => {
    let error: unknown;
    try {
      expectAlertBehaviour(cpuRule, { ...spike, expectations: [{ at: '8m', alerts: [{ labels: { 'threshold.name': 'critical' } }] }] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AlertBehaviourError);
    expect((error as Error).message).toBe(
      [
        'alert "Host CPU high" (case 1) did not behave as expected:',
        'at 8m (1970-01-01T00:08:00Z), subset label match:',
        '  expected:',
        '    - firing {threshold.name="critical"}',
        '  got:',
        '    - firing value=95 {alertname="Host CPU high", host="web-1", severity="critical", team="platform", threshold.name="critical"}',
        '    - firing value=95 {alertname="Host CPU high", host="web-1", severity="warning", team="platform", threshold.name="warning"}',
        '  + unexpected: firing value=95 {alertname="Host CPU high", host="web-1", severity="warning", team="platform", threshold.name="warning"}',
        '  values of query A over the window [1970-01-01T00:01:00Z, 1970-01-01T00:06:00Z):',
        '    {host="web-1"} 5 points: critical: 95 (last above 90: crossed); warning: 95 (last above 70: crossed)',
      ].join('\n'),
    );
  });

  it('checks exact label sets when asked (ruleId and ruleSource aside)', () => {
    expect(() =>
      expectAlertBehaviour(cpuRule, {
        ...spike,
        expectations: [{ at: '8m', match: 'exact', alerts: [{ labels: { 'threshold.name': 'critical' } }, { labels: { 'threshold.name': 'warning' } }] }],
      }),
    ).toThrow(/missing: {4}firing \{threshold.name="critical"\}/);
  });

  it('reports a wrong resolve time with the actual one', () => {
    expect(() => expectAlertBehaviour(cpuRule, { ...spike, resolves: [{ labels: { 'threshold.name': 'warning' }, at: '20m' }] })).toThrow(
      'alert {threshold.name="warning"}: expected to resolve at 20m (1970-01-01T00:20:00Z), got 14m (1970-01-01T00:14:00Z)',
    );
  });

  it('accepts an object exposing its payload, as constructs do', () => {
    const construct = { toRulePayload: (): RulePayload => cpuRule };
    expect(
      expectAlertBehaviour(construct, { ...spike, expectations: [{ at: '8m', alerts: [{ labels: { severity: 'critical' } }, { labels: { severity: 'warning' } }] }] }).passed,
    ).toBe(true);
  });

  it('rejects a bad series notation in the spec with the field name', () => {
    expect(() => expectAlertBehaviour(cpuRule, { series: { A: [{ values: '1 2 x' }] }, expectations: [{ at: '1m', alerts: [] }] })).toThrow(
      'series.A[0].values: bad value "x" (value 3, column 5)',
    );
  });
});
