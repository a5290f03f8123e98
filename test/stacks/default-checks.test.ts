import * as fs from 'node:fs';
import { AlertRule, MetricsQuery, setRuleTarget, type AlertRuleProps } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { TerraformStack, Testing, type App } from '../../constructs/engine';
import { AlertEstate } from '../../constructs/estate';
import { RoutePolicy } from '../../constructs/routing/route-policy';
import { AlertStack, type AlertStackProps } from '../../constructs/stacks/alert-stack';
import { SynthError } from '../../constructs/stacks/atomic-synth';
import { thrownBy } from '../support/synth';

const alert = (name: string, extra: Partial<AlertRuleProps> = {}): AlertRuleProps => ({
  name,
  queries: [new MetricsQuery('A', 'system.cpu.utilization').spaceAggregation('max')],
  tiers: { critical: { target: 90, channels: ['ops-slack'] } },
  ...extra,
});

function stackWithSlack(app: App, id = 'prod', checks?: AlertStackProps['checks']): AlertStack {
  const stack = new AlertStack(app, id, { environment: { name: 'prod' }, ...(checks !== undefined ? { checks } : {}) });
  NotificationChannel.fromName(stack, 'slack', 'ops-slack', 'slack');
  return stack;
}

/** The problem lines of a refused synth. */
function problemsOf(app: App): string[] {
  const error = thrownBy(() => app.synth());
  expect(error).toBeInstanceOf(SynthError);
  return (error as SynthError).problems.map((p) => p.message);
}

describe('AlertStack default checks', () => {
  it('refuses a channel no stack of the environment declares, in an alert tier and a route policy, with a did-you-mean', () => {
    // GIVEN an app that never asked for checks, with two channel typos
    const app = Testing.app();
    const stack = stackWithSlack(app);
    new AlertRule(stack, 'Cpu', alert('CPU high', { tiers: { critical: { target: 90, channels: ['ops-slak'] } } }));
    new RoutePolicy(stack, 'Route', { name: 'all', expression: 'service == "x"', channels: ['pagerduty-oncall'] });
    // WHEN it synthesizes
    const problems = problemsOf(app);
    // THEN each mistake is one line naming the construct, the field as written and the fix
    expect(problems).toEqual([
      `[prod] [channel-references] 'prod/Cpu' tiers.critical.channels: names channel "ops-slak", which no stack of environment "prod" declares or imports (did you mean "ops-slack"?); declare it with NotificationChannel, or use NotificationChannel.fromName(scope, id, 'ops-slak') for a channel managed elsewhere`,
      `[prod] [channel-references] 'prod/Route' channels: names channel "pagerduty-oncall", which no stack of environment "prod" declares or imports; declare it with NotificationChannel, or use NotificationChannel.fromName(scope, id, 'pagerduty-oncall') for a channel managed elsewhere`,
    ]);
    // AND nothing is left that Terraform would apply
    expect(fs.existsSync(app.outdir)).toBe(false);
  });

  it("checks alerts in a plain TerraformStack too, the stack being their environment (the README's first example)", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'prod');
    new AlertRule(stack, 'CheckoutCpu', alert('Checkout CPU high', { tiers: { critical: { target: 0.9, channels: ['pagerduty-oncall'] } }, channels: ['slack-alerts'] }));
    expect(problemsOf(app).map((p) => p.replace(/, which .*/, ''))).toEqual([
      `[prod] [channel-references] 'prod/CheckoutCpu' tiers.critical.channels: names channel "pagerduty-oncall"`,
    ]);
  });

  it('counts channels declared in any stack of the same environment (a sharded estate)', () => {
    const app = Testing.app();
    new AlertEstate(app, { environments: [{ name: 'prod' }], sharding: { by: 'team' } }, (estate) => {
      NotificationChannel.fromName(estate.shared, 'slack', 'ops-slack', 'slack');
      estate.alert('cpu', alert('CPU high', { labels: { team: 'web' } }));
    });
    expect(() => app.synth()).not.toThrow();
  });

  it('refuses one alert name used twice in an environment, across stacks, ignoring case', () => {
    const app = Testing.app();
    const a = stackWithSlack(app, 'prod-a');
    const b = stackWithSlack(app, 'prod-b');
    NotificationChannel.fromName(b, 'slack2', 'ops-slack', 'slack');
    new AlertRule(a, 'Cpu', alert('CPU high'));
    new AlertRule(b, 'Cpu', alert('cpu HIGH '));
    expect(problemsOf(app)).toEqual([
      '[prod-a] [unique-alert-names] \'prod-a/Cpu\' name: "CPU high" is used 2 times in environment "prod" (also by prod-b/Cpu); give each alert its own name',
    ]);
  });

  it('refuses a literal Slack webhook URL in an annotation without printing it', () => {
    const app = Testing.app();
    const stack = stackWithSlack(app);
    const url = 'https://hooks.slack.com/services/T0000000/B0000000/abcdefghijklmnopqrstuvwx';
    new AlertRule(stack, 'Cpu', alert('CPU high', { description: `escalate via ${url}` }));
    const problems = problemsOf(app);
    expect(problems).toEqual([expect.stringContaining("[no-literal-secrets] 'prod/Cpu' annotations.description: holds a Slack webhook URL")]);
    expect(problems.join('\n')).not.toContain('abcdefghijklmnop');
  });

  it('opts out explicitly: checks: false, or a named list to skip', () => {
    const typo = (checks: AlertStackProps['checks']): App => {
      const app = Testing.app();
      const stack = stackWithSlack(app, 'prod', checks);
      new AlertRule(stack, 'Cpu', alert('CPU high', { tiers: { critical: { target: 90, channels: ['elsewhere'] } } }));
      return app;
    };
    expect(() => typo(false).synth()).not.toThrow();
    expect(() => typo({ skip: ['channel-references'] }).synth()).not.toThrow();
    expect(() => typo({ skip: ['unique-alert-names'] }).synth()).toThrow(/channel-references/);
    expect(thrownBy(() => typo({ skip: ['channel-refs' as never] })).message).toContain(
      'checks.skip[0]: must be one of "channel-references", "unique-alert-names", "no-literal-secrets"',
    );
  });
});

