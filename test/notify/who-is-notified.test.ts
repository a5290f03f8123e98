import * as path from 'node:path';
import {
  diffRouting,
  notificationSetupsOf,
  readNotificationSetups,
  routingChangeLines,
  routingTable,
  RouteQueryError,
  whoIsNotified,
  type NotificationSetup,
  type TierNotification,
} from '../../constructs/notify';
import { channelPages } from '../../constructs/notify/notification-setup';
import { tempDir } from '../support/temp-dir';
import { synthEstate, type EstateVariant } from './routing-estate';

const synthesized = (variant: EstateVariant = {}): NotificationSetup[] => {
  const outdir = path.join(tempDir('route-'), 'cdktf.out');
  synthEstate(outdir, variant);
  return readNotificationSetups(outdir);
};

const one = (answers: TierNotification[], environment: string, alert: string, tier: string): TierNotification => {
  const found = answers.filter((a) => a.environment === environment && a.alert === alert && a.tier === tier);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const names = (answer: TierNotification): string[] => answer.channels.map((c) => c.name).sort();

describe('who is notified', () => {
  const setups = synthesized();
  // A Monday afternoon in Berlin: no window is open.
  const weekday = new Date('2026-03-23T15:00:00+01:00');

  it('reads each stack with its environment, channels, route policies and windows', () => {
    expect(setups.map((s) => [s.stack, s.environment.name, s.environment.basis])).toEqual([
      ['alerts-dev', 'dev', 'stack metadata'],
      ['alerts-prod', 'prod', 'stack metadata'],
    ]);
    const prod = setups.find((s) => s.environment.name === 'prod')!;
    expect(prod.routePolicies.map((p) => p.name)).toEqual(['checkout-all', 'checkout-pager']);
    expect(prod.maintenanceWindows.map((w) => [w.name, w.schedule.timezone, w.schedule.recurrence?.repeatType])).toEqual([
      ['quiet-warnings', 'America/New_York', 'daily'],
      ['sunday-deploy', 'Europe/Berlin', 'weekly'],
    ]);
  });

  it('usePolicy false: a tier notifies its own channels, and a PagerDuty channel pages', () => {
    const answers = whoIsNotified(setups, { at: weekday, environment: 'prod', alert: 'Payments errors' });
    const critical = one(answers, 'prod', 'Payments errors', 'critical');
    expect(critical).toMatchObject({ routing: 'tier channels', notified: 'yes', paged: 'yes', mutedBy: [] });
    expect(critical.channels).toEqual([{ name: 'payments-pager', kind: 'pagerduty', pages: true, reached: 'yes', via: ['tier "critical"'] }]);
    const warning = one(answers, 'prod', 'Payments errors', 'warning');
    expect(warning).toMatchObject({ notified: 'yes', paged: 'no' });
    expect(names(warning)).toEqual(['slack-payments']);
  });

  it('usePolicy true: every matching route policy adds its channels, the tier channels are ignored', () => {
    const answers = whoIsNotified(setups, { at: weekday, environment: 'prod', alert: 'Checkout latency' });
    const critical = one(answers, 'prod', 'Checkout latency', 'critical');
    expect(critical.routing).toBe('route policies');
    expect(critical.policies.map((p) => [p.name, p.match])).toEqual([
      ['checkout-all', 'yes'],
      ['checkout-pager', 'yes'],
    ]);
    expect(names(critical)).toEqual(['payments-pager', 'slack-payments']);
    expect(critical.paged).toBe('yes');
    // severity is the tier name lower-cased: the pager policy does not match warnings
    const warning = one(answers, 'prod', 'Checkout latency', 'warning');
    expect(warning.policies.find((p) => p.name === 'checkout-pager')!.match).toBe('no');
    expect(warning).toMatchObject({ notified: 'yes', paged: 'no' });
  });

  it('usePolicy true with no matching policy notifies nobody (SigNoz has no fallback receiver)', () => {
    const [batch] = whoIsNotified(setups, { at: weekday, environment: 'prod', alert: 'Batch lag' });
    expect(batch).toMatchObject({ routing: 'route policies', channels: [], notified: 'no', paged: 'no' });
  });

  it("applies the dev environment's channel overrides to tiers and route policies", () => {
    const answers = whoIsNotified(setups, { at: weekday, environment: 'dev' });
    expect(names(one(answers, 'dev', 'Payments errors', 'critical'))).toEqual(['slack-dev']);
    expect(names(one(answers, 'dev', 'Checkout latency', 'critical'))).toEqual(['slack-dev', 'slack-payments']);
    expect(answers.every((a) => a.paged === 'no')).toBe(true);
  });

  it('mutes with a weekly Berlin window that moves to 03:30 on the daylight-saving night', () => {
    const at = (iso: string) =>
      one(whoIsNotified(setups, { at: new Date(iso), environment: 'prod', alert: 'Payments errors', tier: 'critical' }), 'prod', 'Payments errors', 'critical');
    // an ordinary Sunday: 02:30-03:30 CET
    expect(at('2026-03-22T02:45:00+01:00').mutedBy.map((w) => w.name)).toEqual(['sunday-deploy']);
    expect(at('2026-03-22T02:45:00+01:00')).toMatchObject({ notified: 'no', paged: 'no' });
    // 2026-03-29: 02:30 does not exist in Berlin; the occurrence runs 03:30-04:30 CEST
    expect(at('2026-03-29T03:15:00+02:00')).toMatchObject({ mutedBy: [], paged: 'yes' });
    const muted = at('2026-03-29T04:15:00+02:00');
    expect(muted.mutedBy).toEqual([
      { name: 'sunday-deploy', mutes: 'yes', because: 'names this rule', from: Date.parse('2026-03-29T03:30:00+02:00'), to: Date.parse('2026-03-29T04:30:00+02:00') },
    ]);
    expect(at('2026-03-29T04:30:00+02:00').paged).toBe('no'); // the end is inclusive
    expect(at('2026-03-29T04:31:00+02:00').paged).toBe('yes');
  });

  it('a window scoped by an expression mutes only the alerts whose labels match, in its own time zone', () => {
    // 22:30 in New York (EDT) is 04:30 in Berlin (CEST) on Tuesday 2026-03-31
    const answers = whoIsNotified(setups, { at: new Date('2026-03-30T22:30:00-04:00'), environment: 'prod', alert: 'Payments errors' });
    expect(one(answers, 'prod', 'Payments errors', 'warning')).toMatchObject({ notified: 'no', mutedBy: [{ name: 'quiet-warnings', because: 'every alert' }] });
    expect(one(answers, 'prod', 'Payments errors', 'critical')).toMatchObject({ notified: 'yes', mutedBy: [] });
  });

  it('says which labels are missing for a decision: an unknown run-time label makes a policy "maybe"', () => {
    const setupsWithRuleId = synthesized({ checkoutPagerExpression: 'service == "checkout" && ruleId == "42"' });
    const [critical] = whoIsNotified(setupsWithRuleId, { at: weekday, environment: 'prod', alert: 'Checkout latency', tier: 'critical' });
    expect(critical!.policies.find((p) => p.name === 'checkout-pager')!.match).toBe('maybe');
    expect(critical!.paged).toBe('maybe');
    const [known] = whoIsNotified(setupsWithRuleId, { at: weekday, environment: 'prod', alert: 'Checkout latency', tier: 'critical', ruleId: '42' });
    expect(known!.paged).toBe('yes');
  });

  it('answers from the estate in code as from its synth output', () => {
    const outdir = path.join(tempDir('route-'), 'cdktf.out');
    const fromCode = notificationSetupsOf(synthEstate(outdir));
    const strip = (answers: TierNotification[]) => answers.map(({ stack: _stack, ...rest }) => rest);
    expect(strip(whoIsNotified(fromCode, { at: weekday }))).toEqual(strip(whoIsNotified(setups, { at: weekday })));
  });

  it('refuses a question about what the estate does not have, naming what it has', () => {
    expect(() => whoIsNotified(setups, { at: weekday, environment: 'staging' })).toThrow(RouteQueryError);
    expect(() => whoIsNotified(setups, { at: weekday, environment: 'staging' })).toThrow('environments: "dev", "prod"');
    expect(() => whoIsNotified(setups, { at: weekday, alert: 'Nope' })).toThrow(
      'alert "Nope" is not in the synthesized stacks; alerts: "Batch lag", "Checkout latency", "Payments errors", "Queue depth"',
    );
    expect(() => whoIsNotified(setups, { at: weekday, alert: 'Queue depth', tier: 'critical' })).toThrow('tier "critical" is not a tier of the selected alerts; tiers: "warning"');
  });
});

describe('the routing table over a week', () => {
  const setups = synthesized();
  const from = new Date('2026-03-23T00:00:00+01:00');
  const table = routingTable(setups, { from });

  it('covers the week with stretches of equal answers, per environment, alert and tier', () => {
    expect(table.to - table.from).toBe(7 * 24 * 3600 * 1000);
    const prod = table.environments.find((e) => e.name === 'prod')!;
    const critical = prod.rows.find((r) => r.alert === 'Payments errors' && r.tier === 'critical')!;
    expect(critical.segments.map((s) => [new Date(s.from).toISOString(), s.paged, s.mutedBy])).toEqual([
      ['2026-03-22T23:00:00.000Z', 'yes', []],
      ['2026-03-29T01:30:00.000Z', 'no', ['sunday-deploy']],
      ['2026-03-29T02:30:00.001Z', 'yes', []],
    ]);
    for (const row of prod.rows) {
      expect(row.segments[0]!.from).toBe(table.from);
      expect(row.segments.at(-1)!.to).toBe(table.to);
      row.segments.slice(1).forEach((s, i) => expect(s.from).toBe(row.segments[i]!.to));
    }
  });

  it('flags alerts that can never notify anyone and those that can never page', () => {
    const flags = Object.fromEntries(table.environments.map((e) => [e.name, e.flags.map((f) => `${f.alert}: ${f.flag}`)]));
    expect(flags).toEqual({
      dev: ['Batch lag: never-notifies', 'Checkout latency: never-pages', 'Payments errors: never-pages', 'Queue depth: never-pages'],
      prod: ['Batch lag: never-notifies', 'Queue depth: never-pages'],
    });
  });
});

describe('the routing difference between two synth outputs', () => {
  it('names the tiers and stretches where the answer changes', () => {
    const from = new Date('2026-03-23T00:00:00+01:00');
    const base = routingTable(synthesized(), { from });
    const head = routingTable(synthesized({ paymentsCriticalChannels: ['slack-payments'] }), { from });
    const changes = diffRouting(base, head);
    expect(changes.map((c) => [c.environment, c.alert, c.tier, c.kind])).toEqual([
      ['dev', 'Payments errors', 'critical', 'changed'],
      ['prod', 'Payments errors', 'critical', 'changed'],
    ]);
    expect(routingChangeLines(changes, base, 'Europe/Berlin')).toEqual([
      // the week holds 168 hours; the Sunday window mutes one of them on both sides
      'dev "Payments errors" critical, 2 stretches, 167h in all, from 2026-03-23 00:00 to 2026-03-29 03:30 (Europe/Berlin): slack-dev only before, slack-payments only after',
      'prod "Payments errors" critical, 2 stretches, 167h in all, from 2026-03-23 00:00 to 2026-03-29 03:30 (Europe/Berlin): paged (payments-pager) before, slack-payments only after',
    ]);
    expect(diffRouting(base, base)).toEqual([]);
  });
});

describe('which channels page', () => {
  it('PagerDuty, Opsgenie, VictorOps and incident.io page; chat, mail, ticket and push kinds only post', () => {
    const pages = (kind: string): boolean => channelPages({ name: 'team-alerts', kind });
    expect(['pagerduty', 'opsgenie', 'victorops', 'incidentio'].filter(pages)).toEqual(['pagerduty', 'opsgenie', 'victorops', 'incidentio']);
    expect(['slack', 'discord', 'email', 'jira', 'telegram', 'webhook', 'msteamsv2'].filter(pages)).toEqual([]);
  });

  it('judges a channel of unknown kind by its name', () => {
    expect(channelPages({ name: 'team-pager' })).toBe(true);
    expect(channelPages({ name: 'homepage-alerts' })).toBe(false);
  });
});
