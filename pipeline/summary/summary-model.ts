/**
 * The plan summary as data: what the markdown and text renderers print and what tests assert.
 * Every string in it is already masked; nothing here may hold a secret.
 */
import type { DestroyBudgetResult } from '../apply-safety/destroy-budget';
import type { FieldDiff } from '../diff/field-diff';
import type { ChangeKind } from '../plan/change-kind';
import type { RefactorMove } from '../refactor/refactor-guard';
import type { ResourceCategory } from '../resources/resource-category';

export interface ResourceChangeSummary {
  readonly address: string;
  /** Set when a `moved` block renamed the resource in this plan. */
  readonly previousAddress?: string;
  readonly type: string;
  readonly category: ResourceCategory;
  readonly kind: ChangeKind;
  readonly imported: boolean;
  /** Terraform's hint for why (e.g. `replace_because_cannot_update`); absent when Terraform gave none. */
  readonly actionReason?: string;
  /** Alert, channel, route or window name; the resource name for other types. */
  readonly name: string;
  readonly service?: string;
  readonly fieldDiffs: readonly FieldDiff[];
  /** Attribute paths that force the replacement. */
  readonly replacePaths: readonly string[];
}

export type PagingImpactReason =
  | 'alert-deleted'
  | 'alert-disabled'
  | 'paging-channel-removed'
  | 'threshold-loosened'
  | 'match-type-less-sensitive'
  | 'critical-tier-removed'
  | 'absent-data-alerting-off'
  | 'paging-channel-deleted'
  | 'route-paging-removed';

export interface PagingImpact {
  readonly address: string;
  readonly name: string;
  readonly reason: PagingImpactReason;
  /** One line: what changes for the on-call person. */
  readonly detail: string;
}

export interface StackCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly read: number;
  readonly forget: number;
  readonly move: number;
  readonly import: number;
  readonly outputs: number;
  readonly drift: number;
}

export interface OutputChangeSummary {
  readonly name: string;
  readonly kind: ChangeKind;
}

export interface StackSummary {
  readonly stack: string;
  readonly terraformVersion: string | undefined;
  readonly formatVersion: string;
  readonly counts: StackCounts;
  /** Planned changes, no-ops dropped, riskiest first. */
  readonly changes: readonly ResourceChangeSummary[];
  /** Objects changed outside Terraform (`resource_drift`), shown apart from planned changes. */
  readonly drift: readonly ResourceChangeSummary[];
  readonly outputChanges: readonly OutputChangeSummary[];
  readonly pagingImpact: readonly PagingImpact[];
  readonly refactorMoves: readonly RefactorMove[];
  readonly destroyBudget: DestroyBudgetResult;
  readonly applyable: boolean | undefined;
  readonly complete: boolean | undefined;
  readonly errored: boolean | undefined;
}

/** A stack that should have been planned (its configuration changed) but was not, and why. */
export interface UnplannedStack {
  readonly stack: string;
  readonly reason: string;
}

/** The configuration-level changes of a stack that has no usable plan (read from the base and head synth). */
export interface StackConfigDiff {
  readonly stack: string;
  /** Resource blocks added, removed or changed between the base and head synth, riskiest first. */
  readonly changes: readonly ResourceChangeSummary[];
}

export interface PlanSummary {
  readonly stacks: readonly StackSummary[];
  /** Extra lines for the reader (stacks not planned and why), printed under the counts. */
  readonly notes: readonly string[];
  /** Changed stacks that could not be planned: what they would change is unknown. @default - none */
  readonly unplanned?: readonly UnplannedStack[];
  /** What the code changes in stacks that were not planned or whose plan errored (configuration, not a plan). @default - none */
  readonly configDiffs?: readonly StackConfigDiff[];
}

/** True when any stack plans a resource or output change (moves and imports included). */
export function hasPlannedChanges(summary: PlanSummary): boolean {
  return summary.stacks.some((s) => s.changes.some((c) => c.kind !== 'read') || s.outputChanges.length > 0);
}

/** Stacks whose plan errored (`errored: true`): planning failed and the plan cannot be applied. */
export function erroredStacks(summary: PlanSummary): string[] {
  return summary.stacks.filter((s) => s.errored === true).map((s) => s.stack);
}

/**
 * True when the summary cannot say what the change does: a plan errored, or a changed stack was not
 * planned. "No changes" must never be reported then.
 */
export function isPlanIncomplete(summary: PlanSummary): boolean {
  return erroredStacks(summary).length > 0 || (summary.unplanned ?? []).length > 0;
}

/** True when any stack reports objects changed outside Terraform. */
export function hasDrift(summary: PlanSummary): boolean {
  return summary.stacks.some((s) => s.drift.length > 0);
}
