/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per policy rule (with help text), one result per
 * finding, located at the TypeScript line that declared the construct when recorded, else at the
 * resource in the synthesized file, plus the construct path as a logical location. Suppressed
 * findings are included with their suppression, so the audit trail travels too. Paths are relative.
 */
import { createHash } from 'node:crypto';
import type { Finding, PolicyReport, RuleDescriptor } from '../finding';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_TOOL_NAME = 'signoz-alerts-policy';

function ruleName(id: string): string {
  return id
    .split(/[-/]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function sarifRule(rule: RuleDescriptor): Record<string, unknown> {
  const suppress = `Suppress with \`Suppressions.add(construct, [{ id: '${rule.id}', reason: '...', expires: 'YYYY-MM-DD' }])\`.`;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.explanation },
    help: { text: `${rule.explanation}\n\n${suppress}`, markdown: `${rule.explanation}\n\n${suppress}` },
    defaultConfiguration: { level: rule.level },
    properties: { tags: ['signoz', 'alerting', 'policy'] },
  };
}

function physicalLocation(file: string, line: number | undefined): Record<string, unknown> {
  return { artifactLocation: { uri: encodeURI(file) }, ...(line !== undefined ? { region: { startLine: line } } : {}) };
}

function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update([f.ruleId, f.stack, f.constructPath, f.key ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

function sarifResult(f: Finding, ruleIndex: number | undefined): Record<string, unknown> {
  const primary = f.source ? physicalLocation(f.source.file, f.source.line) : f.file ? physicalLocation(f.file, f.line) : undefined;
  const logical = { fullyQualifiedName: f.constructPath, kind: 'resource' };
  const related = f.source && f.file ? [{ id: 1, physicalLocation: physicalLocation(f.file, f.line), message: { text: `synthesized ${f.address ?? 'stack'} in ${f.file}` } }] : [];
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: f.level,
    message: { text: f.message },
    locations: [{ ...(primary ? { physicalLocation: primary } : {}), logicalLocations: [logical] }],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { 'signozAlertsPolicy/v1': fingerprint(f) },
    properties: { stack: f.stack, environment: f.environment, ...(f.key !== undefined ? { key: f.key } : {}), ...(f.uncertain ? { uncertain: true } : {}) },
    ...(f.suppressedBy
      ? {
          suppressions: [
            {
              kind: f.suppressedBy.origin === 'construct' ? 'inSource' : 'external',
              status: 'accepted',
              justification: `${f.suppressedBy.reason}${f.suppressedBy.owner ? ` (owner: ${f.suppressedBy.owner})` : ''}${f.suppressedBy.expires ? ` (expires ${f.suppressedBy.expires})` : ''}`,
            },
          ],
        }
      : {}),
  };
}

/** The SARIF log (as an object) for a report. */
export function buildSarifLog(report: PolicyReport, toolVersion: string): Record<string, unknown> {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: SARIF_TOOL_NAME, semanticVersion: toolVersion, version: toolVersion, rules: report.rules.map(sarifRule) } },
        columnKind: 'utf16CodeUnits',
        results: [...report.findings, ...report.suppressed].map((f) => sarifResult(f, index.get(f.ruleId))),
        properties: { pack: report.pack, today: report.today },
      },
    ],
  };
}

export function renderSarifReport(report: PolicyReport, toolVersion: string): string {
  return JSON.stringify(buildSarifLog(report, toolVersion), null, 2);
}
