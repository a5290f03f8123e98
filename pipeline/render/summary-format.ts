/**
 * What a summary format (markdown, text) provides to the size-budgeted renderer: each piece of the
 * report as a string. The renderer decides which pieces fit; a format never has to know the budget.
 */
import type { PlanSummary, ResourceChangeSummary } from '../summary/summary-model';

/** Planned changes, drift, or (for a stack without a usable plan) its configuration changes. */
export type SectionPart = 'planned' | 'drift' | 'config';

export interface SummaryFormat {
  /** Always printed: title, counts per stack, banners, paging impact, refactor moves, notes (lists capped). */
  head(summary: PlanSummary): string;
  /** The heading that opens a stack's section of `count` items. */
  sectionHeading(stack: string, count: number, part: SectionPart): string;
  /** Printed before the first table row of a section. */
  tableHeader(part: SectionPart): string;
  tableRow(change: ResourceChangeSummary, part: SectionPart): string;
  /** Printed after the last table row of a section (and before the details). */
  tableEnd(): string;
  /** The field-by-field block of one change; `undefined` when there is nothing to add to its row. */
  detail(change: ResourceChangeSummary, part: SectionPart): string | undefined;
  /** Says that `count` rows or detail blocks of a section were left out. */
  omitted(count: number, what: 'rows' | 'details'): string;
  /** Closing note when anything was left out (points to the full report). */
  truncationNote(note: string): string;
}
