/** The notification channels of the example estate, one set per environment. */
import { NotificationChannel, Secret } from '../constructs';
import type { Construct } from '../constructs/engine';

export interface EstateChannels {
  /** Team alerts (warnings, dashboards). */
  readonly slack: NotificationChannel;
  /** The on-call pager: critical alerts. */
  readonly pager: NotificationChannel;
  /** The incident bot, which opens an incident ticket for every critical alert. */
  readonly incidentBot: NotificationChannel;
}

export function estateChannels(scope: Construct): EstateChannels {
  return {
    slack: NotificationChannel.slack(scope, 'team-slack', {
      name: 'shop-alerts-slack',
      webhookUrl: Secret.fromVariable(scope, 'shop_slack_webhook_url', { description: 'Slack incoming-webhook URL for #shop-alerts' }),
      channel: '#shop-alerts',
    }),
    pager: NotificationChannel.pagerDuty(scope, 'oncall-pager', {
      name: 'shop-oncall-pagerduty',
      routingKey: Secret.fromVariable(scope, 'shop_pagerduty_routing_key', { description: 'PagerDuty Events v2 routing key of the shop on-call service' }),
      clientUrl: 'https://signoz.example.com',
    }),
    incidentBot: NotificationChannel.webhook(scope, 'incident-bot', {
      name: 'shop-incident-bot',
      url: Secret.fromVariable(scope, 'shop_incident_bot_url', { description: 'URL of the incident bot webhook' }),
      auth: { type: 'bearer', token: Secret.fromVariable(scope, 'shop_incident_bot_token', { description: 'Bearer token of the incident bot' }) },
    }),
  };
}
