/**
 * `signoz-alerts route [outdir] --at <time>`: who is notified, through which path, and whether
 * anyone is paged, when alerts of a synthesized app fire at a given time; `--week` for the week
 * from that time (every alert x tier x environment, with never-pages / never-notifies flags);
 * `--base <outdir>` for what changes against another synth output. The answers come from the
 * library (`constructs/notify`); this file parses arguments and prints.
 */
import { Option, type Command } from 'commander';
import { goDate } from '../../constructs/maintenance/maintenance-activity';
import { formatInZone, timeZoneProblem } from '../../constructs/maintenance/zoned-time';
import type { RouteQuery, RoutingRow, RoutingTable, TierNotification } from '../../constructs/notify';
import { visibleText } from '../../constructs/util/visible-text';
import { EXIT, UsageError, type CliIO } from '../io';
import { resolvePath } from '../input-files';
import { writeAtomically } from '../write-atomically';
import { collect } from './option-parsers';
import type { RegisterCommand } from './register-command';

interface RouteFlags {
  at: string;
  timeZone?: string;
  env?: string;
  alert?: string;
  tier?: string;
  /** Commander's `--no-data`: false when given. */
  data?: boolean;
  alsoFiring?: string[];
  label?: string[];
  ruleId?: string;
  week?: boolean;
  html?: string;
  base?: string;
  format: 'text' | 'json';
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `--at`: ISO 8601 with an offset (`2026-03-29T03:00:00+02:00`, `...Z`), or a wall-clock time
 * without one read in `--time-zone`; a time a daylight-saving change skips or repeats is placed
 * the way Go's `time.Date` places window times (`goDate`).
 */
export function parseRouteTime(text: string, zone: string | undefined): number {
  const trimmed = text.trim();
  const fields = (m: RegExpExecArray): number[] => m.slice(1, 7).map((v) => Number(v ?? 0));
  const valid = ([y, mo, d, h, mi, s]: number[]): boolean =>
    mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= new Date(Date.UTC(y!, mo!, 0)).getUTCDate() && h! <= 23 && mi! <= 59 && s! <= 59;
  const zoned = ZONED_TIME.exec(trimmed);
  if (zoned && valid(fields(zoned))) return Date.parse(trimmed);
  const local = LOCAL_TIME.exec(trimmed);
  if (local && valid(fields(local))) {
    if (zone === undefined) throw new UsageError(`--at "${text}" has no UTC offset: add one (2026-03-29T03:00:00+02:00, or Z) or give --time-zone, e.g. --time-zone Europe/Berlin`);
    const [y, mo, d, h, mi, s] = fields(local) as [number, number, number, number, number, number];
    return goDate(y, mo, d, h, mi, s, zone);
  }
  throw new UsageError(`--at must be an ISO 8601 date and time such as 2026-03-29T03:00:00+02:00 (or 2026-03-29T03:00 with --time-zone), got "${text}"`);
}

function parseLabels(pairs: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--label must be name=value, got "${pair}"`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}

const VERDICT: Record<string, string> = {
  yes: 'PAGED',
  maybe: 'maybe paged (depends on labels known only when it fires)',
};

/** The one-line verdict of an answer: paged, notified without paging, muted, inhibited, nobody. */
function verdictOf(answer: Pick<TierNotification, 'disabled' | 'notified' | 'paged' | 'mutedBy' | 'inhibited' | 'inhibitedWhile'>): string {
  if (answer.disabled) return 'nobody: the rule is disabled';
  if (answer.inhibited) return `nobody: inhibited while "${answer.inhibitedWhile}" fires`;
  if (answer.paged !== 'no') {
    const muted = answer.mutedBy.length > 0 ? ', unless the maintenance window applies' : '';
    return `${VERDICT[answer.paged]}${muted}`;
  }
  if (answer.notified === 'yes') return 'notified, nobody paged';
  if (answer.notified === 'maybe') return 'maybe notified (depends on labels known only when it fires), nobody paged';
  if (answer.mutedBy.some((w) => w.mutes === 'yes')) return 'nobody: muted by maintenance';
  return 'nobody: no channel is reached';
}

function tierText(answer: TierNotification, zone: string): string[] {
  const wall = (t: number): string => (Number.isFinite(t) ? formatInZone(new Date(t), zone).slice(0, 16).replace('T', ' ') : 'open end');
  const lines = [`${answer.environment} "${answer.alert}" ${answer.tier}: ${verdictOf(answer)}`];
  if (answer.noData) {
    lines.push(
      `  the no-data alert "[No data] ${answer.alert}" fires after ${answer.absentForMinutes ?? 0}m without data; labels: the rule's, nodata="true", no threshold.name or severity`,
    );
  }
  if (answer.routing === 'route policies') {
    lines.push(`  routing: route policies (usePolicy: true); the tier channels are not used${answer.noData ? '' : '; no inhibition between tiers'}`);
    for (const p of answer.policies) {
      const match = p.match === 'yes' ? 'matches' : p.match === 'maybe' ? 'may match' : p.match === 'no' ? 'no match' : 'unreadable';
      lines.push(`    ${match.padEnd(10)} ${p.name}: ${p.expression} -> ${p.channels.join(', ')}`);
    }
    if (answer.policies.length === 0) lines.push('    (the environment has no route policy)');
  } else if (answer.noData) {
    lines.push('  routing: the channels of every tier (usePolicy: false)');
  } else {
    lines.push(`  routing: the channels of tier "${answer.tier}" (usePolicy: false)`);
  }
  if (answer.inhibitedWhile !== undefined && !answer.inhibited) {
    lines.push(
      `  inhibited while "${answer.inhibitedWhile}" fires: SigNoz's inhibit rule silences this tier then (same rule and group-by labels); --also-firing ${answer.inhibitedWhile} asks that`,
    );
  }
  for (const c of answer.channels) {
    const kind = c.kind ?? 'kind unknown, judged by name';
    lines.push(`  ${c.pages ? 'pages' : 'posts'} ${c.name} (${kind})${c.reached === 'maybe' ? ' maybe' : ''} via ${c.via.join(', ')}`);
  }
  if (answer.channels.length === 0) lines.push('  no channel');
  for (const w of answer.mutedBy) {
    const quirk = w.monthStepQuirk ? '; SigNoz misreads this monthly window on day 29-31 as active since the 1st' : '';
    lines.push(
      `  ${w.mutes === 'yes' ? 'muted' : 'maybe muted (scope depends on run-time labels)'} by maintenance "${w.name}" (${w.because}), ${wall(w.from)} to ${wall(w.to)} (${zone})${quirk}`,
    );
  }
  return lines;
}

