/** The report for people at a terminal: one block per finding, then the suppressions, then a summary. */
import type { Finding, PolicyReport } from '../finding';

function where(f: Finding): string {
  const synthesized = f.file ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : '';
  if (f.source) return `${f.source.file}:${f.source.line}${synthesized ? ` (${synthesized})` : ''}`;
  return synthesized;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderTextReport(report: PolicyReport): string {
  const lines: string[] = [];
  const { summary } = report;
  lines.push(`Policy pack "${report.pack}": ${plural(summary.stacks, 'stack')}, ${plural(summary.alerts, 'alert')}`);
  for (const f of report.findings) {
    lines.push('');
    lines.push(`${f.level === 'error' ? 'error  ' : 'warning'} [${f.ruleId}] ${f.constructPath}`);
    lines.push(`  ${f.message}`);
    const at = where(f);
    if (at) lines.push(`  at ${at}`);
  }
  if (report.suppressed.length > 0) {
    lines.push('');
    lines.push(`Suppressed (${report.suppressed.length}):`);
    for (const f of report.suppressed) {
      const s = f.suppressedBy!;
      const extra = [s.owner ? `owner ${s.owner}` : '', s.expires ? `until ${s.expires}` : ''].filter(Boolean).join(', ');
      lines.push(`  [${f.ruleId}] ${f.constructPath}: "${s.reason}"${extra ? ` (${extra})` : ''}`);
    }
  }
  lines.push('');
  const verdict = summary.errors > 0 ? 'FAILED' : 'passed';
  lines.push(`Policy check ${verdict}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.suppressed} suppressed`);
  return lines.join('\n');
}
