/**
 * The HTML report of a week's routing (`signoz-alerts route --week --html`): per environment, the
 * routing table (alert x tier: how it is routed, which channels, how much of the week it pages,
 * notifies, is muted) and a timeline, seven days across, one row per maintenance window (when it
 * mutes one of the alerts) and one per alert and tier coloured by who would hear of it.
 */
import { DateTime } from 'luxon';
import type { EnvironmentRouting, RoutingRow, RoutingSegment, RoutingTable } from '../notify/routing-week';
import { coordinate, escapeHtml, htmlPage } from './html-page';

/** What firing at a moment leads to, worst news first. */
export type Coverage = 'paged' | 'maybe-paged' | 'notified' | 'maybe-notified' | 'muted' | 'nobody';

const COVERAGE: readonly { readonly kind: Coverage; readonly colour: string; readonly text: string }[] = [
  { kind: 'paged', colour: '#cf222e', text: 'paged' },
  { kind: 'maybe-paged', colour: '#f19ea4', text: 'maybe paged (depends on labels known when it fires)' },
  { kind: 'notified', colour: '#0969da', text: 'notified, nobody paged' },
  { kind: 'maybe-notified', colour: '#9ecbff', text: 'maybe notified' },
  { kind: 'muted', colour: '#57606a', text: 'muted by maintenance' },
  { kind: 'nobody', colour: '#e6d27a', text: 'nobody: no channel reached' },
];
const WINDOW_COLOUR = '#8250df';

const LABELS = 230;
const PLOT = 700;
const WIDTH = LABELS + PLOT + 12;
const HEADER = 34;
const ROW = 18;

/** Which kind of news a stretch brings. */
export function coverageOf(segment: RoutingSegment, disabled = false): Coverage {
  if (disabled) return 'nobody';
  if (segment.paged === 'yes') return 'paged';
  if (segment.paged === 'maybe') return 'maybe-paged';
  if (segment.notified === 'yes') return 'notified';
  if (segment.notified === 'maybe') return 'maybe-notified';
  return segment.mutedBy.length > 0 ? 'muted' : 'nobody';
}

const percent = (part: number, whole: number): string => (part === 0 ? '-' : part === whole ? 'always' : `${((part / whole) * 100).toFixed(1)}%`);

function shareOf(row: RoutingRow, table: RoutingTable, kinds: readonly Coverage[]): string {
  const time = row.segments.filter((s) => kinds.includes(coverageOf(s, row.disabled))).reduce((sum, s) => sum + (s.to - s.from), 0);
  return percent(time, table.to - table.from);
}

/** Stretches in which each maintenance window mutes at least one alert of the environment, merged. */
function windowActivity(environment: EnvironmentRouting): Map<string, { from: number; to: number }[]> {
  const byWindow = new Map<string, { from: number; to: number }[]>();
  for (const row of environment.rows) for (const s of row.segments) for (const name of s.mutedBy) byWindow.set(name, [...(byWindow.get(name) ?? []), { from: s.from, to: s.to }]);
  const merged = new Map<string, { from: number; to: number }[]>();
  for (const name of [...byWindow.keys()].sort()) {
    const stretches = byWindow.get(name)!.sort((a, b) => a.from - b.from);
    const out: { from: number; to: number }[] = [];
    for (const s of stretches) {
      const last = out.at(-1);
      if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
      else out.push({ ...s });
    }
    merged.set(name, out);
  }
  return merged;
}

const wall = (t: number, zone: string): string => DateTime.fromMillis(t, { zone }).toFormat('yyyy-LL-dd HH:mm');