describe('mistakes refused when made', () => {
  it('refuses a channel listed twice as written, but not two channels an environment maps to one', () => {
    const app = Testing.app();
    const stack = stackWithSlack(app);
    expect(thrownBy(() => new AlertRule(stack, 'Twice', alert('Twice', { tiers: { critical: { target: 1, channels: ['ops-slack', 'ops-slack'] } } }))).message).toBe(
      ["Invalid AlertRule at 'prod/Twice':", '  - tiers.critical.channels: lists channel "ops-slack" twice; list each channel once'].join('\n'),
    );
    const dev = new AlertStack(app, 'dev', { environment: { name: 'dev', channelOverrides: { pager: 'ops-slack', bot: 'ops-slack' } } });
    NotificationChannel.fromName(dev, 'slack', 'ops-slack', 'slack');
    const rule = new AlertRule(dev, 'Mapped', alert('Mapped', { tiers: { critical: { target: 1, channels: ['pager', 'bot'] } } }));
    expect(rule.payload.condition.thresholds.spec[0]!.channels).toEqual(['ops-slack']);
  });

  it('refuses setRuleTarget() once a rule under the scope exists, instead of splitting the stack between two resource types', () => {
    const app = Testing.app();
    const stack = stackWithSlack(app);
    new AlertRule(stack, 'Cpu', alert('CPU high'));
    expect(thrownBy(() => setRuleTarget(stack, 'signoz_alert')).message).toBe(
      [
        "Invalid setRuleTarget at 'prod':",
        "  - target: called after 1 alert rule(s) were added (first: 'prod/Cpu'); call setRuleTarget(scope, 'signoz_alert') before adding any alert rule to the scope",
      ].join('\n'),
    );
    const fresh = stackWithSlack(Testing.app());
    setRuleTarget(fresh, 'signoz_alert');
    expect(new AlertRule(fresh, 'Cpu', alert('CPU high')).target).toBe('signoz_alert');
  });
});
