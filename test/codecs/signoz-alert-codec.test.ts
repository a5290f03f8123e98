import { CodecError, decodeSignozAlert, decodeSignozRule, encodeSignozAlert, encodeSignozRule } from '../../constructs/codecs';
import { checkProviderAcceptance } from '../../constructs/codecs/provider-acceptance';
import { goJsonStringify } from '../../constructs/util/json';
import { anomaly, clickhouse, logsFormula, metricsThreshold, promql, traceOperator, tracesLatency } from '../fixtures/payloads';

const LEGACY_OK = { logsFormula, tracesLatency, promql, clickhouse, traceOperator };

describe('signoz_alert codec', () => {
  it.each(Object.entries(LEGACY_OK))('round-trips the %s payload exactly', (_name, payload) => {
    expect(decodeSignozAlert(encodeSignozAlert(payload))).toEqual(payload);
  });

  it.each(Object.entries(LEGACY_OK))('carries the same rule as signoz_rule for %s', (_name, payload) => {
    expect(decodeSignozAlert(encodeSignozAlert(payload))).toEqual(decodeSignozRule(encodeSignozRule(payload)));
  });

  it.each(Object.entries(LEGACY_OK))('encodes %s into attributes the provider accepts', (_name, payload) => {
    expect(checkProviderAcceptance('signoz_alert', encodeSignozAlert(payload))).toEqual([]);
  });

  it('writes condition and evaluation as Go would re-serialize them (sorted keys, HTML escaped)', () => {
    const attrs = encodeSignozAlert(promql);
    expect(attrs.evaluation).toBe('{"kind":"rolling","spec":{"evalWindow":"5m","frequency":"1m"}}');
    expect(attrs.condition).toContain('\\u003e 0 and on() vector(1)');
    expect(attrs.condition).not.toMatch(/[<>&]/);
    expect(attrs.condition.indexOf('"absentFor"')).toBeLessThan(attrs.condition.indexOf('"compositeQuery"'));
    expect(JSON.parse(attrs.condition)).toEqual(promql.condition);
  });

  it('writes the only tier as the severity attribute and description/summary as attributes', () => {
    const attrs = encodeSignozAlert(logsFormula);
    expect(attrs).toMatchObject({
      severity: 'critical',
      labels: { team: 'payments' },
      description: logsFormula.annotations!.description,
      summary: logsFormula.annotations!.summary,
      version: 'v5',
      schema_version: 'v2alpha1',
    });
    expect(attrs).not.toHaveProperty('annotations');
  });

  it('keeps an explicit severity label that differs from the tier', () => {
    const payload = { ...logsFormula, labels: { team: 'payments', severity: 'warning' } };
    expect(encodeSignozAlert(payload).severity).toBe('warning');
    expect(decodeSignozAlert(encodeSignozAlert(payload)).labels).toEqual({ team: 'payments', severity: 'warning' });
  });

  it('ignores the managedBy label the provider adds on write', () => {
    const attrs = { ...encodeSignozAlert(logsFormula), labels: { team: 'payments', managedBy: 'terraform' } };
    expect(decodeSignozAlert(attrs).labels).toEqual(logsFormula.labels);
  });

  it.each([
    ['an anomaly rule', anomaly, '/ruleType', 'anomaly rules cannot be expressed with signoz_alert (provider 0.0.17 rejects rule_type "anomaly_rule"); use the signoz_rule target'],
    [
      'several tiers',
      metricsThreshold,
      '/condition/thresholds/spec',
      "signoz_alert writes one severity into the rule's labels, which SigNoz applies to every tier, so tiers critical, warning would all notify as critical; use the signoz_rule target, or one tier per legacy alert",
    ],
    [
      'a runbook annotation',
      { ...logsFormula, annotations: { ...logsFormula.annotations, runbook_url: 'https://x' } },
      '/annotations/runbook_url',
      'signoz_alert carries only the description and summary annotations, not "runbook_url"; use the signoz_rule target',
    ],
    [
      'a top-level description',
      { ...logsFormula, description: 'x' },
      '/description',
      'signoz_alert has no top-level rule description; put the text in the "description" annotation or use the signoz_rule target',
    ],
    [
      'newGroupEvalDelay',
      { ...logsFormula, notificationSettings: { newGroupEvalDelay: '2m' } },
      '/notificationSettings/newGroupEvalDelay',
      'signoz_alert cannot carry newGroupEvalDelay; remove it or use the signoz_rule target',
    ],
    [
      'a severity outside the provider enum',
      { ...logsFormula, labels: { severity: 'page' } },
      '/labels/severity',
      'signoz_alert needs severity to be one of critical, error, warning, info, got "page"',
    ],
  ])('refuses %s with a clear message', (_what, payload, path, message) => {
    let error: unknown;
    try {
      encodeSignozAlert(payload as typeof metricsThreshold);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CodecError);
    expect(error).toMatchObject({ path, reason: message });
  });

  it('reports a condition that is not JSON', () => {
    expect(() => decodeSignozAlert({ ...encodeSignozAlert(promql), condition: '{oops' })).toThrow(/signoz_alert condition is not valid JSON/);
  });
});

describe('goJsonStringify', () => {
  it('sorts keys at every depth and escapes like Go', () => {
    expect(goJsonStringify({ b: 1, a: { d: '<&>', c: [{ z: 1, y: '\u2028' }] } })).toBe('{"a":{"c":[{"y":"\\u2028","z":1}],"d":"\\u003c\\u0026\\u003e"},"b":1}');
  });
});
