/**
 * A second estate for routing questions, built in code: overlapping route policies, rules with
 * no-data alerting (by tier channels and by route policies), three tiers for inhibition, and
 * maintenance windows in New York and Berlin across both zones' 2026 daylight-saving changes
 * (US 2026-03-08 and 2026-11-01, EU 2026-03-29 and 2026-10-25), a monthly window on day 31 and a
 * window whose `until` cuts a running occurrence.
 */
import { AlertRule, MetricsQuery, type AlertRuleProps } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { TerraformStack, type App } from '../../constructs/engine';
import { MaintenanceSchedule } from '../../constructs/maintenance/maintenance-schedule';
import { MaintenanceWindow } from '../../constructs/maintenance/maintenance-window';
import { RoutePolicy } from '../../constructs/routing/route-policy';
import { setEnvironment } from '../../constructs/stacks/environment';

const rule = (name: string, extra: Partial<AlertRuleProps>): AlertRuleProps => ({
  name,
  queries: [new MetricsQuery('A', 'http.server.errors').timeAggregation('rate').spaceAggregation('sum')],
  tiers: { critical: { target: 10 }, warning: { target: 5 } },
  channels: ['team-slack'],
  ...extra,
});

/** The estate's one stack (environment prod) in `app`; `app.synth()` writes it. */
export function dstEstate(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'alerts-prod');
  setEnvironment(stack, { name: 'prod' });
  NotificationChannel.fromName(stack, 'pager', 'ops-pager', 'pagerduty');
  NotificationChannel.fromName(stack, 'slack', 'team-slack', 'slack');
  NotificationChannel.fromName(stack, 'email', 'ops-email', 'email');
  // usePolicy false, three tiers (targets 50 > 10 > 5, above): critical inhibits warning, warning inhibits info
  const api = new AlertRule(
    stack,
    'ApiErrors',
    rule('API errors', {
      labels: { service: 'api' },
      tiers: { warning: { target: 10, channels: ['team-slack'] }, critical: { target: 50, channels: ['ops-pager'] }, info: { target: 5, channels: ['ops-email'] } },
      absentFor: '15m',
    }),
  );
  // usePolicy true with a no-data alert: route policies see nodata="true" and no severity
  new AlertRule(stack, 'Ingest', rule('Ingest rate', { labels: { service: 'ingest' }, routing: 'policy', absentFor: '10m' }));
  // a "below" rule: the lowest target is the most extreme
  new AlertRule(
    stack,
    'Disk',
    rule('Disk free', { labels: { service: 'disk' }, op: 'below', tiers: { critical: { target: 5, channels: ['ops-pager'] }, warning: { target: 20 } } }),
  );
  // overlapping policies: both match ingest criticals and both add team-slack
  new RoutePolicy(stack, 'IngestAll', { name: 'ingest-all', expression: 'service == "ingest"', channels: ['team-slack'] });
  new RoutePolicy(stack, 'Criticals', { name: 'criticals', expression: 'severity == "critical"', channels: ['ops-pager', 'team-slack'] });
  new RoutePolicy(stack, 'NoData', { name: 'no-data', expression: 'nodata == "true"', channels: ['ops-email'] });
  // New York: Sundays 02:30 for 2h; on 2026-03-08 02:30 does not exist and Go places it at 01:30 EST
  new MaintenanceWindow(stack, 'NySunday', {
    name: 'ny-sunday',
    timezone: 'America/New_York',
    schedule: MaintenanceSchedule.weekly({ start: '2026-01-04T02:30:00-05:00', duration: '2h', on: ['sunday'] }),
    alerts: [api],
  });
  // Berlin: Sundays 02:30 for 2h; on 2026-03-29 it starts at 03:30 CEST
  new MaintenanceWindow(stack, 'BerlinSunday', {
    name: 'berlin-sunday',
    timezone: 'Europe/Berlin',
    schedule: MaintenanceSchedule.weekly({ start: '2026-01-04T02:30:00+01:00', duration: '2h', on: ['sunday'] }),
    scope: 'service == "ingest"',
  });
  // Monthly on the 31st, 22:00 Berlin, 1h, for disk alerts
  new MaintenanceWindow(stack, 'MonthEnd', {
    name: 'month-end',
    timezone: 'Europe/Berlin',
    schedule: MaintenanceSchedule.monthly({ start: '2026-01-31T22:00:00+01:00', duration: '1h' }),
    scope: 'service == "disk"',
  });
  // Nightly 23:00-03:00 Berlin for disk alerts, until 2026-06-02 01:00: the last night is cut short
  new MaintenanceWindow(stack, 'Nightly', {
    name: 'nightly-until',
    timezone: 'Europe/Berlin',
    schedule: MaintenanceSchedule.daily({ start: '2026-05-01T23:00:00+02:00', duration: '4h', until: '2026-06-02T01:00:00+02:00' }),
    scope: 'service == "disk"',
  });
  return stack;
}
