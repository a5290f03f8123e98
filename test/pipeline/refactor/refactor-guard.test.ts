import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { cdktfMoveHint, findRefactorMoves, logicalIdOf, movedBlock } from '../../../pipeline/refactor/refactor-guard';
import { renderPlanSummary, summarizePlans } from '../../../pipeline/summary/plan-summary';
import { planJson, resourceChange, signozAlertAttrs, signozRuleAttrs } from '../fixtures/plan-builders';

const cpu = (id: string | null) => signozRuleAttrs({ alert: 'CPU high', tiers: [{ name: 'critical', target: 80, channels: ['pd-oncall'] }] }, id);

function changes(list: ReturnType<typeof resourceChange>[]) {
  return parsePlanJson(JSON.stringify(planJson({ resourceChanges: list })), 'p').resourceChanges;
}

describe('refactor guard', () => {
  it('pairs a delete with a create of the same type and content, ignoring ids and unknown values', () => {
    const moves = findRefactorMoves(
      changes([
        resourceChange({ address: 'signoz_rule.old_path_1A2B3C4D', actions: ['delete'], before: cpu('server-id-1') }),
        resourceChange({ address: 'signoz_rule.new_path_5E6F7A8B', actions: ['create'], after: cpu(null), afterUnknown: { id: true } }),
      ]),
    );
    expect(moves).toEqual([{ type: 'signoz_rule', from: 'signoz_rule.old_path_1A2B3C4D', to: 'signoz_rule.new_path_5E6F7A8B' }]);
    expect(movedBlock(moves[0]!)).toBe('moved {\n  from = signoz_rule.old_path_1A2B3C4D\n  to   = signoz_rule.new_path_5E6F7A8B\n}');
    expect(cdktfMoveHint(moves[0]!)).toContain("overrideLogicalId('old_path_1A2B3C4D')");
  });

  it('does not pair different content, different types, or a replacement', () => {
    const other = signozRuleAttrs({ alert: 'CPU high', tiers: [{ name: 'critical', target: 90, channels: ['pd-oncall'] }] }, null);
    expect(
      findRefactorMoves(
        changes([
          resourceChange({ address: 'signoz_rule.a', actions: ['delete'], before: cpu('1') }),
          resourceChange({ address: 'signoz_rule.b', actions: ['create'], after: other }),
          resourceChange({ address: 'signoz_alert.c', actions: ['create'], after: signozAlertAttrs({ alert: 'CPU high', severity: 'critical', target: 80 }) }),
          resourceChange({ address: 'signoz_rule.d', actions: ['delete', 'create'], before: cpu('2'), after: cpu(null) }),
        ]),
      ),
    ).toEqual([]);
  });

  it('compares JSON-string attributes by structure (legacy signoz_alert)', () => {
    const before = signozAlertAttrs({ alert: 'Legacy', severity: 'warning', target: 5 });
    const after = { ...signozAlertAttrs({ alert: 'Legacy', severity: 'warning', target: 5, reverseKeys: true }), id: null, state: null };
    expect(
      findRefactorMoves(
        changes([
          resourceChange({ address: 'signoz_alert.before_move', actions: ['delete'], before }),
          resourceChange({ address: 'signoz_alert.after_move', actions: ['create'], after, afterUnknown: { id: true, state: true } }),
        ]),
      ),
    ).toHaveLength(1);
  });

  it('pairs identical twins one to one, in address order', () => {
    const moves = findRefactorMoves(
      changes([
        resourceChange({ address: 'signoz_rule.old_b', actions: ['delete'], before: cpu('2') }),
        resourceChange({ address: 'signoz_rule.old_a', actions: ['delete'], before: cpu('1') }),
        resourceChange({ address: 'signoz_rule.new_a', actions: ['create'], after: cpu(null) }),
        resourceChange({ address: 'signoz_rule.new_b', actions: ['create'], after: cpu(null) }),
      ]),
    );
    expect(moves.map((m) => `${m.from}>${m.to}`)).toEqual(['signoz_rule.old_a>signoz_rule.new_a', 'signoz_rule.old_b>signoz_rule.new_b']);
  });

  it('is surfaced in the plan summary with the moved block', () => {
    const plan = parsePlanJson(
      JSON.stringify(
        planJson({
          resourceChanges: [
            resourceChange({ address: 'signoz_rule.old_path', actions: ['delete'], before: cpu('1') }),
            resourceChange({ address: 'signoz_rule.new_path', actions: ['create'], after: cpu(null) }),
          ],
        }),
      ),
      'p',
    );
    const { summary, redactor } = summarizePlans([{ stack: 'prod', plan }]);
    const markdown = renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor }).text;
    expect(markdown).toContain('### Possible construct moves');
    expect(markdown).toContain('  moved {\n    from = signoz_rule.old_path\n    to   = signoz_rule.new_path\n  }');
  });

  it('takes the logical id from an address', () => {
    expect(logicalIdOf('signoz_rule.cpu_high_1A2B3C4D')).toBe('cpu_high_1A2B3C4D');
    expect(logicalIdOf('module.m.signoz_rule.x["k"]')).toBe('x');
  });
});
