/**
 * One table of modern and legacy rules, in every shape a user holds, read by every command: each
 * command must arrive at the same checked payload (`decodeRule` is the one way in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeRule, encodeSignozRule, rulesOfStack, validateRuleFileText, type SynthesizedStack } from '../../constructs/codecs';
import { compileRule, loadEvaluableRule } from '../../constructs/evaluation';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { runAlertTestFiles } from '../../constructs/testing';
import { importRules } from '../../import';
import { toRulePayload } from '../../pipeline/alerts/rule-payload-adapter';
import { validateStackRules } from '../../pipeline/pr-check/default-hooks';
import { resolvePolicyOptions } from '../../policies/options';
import { readStack } from '../../policies/stack-reading/read-stack';
import { main } from '../../cli/program';
import { cliRecorder } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';
import { writeQuietAlertTest } from '../support/alert-test-files';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const read = (...parts: string[]): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8')) as Record<string, unknown>;
const cdkTf = read('evaluation', 'estate', 'cdktf.out', 'stacks', 'prod', 'cdk.tf.json') as { resource: { signoz_rule: Record<string, Record<string, unknown>> } };

interface Row {
  readonly name: string;
  readonly json: Record<string, unknown>;
  /** The Terraform resource type, when the row is resource attributes. */
  readonly resourceType?: 'signoz_rule' | 'signoz_alert';
  readonly legacy: boolean;
}

const modern = read('rules', 'metrics-threshold.json');
const ROWS: readonly Row[] = [
  { name: 'rules-API body (v2alpha1, v5 queries)', json: modern, legacy: false },
  {
    name: 'rules-API body with op/matchType aliases',
    json: {
      ...modern,
      condition: {
        ...(modern.condition as object),
        thresholds: { kind: 'basic', spec: [{ name: 'critical', target: 90, op: '>', matchType: '1', channels: ['pagerduty-oncall'] }] },
      },
    },
    legacy: false,
  },
  {
    name: 'SigNoz GET response ({status, data} with id and state)',
    json: { status: 'success', data: { ...read('evaluation', 'rules', 'cpu-tiers.json'), id: '42', state: 'firing' } },
    legacy: false,
  },
  { name: 'formula over logs', json: read('rules', 'logs-error-rate-formula.json'), legacy: false },
  { name: 'cumulative schedule', json: read('rules', 'cumulative-daily-budget.json'), legacy: false },
  { name: 'signoz_rule attributes from cdk.tf.json', json: cdkTf.resource.signoz_rule.host_cpu_high!, resourceType: 'signoz_rule', legacy: false },
  { name: 'signoz_rule attributes encoded by the codec', json: encodeSignozRule(modern as unknown as RulePayload), resourceType: 'signoz_rule', legacy: false },
  { name: 'signoz_alert attributes (v2alpha1, JSON text)', json: read('evaluation', 'rules', 'signoz-alert-attributes.json'), resourceType: 'signoz_alert', legacy: false },
  { name: 'schema v1 rule (top-level op/target, evalWindow)', json: read('evaluation', 'rules', 'legacy-v1.json'), legacy: true },
  { name: 'v4 builderQueries export', json: read('legacy', 'v4-builder-queries.json'), legacy: true },
  { name: 'v4 export with server fields (import fixture)', json: read('import', 'legacy-v4.json'), legacy: true },
  { name: 'schema v1 with v5 queries', json: read('legacy', 'v1-schema-v5-queries.json'), legacy: true },
];

/** The stack document a Terraform-reading command (policy, pr-check, npm start) sees for a row. */
function stackOf(row: Row, payload: RulePayload): SynthesizedStack {
  const type = row.resourceType ?? 'signoz_rule';
  const attributes = row.resourceType ? row.json : encodeSignozRule(payload);
  return { name: 'prod', file: 'cdk.tf.json', document: { resource: { [type]: { the_rule: attributes } } } };
}

describe('one way in: every command reads a rule as decodeRule does', () => {
  const dir = tempDir('one-way-in-');

  describe.each(ROWS)('$name', (row) => {
    const decoded = decodeRule(row.json, row.resourceType ? { resourceType: row.resourceType } : {});
    const payload = decoded.payload!;

    it('is read, checked and recognised', () => {
      expect(decoded.errors).toEqual([]);
      expect(decoded.legacy).toBe(row.legacy);
      expect(payload.schemaVersion).toBe('v2alpha1');
    });

    it('import writes the same payload', () => {
      const { rules, problems } = importRules([{ name: 'export.json', text: JSON.stringify(row.json) }]);
      // import refuses what the signoz_rule resource cannot carry; none of these rows is such a rule
      expect(problems).toEqual([]);
      expect(rules[0]!.payload).toEqual(payload);
    });

    it('evaluate and test compile the same payload', () => {
      const compiled = compileRule(payload, decoded.ruleId);
      expect(compiled.ok).toBe(true);
      if (compiled.ok) expect(loadEvaluableRule(row.json)).toEqual(compiled.rule);
    });

    it('policy, pr-check and npm start read the same payload from a synthesized stack', () => {
      const stack = stackOf(row, payload);
      const { subject, unreadable } = readStack(stack, resolvePolicyOptions());
      expect(unreadable).toEqual([]);
      expect(subject.alerts.map((a) => a.payload)).toEqual([payload]);
      expect(rulesOfStack(stack)[0]!.decoded.payload).toBe(subject.alerts[0]!.payload);
      expect(validateStackRules([stack])).toEqual({ ok: true, lines: ['1 alert rules valid'] });
    });

    it('plan-summary reads the same payload from plan values', () => {
      const type = row.resourceType ?? 'signoz_rule';
      expect(toRulePayload(type, row.resourceType ? row.json : encodeSignozRule(payload))).toEqual(payload);
    });

    it('validate accepts the modern shapes and reports the legacy ones as legacy', () => {
      const result = validateRuleFileText(JSON.stringify(row.json));
      if (row.legacy) {
        expect(result.valid).toBe(false);
        expect(result.errors.map((e) => e.message).join('\n')).toMatch(/v2alpha1|v5/);
      } else {
        expect(result.errors).toEqual([]);
      }
    });

    it('the test command runs a behaviour test against the rule file', async () => {
      const ruleFile = path.join(dir, `${row.name.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(ruleFile, JSON.stringify(row.json));
      const testFile = ruleFile.replace(/\.json$/, '.alert-test.yaml');
      writeQuietAlertTest(testFile, path.basename(ruleFile), '10m');
      const [result] = runAlertTestFiles([testFile], dir);
      // a rule that alerts on absent data fires without series; every other rule stays quiet
      if (payload.condition.alertOnAbsent) expect(result!.cases[0]!.passed).toBe(false);
      else expect(result).toMatchObject({ alertName: payload.alert, cases: [{ passed: true }] });
      const io = cliRecorder(dir);
      expect(await main(['test', testFile], io)).toBe(payload.condition.alertOnAbsent ? 1 : 0);
    });
  });
});
