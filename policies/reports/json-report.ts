/** The machine-readable report: the engine's report as JSON, with a format version for consumers. */
import type { PolicyReport } from '../finding';

/** Bumped when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

export function renderJsonReport(report: PolicyReport): string {
  return JSON.stringify({ reportVersion: JSON_REPORT_VERSION, ...report }, null, 2);
}
