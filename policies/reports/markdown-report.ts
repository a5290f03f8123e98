/** A section for a pull-request comment: verdict, a findings table, suppressions folded away. */
import type { Finding, PolicyReport } from '../finding';

/** Rows shown before the table is cut, to stay far below GitHub's 65,536-character comment limit. */
export const MARKDOWN_ROW_LIMIT = 100;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function where(f: Finding): string {
  const parts = [`\`${cell(f.constructPath)}\``];
  if (f.source) parts.push(`${cell(f.source.file)}:${f.source.line}`);
  else if (f.file) parts.push(`${cell(f.file)}${f.line !== undefined ? `:${f.line}` : ''}`);
  return parts.join('<br>');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderMarkdownReport(report: PolicyReport): string {
  const { summary } = report;
  const icon = summary.errors > 0 ? ':x:' : summary.warnings > 0 ? ':warning:' : ':white_check_mark:';
  const lines: string[] = [
    `### ${icon} Alert policies: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.suppressed} suppressed`,
    '',
    `Pack \`${cell(report.pack)}\` over ${plural(summary.stacks, 'stack')} and ${plural(summary.alerts, 'alert')}.`,
  ];
  if (report.findings.length > 0) {
    lines.push('', '| Level | Rule | Where | Finding |', '| --- | --- | --- | --- |');
    for (const f of report.findings.slice(0, MARKDOWN_ROW_LIMIT)) {
      lines.push(`| ${f.level === 'error' ? ':x: error' : ':warning: warning'} | \`${f.ruleId}\` | ${where(f)} | ${cell(f.message)} |`);
    }
    if (report.findings.length > MARKDOWN_ROW_LIMIT) {
      lines.push('', `…and ${report.findings.length - MARKDOWN_ROW_LIMIT} more; run \`signoz-alerts policy\` for the full list.`);
    }
  }
  if (report.suppressed.length > 0) {
    lines.push(
      '',
      `<details><summary>${plural(report.suppressed.length, 'suppressed finding')}</summary>`,
      '',
      '| Rule | Where | Reason | Owner | Expires |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const f of report.suppressed.slice(0, MARKDOWN_ROW_LIMIT)) {
      const s = f.suppressedBy!;
      lines.push(`| \`${f.ruleId}\` | \`${cell(f.constructPath)}\` | ${cell(s.reason)} | ${cell(s.owner ?? '')} | ${s.expires ?? 'never'} |`);
    }
    if (report.suppressed.length > MARKDOWN_ROW_LIMIT) lines.push('', `…and ${report.suppressed.length - MARKDOWN_ROW_LIMIT} more.`);
    lines.push('', '</details>');
  }
  return lines.join('\n');
}
