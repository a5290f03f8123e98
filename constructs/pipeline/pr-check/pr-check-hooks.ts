/**
 * Hook points of the PR check for checks that live elsewhere in the project. `pr-check` runs every
 * registered hook after synthesizing and before planning; a failing hook fails the check and its
 * lines go into the comment.
 *
 * HOOK POINT for teammates: register here
 * - the rule validator (`constructs/validation`, `validateRulePayload`) over the synthesized stacks;
 * - the policy packs (`policies/`) over the synthesized stacks.
 * Each is one entry of `PR_CHECK_HOOKS`; nothing else in the pipeline needs to change.
 */

export interface PrCheckHookContext {
  /** Folder of cdktf.json. */
  readonly appDir: string;
  /** The synth output of the code under review (`cdktf.out`). */
  readonly synthDir: string;
  /** Every stack of the app, and the ones whose synthesized config changed. */
  readonly stacks: readonly string[];
  readonly changedStacks: readonly string[];
}

export interface PrCheckHookResult {
  readonly ok: boolean;
  /** What the reviewer should read (one finding per line); shown in the comment. */
  readonly lines: readonly string[];
}

export interface PrCheckHook {
  /** Short name shown in the comment, e.g. "rule validation". */
  readonly name: string;
  run(context: PrCheckHookContext): Promise<PrCheckHookResult>;
}

/** The hooks `pr-check` runs, in order. */
export const PR_CHECK_HOOKS: PrCheckHook[] = [];
