import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRule } from '../../constructs/codecs';
import { loadEvaluableRule } from '../../constructs/evaluation';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/rules', name), 'utf8'));

describe('reading rules in every shape users hold (decodeRule)', () => {
  it('reads a canonical v2alpha1 rules-API body', () => {
    const rule = loadEvaluableRule(fixture('cpu-tiers.json'));
    expect(rule.thresholds.map((t) => [t.name, t.target, t.recoveryTarget])).toEqual([
      ['warning', 70, undefined],
      ['critical', 90, 80],
    ]);
    expect(rule.schedule).toEqual({ kind: 'rolling', evalWindowMs: 300_000, frequencyMs: 60_000 });
    expect(rule.unit).toBe('percent');
  });

  it('converts a v1 rule as processRuleDefaults does: threshold named after labels.severity, numeric op/matchType', () => {
    expect(decodeRule(fixture('legacy-v1.json'))).toMatchObject({ valid: true, shape: 'rules-api', legacy: true });
    const rule = loadEvaluableRule(fixture('legacy-v1.json'));
    expect(rule.thresholds).toEqual([{ name: 'warning', target: 1000, targetUnit: '', op: 'above', matchType: 'all_the_times' }]);
    expect(rule.schedule).toEqual({ kind: 'rolling', evalWindowMs: 600_000, frequencyMs: 120_000 });
  });

  it('names the v1 threshold "critical" when the rule has no severity label', () => {
    const v1 = { ...(fixture('legacy-v1.json') as Record<string, unknown>), labels: {} };
    expect(loadEvaluableRule(v1).thresholds[0]!.name).toBe('critical');
  });

  it('reads signoz_alert resource attributes with condition and evaluation as JSON text', () => {
    expect(decodeRule(fixture('signoz-alert-attributes.json'))).toMatchObject({ valid: true, shape: 'signoz_alert' });
    const rule = loadEvaluableRule(fixture('signoz-alert-attributes.json'));
    expect(rule.name).toBe('Host CPU high (signoz_alert)');
    expect(rule.labels).toEqual({ team: 'platform', severity: 'critical' });
    expect(rule.thresholds).toHaveLength(2);
  });

  it('reads signoz_rule resource attributes (snake_case typed blocks) from cdk.tf.json', () => {
    const tf = JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/estate/cdktf.out/stacks/prod/cdk.tf.json'), 'utf8'));
    const attrs = tf.resource.signoz_rule.host_cpu_high;
    expect(decodeRule(attrs)).toMatchObject({ valid: true, shape: 'signoz_rule' });
    const rule = loadEvaluableRule(attrs);
    expect(rule.queries).toEqual([{ name: 'A', kind: 'builder_query', disabled: false, canDefaultZero: false }]);
    expect(rule.thresholds).toEqual([{ name: 'critical', target: 90, targetUnit: '', op: 'above', matchType: 'last' }]);
    expect(rule.labels).toEqual({ team: 'platform' });
  });

  it('unwraps a rule exported from the SigNoz API or UI ({status, data} with id and state)', () => {
    const exported = {
      status: 'success',
      data: { ...(fixture('cpu-tiers.json') as object), id: '0190aaaa-0000-7000-8000-000000000009', state: 'firing', createAt: '2026-01-01T00:00:00Z' },
    };
    const rule = loadEvaluableRule(exported);
    expect(rule.id).toBe('0190aaaa-0000-7000-8000-000000000009');
    expect(rule.name).toBe('Host CPU high');
  });

  it('reads legacy v3/v4 builderQueries maps, telling formulas from queries by their expression', () => {
    const legacy = {
      alert: 'Legacy formula',
      alertType: 'LOGS_BASED_ALERT',
      ruleType: 'threshold_rule',
      evalWindow: '5m',
      frequency: '1m',
      condition: {
        compositeQuery: {
          queryType: 'builder',
          panelType: 'graph',
          builderQueries: {
            A: { queryName: 'A', expression: 'A', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: { key: '' } },
            B: { queryName: 'B', expression: 'B', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: { key: '' } },
            F1: { queryName: 'F1', expression: 'A/B' },
          },
        },
        op: '1',
        matchType: '3',
        target: 0.1,
        selectedQueryName: 'F1',
      },
    };
    const rule = loadEvaluableRule(legacy);
    expect(rule.queries.map((q) => [q.name, q.kind, q.canDefaultZero])).toEqual([
      ['A', 'builder_query', true],
      ['B', 'builder_query', true],
      ['F1', 'builder_formula', false],
    ]);
  });

  it('explains JSON that is no rule at all, never throwing', () => {
    expect(decodeRule([1, 2])).toMatchObject({ valid: false, errors: [{ path: '', message: 'a rule must be a JSON object' }] });
    expect(decodeRule({ hello: 'world' }).errors).toEqual([{ path: '', message: 'this JSON is not a SigNoz rule: it has neither "alert" nor "condition"' }]);
    const v3 = decodeRule({ alert: 'x', condition: {}, schemaVersion: 'v3' });
    expect(v3.valid).toBe(false);
    expect(v3.errors.find((e) => e.path === '/schemaVersion')?.message).toMatch(/v2alpha1/);
  });

  it('refuses legacy shapes with the way to migrate when asked to (the validate command)', () => {
    const refused = decodeRule(fixture('legacy-v1.json'), { legacy: 'refuse' });
    expect(refused).toMatchObject({ valid: false, legacy: true });
    expect(refused.errors.map((e) => e.message).join('\n')).toMatch(/v2alpha1/);
  });

  it('reads a null as an absent field in every mode, as SigNoz does', () => {
    const withNulls = { ...(fixture('cpu-tiers.json') as Record<string, unknown>), labels: null, description: null };
    expect(decodeRule(withNulls).errors).toEqual([]);
    expect(decodeRule(withNulls, { legacy: 'refuse' }).errors).toEqual([]);
    expect(decodeRule(withNulls).payload).not.toHaveProperty('labels');
  });

  it('reads a null anywhere in signoz_rule attributes as an absent field (a JSON-text null, a null label, a null query spec)', () => {
    const tf = JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/estate/cdktf.out/stacks/prod/cdk.tf.json'), 'utf8'));
    const attrs = structuredClone(tf.resource.signoz_rule.host_cpu_high);
    attrs.condition.composite_query.queries[0].builder_query.spec.metrics.step_interval = 'null';
    attrs.labels = { ...attrs.labels, owner: null };
    const decoded = decodeRule(attrs);
    expect(decoded.errors).toEqual([]);
    expect(decoded.payload!.condition.compositeQuery.queries[0]!.spec).not.toHaveProperty('stepInterval');
    expect(decoded.payload!.labels).toEqual({ team: 'platform' });
    const nullSpec = structuredClone(tf.resource.signoz_rule.host_cpu_high);
    nullSpec.condition.composite_query.queries[0] = { promql: { type: 'promql', spec: null } };
    expect(decodeRule(nullSpec).errors).toContainEqual({ path: '/condition/compositeQuery/queries/0/spec', message: 'missing required field "spec"' });
  });

  it('keeps the rule id and name of a refused rule', () => {
    const refused = decodeRule({ status: 'success', data: { id: 42, alert: 'Broken', condition: 'not json' } });
    expect(refused).toMatchObject({ valid: false, ruleId: '42', alert: 'Broken', shape: 'signoz_alert' });
    expect(refused.errors[0]!.path).toBe('/condition');
  });
});
