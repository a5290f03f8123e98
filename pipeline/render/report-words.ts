/**
 * The words of the report, shared by the markdown and text formats so both say the same thing:
 * action and category names, count lines, and the capped lists of the head (banners, paging
 * impact, refactor moves). Inline text is a list of plain and code parts; each format marks them up.
 */
import { describeDestroyTallies } from '../apply-safety/destroy-budget';
import { cdktfMoveHint, movedBlock, type RefactorMove } from '../refactor/refactor-guard';
import type { ResourceCategory } from '../resources/resource-category';
import type { PlanSummary, ResourceChangeSummary, StackCounts, StackSummary } from '../summary/summary-model';
import type { SectionPart } from './summary-format';

export type InlinePart = string | { readonly code: string };
export type Inline = readonly InlinePart[];

export interface Banner {
  readonly level: 'caution' | 'warning' | 'note';
  readonly title: Inline;
  readonly items: readonly Inline[];
  /** Items not listed. */
  readonly more: number;
}

export interface RefactorEntry {
  readonly stack: string;
  readonly move: RefactorMove;
  readonly block: string;
  readonly hint: string;
}

export interface HeadModel {
  readonly totals: string;
  readonly stacks: readonly StackSummary[];
  /** Stacks with changes beyond the counts-table limit (their sections follow below). */
  readonly moreActiveStacks: number;
  /** Stacks without planned changes or drift. */
  readonly quietStacks: readonly string[];
  readonly banners: readonly Banner[];
  readonly bannersMore: number;
  readonly pagingImpact: readonly { readonly stack: string; readonly name: string; readonly address: string; readonly detail: string }[];
  readonly pagingImpactMore: number;
  readonly refactors: readonly RefactorEntry[];
  readonly refactorsMore: number;
  readonly notes: readonly string[];
  readonly notesMore: number;
}

export const HEAD_LIMITS = { stacks: 50, quietStacks: 30, banners: 20, bannerItems: 10, pagingImpact: 25, refactors: 10, notes: 20, outputs: 10 } as const;

const CATEGORY_LABEL: Readonly<Record<ResourceCategory, string>> = {
  alert: 'alert',
  channel: 'channel',
  route: 'route policy',
  window: 'maintenance window',
  other: 'resource',
};

export function categoryLabel(change: ResourceChangeSummary): string {
  return change.category === 'other' ? change.type : CATEGORY_LABEL[change.category];
}

/** The action of a change as a reviewer reads it. */
export function actionLabel(change: ResourceChangeSummary, part: SectionPart): string {
  if (part === 'drift') {
    return change.kind === 'delete' ? 'deleted outside Terraform' : change.kind === 'create' ? 'created outside Terraform' : 'changed outside Terraform';
  }
  if (part === 'config') return change.kind === 'delete' ? 'removed from config' : change.kind === 'create' ? 'added to config' : 'changed in config';
  const extras: string[] = [];
  if (change.previousAddress !== undefined) extras.push('moved');
  if (change.imported) extras.push('imported');
  const words: Record<string, string> = {
    create: 'create',
    update: 'update',
    replace: 'replace',
    delete: 'delete',
    read: 'read (data source)',
    forget: 'forget (kept in SigNoz, no longer managed)',
    'replace-forget': 'replace (old object kept, unmanaged)',
    unknown: 'unrecognised action',
  };
  const word = words[change.kind];
  return [word, ...extras].filter((w): w is string => w !== undefined).join(', ') || 'no change';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "3 to create, 1 to delete, 2 drifted" over all stacks. */
export function totalsLine(summary: PlanSummary): string {
  const sum = (key: keyof StackCounts): number => summary.stacks.reduce((n, s) => n + s.counts[key], 0);
  const parts = [
    [sum('create'), 'to create'],
    [sum('update'), 'to update'],
    [sum('replace'), 'to replace'],
    [sum('delete'), 'to delete'],
    [sum('forget'), 'to forget'],
    [sum('move'), 'to move'],
    [sum('import'), 'to import'],
    [sum('outputs'), 'output change'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, label]) => `${(n as number).toLocaleString('en-US')} ${String(label)}${label === 'output change' && n !== 1 ? 's' : ''}`);
  const drift = sum('drift');
  const stacks = plural(summary.stacks.length, 'stack');
  const errored = summary.stacks.filter((s) => s.errored === true).map((s) => s.stack);
  const unplanned = (summary.unplanned ?? []).map((u) => u.stack);
  if (errored.length > 0 || unplanned.length > 0) {
    // Never "no changes" when something was not planned: what the change does is not known.
    const failures = [errored.length > 0 ? `planning failed for ${errored.join(', ')}` : '', unplanned.length > 0 ? `not planned: ${unplanned.join(', ')}` : ''].filter(Boolean);
    const planned = parts.length > 0 ? parts.join(', ') : 'no planned changes known';
    return `${stacks} planned: ${planned}${drift > 0 ? `; ${plural(drift, 'object')} changed outside Terraform` : ''}; ${failures.join('; ')}. What this change does is NOT fully known.`;
  }
  if (parts.length === 0 && drift === 0) return `${stacks}: no changes.`;
  return `${stacks}: ${parts.length > 0 ? parts.join(', ') : 'no planned changes'}${drift > 0 ? `; ${plural(drift, 'object')} changed outside Terraform` : ''}.`;
}

