/** Synth helpers of the channels, routing, maintenance and stack tests (raw JSON, metadata kept). */
import { App, LocalBackend, Testing, TerraformStack } from '../../constructs/engine';

/** A fresh app and a plain stack with a relative local backend (nothing written outside the test dir). */
export function newStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  return { app, stack };
}

/** The stack's synthesized configuration (cdk.tf.json) as an object. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** The resources of one type in a synthesized configuration, by logical id. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The only resource of one type; fails when there are none or several. */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The configuration without cdktf's "//" metadata, for snapshots that should not churn on paths. */
export function withoutMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '//').map(([k, v]) => [k, withoutMetadata(v)]));
  }
  return value;
}

/**
 * Reads a receiver template back as JSON, each `${jsonencode(var.x)}` replaced by the string
 * `var.x` and Terraform's escapes undone: what SigNoz receives, with variable names for secrets.
 */
export function decodeReceiverTemplate(data: string): any {
  const withNames = data.replace(/\$\{jsonencode\(var\.([a-z0-9_]+)\)\}/g, '"var.$1"');
  return JSON.parse(withNames.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}
