import type { PolicyReport } from '../finding';
import { visibleText } from '../../constructs/util/visible-text';
import { renderJsonReport } from './json-report';
import { renderMarkdownReport } from './markdown-report';
import { renderSarifReport } from './sarif-report';
import { renderTextReport } from './text-report';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report; `toolVersion` goes into SARIF's tool metadata. */
export function renderReport(report: PolicyReport, format: ReportFormat, toolVersion: string): string {
  switch (format) {
    // Reports people read show bidirectional and zero-width characters as <U+202E>; JSON and SARIF keep values raw.
    case 'text':
      return visibleText(renderTextReport(report));
    case 'json':
      return renderJsonReport(report);
    case 'sarif':
      return renderSarifReport(report, toolVersion);
    case 'markdown':
      return visibleText(renderMarkdownReport(report));
  }
}

export { buildSarifLog, SARIF_SCHEMA_URI, SARIF_TOOL_NAME } from './sarif-report';
export { JSON_REPORT_VERSION } from './json-report';
export { MARKDOWN_ROW_LIMIT } from './markdown-report';
