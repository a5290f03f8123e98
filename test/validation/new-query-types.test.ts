/** Query types newer than the provider: builder_ai_query (run by SigNoz), builder_sub_query and builder_join (never run). */
import * as path from 'node:path';
import { AlertRule } from '../../constructs/alerts/alert-rule';
import { encodeSignozAlert, encodeSignozRule } from '../../constructs/codecs';
import { App, TerraformStack } from '../../constructs/engine';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { validateRulePayload } from '../../constructs/validation';
import { mutatedRule, type AnyJson } from '../support/rule-fixtures';
import { tempDir } from '../support/temp-dir';

const Q0 = '/condition/compositeQuery/queries/0';

function aiRule(mutate: (spec: AnyJson) => void = () => undefined): AnyJson {
  return mutatedRule('traces-p99-latency.json', (r) => {
    r.condition.compositeQuery.queries[0].type = 'builder_ai_query';
    mutate(r.condition.compositeQuery.queries[0].spec);
  });
}

describe('builder_ai_query', () => {
  it('is validated as a traces builder query, reads traces without a signal, and warns that provider 0.0.17 cannot carry it', () => {
    const result = validateRulePayload(aiRule((spec) => delete spec.signal));
    expect(result.errors).toEqual([]);
    expect(result.payload?.condition.compositeQuery.queries[0]).toMatchObject({ type: 'builder_ai_query', spec: { signal: 'traces' } });
    expect(result.warnings).toEqual([{ path: `${Q0}/type`, message: expect.stringContaining('Terraform provider 0.0.17 cannot carry them') }]);
  });

  it('gets the builder query checks (here: SigNoz requires an aggregation)', () => {
    expect(validateRulePayload(aiRule((spec) => (spec.aggregations = []))).errors).toContainEqual({
      path: `${Q0}/spec/aggregations`,
      message: 'at least one aggregation is required',
    });
  });

  it('refuses another signal: the type implies traces', () => {
    const result = validateRulePayload(
      aiRule((spec) => {
        spec.signal = 'logs';
      }),
    );
    expect(result.errors).toContainEqual({ path: `${Q0}/spec/signal`, message: 'builder_ai_query always reads traces (SigNoz replaces the signal); got "logs"' });
  });

  it('cannot be encoded as signoz_rule, with the way out; signoz_alert carries it as JSON', () => {
    const payload = validateRulePayload(aiRule()).payload as RulePayload;
    expect(() => encodeSignozRule(payload)).toThrow(/signoz_rule \(provider 0\.0\.17\) has no block for "builder_ai_query" queries.*use the signoz_alert target/);
    expect(JSON.stringify(encodeSignozAlert(payload))).toContain('builder_ai_query');
  });

  it('makes the AlertRule construct fail with that message when the target is signoz_rule', () => {
    const stack = new TerraformStack(new App({ outdir: path.join(tempDir('ai-query-'), 'out') }), 'prod');
    const payload = validateRulePayload(aiRule()).payload as RulePayload;
    expect(() => AlertRule.fromPayload(stack, 'Rule', payload)).toThrow(/has no block for "builder_ai_query" queries/);
  });
});

describe.each(['builder_sub_query', 'builder_join'])('%s', (type) => {
  it('passes, with a warning that no SigNoz querier runs it', () => {
    const rule = mutatedRule('metrics-threshold.json', (r) => {
      const spec =
        type === 'builder_join'
          ? { name: 'J', left: { name: 'A' }, right: { name: 'A' }, type: 'inner', on: 'A.x = A.x' }
          : { ...r.condition.compositeQuery.queries[0].spec, name: 'S' };
      r.condition.compositeQuery.queries.push({ type, spec });
    });
    const result = validateRulePayload(rule);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { path: '/condition/compositeQuery/queries/1/type', message: expect.stringContaining(`SigNoz accepts ${type} queries but no SigNoz querier runs them`) },
    ]);
  });
});
