import { validateRulePayload } from '../../constructs/validation';
import { LEGACY_FIXTURES_DIR, mutatedRule, ruleFixture } from '../support/rule-fixtures';

const V2_HINT =
  'rewrite it as schemaVersion "v2alpha1": move condition.op/target/matchType into condition.thresholds ' +
  '({"kind": "basic", "spec": [{"name": "critical", "target": ..., "op": ..., "matchType": ..., "channels": [...]}]}), ' +
  'evalWindow/frequency into evaluation ({"kind": "rolling", "spec": {"evalWindow": "5m", "frequency": "1m"}}), ' +
  "preferredChannels into each threshold's channels, and add notificationSettings (may be {})";

const BUILDER_QUERIES_MESSAGE =
  'legacy v3/v4 query map "builderQueries": SigNoz >= v0.118.0 no longer reads it (the rule is rejected with ' +
  '"condition.compositeQuery.queries: must have at least one query"); move each entry into compositeQuery.queries ' +
  'as {"type": "builder_query", "spec": {"name": "<map key>", ...}} (types: builder_query / builder_formula)';

describe('legacy rule payloads are reported as legacy, never accepted', () => {
  it('reports a v4 rule with builderQueries by what it found and how to migrate', () => {
    // GIVEN a rule as SigNoz <= v0.112 stored it (version v4, builderQueries map, v1 schema)
    const rule = ruleFixture('v4-builder-queries.json', LEGACY_FIXTURES_DIR);

    // WHEN it is validated
    const result = validateRulePayload(rule);

    // THEN it is legacy, with one issue per legacy construct and no v2alpha1 noise
    expect(result.valid).toBe(false);
    expect(result.legacy).toBe(true);
    expect(result.payload).toBeUndefined();
    expect(result.errors).toEqual([
      { path: '/condition/compositeQuery/builderQueries', message: BUILDER_QUERIES_MESSAGE },
      {
        path: '/schemaVersion',
        message: `schemaVersion is missing and condition has op/target/matchType: SigNoz reads this as a legacy schemaVersion "v1" rule; ${V2_HINT}`,
      },
      {
        path: '/version',
        message:
          'legacy query format version "v4": SigNoz >= v0.113.0 accepts only "v5"; set "version": "v5" and write the queries as compositeQuery.queries [{"type": ..., "spec": ...}]',
      },
    ]);
  });

  it('reports a schemaVersion v1 rule with v5 queries', () => {
    const result = validateRulePayload(ruleFixture('v1-schema-v5-queries.json', LEGACY_FIXTURES_DIR));
    expect(result).toMatchObject({ valid: false, legacy: true });
    expect(result.errors).toEqual([
      {
        path: '/schemaVersion',
        message: `schemaVersion is missing and condition has op/target/matchType: SigNoz reads this as a legacy schemaVersion "v1" rule; ${V2_HINT}`,
      },
    ]);
  });

  it('reports an explicit schemaVersion "v1"', () => {
    const rule = ruleFixture('v1-schema-v5-queries.json', LEGACY_FIXTURES_DIR);
    rule.schemaVersion = 'v1';
    expect(validateRulePayload(rule).errors).toEqual([
      { path: '/schemaVersion', message: `legacy schemaVersion "v1" rule: this toolkit and the signoz_rule Terraform resource accept only "v2alpha1"; ${V2_HINT}` },
    ]);
  });

  it.each([
    ['chQueries', 'clickhouse_sql'],
    ['promQueries', 'promql'],
  ])('reports a %s map', (field, type) => {
    const result = validateRulePayload(mutatedRule('promql.json', (r) => (r.condition.compositeQuery[field] = { A: { query: 'up' } })));
    expect(result.legacy).toBe(true);
    expect(result.errors).toEqual([
      {
        path: `/condition/compositeQuery/${field}`,
        message:
          `legacy v3/v4 query map "${field}": SigNoz >= v0.118.0 no longer reads it (the rule is rejected with ` +
          `"condition.compositeQuery.queries: must have at least one query"); move each entry into compositeQuery.queries ` +
          `as {"type": "${type}", "spec": {"name": "<map key>", ...}} (types: ${type})`,
      },
    ]);
  });

  it('reports v1 top-level fields in an otherwise v2alpha1 rule, and still checks the rest', () => {
    // GIVEN a v2alpha1 rule that also carries v1 routing and window fields and one real mistake
    const rule = mutatedRule('metrics-threshold.json', (r) => {
      r.preferredChannels = ['ops-slack'];
      r.evalWindow = '5m';
      r.frequency = '1m';
      r.condition.thresholds.spec[0].op = 'bigger';
    });

    // WHEN it is validated
    const result = validateRulePayload(rule);

    // THEN each v1 field is reported as legacy and the v2alpha1 mistake is reported too
    expect(result.legacy).toBe(true);
    expect(result.errors.map((e) => e.path)).toEqual(['/condition/thresholds/spec/0/op', '/evalWindow', '/frequency', '/preferredChannels']);
    expect(result.errors.find((e) => e.path === '/preferredChannels')?.message).toBe(
      'legacy schemaVersion "v1" field "preferredChannels": SigNoz ignores it for v2alpha1 rules; set the channel names on each threshold (condition.thresholds.spec[].channels)',
    );
    expect(result.errors.find((e) => e.path === '/evalWindow')?.message).toBe(
      'legacy schemaVersion "v1" field "evalWindow": SigNoz ignores it for v2alpha1 rules; set it as evaluation.spec.evalWindow with evaluation.kind "rolling"',
    );
  });

  it('does not call a rule legacy for a null query map', () => {
    const result = validateRulePayload(mutatedRule('metrics-threshold.json', (r) => (r.condition.compositeQuery.builderQueries = null)));
    expect(result).toMatchObject({ valid: true, legacy: false });
  });
});
