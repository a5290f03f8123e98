/**
 * The example app: `npx cdktf synth` synthesizes it offline into cdktf.out/.
 */
import { App, LocalBackend, TerraformStack } from '../constructs/engine';
import { AlertRule, Formula, LogsQuery, MetricsQuery, PromQLQuery } from '../constructs';

const app = new App();
const stack = new TerraformStack(app, 'example');
// State beside the project, by a relative path so the synthesized file is the same on every machine.
new LocalBackend(stack, { path: '../../../terraform.example.tfstate' });

new AlertRule(stack, 'CheckoutCpu', {
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').where("service.name = 'checkout'").groupBy('host.name')],
  tiers: { critical: { target: 0.9 }, warning: { target: 0.8 } },
  matchType: 'on_average',
  channels: ['slack-alerts'],
  labels: { team: 'payments', service: 'checkout' },
});

new AlertRule(stack, 'CheckoutErrorRate', {
  name: 'Checkout error rate',
  queries: [
    new LogsQuery('A').count().where("service.name = 'checkout' AND severity_text = 'ERROR'").disabled(),
    new LogsQuery('B').count().where("service.name = 'checkout'").disabled(),
    new Formula('F1', 'A / B * 100'),
  ],
  unit: 'percent',
  tiers: { critical: { target: 5 } },
  channels: ['slack-alerts'],
  labels: { team: 'payments', service: 'checkout' },
});

new AlertRule(stack, 'ScrapeTargetsDown', {
  name: 'Scrape targets down',
  queries: [new PromQLQuery('A', 'count(up{job="checkout"} == 0)')],
  tiers: { critical: { target: 0 } },
  channels: ['slack-alerts'],
  labels: { team: 'platform' },
});

app.synth();
