/** Test helpers that fill what cdktf's matchers lack: synth a stack, pick resources by type. */
import { App, TerraformStack, Testing } from '../../constructs/engine';

export interface SynthesizedStack {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
}

/** A fresh app and stack with stable defaults. */
export function newStack(name = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, name);
  return { app, stack };
}

/** Synthesizes the stack (running construct validations, as `cdktf synth` does) and parses it. */
export function synth(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;
}

/** The resources of one type, keyed by logical id, without cdktf's `//` metadata. */
export function resourcesOf(stack: TerraformStack | SynthesizedStack, type: string): Record<string, Record<string, unknown>> {
  const out = stack instanceof TerraformStack ? synth(stack) : stack;
  const found = out.resource?.[type] ?? {};
  return Object.fromEntries(Object.entries(found).map(([id, attrs]) => {
    const { '//': _meta, ...rest } = attrs;
    return [id, rest];
  }));
}

/** The only resource of a type (fails the test when there are none or several). */
export function onlyResource(stack: TerraformStack | SynthesizedStack, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(stack, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0]!;
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
