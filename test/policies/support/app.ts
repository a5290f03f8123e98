/** A small cdktf app with alert rules, synthesized for real, for the synth-time policy tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlertRule, MetricsQuery, NotificationChannel } from '../../../constructs';
import { type App, S3Backend, TerraformStack, Testing } from '../../../constructs/engine';
import type { AlertRuleProps } from '../../../constructs/alerts/alert-rule-props';

/** Props of an alert every default rule accepts, except the severity-label warning the factory causes. */
export function alertProps(change: Partial<AlertRuleProps> = {}): AlertRuleProps {
  return {
    name: 'Checkout CPU high',
    queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').groupBy('host.name')],
    tiers: { critical: { target: 0.9, channels: ['payments-oncall'] } },
    channels: ['slack-alerts'],
    labels: { team: 'payments' },
    runbook: 'https://runbooks.example.com/checkout-cpu',
    ...change,
  };
}

/** A stack with remote locked state, pinned Terraform, and the channels `alertProps` names (managed elsewhere). */
export function compliantStack(app: App, name: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  new S3Backend(stack, { bucket: 'alerts-state', key: `${name}.tfstate`, region: 'eu-west-1', dynamodbTable: 'terraform-locks' });
  stack.addOverride('terraform.required_version', '1.11.4');
  NotificationChannel.fromName(stack, 'oncall', 'payments-oncall', 'pagerduty');
  NotificationChannel.fromName(stack, 'slack', 'slack-alerts', 'slack');
  return stack;
}

export function newApp(): App {
  return Testing.app();
}

/** Synthesizes; returns the error message when synth fails. */
export function synthesize(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

export function readManifest(app: App): { stacks: Record<string, { annotations: { constructPath: string; level: string; message: string }[] }> } {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
}

export { AlertRule };
