/**
 * The alert estate: one definition deployed to every environment. Each environment is one
 * AlertStack (one Terraform state); alerts name channels, and every channel they name must be
 * declared in the environment (AlertStack checks this at synth).
 */
import type { App } from 'cdktf';
import { AlertRule, AlertStack, MetricsQuery, NotificationChannel, Secret, type EnvironmentSettings } from 'cdktf-signoz-alerts';

/** Where prod keeps its Terraform state, with locking: replace the bucket and region with yours. */
const PROD_STATE = { type: 's3', bucket: 'my-signoz-alerts-tfstate', region: 'eu-west-1', useLockfile: true } as const;

export const ENVIRONMENTS: readonly EnvironmentSettings[] = [
  // Nobody is on call for dev: its critical alerts go to Slack instead of the pager. Local state.
  { name: 'dev', onCall: false, channelOverrides: { 'oncall-pagerduty': 'team-alerts-slack' }, labels: { env: 'dev' } },
  { name: 'prod', backend: PROD_STATE, labels: { env: 'prod' } },
];

export function defineEstate(app: App): AlertStack[] {
  return ENVIRONMENTS.map((environment) => {
    const stack = new AlertStack(app, `alerts-${environment.name}`, { environment });

    // Channel secrets are sensitive Terraform variables (TF_VAR_slack_webhook_url, ...), never literals.
    NotificationChannel.slack(stack, 'team-slack', {
      name: 'team-alerts-slack',
      webhookUrl: Secret.fromVariable(stack, 'slack_webhook_url', { description: 'Slack incoming-webhook URL of #team-alerts' }),
      channel: '#team-alerts',
    });
    // Where nobody is on call (onCall: false) the pager is overridden to Slack, and the policy pack
    // (`npm run policy`) checks that nothing there still pages instead of asking critical alerts to page.
    if (environment.onCall !== false) {
      NotificationChannel.pagerDuty(stack, 'oncall-pager', {
        name: 'oncall-pagerduty',
        routingKey: Secret.fromVariable(stack, 'pagerduty_routing_key', { description: 'PagerDuty Events v2 routing key of the on-call service' }),
      });
    }

    new AlertRule(stack, 'checkout-cpu', {
      name: 'checkout: CPU high',
      queries: [new MetricsQuery('A', 'k8s.pod.cpu.utilization').timeAggregation('avg').spaceAggregation('max').where("service.name = 'checkout'").groupBy('k8s.pod.name')],
      tiers: {
        critical: { target: 0.9, channels: ['oncall-pagerduty'] },
        warning: { target: 0.75 },
      },
      op: 'above',
      matchType: 'on_average',
      channels: ['team-alerts-slack'],
      labels: { team: 'checkout', service: 'checkout' },
      runbook: 'https://runbooks.example.com/checkout/cpu',
    });
    return stack;
  });
}
