/**
 * Plain text for terminals and logs: the same report as the markdown format, without markup.
 */
import type { FieldDiff } from '../diff/field-diff';
import { CHANGE_SYMBOL } from '../plan/change-kind';
import type { PlanSummary, ResourceChangeSummary } from '../summary/summary-model';
import { truncateText } from './markdown-escape';
import { actionLabel, changeGist, categoryLabel, HEAD_LIMITS, headModel, otherCount, sectionTitle, type Inline } from './report-words';
import type { SectionPart, SummaryFormat } from './summary-format';

const VALUE_MAX = 600;

function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ');
}

function inline(parts: Inline): string {
  return oneLine(parts.map((p) => (typeof p === 'string' ? p : p.code)).join(''));
}

function fieldLine(diff: FieldDiff, kind: ResourceChangeSummary['kind']): string {
  if (diff.added || diff.removed) {
    const bits = [...(diff.added ?? []).map((a) => `+${a}`), ...(diff.removed ?? []).map((r) => `-${r}`)];
    return `      ${oneLine(diff.field)}: ${oneLine(bits.join(' '))}\n`;
  }
  const before = diff.before === undefined ? undefined : oneLine(truncateText(diff.before, VALUE_MAX));
  const after = diff.after === undefined ? undefined : oneLine(truncateText(diff.after, VALUE_MAX));
  if (before !== undefined && after !== undefined) return `      ${oneLine(diff.field)}: ${before} → ${after}\n`;
  if (after !== undefined) return `      ${oneLine(diff.field)}: ${kind === 'create' ? after : `added ${after}`}\n`;
  if (before !== undefined) return `      ${oneLine(diff.field)}: ${kind === 'delete' ? before : `removed (was ${before})`}\n`;
  return `      ${oneLine(diff.field)}\n`;
}

export const textFormat: SummaryFormat = {
  head(summary: PlanSummary): string {
    const model = headModel(summary);
    let out = `SigNoz alerts plan\n${model.totals}\n\n`;
    if (model.stacks.length > 0) {
      out += 'Stack: create / update / replace / delete / other / drift\n';
      for (const s of model.stacks) {
        const c = s.counts;
        out += `  ${s.stack}: ${c.create} / ${c.update} / ${c.replace} / ${c.delete} / ${otherCount(c)} / ${c.drift}\n`;
      }
      if (model.moreActiveStacks > 0) out += `  and ${model.moreActiveStacks} more stacks with changes (sections below)\n`;
      out += '\n';
    }
    if (model.quietStacks.length > 0) {
      const more = model.quietStacks.length - HEAD_LIMITS.quietStacks;
      out += `No changes: ${model.quietStacks.slice(0, HEAD_LIMITS.quietStacks).join(', ')}${more > 0 ? ` and ${more} more` : ''}.\n\n`;
    }
    for (const b of model.banners) {
      out += `${b.level.toUpperCase()}: ${inline(b.title)}\n`;
      for (const item of b.items) out += `  - ${inline(item)}\n`;
      if (b.more > 0) out += `  - and ${b.more} more\n`;
      out += '\n';
    }
    if (model.bannersMore > 0) out += `CAUTION: ${model.bannersMore} more warnings are in the full report.\n\n`;
    if (model.pagingImpact.length > 0) {
      out += 'PAGING IMPACT (someone may no longer be paged):\n';
      for (const i of model.pagingImpact) out += `  - [${i.stack}] ${oneLine(i.name)} (${i.address}): ${oneLine(i.detail)}\n`;
      if (model.pagingImpactMore > 0) out += `  - and ${model.pagingImpactMore} more\n`;
      out += '\n';
    }
    if (model.refactors.length > 0) {
      out += 'POSSIBLE CONSTRUCT MOVES (delete + create of the same content; the alert would get a new ID):\n';
      for (const r of model.refactors) {
        out += `  - [${r.stack}] ${r.move.from} → ${r.move.to}\n${r.block
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n')}\n    ${r.hint}\n`;
      }
      if (model.refactorsMore > 0) out += `  - and ${model.refactorsMore} more\n`;
      out += '\n';
    }
    if (model.notes.length > 0) {
      out += model.notes.map((n) => `NOTE: ${oneLine(n)}\n`).join('');
      if (model.notesMore > 0) out += `NOTE: and ${model.notesMore} more notes\n`;
      out += '\n';
    }
    return out;
  },

  sectionHeading(stack: string, count: number, part: SectionPart): string {
    const title = sectionTitle(stack, count, part);
    return `${title}\n${'='.repeat(Math.min(title.length, 80))}\n`;
  },

  tableHeader(): string {
    return '';
  },

  tableRow(change: ResourceChangeSummary, part: SectionPart): string {
    const symbol = part === 'drift' ? '!' : CHANGE_SYMBOL[change.kind];
    const moved = change.previousAddress !== undefined ? ` (from ${change.previousAddress})` : '';
    const gist = changeGist(change);
    return `  ${symbol} ${change.address}${moved} [${categoryLabel(change)} "${oneLine(truncateText(change.name, 160))}"] ${actionLabel(change, part)}${gist ? `: ${oneLine(truncateText(gist, 200))}` : ''}\n`;
  },

  tableEnd(): string {
    return '\n';
  },

  detail(change: ResourceChangeSummary, part: SectionPart): string | undefined {
    if (change.fieldDiffs.length === 0 && change.replacePaths.length === 0) return undefined;
    let out = `  ${change.address} (${actionLabel(change, part)}):\n`;
    out += change.fieldDiffs.map((d) => fieldLine(d, change.kind)).join('');
    if (change.replacePaths.length > 0) out += `      replacement forced by: ${change.replacePaths.join(', ')}\n`;
    return `${out}\n`;
  },

  omitted(count: number, what: 'rows' | 'details'): string {
    return what === 'rows' ? `  ... ${count} more changes not listed (see the full report)\n\n` : `  ... details of ${count} more changes are in the full report\n\n`;
  },

  truncationNote(note: string): string {
    return `${oneLine(note)}\n`;
  },
};