function routingTableHtml(environment: EnvironmentRouting, table: RoutingTable): string {
  const flags = new Map(environment.flags.map((f) => [`${f.stack}\n${f.address}`, f.flag]));
  const rows = environment.rows.map((row) => {
    const channels = row.channels.map(
      (c) =>
        `${escapeHtml(c.name)}${c.kind !== undefined ? ` <span class="muted">(${escapeHtml(c.kind)})</span>` : ''}${c.pages ? ' <strong>pages</strong>' : ''}${c.reached === 'maybe' ? ' (maybe)' : ''}`,
    );
    const muted = [...new Set(row.segments.flatMap((s) => s.mutedBy))];
    const flag = flags.get(`${row.stack}\n${row.address}`);
    return [
      `<tr data-alert="${escapeHtml(row.alert)}" data-tier="${escapeHtml(row.tier)}">`,
      `<td>${escapeHtml(row.alert)}</td>`,
      `<td>${escapeHtml(row.tier)}</td>`,
      `<td>${row.disabled ? 'disabled' : escapeHtml(row.routing)}</td>`,
      `<td>${channels.join('<br>') || '-'}</td>`,
      `<td>${shareOf(row, table, ['paged'])}${shareOf(row, table, ['maybe-paged']) !== '-' ? `, maybe ${shareOf(row, table, ['maybe-paged'])}` : ''}</td>`,
      `<td>${shareOf(row, table, ['paged', 'maybe-paged', 'notified', 'maybe-notified'])}</td>`,
      `<td>${shareOf(row, table, ['muted'])}${muted.length > 0 ? ` <span class="muted">(${muted.map(escapeHtml).join(', ')})</span>` : ''}</td>`,
      `<td>${flag === undefined ? '' : flag === 'never-notifies' ? '<strong>never notifies anyone</strong>' : '<strong>never pages</strong>'}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table class="routing">',
    '<thead><tr><th>alert</th><th>tier</th><th>routing</th><th>channels</th><th>paged</th><th>notified</th><th>muted</th><th>flag</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function timelineSvg(environment: EnvironmentRouting, table: RoutingTable, zone: string): string {
  const windows = windowActivity(environment);
  const lines: { label: string; kind: 'window' | 'tier'; row?: RoutingRow }[] = [
    ...[...windows.keys()].map((name) => ({ label: `maintenance: ${name}`, kind: 'window' as const })),
    ...environment.rows.map((row) => ({ label: `${row.alert} › ${row.tier}`, kind: 'tier' as const, row })),
  ];
  const height = HEADER + lines.length * ROW + 6;
  const span = table.to - table.from;
  const x = (t: number): number => LABELS + ((Math.min(Math.max(t, table.from), table.to) - table.from) / span) * PLOT;
  const svg: string[] = [
    `<svg data-chart="routing-week" data-environment="${escapeHtml(environment.name)}" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(`routing of ${environment.name} over the week`)}">`,
  ];
  // days and quarter-days in the report's time zone
  svg.push('<g class="axis time-axis">');
  const first = DateTime.fromMillis(table.from, { zone }).startOf('day');
  for (let day = first; day.toMillis() < table.to; day = day.plus({ days: 1 })) {
    for (const hour of [0, 6, 12, 18]) {
      const t = day.plus({ hours: hour }).toMillis();
      if (t < table.from || t >= table.to) continue;
      const px = coordinate(x(t));
      svg.push(`<line x1="${px}" y1="${hour === 0 ? 4 : HEADER - 8}" x2="${px}" y2="${height}" stroke="${hour === 0 ? '#8c959f' : '#d0d7de'}"/>`);
      // a label that would run off the end (the last midnight) is left out; its line stays
      if (hour === 0 && x(t) + 64 <= LABELS + PLOT)
        svg.push(`<text class="day" x="${coordinate(x(t) + 3)}" y="14">${escapeHtml(day.setLocale('en-GB').toFormat('ccc d LLL'))}</text>`);
      else if (hour !== 0) svg.push(`<text x="${coordinate(x(t) + 2)}" y="${HEADER - 10}" font-size="9">${String(hour).padStart(2, '0')}</text>`);
    }
  }
  svg.push('</g>');
  lines.forEach((line, i) => {
    const y = HEADER + i * ROW;
    const label = line.label.length > 34 ? `${line.label.slice(0, 33)}…` : line.label;
    svg.push(
      `<rect x="${LABELS}" y="${y + 2}" width="${PLOT}" height="${ROW - 4}" fill="#f6f8fa"/>`,
      `<text x="${LABELS - 6}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle">${escapeHtml(label)}<title>${escapeHtml(line.label)}</title></text>`,
    );
    if (line.kind === 'window') {
      const name = line.label.slice('maintenance: '.length);
      for (const s of windows.get(name) ?? []) {
        svg.push(
          `<rect class="window" data-window="${escapeHtml(name)}" x="${coordinate(x(s.from))}" y="${y + 2}" width="${coordinate(Math.max(x(s.to) - x(s.from), 1))}" height="${ROW - 4}" fill="${WINDOW_COLOUR}"><title>${escapeHtml(`${name} mutes from ${wall(s.from, zone)} to ${wall(s.to, zone)} (${zone})`)}</title></rect>`,
        );
      }
      return;
    }
    const row = line.row!;
    for (const s of row.segments) {
      const kind = coverageOf(s, row.disabled);
      const colour = COVERAGE.find((c) => c.kind === kind)!.colour;
      const what = [
        kind.replace('-', ' '),
        ...(s.paging.length > 0 ? [`pages ${s.paging.join(', ')}`] : []),
        ...(s.channels.length > 0 ? [`notifies ${s.channels.join(', ')}`] : []),
        ...(s.mutedBy.length > 0 ? [`muted by ${s.mutedBy.join(', ')}`] : []),
      ].join('; ');
      svg.push(
        `<rect class="slot ${kind}" data-alert="${escapeHtml(row.alert)}" data-tier="${escapeHtml(row.tier)}" data-from="${s.from}" data-to="${s.to}" x="${coordinate(x(s.from))}" y="${y + 2}" width="${coordinate(Math.max(x(s.to) - x(s.from), 1))}" height="${ROW - 4}" fill="${colour}"><title>${escapeHtml(`${row.alert} ${row.tier}, ${wall(s.from, zone)} to ${wall(s.to, zone)} (${zone}): ${what}`)}</title></rect>`,
      );
    }
  });
  svg.push('</svg>');
  const legend = [
    `<li data-legend="window"><svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><rect x="1" y="2" width="20" height="8" fill="${WINDOW_COLOUR}"/></svg>maintenance window mutes</li>`,
    ...COVERAGE.map(
      (c) =>
        `<li data-legend="${c.kind}"><svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><rect x="1" y="2" width="20" height="8" fill="${c.colour}"/></svg>${escapeHtml(c.text)}</li>`,
    ),
  ];
  return `<figure>\n${svg.join('\n')}\n<ul class="legend">${legend.join('')}</ul>\n</figure>`;
}

/** One self-contained HTML page for a week's routing, times shown in `zone`; the same table gives the same bytes. */
export function routingReport(table: RoutingTable, zone = 'UTC'): string {
  const body: string[] = [
    '<h1>Who gets paged: routing over a week</h1>',
    `<p class="summary">${escapeHtml(`From ${wall(table.from, zone)} to ${wall(table.to, zone)} (${zone}). A maintenance window shows where it mutes one of the alerts.`)}</p>`,
  ];
  for (const environment of table.environments) {
    body.push(`<section class="environment" data-environment="${escapeHtml(environment.name)}">`, `<h2>${escapeHtml(environment.name)}</h2>`);
    if (environment.flags.length > 0) {
      body.push(
        `<ul class="flags">${environment.flags.map((f) => `<li><strong>${f.flag === 'never-notifies' ? 'never notifies anyone' : 'never pages'}</strong>: ${escapeHtml(f.alert)} <span class="muted">(${escapeHtml(f.stack)})</span></li>`).join('')}</ul>`,
      );
    }
    body.push(routingTableHtml(environment, table), timelineSvg(environment, table, zone), '</section>');
  }
  if (table.environments.length === 0) body.push('<p class="muted">No alert was selected.</p>');
  return htmlPage('Who gets paged: routing over a week', body.join('\n'));
}
