/**
 * A small estate for routing questions: one prod and one dev stack (dev swaps the pager for a
 * Slack channel), tiers routed by their own channels and by overlapping route policies, and
 * maintenance windows in two time zones, one of them on Berlin's 2026 daylight-saving night.
 */
import * as path from 'node:path';
import { AlertRule, MetricsQuery, type AlertRuleProps } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { App, LocalBackend, TerraformStack, type TerraformStack as Stack } from '../../constructs/engine';
import { MaintenanceSchedule } from '../../constructs/maintenance/maintenance-schedule';
import { MaintenanceWindow } from '../../constructs/maintenance/maintenance-window';
import { RoutePolicy } from '../../constructs/routing/route-policy';
import { setEnvironment } from '../../constructs/stacks/environment';

export interface EstateVariant {
  /** The route policy that pages for checkout criticals (head may narrow it). @default 'service == "checkout" && severity == "critical"' */
  readonly checkoutPagerExpression?: string;
  /** Payments critical tier channels. @default ['payments-pager'] */
  readonly paymentsCriticalChannels?: readonly string[];
}

const rule = (name: string, extra: Partial<AlertRuleProps>): AlertRuleProps => ({
  name,
  queries: [new MetricsQuery('A', 'http.server.errors').timeAggregation('rate').spaceAggregation('sum')],
  tiers: { critical: { target: 10 }, warning: { target: 5 } },
  channels: ['slack-payments'],
  ...extra,
});

function fill(stack: Stack, variant: EstateVariant): void {
  NotificationChannel.fromName(stack, 'pager', 'payments-pager', 'pagerduty');
  NotificationChannel.fromName(stack, 'slack', 'slack-payments', 'slack');
  NotificationChannel.fromName(stack, 'slack-dev', 'slack-dev', 'slack');
  const payments = new AlertRule(
    stack,
    'PaymentsErrors',
    rule('Payments errors', {
      labels: { service: 'payments' },
      tiers: { critical: { target: 10, channels: [...(variant.paymentsCriticalChannels ?? ['payments-pager'])] }, warning: { target: 5 } },
    }),
  );
  new AlertRule(stack, 'CheckoutLatency', rule('Checkout latency', { labels: { service: 'checkout' }, routing: 'policy' }));
  new AlertRule(stack, 'BatchLag', rule('Batch lag', { labels: { service: 'batch' }, routing: 'policy', tiers: { warning: { target: 5 } } }));
  new AlertRule(stack, 'QueueDepth', rule('Queue depth', { labels: { service: 'queue' }, tiers: { warning: { target: 5 } } }));
  new RoutePolicy(stack, 'CheckoutPager', {
    name: 'checkout-pager',
    expression: variant.checkoutPagerExpression ?? 'service == "checkout" && severity == "critical"',
    channels: ['payments-pager'],
  });
  new RoutePolicy(stack, 'CheckoutAll', { name: 'checkout-all', expression: 'service == "checkout"', channels: ['slack-payments'] });
  // Sundays 02:30 Berlin for 1h: on 2026-03-29 02:30 does not exist, the occurrence runs 03:30-04:30 CEST.
  new MaintenanceWindow(stack, 'SundayDeploy', {
    name: 'sunday-deploy',
    timezone: 'Europe/Berlin',
    schedule: MaintenanceSchedule.weekly({ start: '2026-01-04T02:30:00+01:00', duration: '1h', on: ['sunday'] }),
    alerts: [payments],
  });
  // Every night 22:00-00:00 New York, warnings of every alert.
  new MaintenanceWindow(stack, 'QuietWarnings', {
    name: 'quiet-warnings',
    timezone: 'America/New_York',
    schedule: MaintenanceSchedule.daily({ start: '2026-01-01T22:00:00-05:00', duration: '2h' }),
    scope: 'severity == "warning"',
  });
}

/** Synthesizes the estate into `outdir` (a cdktf.out folder) and returns the app's stacks. */
export function synthEstate(outdir: string, variant: EstateVariant = {}): TerraformStack[] {
  const app = new App({ outdir, stackTraces: false });
  const stacks = (['prod', 'dev'] as const).map((env) => {
    const stack = new TerraformStack(app, `alerts-${env}`);
    new LocalBackend(stack, { path: path.join(outdir, '..', `${env}.tfstate`) });
    setEnvironment(stack, env === 'dev' ? { name: 'dev', channelOverrides: { 'payments-pager': 'slack-dev' } } : { name: 'prod' });
    fill(stack, variant);
    return stack;
  });
  app.synth();
  return stacks;
}
