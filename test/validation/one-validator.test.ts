/**
 * One validator: a rule with a mistake is refused by validate, evaluate, test and synth alike, with
 * the same JSON Pointer and the same words (the evaluator compiles only what the validator passed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { validateRuleFileText } from '../../constructs/codecs';
import { App, TerraformStack } from '../../constructs/engine';
import { AlertRule } from '../../constructs/alerts/alert-rule';
import { loadEvaluableRule, RuleEvaluationError } from '../../constructs/evaluation';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { runAlertTestFiles } from '../../constructs/testing';
import { cliRecorder } from '../support/cli-recorder';
import { ruleFixture, type AnyJson } from '../support/rule-fixtures';
import { tempDir } from '../support/temp-dir';
import { writeQuietAlertTest } from '../support/alert-test-files';

type Mistake = readonly [name: string, fixture: string, mutate: (rule: AnyJson) => void];

const METRICS = 'metrics-threshold.json';
const FORMULA = 'logs-error-rate-formula.json';
const metricsQuery = (r: AnyJson): AnyJson => r.condition.compositeQuery.queries[0].spec;
const formula = (r: AnyJson): AnyJson => r.condition.compositeQuery.queries[2].spec;

const MISTAKES: readonly Mistake[] = [
  ['a query with no aggregations', METRICS, (r) => (metricsQuery(r).aggregations = [])],
  ['a formula over a query the rule does not have', FORMULA, (r) => (formula(r).expression = 'A / C')],
  ['a numeric evalWindow', METRICS, (r) => (r.evaluation.spec.evalWindow = 300)],
  ['a label name SigNoz refuses', METRICS, (r) => (r.labels['team-name'] = 'checkout')],
  ['a PromQL query with an unclosed parenthesis', 'promql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = 'sum(rate(x[5m])')],
  ['a filter with an unterminated string', METRICS, (r) => (metricsQuery(r).filter = { expression: "service.name = 'checkout" })],
  ['a ClickHouse query with an unclosed string', 'clickhouse-sql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query += " WHERE a = 'x")],
  ['an unclosed template', METRICS, (r) => (r.annotations.summary = 'CPU {{ $value')],
  ['re-notification every 0s', METRICS, (r) => (r.notificationSettings.renotify.interval = '0s')],
  ['an alert type that does not exist', METRICS, (r) => (r.alertType = 'CPU_ALERT')],
  ['a time aggregation that does not exist', METRICS, (r) => (metricsQuery(r).aggregations[0].timeAggregation = 'mean')],
  ['a threshold without a target', METRICS, (r) => delete r.condition.thresholds.spec[0].target],
  ['an operator SigNoz does not know', METRICS, (r) => (r.condition.thresholds.spec[0].op = 'bigger')],
  [
    'a time zone SigNoz would not load',
    METRICS,
    (r) => (r.evaluation = { kind: 'cumulative', spec: { schedule: { type: 'daily', hour: 0, minute: 0 }, frequency: '1h', timezone: 'europe/berlin' } }),
  ],
  ['a selected query that does not exist', METRICS, (r) => (r.condition.selectedQueryName = 'B')],
  [
    'five mistakes at once',
    METRICS,
    (r) => {
      r.alertType = 'CPU_ALERT';
      r.condition.thresholds.spec[0].op = 'bigger';
      r.evaluation.spec.frequency = '0s';
      r.labels['bad label'] = 'x';
      metricsQuery(r).aggregations[0].timeAggregation = 'mean';
    },
  ],
];

/** `/pointer: message` lines, as every command prints them. */
const lines = (issues: readonly { path: string; message: string }[]): string[] => issues.map((i) => `${i.path || '/'}: ${i.message}`);

describe('one validator: validate, evaluate, test and synth refuse a mistake in the same words', () => {
  const dir = tempDir('one-validator-');

  describe.each(MISTAKES)('%s', (name, fixture, mutate) => {
    const rule = ruleFixture(fixture);
    mutate(rule);
    const expected = validateRuleFileText(JSON.stringify(rule)).errors;
    const ruleFile = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(ruleFile, JSON.stringify(rule));

    it('validate refuses it', async () => {
      expect(expected.length).toBeGreaterThan(0);
      const io = cliRecorder(dir);
      expect(await main(['validate', ruleFile], io)).toBe(1);
      for (const line of lines(expected)) expect(io.stdout.join('\n') + io.stderr.join('\n')).toContain(line);
    });

    it('evaluate refuses it with every problem', async () => {
      let problems: readonly { path: string; message: string }[] = [];
      try {
        loadEvaluableRule(rule);
      } catch (err) {
        if (!(err instanceof RuleEvaluationError)) throw err;
        problems = err.problems;
      }
      expect(problems).toEqual(expected);
      const series = path.join(dir, 'series.json');
      fs.writeFileSync(series, JSON.stringify({ A: [] }));
      const io = cliRecorder(dir);
      expect(await main(['evaluate', '--rule', ruleFile, '--series', series, '--from', '0', '--to', '60000'], io)).toBe(1);
      for (const line of lines(expected)) expect(io.stderr.join('\n')).toContain(line);
    });

    it('test refuses it with every problem', () => {
      const testFile = ruleFile.replace(/\.json$/, '.alert-test.yaml');
      writeQuietAlertTest(testFile, path.basename(ruleFile));
      const [result] = runAlertTestFiles([testFile], dir);
      expect(result!.cases).toEqual([]);
      for (const line of lines(expected)) expect(result!.error).toContain(line);
    });

    it('synth refuses it', () => {
      const stack = new TerraformStack(new App({ outdir: path.join(dir, 'out') }), 'prod');
      let messages: string[];
      try {
        messages = AlertRule.fromPayload(stack, 'Rule', rule as RulePayload).node.validate();
      } catch (err) {
        messages = [(err as Error).message];
      }
      for (const line of lines(expected)) expect(messages.join('\n')).toContain(line);
    });
  });
});
