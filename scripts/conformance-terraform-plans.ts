/**
 * Terraform's own plans (../shared/peer-suites/terraform-plans, see its README): every plan JSON
 * from Terraform's and terraform-json's test data is read and summarized as `plan-summary` reads
 * it, and the summary's count per action is compared with the file's own `resource_changes` and with
 * the suite's counts.tsv. A plan in an older format (0.x) must be refused with a message that says
 * it is older; a file that is not JSON must be refused as such.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changeKindOf } from '../pipeline/plan/change-kind';
import { readPlanFile } from '../pipeline/plan/plan-file';
import { summarizePlans } from '../pipeline/summary/plan-summary';

/** What conformance.ts expects of a check (kept structural so this file imports nothing from it). */
interface PlanCheckOutcome {
  readonly summary: string;
  readonly failures: string[];
  readonly notes?: string[];
}

const ACTIONS = ['create', 'update', 'delete', 'replace', 'read', 'no-op'] as const;
type Counts = Record<(typeof ACTIONS)[number], number>;

/** counts.tsv rows by file name. */
function readCountsTable(dir: string, failures: string[]): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>();
  const file = path.join(dir, 'counts.tsv');
  if (!fs.existsSync(file)) {
    failures.push(`${file} does not exist`);
    return rows;
  }
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const columns = header!.split('\t');
  for (const line of lines) {
    const cells = line.split('\t');
    rows.set(cells[0]!, Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return rows;
}

/** The file's own count per action, straight from its `resource_changes` (independent of the toolkit). */
function rawCounts(text: string): Counts {
  const counts: Counts = { create: 0, update: 0, delete: 0, replace: 0, read: 0, 'no-op': 0 };
  const doc = JSON.parse(text) as { resource_changes?: { change?: { actions?: string[] } }[] | null };
  for (const rc of doc.resource_changes ?? []) {
    const key = (rc.change?.actions ?? []).join(',');
    if (key === 'delete,create' || key === 'create,delete') counts.replace++;
    else if (key in counts) counts[key as keyof Counts]++;
  }
  return counts;
}

const show = (counts: Counts): string => ACTIONS.map((a) => `${a} ${counts[a]}`).join(', ');

export async function plansAgreeWithTerraform(dir: string): Promise<PlanCheckOutcome> {
  const failures: string[] = [];
  const table = readCountsTable(dir, failures);
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  let summarized = 0;
  let refusedAsOlder = 0;
  let refusedAsNotJson = 0;
  for (const name of files) {
    const row = table.get(name);
    if (!row) {
      failures.push(`${name}: not in counts.tsv`);
      continue;
    }
    const file = path.join(dir, name);
    const major = Number(/^(\d+)\./.exec(row.format_version ?? '')?.[1]);
    let outcome: Counts | Error;
    try {
      const plan = await readPlanFile(file, name);
      const stack = summarizePlans([{ stack: 'peer', plan }]).summary.stacks[0]!;
      const noOps = plan.resourceChanges.filter((rc) => changeKindOf(rc.change.actions) === 'no-op').length;
      const c = stack.counts;
      outcome = { create: c.create, update: c.update, delete: c.delete, replace: c.replace, read: c.read, 'no-op': noOps };
    } catch (err) {
      outcome = err instanceof Error ? err : new Error(String(err));
    }
    if (row.valid_json !== 'yes') {
      if (outcome instanceof Error && /invalid JSON/.test(outcome.message)) refusedAsNotJson++;
      else failures.push(`${name}: not valid JSON upstream, but the toolkit ${outcome instanceof Error ? `says: ${outcome.message}` : 'summarized it'}`);
      continue;
    }
    if (major < 1) {
      if (outcome instanceof Error && /is older than this tool reads/.test(outcome.message) && !/upgrade signoz-alerts/.test(outcome.message)) refusedAsOlder++;
      else
        failures.push(
          `${name}: format ${row.format_version} should be refused as older, but the toolkit ${outcome instanceof Error ? `says: ${outcome.message}` : 'summarized it'}`,
        );
      continue;
    }
    if (outcome instanceof Error) {
      failures.push(`${name}: format ${row.format_version}: refused: ${outcome.message}`);
      continue;
    }
    const own = rawCounts(fs.readFileSync(file, 'utf8'));
    const listed = Object.fromEntries(ACTIONS.map((a) => [a, Number(row[a])])) as Counts;
    if (show(outcome) !== show(own)) failures.push(`${name}: the summary counts ${show(outcome)}; its resource_changes hold ${show(own)}`);
    else if (show(outcome) !== show(listed)) failures.push(`${name}: the summary counts ${show(outcome)}; counts.tsv says ${show(listed)}`);
    else summarized++;
  }
  const valid = files.length - refusedAsNotJson - refusedAsOlder;
  return {
    summary:
      `Terraform's plans: ${summarized}/${valid} summarized with the counts per action of their resource_changes and counts.tsv; ` +
      `${refusedAsOlder} older (0.x) plans refused as older; ${refusedAsNotJson} non-JSON file(s) refused as not JSON`,
    failures,
  };
}
