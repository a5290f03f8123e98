/**
 * GitHub-flavoured markdown for a pull-request comment or a job summary: counts table, GitHub
 * alert blocks for deletes and budgets, a paging-impact table, one table of changes per stack and
 * collapsible field-by-field details. Text from the plan is escaped; values go in code spans.
 */
import type { FieldDiff } from '../diff/field-diff';
import type { PlanSummary, ResourceChangeSummary, StackSummary } from '../summary/summary-model';
import { escapeHtmlText, escapeMarkdownText, inlineCode, truncateText } from './markdown-escape';
import { actionLabel, changeGist, backtickInline, categoryLabel, HEAD_LIMITS, headModel, otherCount, sectionTitle, type Banner, type Inline } from './report-words';
import type { SectionPart, SummaryFormat } from './summary-format';

/** First line of every comment this toolkit posts; workflows find and update the comment by it. */
export const SUMMARY_COMMENT_MARKER = '<!-- signoz-alerts:plan-summary -->';

const CELL_MAX = 160;
const VALUE_MAX = 600;

function inline(parts: Inline): string {
  return parts.map((p) => (typeof p === 'string' ? escapeMarkdownText(p) : inlineCode(p.code))).join('');
}

function banner(b: Banner): string {
  const lines = [`> [!${b.level.toUpperCase()}]`, `> ${inline(b.title)}`];
  for (const item of b.items) lines.push(`> - ${inline(item)}`);
  if (b.more > 0) lines.push(`> - and ${b.more.toLocaleString('en-US')} more`);
  return `${lines.join('\n')}\n\n`;
}

function countsTable(stacks: readonly StackSummary[]): string {
  const rows = stacks.map((s) => {
    const c = s.counts;
    return `| ${inlineCode(s.stack)} | ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${otherCount(c)} | ${c.drift} |`;
  });
  return ['| Stack | Create | Update | Replace | Delete | Other | Drift |', '|---|--:|--:|--:|--:|--:|--:|', ...rows].join('\n') + '\n\n';
}

function value(text: string | undefined): string {
  return text === undefined ? '' : inlineCode(truncateText(text, VALUE_MAX));
}

function fieldRow(diff: FieldDiff): string {
  if (diff.added || diff.removed) {
    const removed = (diff.removed ?? []).map((r) => inlineCode(r)).join(', ');
    const added = (diff.added ?? []).map((a) => inlineCode(a)).join(', ');
    return `| ${escapeMarkdownText(diff.field)} | ${removed ? `removed ${removed}` : ''} | ${added ? `added ${added}` : ''} |`;
  }
  return `| ${escapeMarkdownText(diff.field)} | ${value(diff.before)} | ${value(diff.after)} |`;
}

export const markdownFormat: SummaryFormat = {
  head(summary: PlanSummary): string {
    const model = headModel(summary);
    let out = `${SUMMARY_COMMENT_MARKER}\n## SigNoz alerts plan\n\n${escapeMarkdownText(model.totals)}\n\n`;
    if (model.stacks.length > 0) out += countsTable(model.stacks);
    if (model.moreActiveStacks > 0) out += `And ${model.moreActiveStacks.toLocaleString('en-US')} more stacks with changes (sections below).\n\n`;
    if (model.quietStacks.length > 0) {
      const shown = model.quietStacks
        .slice(0, HEAD_LIMITS.quietStacks)
        .map((s) => inlineCode(s))
        .join(', ');
      const more = model.quietStacks.length - HEAD_LIMITS.quietStacks;
      out += `No changes: ${shown}${more > 0 ? ` and ${more} more` : ''}.\n\n`;
    }
    for (const b of model.banners) out += banner(b);
    if (model.bannersMore > 0) out += `> [!CAUTION]\n> ${model.bannersMore} more warnings are in the full report.\n\n`;
    if (model.pagingImpact.length > 0) {
      out += '### Paging impact\n\nChanges after which someone may no longer be paged:\n\n| Stack | Alert | Impact |\n|---|---|---|\n';
      for (const i of model.pagingImpact) {
        out += `| ${inlineCode(i.stack)} | ${escapeMarkdownText(truncateText(i.name, CELL_MAX))} ${inlineCode(i.address)} | ${escapeMarkdownText(i.detail)} |\n`;
      }
      if (model.pagingImpactMore > 0) out += `| | | and ${model.pagingImpactMore.toLocaleString('en-US')} more |\n`;
      out += '\n';
    }
    if (model.refactors.length > 0) {
      out +=
        '### Possible construct moves\n\nEach pair deletes a resource and creates one with the same content: a moved or renamed construct. Applied as is, the alert gets a new SigNoz ID and loses its history. Keep its identity:\n\n';
      for (const r of model.refactors) {
        out += `- ${inlineCode(r.stack)}: ${inlineCode(r.move.from)} → ${inlineCode(r.move.to)}\n\n  \`\`\`hcl\n${r.block
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n')}\n  \`\`\`\n\n  ${inline(backtickInline(r.hint))}\n`;
      }
      if (model.refactorsMore > 0) out += `- and ${model.refactorsMore} more\n`;
      out += '\n';
    }
    if (model.notes.length > 0) {
      out += model.notes.map((n) => `- ${escapeMarkdownText(n)}\n`).join('');
      if (model.notesMore > 0) out += `- and ${model.notesMore} more notes\n`;
      out += '\n';
    }
    return out;
  },

  sectionHeading(stack: string, count: number, part: SectionPart): string {
    return `### ${escapeMarkdownText(sectionTitle(stack, count, part))}\n\n`;
  },

  tableHeader(): string {
    return '| Action | Kind | Name | Address | Change |\n|---|---|---|---|---|\n';
  },

  tableRow(change: ResourceChangeSummary, part: SectionPart): string {
    const moved = change.previousAddress !== undefined ? ` (from ${inlineCode(change.previousAddress)})` : '';
    return `| ${escapeMarkdownText(actionLabel(change, part))} | ${escapeMarkdownText(categoryLabel(change))} | ${escapeMarkdownText(truncateText(change.name, CELL_MAX))} | ${inlineCode(change.address)}${moved} | ${escapeMarkdownText(truncateText(changeGist(change), CELL_MAX))} |\n`;
  },

  tableEnd(): string {
    return '\n';
  },

  detail(change: ResourceChangeSummary, part: SectionPart): string | undefined {
    if (change.fieldDiffs.length === 0 && change.replacePaths.length === 0) return undefined;
    const title = `${escapeHtmlText(actionLabel(change, part))} ${escapeHtmlText(categoryLabel(change))} <b>${escapeHtmlText(truncateText(change.name, CELL_MAX))}</b> <code>${escapeHtmlText(change.address)}</code>`;
    let out = `<details><summary>${title}</summary>\n\n`;
    if (change.fieldDiffs.length > 0) {
      out += `| Field | Before | After |\n|---|---|---|\n${change.fieldDiffs.map(fieldRow).join('\n')}\n\n`;
    }
    if (change.replacePaths.length > 0) out += `Replacement forced by: ${change.replacePaths.map((p) => inlineCode(p)).join(', ')}\n\n`;
    return `${out}</details>\n\n`;
  },

  omitted(count: number, what: 'rows' | 'details'): string {
    return what === 'rows'
      ? `_${count.toLocaleString('en-US')} more changes not listed here (see the full report)._\n\n`
      : `_Field-by-field details of ${count.toLocaleString('en-US')} more changes are in the full report._\n\n`;
  },

  truncationNote(note: string): string {
    return `---\n${escapeMarkdownText(note)}\n`;
  },
};
