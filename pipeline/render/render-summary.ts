/**
 * Renders a plan summary inside a size budget, in tiers: the head (counts, banners, paging impact)
 * always; then table rows, riskiest first across all stacks; then per-change detail blocks as room
 * allows. Whatever is left out is counted in place and a closing note points to the full report.
 * Sizes are UTF-8 bytes, which is never less than GitHub's character count, so a comment rendered
 * for 65,536 fits by construction. Every piece is scrubbed of secrets before it is measured.
 */
import { secretsRegistered, type Redactor } from '../masking/redactor';
import { scrubStrings } from '../masking/scrub-summary';
import { CHANGE_RISK_ORDER } from '../plan/change-kind';
import type { PlanSummary, ResourceChangeSummary } from '../summary/summary-model';
import type { SectionPart, SummaryFormat } from './summary-format';

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** A little under GitHub's 1 MiB limit for one step's job summary. */
export const JOB_SUMMARY_LIMIT = 1_000_000;

export const DEFAULT_OVERFLOW_NOTE = 'Some detail was left out to fit the size limit; the full report is in the job summary and the plan-summary artifact of this run.';

export interface RenderOptions {
  readonly maxBytes: number;
  /** Printed at the end when anything was left out. */
  readonly overflowNote?: string;
  readonly redactor: Redactor;
}

export interface RenderResult {
  readonly text: string;
  /** True when some rows or details were left out. */
  readonly truncated: boolean;
}

/** True when a change has something for a detail block (formats must render one then). */
export function hasDetail(change: ResourceChangeSummary): boolean {
  return change.fieldDiffs.length > 0 || change.replacePaths.length > 0;
}

interface Section {
  /** Index of the stack in `summary.stacks`; -1 for a configuration diff (it has no planned stack). */
  readonly stackIndex: number;
  readonly part: SectionPart;
  readonly items: readonly ResourceChangeSummary[];
  readonly heading: string;
  readonly rowAdmitted: boolean[];
  readonly details: (string | undefined)[];
}

interface Candidate {
  readonly section: number;
  readonly index: number;
  readonly rank: number;
}

/** The last scrubbed copy of each summary, while the redactor knows no new secret (a summary is rendered twice: comment and job summary). */
const scrubbedSummaries = new WeakMap<PlanSummary, { redactor: Redactor; secrets: number; summary: PlanSummary }>();

function scrubbedSummary(unscrubbed: PlanSummary, redactor: Redactor): PlanSummary {
  const last = scrubbedSummaries.get(unscrubbed);
  if (last && last.redactor === redactor && last.secrets === secretsRegistered(redactor)) return last.summary;
  const summary = scrubStrings(unscrubbed, redactor);
  scrubbedSummaries.set(unscrubbed, { redactor, secrets: secretsRegistered(redactor), summary });
  return summary;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function cutToBudget(text: string, maxBytes: number, note: string): string {
  const room = Math.max(0, maxBytes - bytes(note) - 1);
  let cut = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
  if (cut.endsWith('\ufffd')) cut = cut.slice(0, -1);
  const lastBreak = cut.lastIndexOf('\n');
  return `${lastBreak > 0 ? cut.slice(0, lastBreak + 1) : cut}${note}`;
}

export function renderSummary(unscrubbed: PlanSummary, format: SummaryFormat, options: RenderOptions): RenderResult {
  // Secrets out of every string before any format escapes or truncates it (see scrub-summary.ts).
  const summary = scrubbedSummary(unscrubbed, options.redactor);
  const scrub = (text: string): string => options.redactor.scrub(text);
  const note = format.truncationNote(options.overflowNote ?? DEFAULT_OVERFLOW_NOTE);
  const head = scrub(format.head(summary));

  const impacted = new Set<string>();
  const sections: Section[] = [];
  summary.stacks.forEach((stack, stackIndex) => {
    for (const stackImpact of stack.pagingImpact) impacted.add(`${stackIndex}\u0000${stackImpact.address}`);
    for (const [part, items] of [
      ['planned', stack.changes],
      ['drift', stack.drift],
    ] as const) {
      if (items.length === 0) continue;
      sections.push({
        stackIndex,
        part,
        items,
        heading: scrub(format.sectionHeading(stack.stack, items.length, part)),
        rowAdmitted: items.map(() => false),
        details: items.map(() => undefined),
      });
    }
  });
  // Stacks without a usable plan: what their configuration changes, after every planned section.
  for (const diff of summary.configDiffs ?? []) {
    if (diff.changes.length === 0) continue;
    sections.push({
      stackIndex: -1,
      part: 'config',
      items: diff.changes,
      heading: scrub(format.sectionHeading(diff.stack, diff.changes.length, 'config')),
      rowAdmitted: diff.changes.map(() => false),
      details: diff.changes.map(() => undefined),
    });
  }

  const omittedReserve = bytes(format.omitted(10_000_000, 'details')) + bytes(format.omitted(10_000_000, 'rows'));
  let left = options.maxBytes - bytes(head) - bytes(note) - sections.reduce((sum, s) => sum + bytes(s.heading) + omittedReserve, 0);

  const candidates: Candidate[] = [];
  sections.forEach((section, sectionIndex) => {
    section.items.forEach((change, index) => {
      const impact = section.part === 'planned' && impacted.has(`${section.stackIndex}\u0000${change.address}`) ? 0 : 1;
      candidates.push({ section: sectionIndex, index, rank: impact * 10 + CHANGE_RISK_ORDER[change.kind] });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.section - b.section || a.index - b.index);

  const tableFrame = (part: SectionPart): number => bytes(format.tableHeader(part)) + bytes(format.tableEnd());
  const opened = new Set<number>();
  const rows = new Map<string, string>();
  for (const c of candidates) {
    const section = sections[c.section]!;
    const row = scrub(format.tableRow(section.items[c.index]!, section.part));
    const cost = bytes(row) + (opened.has(c.section) ? 0 : tableFrame(section.part));
    if (cost > left) break;
    left -= cost;
    opened.add(c.section);
    section.rowAdmitted[c.index] = true;
    rows.set(`${c.section}:${c.index}`, row);
  }
  for (const c of candidates) {
    const section = sections[c.section]!;
    const change = section.items[c.index]!;
    if (!section.rowAdmitted[c.index] || !hasDetail(change)) continue;
    const block = format.detail(change, section.part);
    if (block === undefined) continue;
    const scrubbed = scrub(block);
    if (bytes(scrubbed) > left) break;
    left -= bytes(scrubbed);
    section.details[c.index] = scrubbed;
  }

  let truncated = false;
  const out: string[] = [head];
  sections.forEach((section, sectionIndex) => {
    out.push(section.heading);
    const admittedRows = section.items.map((_c, i) => rows.get(`${sectionIndex}:${i}`)).filter((r): r is string => r !== undefined);
    if (admittedRows.length > 0) out.push(format.tableHeader(section.part), ...admittedRows, format.tableEnd());
    const missingRows = section.items.length - admittedRows.length;
    if (missingRows > 0) {
      truncated = true;
      out.push(format.omitted(missingRows, 'rows'));
    }
    const wanted = section.items.filter((change, i) => section.rowAdmitted[i] && hasDetail(change)).length;
    const shown = section.details.filter((d): d is string => d !== undefined);
    out.push(...shown);
    if (wanted > shown.length) {
      truncated = true;
      out.push(format.omitted(wanted - shown.length, 'details'));
    }
  });
  if (truncated) out.push(note);
  const text = out.join('');
  return bytes(text) <= options.maxBytes ? { text, truncated } : { text: cutToBudget(text, options.maxBytes, note), truncated: true };
}
