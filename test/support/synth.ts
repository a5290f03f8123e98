/** Test helpers that fill what cdktf's matchers lack: synth a stack, pick resources by type. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type App, LocalBackend, TerraformStack, Testing } from '../../constructs/engine';

export type SynthesizedStack = Record<string, any>;

/** A fresh app and a stack with a relative local backend (nothing written outside the test dir). */
export function newStack(name = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, name);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  return { app, stack };
}

/** Synthesizes the stack (running construct validations, as `cdktf synth` does) and parses it (cdk.tf.json). */
export function synth(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;
}

/** A stack's cdk.tf.json as `app.synth()` wrote it, metadata included. */
export function readStackFile(app: App, stack: string): SynthesizedStack {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as SynthesizedStack;
}

/** The resources of one type, keyed by logical id, without cdktf's `//` metadata. */
export function resourcesOf(stack: TerraformStack | SynthesizedStack, type: string): Record<string, Record<string, any>> {
  const out = stack instanceof TerraformStack ? synth(stack) : stack;
  const found: Record<string, Record<string, unknown>> = out.resource?.[type] ?? {};
  return Object.fromEntries(
    Object.entries(found).map(([id, attrs]) => {
      const { '//': _meta, ...rest } = attrs;
      return [id, rest];
    }),
  );
}

/** The only resource of a type (fails the test when there are none or several). */
export function onlyResource(stack: TerraformStack | SynthesizedStack, type: string): Record<string, any> {
  const all = Object.values(resourcesOf(stack, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0]!;
}

/** The configuration without cdktf's "//" metadata, for snapshots that should not churn on paths. */
export function withoutMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '//')
        .map(([k, v]) => [k, withoutMetadata(v)]),
    );
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

/** The error a function throws (fails the test when it does not throw). */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to throw');
}