/** Count of reads, forgets, moves and imports (the "other" column). */
export function otherCount(counts: StackCounts): number {
  return counts.read + counts.forget + counts.move + counts.import;
}

function describeChange(change: ResourceChangeSummary): Inline {
  return [{ code: change.address }, ` ${categoryLabel(change)} "${change.name}"`];
}

function capped<T>(items: readonly T[], limit: number): { items: T[]; more: number } {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

function bannersOf(summary: PlanSummary): Banner[] {
  const banners: Banner[] = [];
  const unplanned = capped(summary.unplanned ?? [], HEAD_LIMITS.bannerItems);
  if (unplanned.items.length > 0) {
    banners.push({
      level: 'caution',
      title: ['Changed stacks that were not planned: what they would change is unknown, and the check fails.'],
      items: unplanned.items.map((u) => [{ code: u.stack }, `: ${u.reason}`]),
      more: unplanned.more,
    });
  }
  for (const stack of summary.stacks) {
    if (stack.errored) {
      banners.push({ level: 'caution', title: ['Planning failed for ', { code: stack.stack }, ': this plan cannot be applied.'], items: [], more: 0 });
    } else if (stack.complete === false) {
      banners.push({
        level: 'note',
        title: ['The plan for ', { code: stack.stack }, ' is incomplete (deferred changes or -target): another plan and apply round will follow.'],
        items: [],
        more: 0,
      });
    }
    const destroyed = stack.changes.filter((c) => c.kind === 'delete' || c.kind === 'replace' || c.kind === 'replace-forget');
    if (destroyed.length > 0) {
      const deletes = destroyed.filter((c) => c.kind === 'delete').length;
      const replaces = destroyed.length - deletes;
      const { items, more } = capped(destroyed, HEAD_LIMITS.bannerItems);
      banners.push({
        level: 'caution',
        title: [
          { code: stack.stack },
          `: ${[deletes > 0 ? plural(deletes, 'delete') : '', replaces > 0 ? plural(replaces, 'replacement') : ''].filter(Boolean).join(' and ')}.`,
          replaces > 0 ? ' A replaced alert gets a new SigNoz ID: its history, silences and links are lost.' : '',
        ],
        items: items.map((c) => [...describeChange(c), `: ${c.kind === 'delete' ? 'delete' : 'replace'}${c.actionReason ? ` (${c.actionReason})` : ''}`]),
        more,
      });
    }
    if (stack.destroyBudget.exceeded) {
      banners.push({
        level: 'caution',
        title: [
          'Destroy budget exceeded in ',
          { code: stack.stack },
          `: ${stack.destroyBudget.reasons.join('; ')}. Applying needs an explicit override (`,
          { code: '--allow-destroy' },
          `). Counted: ${describeDestroyTallies(stack.destroyBudget)}.`,
        ],
        items: [],
        more: 0,
      });
    }
    const outputs = capped(stack.outputChanges, HEAD_LIMITS.outputs);
    if (outputs.items.length > 0) {
      banners.push({
        level: 'note',
        title: ['Output changes in ', { code: stack.stack }, ':'],
        items: outputs.items.map((o) => [{ code: o.name }, `: ${o.kind}`]),
        more: outputs.more,
      });
    }
  }
  return banners;
}

export function headModel(summary: PlanSummary): HeadModel {
  const active = summary.stacks.filter((s) => s.changes.length > 0 || s.drift.length > 0 || s.outputChanges.length > 0 || s.errored);
  const quiet = summary.stacks.filter((s) => !active.includes(s)).map((s) => s.stack);
  const impacts = summary.stacks.flatMap((s) => s.pagingImpact.map((i) => ({ stack: s.stack, name: i.name, address: i.address, detail: i.detail })));
  const refactors = summary.stacks.flatMap((s) => s.refactorMoves.map((move) => ({ stack: s.stack, move, block: movedBlock(move), hint: cdktfMoveHint(move) })));
  const notes = capped(summary.notes, HEAD_LIMITS.notes);
  const impactList = capped(impacts, HEAD_LIMITS.pagingImpact);
  const refactorList = capped(refactors, HEAD_LIMITS.refactors);
  const shownStacks = active.slice(0, HEAD_LIMITS.stacks);
  const banners = capped(bannersOf(summary), HEAD_LIMITS.banners);
  return {
    totals: totalsLine(summary),
    stacks: shownStacks,
    moreActiveStacks: Math.max(0, active.length - HEAD_LIMITS.stacks),
    quietStacks: quiet,
    banners: banners.items,
    bannersMore: banners.more,
    pagingImpact: impactList.items,
    pagingImpactMore: impactList.more,
    refactors: refactorList.items,
    refactorsMore: refactorList.more,
    notes: notes.items,
    notesMore: notes.more,
  };
}

/** Headline of a stack section. */
export function sectionTitle(stack: string, count: number, part: SectionPart): string {
  if (part === 'planned') return `${stack}: ${plural(count, 'planned change')}`;
  if (part === 'drift') return `${stack}: ${plural(count, 'object')} changed outside Terraform (drift)`;
  return `${stack}: no usable plan; ${plural(count, 'resource')} changed in the configuration (base and head synth compared; Terraform may do more or less)`;
}

/** Splits text that marks code with backticks into inline parts. */
export function backtickInline(text: string): Inline {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? { code: part } : part))
    .filter((p) => p !== '');
}

/** One-line gist of a change's field differences, for the changes table. */
export function changeGist(change: ResourceChangeSummary, maxItems = 2): string {
  const parts = change.fieldDiffs.slice(0, maxItems).map((d) => {
    if (d.added || d.removed) {
      const bits = [...(d.added ?? []).map((a) => `+${a}`), ...(d.removed ?? []).map((r) => `-${r}`)];
      return `${d.field}: ${bits.join(' ')}`;
    }
    if (d.before !== undefined && d.after !== undefined) return `${d.field}: ${d.before} → ${d.after}`;
    if (d.after !== undefined) return change.kind === 'create' ? `${d.field}: ${d.after}` : `${d.field}: added ${d.after}`;
    if (d.before !== undefined) return change.kind === 'delete' ? `${d.field}: ${d.before}` : `${d.field}: removed (was ${d.before})`;
    return d.field;
  });
  const more = change.fieldDiffs.length - maxItems;
  return parts.join('; ') + (more > 0 ? `; +${more} more` : '');
}
