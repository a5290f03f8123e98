/**
 * Which alerts of an estate have behaviour tests. The estate is a folder: cdktf's output
 * (`cdktf.out`, whose `stacks/<stack>/cdk.tf.json` hold `signoz_rule` / `signoz_alert` resources)
 * or any folder of rule JSON files. Alerts are matched by name, so one test covers the same
 * alert in every stack.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rulesIn } from '../codecs/rules-in';
import { parseJsonInput } from '../util/parse-input';
import { readInputFile } from '../util/read-input-file';

export interface EstateAlert {
  readonly name: string;
  /** `<file relative to the estate folder>` plus the Terraform address when there is one. */
  readonly location: string;
}

export interface CoverageReport {
  readonly covered: readonly EstateAlert[];
  readonly uncovered: readonly EstateAlert[];
  /** Tested alert names that the estate does not contain (renamed or removed alerts). */
  readonly unknownTested: readonly string[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform']);

function jsonFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) jsonFiles(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.json')) {
      out.push(join(dir, entry.name));
    }
  }
}

/** Every alert rule found in the estate folder (or single file), sorted by name then location. */
export function collectEstateAlerts(path: string): EstateAlert[] {
  const files: string[] = [];
  if (statSync(path).isDirectory()) jsonFiles(path, files);
  else files.push(path);
  const alerts: EstateAlert[] = [];
  for (const file of files.sort()) {
    let parsed: ReturnType<typeof parseJsonInput>;
    try {
      parsed = parseJsonInput(readInputFile(file));
    } catch {
      continue; // unreadable: not part of the estate
    }
    if ('error' in parsed) continue; // not JSON: not part of the estate
    const doc = parsed.value;
    const shown = relative(path, file) || file.split('/').pop()!;
    for (const rule of rulesIn(doc)) {
      if (rule.name !== '') alerts.push({ name: rule.name, location: rule.address ? `${shown} ${rule.address}` : shown });
    }
  }
  return alerts.sort((a, b) => (a.name === b.name ? (a.location < b.location ? -1 : 1) : a.name < b.name ? -1 : 1));
}

export function coverageReport(estate: readonly EstateAlert[], testedNames: ReadonlySet<string>): CoverageReport {
  const names = new Set(estate.map((a) => a.name));
  return {
    covered: estate.filter((a) => testedNames.has(a.name)),
    uncovered: estate.filter((a) => !testedNames.has(a.name)),
    unknownTested: [...testedNames].filter((n) => !names.has(n)).sort(),
  };
}

export function coverageText(report: CoverageReport): string {
  const covered = new Set(report.covered.map((a) => a.name)).size;
  const total = new Set([...report.covered, ...report.uncovered].map((a) => a.name)).size;
  const percent = total === 0 ? 100 : Math.floor((covered / total) * 100);
  const lines = [`Behaviour test coverage: ${covered} of ${total} alerts (${percent}%)`];
  for (const a of report.covered) lines.push(`  tested    ${a.name}  (${a.location})`);
  for (const a of report.uncovered) lines.push(`  UNTESTED  ${a.name}  (${a.location})`);
  for (const n of report.unknownTested) lines.push(`  tests for an alert not in the estate: ${n}`);
  return lines.join('\n');
}
