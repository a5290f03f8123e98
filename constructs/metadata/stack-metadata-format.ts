/**
 * The shape of what this library records under a stack's `//` comment (see `stack-metadata.ts`).
 * Kept apart from the writer, which needs the CDK engine, so readers of synthesized files (the
 * `policy` and `route` commands) do not load the engine.
 */
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
