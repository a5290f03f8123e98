/**
 * Facts this library records in a stack's synthesized file under the top-level `//` comment, as
 * `"//": { "signoz-alerts": { ... } }`. Terraform ignores `//` properties, so they never change a
 * plan, yet they travel with `cdk.tf.json` to every tool that reads it later (the `policy` command,
 * reviewers auditing suppressions).
 */
import { TerraformStack, type IConstruct } from '../engine';
import { STACK_METADATA_KEY, type StackMetadata } from './stack-metadata-format';

export { STACK_METADATA_KEY, type StackMetadata } from './stack-metadata-format';

const entries = new WeakMap<TerraformStack, StackMetadata>();

/**
 * The live metadata object of the stack that holds `scope`. Entries are written into the stack's
 * overrides on first use; later changes to the returned object are synthesized too, because the
 * stack keeps a reference to it.
 */
export function stackMetadataOf(scope: IConstruct): StackMetadata {
  const stack = TerraformStack.of(scope);
  let metadata = entries.get(stack);
  if (!metadata) {
    metadata = {};
    entries.set(stack, metadata);
  }
  return metadata;
}

/** Sets one metadata entry of the stack that holds `scope`. */
export function setStackMetadata<K extends keyof StackMetadata>(scope: IConstruct, key: K, value: NonNullable<StackMetadata[K]>): void {
  const metadata = stackMetadataOf(scope);
  metadata[key] = value;
  TerraformStack.of(scope).addOverride(`//.${STACK_METADATA_KEY}.${key}`, value);
}
