/** JUnit XML for CI systems: one `<testsuite>` per test file, one `<testcase>` per case. */
import type { FileResult } from './run-alert-test-files';

/** Text made safe for XML content and attribute values (characters XML 1.0 forbids are dropped). */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export function junitReport(results: readonly FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = results.reduce((n, r) => n + Math.max(r.cases.length, r.error ? 1 : 0), 0);
  const failures = results.reduce((n, r) => n + r.cases.filter((c) => !c.passed).length, 0);
  const errors = results.filter((r) => r.error).length;
  lines.push(`<testsuites name="signoz-alerts behaviour tests" tests="${total}" failures="${failures}" errors="${errors}">`);
  for (const result of results) {
    const className = escapeXml(result.alertName ?? result.file);
    const caseFailures = result.cases.filter((c) => !c.passed).length;
    lines.push(
      `  <testsuite name="${escapeXml(result.file)}" tests="${Math.max(result.cases.length, result.error ? 1 : 0)}" failures="${caseFailures}" errors="${result.error ? 1 : 0}">`,
    );
    if (result.error) {
      lines.push(`    <testcase classname="${className}" name="load ${escapeXml(result.file)}">`);
      lines.push(`      <error message="${escapeXml(result.error.split('\n')[0]!)}">${escapeXml(result.error)}</error>`);
      lines.push('    </testcase>');
    }
    for (const c of result.cases) {
      if (c.passed) {
        lines.push(`    <testcase classname="${className}" name="${escapeXml(c.name)}"/>`);
        continue;
      }
      lines.push(`    <testcase classname="${className}" name="${escapeXml(c.name)}">`);
      lines.push(`      <failure message="${escapeXml(c.failures[0]!.split('\n')[0]!)}">${escapeXml(c.failures.join('\n\n'))}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
