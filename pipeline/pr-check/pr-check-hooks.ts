/**
 * Hook points of the PR check for checks that live elsewhere in the project. `pr-check` runs every
 * registered hook after synthesizing and before planning; a failing hook fails the check and its
 * lines go into the comment. The defaults (`default-hooks.ts`) validate every rule and run the
 * default policy pack.
 */
import type { SynthesizedStack } from '../../constructs/codecs/synth-output';

export interface PrCheckHookContext {
  /** Folder of cdktf.json. */
  readonly appDir: string;
  /** The synth output of the code under review (`cdktf.out`). */
  readonly synthDir: string;
  /** Every stack of the app, and the ones whose synthesized config changed. */
  readonly stacks: readonly string[];
  readonly changedStacks: readonly string[];
  /** The stacks of `synthDir`, when the caller has read them already (read once, decoded once). @default - read from synthDir */
  readonly synthesized?: readonly SynthesizedStack[];
  /** The date suppressions expire against (`pr-check --now`). @default - SOURCE_DATE_EPOCH when set, else today (UTC) */
  readonly today?: string;
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

/** Registers the project's own checks (rule validation, policies) once. */
export function registerDefaultHooks(hooks: PrCheckHook[], defaults: readonly PrCheckHook[]): void {
  for (const hook of defaults) if (!hooks.some((h) => h.name === hook.name)) hooks.push(hook);
}