const share = (row: RoutingRow, table: RoutingTable, test: (s: RoutingRow['segments'][number]) => boolean): number =>
  row.segments.filter(test).reduce((sum, s) => sum + (s.to - s.from), 0) / (table.to - table.from);

function pagedColumn(row: RoutingRow, table: RoutingTable): string {
  const yes = share(row, table, (s) => s.paged === 'yes');
  const maybe = share(row, table, (s) => s.paged === 'maybe');
  if (yes === 1) return 'always';
  if (yes === 0 && maybe === 0) return 'never';
  if (yes === 0) return 'maybe';
  return `${(yes * 100).toFixed(1)}% of the time`;
}

function tableText(table: RoutingTable, zone: string): string[] {
  const wall = (t: number): string => formatInZone(new Date(t), zone).slice(0, 16).replace('T', ' ');
  const lines = [`Routing from ${wall(table.from)} to ${wall(table.to)} (${zone})`];
  const header = ['environment', 'alert', 'tier', 'routing', 'channels', 'paged', 'muted by', 'note'];
  const rows: string[][] = [];
  for (const environment of table.environments) {
    for (const row of environment.rows) {
      const muted = [...new Set(row.segments.flatMap((s) => s.mutedBy))];
      const channels = row.channels.map((c) => `${c.name}${c.pages ? ' (pages)' : ''}${c.reached === 'maybe' ? '?' : ''}`).join(', ');
      const note = row.inhibited ? `inhibited: ${row.inhibitedWhile} fires` : row.inhibitedWhile !== undefined ? `silenced while ${row.inhibitedWhile} fires` : '';
      rows.push([environment.name, row.alert, row.tier, row.disabled ? 'disabled' : row.routing, channels || '-', pagedColumn(row, table), muted.join(', ') || '-', note]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: string[]): string =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(render(header), ...rows.map(render));
  for (const environment of table.environments) {
    for (const flag of environment.flags) {
      lines.push(`${flag.flag === 'never-notifies' ? 'never notifies anyone' : 'never pages'}: ${environment.name} "${flag.alert}" (${flag.stack})`);
    }
  }
  return lines;
}

async function run(outdir: string, flags: RouteFlags, io: CliIO, setExitCode: (code: number) => void): Promise<void> {
  if (flags.timeZone !== undefined) {
    const problem = timeZoneProblem(flags.timeZone);
    if (problem) throw new UsageError(`--time-zone ${problem}`);
  }
  if (flags.html !== undefined && !flags.week) throw new UsageError(`--html draws the week's routing: add --week`);
  if (flags.html !== undefined && flags.base !== undefined) throw new UsageError('--html draws one synth output; it cannot be combined with --base');
  if (flags.data === false && flags.tier !== undefined) throw new UsageError('--no-data asks about the no-data alert; it cannot be combined with --tier');
  const zone = flags.timeZone ?? 'UTC';
  const at = parseRouteTime(flags.at, flags.timeZone);
  const query: Omit<RouteQuery, 'at'> = {
    ...(flags.env !== undefined ? { environment: flags.env } : {}),
    ...(flags.alert !== undefined ? { alert: flags.alert } : {}),
    ...(flags.tier !== undefined ? { tier: flags.tier } : {}),
    ...(flags.data === false ? { noData: true } : {}),
    ...(flags.alsoFiring && flags.alsoFiring.length > 0 ? { alsoFiring: flags.alsoFiring } : {}),
    ...(flags.label && flags.label.length > 0 ? { labels: parseLabels(flags.label) } : {}),
    ...(flags.ruleId !== undefined ? { ruleId: flags.ruleId } : {}),
  };
  // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
  const [{ diffRouting, readNotificationSetups, routingChangeLines, routingTable, whoIsNotified, windowWarnings }, { routingReport }] = await Promise.all([
    import('../../constructs/notify/index.js'),
    import('../../constructs/report/routing-report.js'),
  ]);
  const head = readNotificationSetups(outdir, io.cwd);
  for (const warning of windowWarnings(head)) io.err(`warning: ${warning}`);
  if (flags.base !== undefined) {
    const base = readNotificationSetups(flags.base, io.cwd);
    // one instant, or the week from it; each side answers only for what it has
    const stretch = { from: at, to: flags.week ? undefined : at + 1 };
    const tableOf = (setups: typeof head): RoutingTable => routingTable(setups, { ...query, from: stretch.from, ...(stretch.to !== undefined ? { to: stretch.to } : {}) });
    const before = tableOf(base);
    const after = tableOf(head);
    const changes = diffRouting(before, after);
    const lines = routingChangeLines(changes, after, zone);
    if (flags.format === 'json') io.out(JSON.stringify({ from: after.from, to: after.to, timeZone: zone, changes, lines }, null, 2));
    else io.out(visibleText(lines.length > 0 ? lines.join('\n') : 'No routing change.'));
    setExitCode(EXIT.ok);
    return;
  }
  if (flags.week) {
    const table = routingTable(head, { ...query, from: at });
    if (flags.format === 'json') io.out(JSON.stringify({ ...table, timeZone: zone }, null, 2));
    else io.out(visibleText(tableText(table, zone).join('\n')));
    if (flags.html !== undefined) writeAtomically(resolvePath(io.cwd, flags.html), routingReport(table, zone), `--html ${flags.html}`, 'routing.html');
    // an alert that reaches nobody all week is a finding, as a failed policy is
    setExitCode(table.environments.some((e) => e.flags.some((f) => f.flag === 'never-notifies')) ? EXIT.failed : EXIT.ok);
    return;
  }
  const answers = whoIsNotified(head, { ...query, at });
  if (flags.format === 'json') {
    io.out(JSON.stringify({ at, timeZone: zone, answers }, (_key, value: unknown) => (value === Number.POSITIVE_INFINITY ? null : value), 2));
  } else {
    const wall = formatInZone(new Date(at), zone).slice(0, 16).replace('T', ' ');
    io.out(visibleText([`If it fires at ${wall} (${zone}):`, ...answers.flatMap((a) => tierText(a, zone))].join('\n')));
  }
  setExitCode(EXIT.ok);
}

export const registerRoute: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('route')
    .description(
      'Who is notified (and paged) when alerts of a synthesized app fire at a given time, their no-data alerts included, with the tier that inhibits each lower tier; --week for a week-long table, --base to compare two synth outputs',
    )
    .argument('[outdir]', 'cdktf output folder (holds manifest.json)', 'cdktf.out')
    .requiredOption(
      '--at <time>',
      'when the alert fires: ISO 8601 with an offset (2026-03-29T03:00:00+02:00), or without one and --time-zone (a time a DST change skips is placed as SigNoz places it)',
    )
    .option('--time-zone <zone>', 'IANA time zone for --at without an offset and for the times printed (default: UTC)')
    .option('--env <name>', 'only this environment (default: every environment)')
    .option('--alert <name>', 'only this alert (its name, or signoz_rule.<id>)')
    .option('--tier <name>', 'only this tier (threshold name, e.g. critical); without it, every tier and the no-data alert of rules that alert on absent data')
    .option(
      '--no-data',
      'only the no-data alert ("[No data] <name>") of rules with alertOnAbsent: it reaches the channels of every tier, or the route policies that match its labels',
    )
    .option('--also-firing <tier>', 'a higher tier that fires too: with usePolicy false, the tier below it is inhibited (notifies nobody); repeatable', collect, [])
    .option('--label <name=value>', 'a label of the firing series (group-by label); repeatable', collect, [])
    .option('--rule-id <id>', 'the id SigNoz gave the rule, for route expressions and windows that name it')
    .option('--week', 'table mode: every alert x tier x environment over the week from --at, with alerts that never page or never notify')
    .option('--html <file>', 'with --week: also write an HTML report, per environment the routing table and a timeline of the week (paged, notified, muted)')
    .option('--base <outdir>', 'compare with this synth output (the base) and print what changes')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((outdir: string, flags: RouteFlags) => run(outdir, flags, io, setExitCode));
};
