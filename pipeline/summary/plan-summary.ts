/**
 * Entry point of the plan summary: several stacks' plans in, one summary out, rendered as markdown
 * or text inside a size budget. Masking state (the redactor) is shared by building and rendering, so
 * a secret seen anywhere in any plan is removed from every output.
 */
import * as path from 'node:path';
import type { DestroyBudgets } from '../apply-safety/destroy-budget';
import type { ChannelDirectoryOptions } from '../resources/channel-directory';
import { Redactor } from '../masking/redactor';
import type { TerraformPlan } from '../plan/plan-json';
import { markdownFormat } from '../render/markdown-format';
import { renderSummary, type RenderResult } from '../render/render-summary';
import { textFormat } from '../render/text-format';
import { summarizeStackPlan } from './build-summary';
import type { PlanSummary, StackConfigDiff, UnplannedStack } from './summary-model';

export type SummaryFormatName = 'markdown' | 'text';

export interface StackPlan {
  readonly stack: string;
  readonly plan: TerraformPlan;
}

export interface PlanSummaryOptions {
  readonly channels?: ChannelDirectoryOptions;
  readonly maxAlertDeletes?: number;
  /** Every destroy budget; `maxAlertDeletes`, when given, wins for alert deletes. @default - DEFAULT_DESTROY_BUDGETS */
  readonly destroyBudgets?: Partial<DestroyBudgets>;
  /** Lines for the reader, e.g. stacks that were not planned and why. */
  readonly notes?: readonly string[];
  /** Changed stacks that could not be planned, and why (reported as such, never as "no changes"). */
  readonly unplanned?: readonly UnplannedStack[];
  /** Configuration-level changes of the stacks without a usable plan (shown apart from planned changes). */
  readonly configDiffs?: readonly StackConfigDiff[];
  /** Shared with the renderer; created when not given. */
  readonly redactor?: Redactor;
}

export function summarizePlans(plans: readonly StackPlan[], options: PlanSummaryOptions = {}): { summary: PlanSummary; redactor: Redactor } {
  const redactor = options.redactor ?? new Redactor();
  const stacks = plans.map(({ stack, plan }) =>
    summarizeStackPlan(plan, {
      stack,
      redactor,
      ...(options.channels ? { channels: options.channels } : {}),
      ...(options.maxAlertDeletes !== undefined ? { maxAlertDeletes: options.maxAlertDeletes } : {}),
      ...(options.destroyBudgets ? { destroyBudgets: options.destroyBudgets } : {}),
    }),
  );
  const unplanned = options.unplanned ?? [];
  // Notes carry tool output (Terraform's errors): secret shapes in them are masked like plan values.
  const notes = (options.notes ?? []).map((note) => redactor.maskText(note, { denySecretFields: false }));
  const configDiffs = (options.configDiffs ?? []).filter((d) => d.changes.length > 0);
  return { summary: { stacks, notes, ...(unplanned.length > 0 ? { unplanned } : {}), ...(configDiffs.length > 0 ? { configDiffs } : {}) }, redactor };
}

export interface RenderPlanSummaryOptions {
  readonly format: SummaryFormatName;
  readonly maxBytes: number;
  readonly overflowNote?: string;
  readonly redactor: Redactor;
}

export function renderPlanSummary(summary: PlanSummary, options: RenderPlanSummaryOptions): RenderResult {
  // bidirectional and zero-width characters are shown as <U+202E> by renderSummary's scrub of every string
  return renderSummary(summary, options.format === 'markdown' ? markdownFormat : textFormat, {
    maxBytes: options.maxBytes,
    redactor: options.redactor,
    ...(options.overflowNote !== undefined ? { overflowNote: options.overflowNote } : {}),
  });
}

export type StackNameSource = 'file' | 'dir';

const GENERIC_PLAN_NAMES = new Set(['', 'plan', 'tfplan', 'terraform']);

/**
 * The stack a plan file belongs to, from its path: `plans/prod.plan.json` -> `prod`; a generic file
 * name (`plan.json`, `tfplan.json`) or `source: 'dir'` takes the folder name
 * (`cdktf.out/stacks/prod/plan.json` -> `prod`).
 */
export function stackNameFromPath(file: string, source: StackNameSource = 'file'): string {
  const base = path
    .basename(file)
    .replace(/\.json$/i, '')
    .replace(/[.-](tf)?plan$/i, '');
  if (source === 'dir' || GENERIC_PLAN_NAMES.has(base.toLowerCase())) {
    return path.basename(path.dirname(path.resolve(file)));
  }
  return base;
}
