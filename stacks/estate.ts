/**
 * The example alert estate: three services (checkout, payments, search) deployed to dev, staging
 * and prod from one definition, with per-environment differences kept as data.
 */
import { AlertEstate, Labels, MaintenanceSchedule, MaintenanceWindow, RoutePolicy, type EnvironmentSettings } from '../constructs';
import type { App } from '../constructs/engine';
import { estateChannels } from './channels';
import { serviceAlerts, type ServiceSpec } from './service-alerts';

export const SERVICES: readonly ServiceSpec[] = [
  { name: 'checkout', team: 'web-shop', latencyMs: { warning: 800, critical: 1500 } },
  { name: 'payments', team: 'payments', latencyMs: { warning: 400, critical: 1000 }, policyRouted: true },
  { name: 'search', team: 'discovery', latencyMs: { warning: 300, critical: 700 } },
];

const remoteState = { type: 's3', bucket: 'acme-signoz-tfstate', region: 'eu-west-1', useLockfile: true } as const;

export const ENVIRONMENTS: readonly EnvironmentSettings[] = [
  {
    name: 'dev',
    // Nobody is on call for dev: pages go to Slack (the no-paging-without-on-call policy proves it); latency is noisy on shared dev clusters.
    onCall: false,
    channelOverrides: { 'shop-oncall-pagerduty': 'shop-alerts-slack', 'shop-incident-bot': 'shop-alerts-slack' },
    disabledAlerts: ['search/latency-p99', 'checkout/latency-p99'],
    alertOverrides: { 'checkout/cpu': { tiers: { critical: { target: 0.97, recoveryTarget: 0.9 } } } },
  },
  {
    name: 'staging',
    backend: remoteState,
    onCall: false,
    channelOverrides: { 'shop-oncall-pagerduty': 'shop-alerts-slack' },
  },
  {
    name: 'prod',
    backend: remoteState,
    labels: { tier: 'production' },
    alertOverrides: { 'payments/latency-p99': { tiers: { critical: { target: 800 } } } },
  },
];

export function defineEstate(app: App): AlertEstate {
  const shop = new AlertEstate(app, { name: 'shop', environments: ENVIRONMENTS }, (estate) => {
    const channels = estateChannels(estate.shared);
    const alerts = SERVICES.flatMap((service) => serviceAlerts(estate, service, channels));

    // payments opts into policy routing: its error-rate alert carries no channels of its own.
    new RoutePolicy(estate.shared, 'payments-critical', {
      name: 'payments-critical',
      expression: Labels.service.eq('payments').and(Labels.severity.eq('critical')),
      channels: [channels.pager, channels.incidentBot, channels.slack],
      description: 'Critical payments alerts page on-call and open an incident',
    });
    new RoutePolicy(estate.shared, 'payments-other', {
      name: 'payments-other',
      expression: Labels.service.eq('payments').and(Labels.severity.ne('critical')),
      channels: [channels.slack],
      description: 'Every other payments alert goes to the team channel',
    });

    // Search re-indexes every Sunday night; its latency and no-data alerts are expected to fire.
    new MaintenanceWindow(estate.maintenance, 'search-reindex', {
      name: 'search-weekly-reindex',
      timezone: 'Europe/Berlin',
      schedule: MaintenanceSchedule.weekly({ start: '2026-01-04T02:00:00+01:00', duration: '2h', on: ['sunday'] }),
      alerts: alerts.filter((a) => a.alertName === 'search: p99 latency' || a.alertName === 'search: no telemetry'),
      description: 'Weekly search index rebuild',
    });
  });

  return shop;
}
