import { AlertRule, MetricsQuery, type AlertRuleProps } from '../../constructs/alerts';
import { Construct, TerraformStack } from '../../constructs/engine';
import { Labels, NotificationChannel, RoutePolicy } from '../../constructs';
import { setEnvironment } from '../../constructs/stacks/environment';
import type { EnvironmentSettings } from '../../constructs/stacks/environment-settings';
import { newStack, onlyResource, readStackFile, resourcesOf, synth, thrownBy } from '../support/synth';

const cpu = (): AlertRuleProps => ({
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').spaceAggregation('max')],
  tiers: { critical: { target: 90, channels: ['pagerduty-oncall'] }, warning: { target: 80 } },
  channels: ['slack-alerts'],
  labels: { team: 'payments' },
});

/** Declares the channels these tests name (channels managed elsewhere), as the default checks ask. */
function declareChannels(stack: TerraformStack): void {
  for (const name of ['pagerduty-oncall', 'slack-alerts', 'slack-dev', 'incident-bot', 'team-email']) NotificationChannel.fromName(stack, `channel-${name}`, name);
}

function envStack(settings: EnvironmentSettings) {
  const { stack } = newStack(settings.name);
  declareChannels(stack);
  setEnvironment(stack, settings);
  const checkout = new Construct(stack, 'checkout');
  new AlertRule(checkout, 'HighCpu', cpu());
  return stack;
}

describe('environment settings', () => {
  it('labels every alert with the environment and its labels', () => {
    const rule = onlyResource(envStack({ name: 'prod', labels: { region: 'eu' } }), 'signoz_rule') as any;
    expect(rule.labels).toEqual({ team: 'payments', region: 'eu', env: 'prod' });
  });

  it('overrides one tier of one alert by construct path and keeps the rest', () => {
    const rule = onlyResource(envStack({ name: 'dev', alertOverrides: { 'checkout/HighCpu': { tiers: { critical: { target: 97 } } } } }), 'signoz_rule') as any;
    expect(rule.condition.thresholds.basic.spec.map((t: any) => [t.name, t.target])).toEqual([
      ['critical', 97],
      ['warning', 80],
    ]);
  });

  it('removes a tier set to null and matches alerts by name too', () => {
    const rule = onlyResource(envStack({ name: 'dev', alertOverrides: { 'Checkout CPU high': { tiers: { critical: null } } } }), 'signoz_rule') as any;
    expect(rule.condition.thresholds.basic.spec.map((t: any) => t.name)).toEqual(['warning']);
  });

  it('swaps channels by name in tiers and rule defaults', () => {
    const rule = onlyResource(envStack({ name: 'dev', channelOverrides: { 'pagerduty-oncall': 'slack-dev', 'slack-alerts': 'slack-dev' } }), 'signoz_rule') as any;
    expect(rule.condition.thresholds.basic.spec.map((t: any) => t.channels)).toEqual([['slack-dev'], ['slack-dev']]);
  });

  it('swaps channels by name in route policies, listing a channel two overrides now name once', () => {
    // GIVEN a dev environment that sends its pager and incident bot to Slack
    const { stack } = newStack('dev');
    declareChannels(stack);
    setEnvironment(stack, { name: 'dev', channelOverrides: { 'pagerduty-oncall': 'slack-dev', 'incident-bot': 'slack-dev' } });
    // WHEN a route policy names the pager, the bot and a channel the environment leaves alone
    new RoutePolicy(stack, 'critical', { name: 'critical', expression: Labels.severity.eq('critical'), channels: ['pagerduty-oncall', 'incident-bot', 'team-email'] });
    // THEN the policy sends where the environment says
    expect((onlyResource(stack, 'signoz_route_policy') as any).channels).toEqual(['slack-dev', 'team-email']);
  });

  it('applies one settings object the same way in a second app of the same process, and in every shard stack', () => {
    // GIVEN environment settings kept in a module constant, as apps and tests do
    const settings: EnvironmentSettings = { name: 'prod', labels: { region: 'eu' }, alertOverrides: { 'checkout/HighCpu': { tiers: { warning: { target: 85 } } } } };
    const synthOnce = () => {
      const { app, stack } = newStack('prod');
      declareChannels(stack);
      setEnvironment(stack, settings);
      new AlertRule(new Construct(stack, 'checkout'), 'HighCpu', cpu());
      const shard = new TerraformStack(app, 'prod-shard');
      setEnvironment(shard, settings);
      declareChannels(shard);
      new AlertRule(new Construct(shard, 'checkout'), 'HighCpu', { ...cpu(), name: 'Checkout CPU high (shard)' });
      app.synth();
      return [readStackFile(app, 'prod'), readStackFile(app, 'prod-shard')];
    };
    // WHEN two apps synthesize it one after the other
    const [first, firstShard] = synthOnce();
    const [second, secondShard] = synthOnce();
    // THEN both give the same files, each stack recording its environment
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(secondShard)).toBe(JSON.stringify(firstShard));
    for (const file of [first, firstShard]) expect((file as any)['//']['signoz-alerts'].environment).toBe('prod');
  });

  it('disables listed alerts', () => {
    const rule = onlyResource(envStack({ name: 'staging', disabledAlerts: ['checkout/HighCpu'] }), 'signoz_rule') as any;
    expect(rule.disabled).toBe(true);
  });

  it('leaves stacks without environment settings alone', () => {
    const { stack } = newStack();
    declareChannels(stack);
    new AlertRule(stack, 'HighCpu', cpu());
    expect((onlyResource(stack, 'signoz_rule') as any).labels).toEqual({ team: 'payments' });
  });

  it('fails synth for an override key that matches no alert', () => {
    const stack = envStack({ name: 'prod', disabledAlerts: ['checkout/HighCPU'] });
    expect(thrownBy(() => synth(stack)).message).toContain(
      'environment prod: "checkout/HighCPU" matches no alert (use the construct path below the stack, e.g. checkout/HighCpu, or the alert name)',
    );
  });

  it('reports invalid overrides through the alert props check, naming the field', () => {
    const error = thrownBy(() => envStack({ name: 'prod', alertOverrides: { 'checkout/HighCpu': { tiers: { warning: { target: Number.NaN } } } } }));
    expect(error.message).toContain('tiers.warning.target: must be a finite number');
  });

  it('rejects malformed settings', () => {
    const { stack } = newStack();
    expect(thrownBy(() => setEnvironment(stack, { name: 'Prod' })).message).toBe(
      "Invalid environment settings at 'test':\n  - name: must be lower-case letters, digits and '-', starting with a letter (at most 32), e.g. 'prod'",
    );
  });

  it('gives different environments different output from one definition', () => {
    const dev = resourcesOf(envStack({ name: 'dev', disabledAlerts: ['Checkout CPU high'] }), 'signoz_rule');
    const prod = resourcesOf(envStack({ name: 'prod' }), 'signoz_rule');
    expect(Object.keys(dev)).toEqual(Object.keys(prod));
    expect(Object.values(dev)[0]!.disabled).toBe(true);
    expect(Object.values(prod)[0]!.disabled).toBe(false);
  });
});
