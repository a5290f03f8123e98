import { defaultRules, definePolicyRule, PolicyPack, PolicyPackError, PolicyRuleDefinitionError, ruleIdFromFile } from '../../policies';
import { goodPayload, synthesizedStack } from './support/estate';

const TODAY = '2026-03-01';

describe('definePolicyRule', () => {
  it('makes an alert rule in a few lines', () => {
    const serviceLabel = definePolicyRule({
      id: 'acme/service-label',
      level: 'warning',
      description: 'Alerts name their service.',
      explanation: 'Dashboards group alerts by service.',
      check: (alert) => (alert.labels.service ? undefined : `${alert.payload.alert} has no service label`),
    });
    expect(serviceLabel.scope).toBe('alert');
    const stack = synthesizedStack({
      alerts: [
        {
          id: 'A',
          payload: goodPayload((p) => {
            delete p.labels!.service;
          }),
        },
      ],
    });
    const report = new PolicyPack({ rules: [...defaultRules, serviceLabel] }).run([stack], { today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.level, f.message])).toEqual([['acme/service-label', 'warning', 'Checkout CPU high has no service label']]);
    expect(report.pack).toBe('custom');
  });

  it('makes stack and environment rules with findings placed and keyed by the rule', () => {
    const maxAlerts = definePolicyRule({
      id: 'acme/max-alerts-per-stack',
      level: 'error',
      scope: 'stack',
      description: 'Stacks stay small.',
      explanation: 'Terraform apply time grows quadratically with state size.',
      check: (stack) => (stack.alerts.length > 1 ? { message: `${stack.alerts.length} alerts`, pointer: '/resource/signoz_rule', key: 'count' } : undefined),
    });
    const oneTeam = definePolicyRule({
      id: 'acme/one-team-per-environment',
      level: 'warning',
      scope: 'environment',
      description: 'One team per environment.',
      explanation: 'Example of an environment rule.',
      check: (env) => {
        const teams = new Set(env.alerts.map((a) => a.labels.team));
        return teams.size > 1 ? env.alerts.map((a) => ({ resource: a.resource, message: `team ${a.labels.team} shares ${env.name}` })) : [];
      },
    });
    const stack = synthesizedStack({
      alerts: [
        { id: 'A', payload: goodPayload() },
        {
          id: 'B',
          payload: goodPayload((p) => {
            p.alert = 'B';
            p.labels!.team = 'search';
          }),
        },
      ],
    });
    const report = new PolicyPack({ rules: [maxAlerts, oneTeam] }).run([stack], { today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.constructPath, f.key, f.message])).toEqual([
      ['acme/max-alerts-per-stack', 'prod', 'count', '2 alerts'],
      ['acme/one-team-per-environment', 'prod/A/Resource', undefined, 'team payments shares prod'],
      ['acme/one-team-per-environment', 'prod/B/Resource', undefined, 'team search shares prod'],
    ]);
  });

  it('says everything wrong with a definition at once', () => {
    expect(() => definePolicyRule({ id: 'No Spaces', level: 'fatal' as 'error', description: 'two\nlines', explanation: '', check: undefined as never })).toThrow(
      PolicyRuleDefinitionError,
    );
    expect(() => definePolicyRule({ id: 'No Spaces', level: 'fatal' as 'error', description: 'two\nlines', explanation: '', check: undefined as never })).toThrow(
      'Invalid policy rule "No Spaces":\n' +
        '  - id must be lowercase words joined by "-", optionally prefixed by "team/" (e.g. "acme/service-label")\n' +
        '  - level must be one of error, warning\n' +
        '  - description must be one non-empty line\n' +
        '  - explanation must not be empty\n' +
        '  - check must be a function (subject, context) => findings',
    );
  });

  it('refuses a pack with two rules of one ID, or a rule taking an engine check ID', () => {
    const rule = definePolicyRule({ id: 'suppression-unused', level: 'error', description: 'x.', explanation: 'x', check: () => undefined });
    expect(() => new PolicyPack({ rules: [defaultRules[0]!, defaultRules[0]!] })).toThrow(PolicyPackError);
    expect(() => new PolicyPack({ rules: [defaultRules[0]!, defaultRules[0]!] })).toThrow('rules[1]: id "severity-label" is used by another rule of the pack');
    expect(() => new PolicyPack({ rules: [rule] })).toThrow('id "suppression-unused" is reserved');
  });

  it('takes a built-in rule ID from its file name', () => {
    expect(ruleIdFromFile('/x/policies/rules/runbook-link.ts')).toBe('runbook-link');
    expect(ruleIdFromFile('/x/dist/policies/rules/runbook-link.js')).toBe('runbook-link');
  });
});
