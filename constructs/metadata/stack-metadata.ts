/**
 * Facts this library records in a stack's synthesized file under the top-level `//` comment, as
 * `"//": { "signoz-alerts": { ... } }`. Terraform ignores `//` properties, so they never change a
 * plan, yet they travel with `cdk.tf.json` to every tool that reads it later (the `policy` command,
 * reviewers auditing suppressions).
 */
import { TerraformStack, type IConstruct } from '../engine';

/** The key under the stack's `//` comment that holds this library's metadata. */
export const STACK_METADATA_KEY = 'signoz-alerts';

/** Metadata entries, each one key under `//.signoz-alerts`. */
export interface StackMetadata {
  /** The environment the stack deploys to (`dev`, `prod`, ...). */
  environment?: string;
  /** `false` when the environment declares that nobody is on call (nothing may page there). */
  onCall?: boolean;
  /** Where each construct was declared: construct path -> `relative/file.ts:line`. */
  sources?: Record<string, string>;
  /** Policy suppressions declared on constructs of the stack. */
  suppressions?: unknown[];
  /** Channels referenced by name only (`NotificationChannel.fromName`): name -> kind, or '' when unknown. */
  importedChannels?: Record<string, string>;
}

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
