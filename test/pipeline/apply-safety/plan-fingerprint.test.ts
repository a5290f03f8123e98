import { applyGuard } from '../../../pipeline/apply-safety/apply-guard';
import { fingerprintContent, planFingerprint, saltIdOf } from '../../../pipeline/apply-safety/plan-fingerprint';
import { parsePlanJson, type TerraformPlan } from '../../../pipeline/plan/plan-json';
import { planJson, resourceChange, signozRuleAttrs, type Json } from '../fixtures/plan-builders';

const rule = (target: number) => signozRuleAttrs({ alert: 'CPU high', tiers: [{ name: 'critical', target, channels: ['pd-oncall'] }] });

function plan(changes: Json[], extra: Partial<Json> = {}): TerraformPlan {
  return parsePlanJson(JSON.stringify({ ...planJson({ resourceChanges: changes }), ...extra }), 'plan.json');
}

const update = (target: number, extra: Partial<Parameters<typeof resourceChange>[0]> = {}) =>
  resourceChange({ address: 'signoz_rule.cpu', actions: ['update'], before: rule(80), after: rule(target), ...extra });
const noop = resourceChange({ address: 'signoz_rule.same', actions: ['no-op'], before: rule(1), after: rule(1) });

describe('plan fingerprint', () => {
  it('is the same for the same change planned twice, whatever the order, no-ops, timestamps or Terraform version', () => {
    const a = plan([update(75), noop]);
    const b = plan([noop, update(75)], { timestamp: '2030-01-01T00:00:00Z', terraform_version: '1.13.0' });
    expect(planFingerprint(a, 's').fingerprint).toBe(planFingerprint(b, 's').fingerprint);
    expect(planFingerprint(a, 's').fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes when any planned value, action or output changes', () => {
    const base = planFingerprint(plan([update(75)]), 's').fingerprint;
    expect(planFingerprint(plan([update(70)]), 's').fingerprint).not.toBe(base);
    expect(planFingerprint(plan([update(75, { actions: ['delete', 'create'] })]), 's').fingerprint).not.toBe(base);
    const withOutput = plan([update(75)], { output_changes: { n: { actions: ['update'], before: 1, after: 2, after_unknown: false } } });
    expect(planFingerprint(withOutput, 's').fingerprint).not.toBe(base);
  });

  it('hashes sensitive leaves with the salt: the secret never appears, but a new secret changes the fingerprint', () => {
    const withSecret = (secret: string) =>
      plan([resourceChange({ address: 'terraform_data.t', actions: ['create'], after: { input: { token: secret } }, afterSensitive: { input: { token: true } } })]);
    const content = JSON.stringify(fingerprintContent(withSecret('hunter2-secret'), 'salt'));
    expect(content).not.toContain('hunter2-secret');
    expect(planFingerprint(withSecret('hunter2-secret'), 'salt').fingerprint).not.toBe(planFingerprint(withSecret('hunter3-secret'), 'salt').fingerprint);
    expect(planFingerprint(withSecret('hunter2-secret'), 'salt-a').fingerprint).not.toBe(planFingerprint(withSecret('hunter2-secret'), 'salt-b').fingerprint);
  });

  it('records which salt was used without revealing it', () => {
    expect(saltIdOf(undefined)).toBe('unsalted');
    expect(saltIdOf('my-salt')).toMatch(/^[0-9a-f]{16}$/);
    expect(saltIdOf('my-salt')).not.toContain('my-salt');
  });

  it('keeps a move (no-op with previous_address) in the fingerprint', () => {
    const moved = resourceChange({ address: 'signoz_rule.b', previousAddress: 'signoz_rule.a', actions: ['no-op'], before: rule(1), after: rule(1) });
    expect(planFingerprint(plan([moved]), 's').resourceChanges).toBe(1);
    expect(planFingerprint(plan([noop]), 's').resourceChanges).toBe(0);
  });
});

describe('apply guard', () => {
  const reviewed = plan([update(75)]);
  const expected = { fingerprint: planFingerprint(reviewed, 's').fingerprint, saltId: saltIdOf('s') };
  const guard = (overrides: Partial<Parameters<typeof applyGuard>[0]>) =>
    applyGuard({ plan: reviewed, expected, salt: 's', maxAlertDeletes: 5, allowDestroy: false, ...overrides });

  it('passes the reviewed plan', () => {
    const result = guard({});
    expect(result.ok).toBe(true);
    expect(result.messages[0]).toContain('ok: the plan matches the reviewed fingerprint');
  });

  it('refuses a different plan, and a fresh plan that no longer matches', () => {
    const other = guard({ plan: plan([update(70)]) });
    expect(other.ok).toBe(false);
    expect(other.messages[0]).toMatch(/^REFUSED: this plan is not the reviewed one \(reviewed sha256:[0-9a-f]+, this plan sha256:[0-9a-f]+\)/);
    const stale = guard({ replan: plan([update(70)]) });
    expect(stale.ok).toBe(false);
    expect(stale.messages.join('\n')).toContain('REFUSED: a fresh plan differs from the reviewed one');
  });

  it('refuses a fingerprint made with another salt', () => {
    const result = guard({ salt: 'other' });
    expect(result.ok).toBe(false);
    expect(result.messages[0]).toContain('made with another salt');
  });
});
