import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adaptRuleJson, loadEvaluableRule, RuleShapeError } from '../../constructs/evaluation';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/rules', name), 'utf8'));

describe('reading rules in every shape users hold (rule-json-adapter)', () => {
  it('reads a canonical v2alpha1 rules-API body', () => {
    const rule = loadEvaluableRule(fixture('cpu-tiers.json'));
    expect(rule.thresholds.map((t) => [t.name, t.target, t.recoveryTarget])).toEqual([['warning', 70, undefined], ['critical', 90, 80]]);
    expect(rule.schedule).toEqual({ kind: 'rolling', evalWindowMs: 300_000, frequencyMs: 60_000 });
    expect(rule.unit).toBe('percent');
  });

  it('converts a v1 rule as processRuleDefaults does: threshold named after labels.severity, numeric op/matchType', () => {
    expect(adaptRuleJson(fixture('legacy-v1.json')).shape).toBe('rules-api-v1');
    const rule = loadEvaluableRule(fixture('legacy-v1.json'));
    expect(rule.thresholds).toEqual([{ name: 'warning', target: 1000, targetUnit: '', op: 'above', matchType: 'all_the_times' }]);
    expect(rule.schedule).toEqual({ kind: 'rolling', evalWindowMs: 600_000, frequencyMs: 120_000 });
  });

  it('names the v1 threshold "critical" when the rule has no severity label', () => {
    const v1 = { ...(fixture('legacy-v1.json') as Record<string, unknown>), labels: {} };
    expect(loadEvaluableRule(v1).thresholds[0]!.name).toBe('critical');
  });

  it('reads signoz_alert resource attributes with condition and evaluation as JSON text', () => {
    expect(adaptRuleJson(fixture('signoz-alert-attributes.json')).shape).toBe('signoz_alert');
    const rule = loadEvaluableRule(fixture('signoz-alert-attributes.json'));
    expect(rule.name).toBe('Host CPU high (signoz_alert)');
    expect(rule.labels).toEqual({ team: 'platform', severity: 'critical' });
    expect(rule.thresholds).toHaveLength(2);
  });

  it('reads signoz_rule resource attributes (snake_case typed blocks) from cdk.tf.json', () => {
    const tf = JSON.parse(readFileSync(join(__dirname, '../fixtures/evaluation/estate/cdktf.out/stacks/prod/cdk.tf.json'), 'utf8'));
    const attrs = tf.resource.signoz_rule.host_cpu_high;
    expect(adaptRuleJson(attrs).shape).toBe('signoz_rule');
    const rule = loadEvaluableRule(attrs);
    expect(rule.queries).toEqual([{ name: 'A', kind: 'builder_query', disabled: false, canDefaultZero: false }]);
    expect(rule.thresholds).toEqual([{ name: 'critical', target: 90, targetUnit: '', op: 'above', matchType: 'last' }]);
    expect(rule.labels).toEqual({ team: 'platform' });
  });

  it('unwraps a rule exported from the SigNoz API or UI ({status, data} with id and state)', () => {
    const exported = { status: 'success', data: { ...(fixture('cpu-tiers.json') as object), id: '0190aaaa-0000-7000-8000-000000000009', state: 'firing', createAt: '2026-01-01T00:00:00Z' } };
    const rule = loadEvaluableRule(exported);
    expect(rule.id).toBe('0190aaaa-0000-7000-8000-000000000009');
    expect(rule.name).toBe('Host CPU high');
  });

  it('reads legacy v3/v4 builderQueries maps, telling formulas from queries by their expression', () => {
    const legacy = {
      alert: 'Legacy formula', alertType: 'LOGS_BASED_ALERT', ruleType: 'threshold_rule', evalWindow: '5m', frequency: '1m',
      condition: {
        compositeQuery: {
          queryType: 'builder', panelType: 'graph',
          builderQueries: {
            A: { queryName: 'A', expression: 'A', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: { key: '' } },
            B: { queryName: 'B', expression: 'B', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: { key: '' } },
            F1: { queryName: 'F1', expression: 'A/B' },
          },
        },
        op: '1', matchType: '3', target: 0.1, selectedQueryName: 'F1',
      },
    };
    const rule = loadEvaluableRule(legacy);
    expect(rule.queries.map((q) => [q.name, q.kind, q.canDefaultZero])).toEqual([['A', 'builder_query', true], ['B', 'builder_query', true], ['F1', 'builder_formula', false]]);
  });

  it('explains JSON that is no rule at all', () => {
    expect(() => adaptRuleJson([1, 2])).toThrow(RuleShapeError);
    expect(() => adaptRuleJson({ hello: 'world' })).toThrow(/neither "alert" nor "condition"/);
    expect(() => adaptRuleJson({ alert: 'x', condition: {}, schemaVersion: 'v3' })).toThrow(/schemaVersion: unsupported value "v3"/);
  });
});
