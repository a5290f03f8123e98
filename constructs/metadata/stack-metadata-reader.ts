/** Reads back what this library recorded in a synthesized stack's `//` comment (see `stack-metadata.ts`). */
import { isPlainObject } from '../util/json';
import { STACK_METADATA_KEY } from './stack-metadata-format';

/** What this library recorded in the stack's `//` comment. */
export interface StackLibraryMetadata {
  readonly environment?: unknown;
  /** `false` when the environment declares that nobody is on call. */
  readonly onCall?: unknown;
  readonly sources: Readonly<Record<string, string>>;
  readonly suppressions: readonly unknown[];
  /** Channels the stack references by name only: name -> kind ('' when unknown). */
  readonly importedChannels: Readonly<Record<string, string>>;
}

export function libraryMetadataOf(document: Readonly<Record<string, unknown>>): StackLibraryMetadata {
  const comment = isPlainObject(document['//']) ? document['//'] : {};
  const ours = isPlainObject(comment[STACK_METADATA_KEY]) ? comment[STACK_METADATA_KEY] : {};
  return {
    environment: ours.environment,
    onCall: ours.onCall,
    sources: isPlainObject(ours.sources) ? (ours.sources as Record<string, string>) : {},
    suppressions: Array.isArray(ours.suppressions) ? ours.suppressions : [],
    importedChannels: isPlainObject(ours.importedChannels) ? (ours.importedChannels as Record<string, string>) : {},
  };
}
