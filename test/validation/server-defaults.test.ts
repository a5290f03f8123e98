/**
 * What SigNoz accepts but stores in another form: `validate` warns (exit 0) and says what SigNoz
 * stores; the normalized payload carries the stable form; constructs refuse the unstable one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlertRule } from '../../constructs/alerts/alert-rule';
import { App, TerraformStack } from '../../constructs/engine';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { validateRulePayload } from '../../constructs/validation';
import { runCli } from '../support/cli-recorder';
import { mutatedRule, type AnyJson } from '../support/rule-fixtures';
import { tempDir } from '../support/temp-dir';

type Drift = readonly [description: string, fixture: string, mutate: (rule: AnyJson) => void, stored: Partial<Record<'ruleType' | 'alertType', string>>, says: readonly string[]];

const DRIFTS: Drift[] = [
  [
    'a PromQL rule typed threshold_rule',
    'promql.json',
    (r) => (r.ruleType = 'threshold_rule'),
    { ruleType: 'promql_rule' },
    ['/ruleType: SigNoz stores ruleType "promql_rule" for PromQL queries, replacing "threshold_rule"', 'permanent diff'],
  ],
  ['a PromQL rule typed anomaly_rule', 'promql.json', (r) => (r.ruleType = 'anomaly_rule'), { ruleType: 'promql_rule' }, ['replacing "anomaly_rule"']],
  ['a PromQL rule without ruleType', 'promql.json', (r) => delete r.ruleType, { ruleType: 'promql_rule' }, ['/ruleType: ruleType is left out: SigNoz stores "promql_rule"']],
  [
    'a builder rule without ruleType',
    'metrics-threshold.json',
    (r) => delete r.ruleType,
    { ruleType: 'threshold_rule' },
    ['/ruleType: ruleType is left out: SigNoz stores "threshold_rule", its default for builder queries', 'permanent diff'],
  ],
  [
    'a logs rule without alertType',
    'logs-error-rate-formula.json',
    (r) => (r.alertType = ''),
    { alertType: 'LOGS_BASED_ALERT' },
    ['/alertType: alertType is left out: SigNoz stores it empty, which Terraform cannot express', 'the toolkit uses it'],
  ],
  [
    'a traces rule without alertType or ruleType',
    'traces-p99-latency.json',
    (r) => {
      delete r.alertType;
      delete r.ruleType;
    },
    { alertType: 'TRACES_BASED_ALERT', ruleType: 'threshold_rule' },
    ['/alertType: alertType is left out', '/ruleType: ruleType is left out'],
  ],
];

describe('rules SigNoz accepts but stores in another form', () => {
  const dir = tempDir('server-defaults-');

  describe.each(DRIFTS)('%s', (name, fixture, mutate, stored, says) => {
    const rule = mutatedRule(fixture, mutate);

    it('is valid, with a drift warning, and normalizes to what SigNoz stores', () => {
      const result = validateRulePayload(rule);
      expect(result.errors).toEqual([]);
      expect(result.warnings.length).toBeGreaterThan(0);
      expect(result.warnings.every((w) => w.drift === true)).toBe(true);
      const text = result.warnings.map((w) => `${w.path}: ${w.message}`).join('\n');
      for (const words of says) expect(text).toContain(words);
      expect(result.payload).toMatchObject(stored);
    });

    it('validate exits 0 and prints the warning', async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(file, JSON.stringify(rule));
      const run = await runCli(['validate', file], dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(says[0]!.replace(/^(\/\w+): /, '$1: warning: '));
    });

    it('a construct refuses it, so synthesized rules carry only the stable form', () => {
      const stack = new TerraformStack(new App({ outdir: path.join(dir, 'out') }), 'prod');
      const problems = AlertRule.fromPayload(stack, 'Rule', rule as RulePayload).node.validate();
      expect(problems.join('\n')).toContain(says[0]);
    });
  });

  it('a ClickHouse rule without ruleType stays an error: SigNoz has no default and refuses it', () => {
    const result = validateRulePayload(mutatedRule('clickhouse-sql.json', (r) => delete r.ruleType));
    expect(result.errors).toEqual([{ path: '/ruleType', message: 'missing required field "ruleType"' }]);
  });

  it('a rule mixing logs and traces queries without alertType stays an error: nothing to infer', () => {
    const result = validateRulePayload(
      mutatedRule('logs-error-rate-formula.json', (r) => {
        delete r.alertType;
        r.condition.compositeQuery.queries[1].spec.signal = 'traces';
      }),
    );
    expect(result.errors).toContainEqual({ path: '/alertType', message: 'missing required field "alertType"' });
  });
});
