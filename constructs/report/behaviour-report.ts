/** The HTML report of a behaviour test run (`signoz-alerts test --html`): per file, per case, its result and its chart. */
import type { FileResult } from '../testing/run-alert-test-files';
import { behaviourCaseChart } from './behaviour-chart';
import { escapeHtml, htmlPage } from './html-page';

/** One self-contained HTML page for `results`; the same results give the same bytes. */
export function behaviourTestReport(results: readonly FileResult[]): string {
  const cases = results.flatMap((r) => r.cases);
  const passed = cases.filter((c) => c.passed).length;
  const errors = results.filter((r) => r.error !== undefined).length;
  const body: string[] = [
    '<h1>Alert behaviour tests</h1>',
    `<p class="summary">${passed} passed, ${cases.length - passed} failed${errors ? `, ${errors} file${errors > 1 ? 's' : ''} with errors` : ''}</p>`,
  ];
  for (const result of results) {
    body.push(
      `<section class="test-file">`,
      `<h2>${escapeHtml(result.file)}${result.alertName !== undefined ? ` <span class="muted">› ${escapeHtml(result.alertName)}</span>` : ''}</h2>`,
    );
    if (result.error !== undefined) body.push(`<p><span class="badge error">ERROR</span>the file could not run:</p>`, `<pre>${escapeHtml(result.error)}</pre>`);
    for (const c of result.cases) {
      body.push(
        `<section class="test-case" data-passed="${c.passed}">`,
        `<h3><span class="badge ${c.passed ? 'pass' : 'fail'}">${c.passed ? 'PASS' : 'FAIL'}</span>${escapeHtml(c.name)} <span class="muted">line ${c.line}</span></h3>`,
      );
      if (c.failures.length > 0) body.push(`<pre>${escapeHtml(c.failures.join('\n\n'))}</pre>`);
      if (c.timeline.warnings.length > 0) body.push(`<pre>${escapeHtml(c.timeline.warnings.map((w) => `warning: ${w}`).join('\n'))}</pre>`);
      body.push(behaviourCaseChart(c.timeline.rule, c), '</section>');
    }
    body.push('</section>');
  }
  return htmlPage('Alert behaviour tests', body.join('\n'));
}
