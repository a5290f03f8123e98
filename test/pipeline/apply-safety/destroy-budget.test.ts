import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPipelineConfig } from '../../../pipeline/config/pipeline-config';
import { applyGuard } from '../../../pipeline/apply-safety/apply-guard';
import { destroyAllowedByEnv, evaluateDestroyBudget } from '../../../pipeline/apply-safety/destroy-budget';
import { planFingerprint } from '../../../pipeline/apply-safety/plan-fingerprint';
import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { channelAttrs, planJson, resourceChange, signozRuleAttrs } from '../fixtures/plan-builders';

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
    expect(result.reasons).toEqual(['6 alerts deleted, more than the budget of 5 (maxAlertDeletes)']);
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
    expect(refused.messages.join('\n')).toContain('REFUSED: destroy budget exceeded: 3 alerts deleted, more than the budget of 2 (maxAlertDeletes)');
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

  describe('every destructive change, not only alert deletes', () => {
    const pagerDuty = (i: number) => channelAttrs({ name: `pd-${i}`, pagerduty_configs: [{ routing_key: `key-${i}-0123456789` }] });
    const route = (i: number) => ({ id: `r${i}`, name: `route-${i}`, expression: 'service == "api"', channels: [`pd-${i}`] });
    const critical = (i: number, disabled: boolean) => signozRuleAttrs({ alert: `C${i}`, tiers: [{ name: 'critical', target: 1 }], labels: { service: 'api' }, disabled });
    const warning = (i: number, disabled: boolean) => signozRuleAttrs({ alert: `W${i}`, tiers: [{ name: 'warning', target: 1 }], labels: { service: 'api' }, disabled });
    const range = (n: number) => Array.from({ length: n }, (_v, i) => i);
    const harmful = parse([
      ...range(10).map((i) => resourceChange({ address: `restapi_object.pd${i}`, actions: ['delete'], before: pagerDuty(i) })),
      ...range(10).map((i) => resourceChange({ address: `signoz_route_policy.r${i}`, actions: ['delete'], before: route(i) })),
      ...range(50).map((i) => resourceChange({ address: `signoz_rule.c${i}`, actions: ['update'], before: critical(i, false), after: critical(i, true) })),
    ]);

    it('counts deleted channels and route policies and disabled critical alerts, and refuses the plan the issue describes', () => {
      // GIVEN 10 PagerDuty channels and 10 route policies deleted, 50 critical alerts disabled, no alert deleted
      const result = evaluateDestroyBudget(harmful);
      // THEN each kind is counted against its own budget
      expect(result.tallies.map((t) => [t.kind, t.count, t.exceeded])).toEqual([
        ['alertDeletes', 0, false],
        ['channelDestroys', 10, true],
        ['routeDestroys', 10, true],
        ['windowDestroys', 0, false],
        ['criticalAlertsDisabled', 50, true],
      ]);
      expect(result.exceeded).toBe(true);
      expect(result.reasons).toEqual([
        '10 notification channels deleted or replaced, more than the budget of 1 (maxChannelDestroys)',
        '10 route policies deleted or replaced, more than the budget of 1 (maxRouteDestroys)',
        '50 critical alerts disabled, more than the budget of 1 (maxCriticalAlertsDisabled)',
      ]);
      expect(result.counted.find((c) => c.address === 'restapi_object.pd3')).toEqual({ kind: 'channelDestroys', address: 'restapi_object.pd3', action: 'delete', name: 'pd-3' });
    });

    it('makes the apply guard refuse it, saying what was counted', () => {
      const plan = parsePlanJson(JSON.stringify(planJson({ resourceChanges: harmful as never })), 'p');
      const expected = { fingerprint: planFingerprint(plan, undefined).fingerprint };
      const refused = applyGuard({ plan, expected, salt: undefined, maxAlertDeletes: 5, allowDestroy: false });
      expect(refused.ok).toBe(false);
      const text = refused.messages.join('\n');
      expect(text).not.toContain('ok: 0 alert');
      expect(text).toContain(
        'Counted: 0 alerts deleted (budget 5), 10 notification channels deleted or replaced (budget 1), 10 route policies deleted or replaced (budget 1), 0 maintenance windows deleted or replaced (budget 5), 50 critical alerts disabled (budget 1).',
      );
      expect(text).toContain('deletes restapi_object.pd0 "pd-0"');
      expect(text).toContain('disables signoz_rule.c0 "C0"');
    });

    it('counts replaced channels, routes and windows, but not updates, forgets, warning alerts disabled or critical alerts enabled', () => {
      const window = { id: 'w', name: 'nightly', schedule: { timezone: 'UTC' } };
      const result = evaluateDestroyBudget(
        parse([
          resourceChange({ address: 'restapi_object.pd', actions: ['delete', 'create'], before: pagerDuty(1), after: pagerDuty(2) }),
          resourceChange({ address: 'signoz_route_policy.r', actions: ['create', 'delete'], before: route(1), after: route(2) }),
          resourceChange({ address: 'signoz_planned_maintenance.w', actions: ['delete'], before: window }),
          resourceChange({ address: 'signoz_planned_maintenance.u', actions: ['update'], before: window, after: { ...window, name: 'weekly' } }),
          resourceChange({ address: 'restapi_object.kept', actions: ['forget'], before: pagerDuty(3) }),
          resourceChange({ address: 'signoz_rule.w', actions: ['update'], before: warning(1, false), after: warning(1, true) }),
          resourceChange({ address: 'signoz_rule.c', actions: ['update'], before: critical(1, true), after: critical(1, false) }),
        ]),
        { channelDestroys: 0, routeDestroys: 0, windowDestroys: 0, criticalAlertsDisabled: 0 },
      );
      expect(result.counted.map((c) => `${c.action} ${c.address}`)).toEqual(['replace restapi_object.pd', 'replace signoz_route_policy.r', 'delete signoz_planned_maintenance.w']);
      expect(result.reasons).toHaveLength(3);
    });

    it('reads every budget from signoz-alerts.pipeline.json', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-config-'));
      fs.writeFileSync(path.join(dir, 'signoz-alerts.pipeline.json'), JSON.stringify({ maxChannelDestroys: 10, maxRouteDestroys: 10, maxCriticalAlertsDisabled: 50 }));
      const config = loadPipelineConfig(dir);
      expect(config.destroyBudgets).toEqual({ alertDeletes: 5, channelDestroys: 10, routeDestroys: 10, windowDestroys: 5, criticalAlertsDisabled: 50 });
      expect(evaluateDestroyBudget(harmful, config.destroyBudgets).exceeded).toBe(false);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
