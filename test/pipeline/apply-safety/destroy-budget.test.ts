import { applyGuard } from '../../../pipeline/apply-safety/apply-guard';
import { destroyAllowedByEnv, evaluateDestroyBudget } from '../../../pipeline/apply-safety/destroy-budget';
import { planFingerprint } from '../../../pipeline/apply-safety/plan-fingerprint';
import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { planJson, resourceChange, signozRuleAttrs } from '../fixtures/plan-builders';

const alert = (name: string, service: string) => signozRuleAttrs({ alert: name, tiers: [{ name: 'critical', target: 1 }], labels: { service } });
const del = (i: number, service: string) => resourceChange({ address: `signoz_rule.a${i}`, actions: ['delete'], before: alert(`A${i}`, service) });
const keep = (i: number, service: string) => resourceChange({ address: `signoz_rule.k${i}`, actions: ['no-op'], before: alert(`K${i}`, service), after: alert(`K${i}`, service) });
const parse = (changes: ReturnType<typeof resourceChange>[]) => parsePlanJson(JSON.stringify(planJson({ resourceChanges: changes })), 'p').resourceChanges;

describe('destroy budget', () => {
  it('allows up to N alert deletes and refuses more', () => {
    const five = parse([0, 1, 2, 3, 4].map((i) => del(i, 'api')).concat([keep(9, 'api')]));
    expect(evaluateDestroyBudget(five, 5).exceeded).toBe(false);
    const six = parse([0, 1, 2, 3, 4, 5].map((i) => del(i, 'api')).concat([keep(9, 'api')]));
    const result = evaluateDestroyBudget(six, 5);
    expect(result.exceeded).toBe(true);
    expect(result.reasons).toEqual(['the plan deletes 6 alerts, more than the budget of 5']);
  });

  it('refuses a plan that deletes every alert of a service, even one', () => {
    const result = evaluateDestroyBudget(parse([del(0, 'search'), keep(1, 'api'), del(2, 'api')]), 5);
    expect(result.wipedServices).toEqual([{ service: 'search', deleted: 1 }]);
    expect(result.reasons).toEqual(['the plan deletes every alert of service "search" (1)']);
  });

  it('does not count replacements or forgets as deletes', () => {
    const before = alert('R', 'api');
    const changes = parse([
      resourceChange({ address: 'signoz_rule.r', actions: ['delete', 'create'], before, after: before }),
      resourceChange({ address: 'signoz_rule.f', actions: ['forget'], before: alert('F', 'billing') }),
    ]);
    const result = evaluateDestroyBudget(changes, 0);
    expect(result.deletedAlerts).toEqual([]);
    expect(result.exceeded).toBe(false);
  });

  it('is enforced by the apply guard unless explicitly allowed', () => {
    const plan = parsePlanJson(JSON.stringify(planJson({ resourceChanges: [0, 1, 2].map((i) => del(i, 'api')) })), 'p');
    const expected = { fingerprint: planFingerprint(plan, undefined).fingerprint };
    const refused = applyGuard({ plan, expected, salt: undefined, maxAlertDeletes: 2, allowDestroy: false });
    expect(refused.ok).toBe(false);
    expect(refused.messages.join('\n')).toContain('REFUSED: destroy budget exceeded: the plan deletes 3 alerts, more than the budget of 2');
    expect(refused.messages.join('\n')).toContain('deletes signoz_rule.a0 "A0" (service api)');
    const allowed = applyGuard({ plan, expected, salt: undefined, maxAlertDeletes: 2, allowDestroy: true });
    expect(allowed.ok).toBe(true);
    expect(allowed.messages.join('\n')).toContain('allowed by override');
  });

  it('reads the override from the environment', () => {
    expect(destroyAllowedByEnv({ SIGNOZ_ALERTS_ALLOW_DESTROY: '1' })).toBe(true);
    expect(destroyAllowedByEnv({ SIGNOZ_ALERTS_ALLOW_DESTROY: 'TRUE' })).toBe(true);
    expect(destroyAllowedByEnv({ SIGNOZ_ALERTS_ALLOW_DESTROY: '0' })).toBe(false);
    expect(destroyAllowedByEnv({})).toBe(false);
  });
});
