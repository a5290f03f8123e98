/**
 * One behaviour test case drawn as an SVG chart: the series the rule evaluates (one polyline
 * each), each tier's target and recovery target as horizontal lines, a marker where an alert of
 * a tier fires and where it resolves, and below the plot one strip per tier with its state at
 * every evaluation. Elements carry `class` and `data-*` attributes a browser test can find.
 */
import { convertUnit, sortThresholds, LABEL_THRESHOLD_NAME, type EvaluableRule, type ResultSeries } from '../evaluation';
import { selectedSeries } from '../evaluation/evaluator';
import { formatLabels, labelSetKey } from '../evaluation/label-set';
import { formatShortDuration } from '../model/duration';
import type { CaseResult } from '../testing/run-behaviour-test';
import { coordinate, escapeHtml, formatValue } from './html-page';

const WIDTH = 780;
const PLOT_HEIGHT = 260;
const LEFT = 72;
const RIGHT = 16;
const TOP = 12;
const X_AXIS = 40;
const STRIP_ROW = 18;
const BOTTOM = 12;

const SERIES_COLOURS = ['#0969da', '#1a7f37', '#8250df', '#bc4c00', '#0a7b83', '#6e7781', '#bf3989', '#4d2d00'];
const TIER_COLOURS = ['#cf222e', '#d4760a', '#8250df', '#0a7b83', '#57606a'];
const STATE_COLOURS: Readonly<Record<StripState, string>> = { firing: '#cf222e', recovering: '#d4a72c', nodata: '#6e7781' };
/** The strip row of absent-data alerts, which carry no tier. */
const NO_DATA_ROW = 'no data';

type StripState = 'firing' | 'recovering' | 'nodata';

interface Tier {
  readonly name: string;
  readonly colour: string;
  readonly description: string;
  readonly target: number;
  readonly recovery?: number;
}

interface Marker {
  readonly kind: 'firing' | 'resolving';
  readonly row: string;
  readonly time: number;
  readonly value: number;
  readonly labels: Readonly<Record<string, string>>;
}

interface Plotted {
  readonly query: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly points: readonly (readonly [number, number])[];
}

/** `ms` after the case's start, as tests write it: `0`, `90s`, `1h30m`, `2d3h`. */
export function offsetText(ms: number): string {
  return ms === 0 ? '0' : formatShortDuration(ms);
}

/** The series the rule's thresholds are compared with: the selected query's, or its formula computed over the whole case. */
function plottedSeries(rule: EvaluableRule, result: CaseResult): Plotted[] {
  const given = result.series[rule.selectedQuery];
  if (given) return given.map((one) => ({ query: rule.selectedQuery, labels: one.labels, points: one.points }));
  let start = Infinity;
  let end = -Infinity;
  for (const list of Object.values(result.series))
    for (const one of list)
      for (const [t] of one.points) {
        start = Math.min(start, t);
        end = Math.max(end, t);
      }
  if (!Number.isFinite(start)) return [];
  let computed: ResultSeries[];
  try {
    computed = selectedSeries(rule, result.series, { start, end: end + 1 }, end + 1);
  } catch {
    // a formula the evaluator refused: the case's failures say why, the chart shows no series
    computed = [];
  }
  return computed.map((one) => ({ query: rule.selectedQuery, labels: one.labels, points: one.points }));
}

/** How each match type reduces the window, in words for the legend. */
const MATCH_TEXT: Readonly<Record<string, string>> = {
  at_least_once: 'any value',
  all_the_times: 'every value',
  on_average: 'the average',
  in_total: 'the sum',
  last: 'the last value',
};

function tiersOf(rule: EvaluableRule): Tier[] {
  return sortThresholds(rule.thresholds).map((t, i) => {
    const recovery = t.recoveryTarget !== undefined ? convertUnit(t.recoveryTarget, t.targetUnit, rule.unit) : undefined;
    const target = convertUnit(t.target, t.targetUnit, rule.unit);
    return {
      name: t.name,
      colour: TIER_COLOURS[i % TIER_COLOURS.length]!,
      description: `fires when ${MATCH_TEXT[t.matchType] ?? t.matchType} in the window is ${t.op.replace(/_/g, ' ')} ${formatValue(target)}`,
      target,
      ...(recovery !== undefined ? { recovery } : {}),
    };
  });
}

/** Which strip row an alert belongs to: its tier, or the absent-data row. */
const rowOf = (labels: Readonly<Record<string, string>>): string => labels[LABEL_THRESHOLD_NAME] ?? NO_DATA_ROW;

function markersOf(result: CaseResult, tiers: readonly Tier[], bottom: number): Marker[] {
  const markers: Marker[] = [];
  const lineOf = (row: string): number => {
    const tier = tiers.find((t) => t.name === row);
    return tier ? (tier.recovery ?? tier.target) : bottom;
  };
  for (const tick of result.timeline.ticks) {
    const snapshots = new Map(tick.alerts.map((a) => [labelSetKey(a.labels), a]));
    for (const transition of tick.transitions) {
      const fired = (transition.to === 'firing' || transition.to === 'nodata') && (transition.from === 'new' || transition.from === 'pending' || transition.from === 'inactive');
      if (!fired) continue;
      const row = rowOf(transition.labels);
      const value = snapshots.get(labelSetKey(transition.labels))?.value;
      markers.push({
        kind: 'firing',
        row,
        time: tick.time,
        value: value !== undefined && Number.isFinite(value) && row !== NO_DATA_ROW ? value : lineOf(row),
        labels: transition.labels,
      });
    }
    for (const resolved of tick.resolved) {
      const row = rowOf(resolved.labels);
      markers.push({ kind: 'resolving', row, time: tick.time, value: lineOf(row), labels: resolved.labels });
    }
  }
  return markers;
}

/** Each row's state at each evaluation, merged into runs: `[row, state, from, to]`. */
function stateRuns(result: CaseResult, rows: readonly string[], frequency: number): { row: string; state: StripState; from: number; to: number }[] {
  const runs: { row: string; state: StripState; from: number; to: number }[] = [];
  const rank: Readonly<Record<StripState, number>> = { recovering: 1, nodata: 2, firing: 3 };
  const open = new Map<string, { row: string; state: StripState; from: number; to: number }>();
  for (const tick of result.timeline.ticks) {
    const now = new Map<string, StripState>();
    for (const alert of tick.alerts) {
      if (alert.state === 'pending') continue;
      const row = rowOf(alert.labels);
      const state = alert.state;
      const was = now.get(row);
      if (was === undefined || rank[state] > rank[was]) now.set(row, state);
    }
    for (const row of rows) {
      const state = now.get(row);
      const current = open.get(row);
      if (current && current.state === state && current.to === tick.time) {
        current.to = tick.time + frequency;
        continue;
      }
      if (current) {
        runs.push(current);
        open.delete(row);
      }
      if (state !== undefined) open.set(row, { row, state, from: tick.time, to: tick.time + frequency });
    }
  }
  runs.push(...open.values());
  return runs;
}

/** A step for about `count` ticks over `range`: 1, 2 or 5 times a power of ten. */
function niceStep(range: number, count: number): number {
  const raw = range / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
}

const TIME_STEPS = [1000, 5000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000];

function valueDomain(values: readonly number[]): { lo: number; hi: number; step: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!Number.isFinite(min)) return { lo: 0, hi: 1, step: 0.2 };
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  // a little room, so a flat series at the extreme is not drawn on the frame
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const step = niceStep(max - min, 6);
  return { lo: Math.floor(min / step) * step, hi: Math.ceil(max / step) * step, step };
}

/** Runs of consecutive finite points, so a gap in the series is a gap in the line. */
function segments(points: readonly (readonly [number, number])[]): (readonly [number, number])[][] {
  const sorted = [...points].filter(([t]) => Number.isFinite(t)).sort((a, b) => a[0] - b[0]);
  let interval = Infinity;
  for (let i = 1; i < sorted.length; i++) interval = Math.min(interval, sorted[i]![0] - sorted[i - 1]![0] || Infinity);
  const out: (readonly [number, number])[][] = [];
  let current: (readonly [number, number])[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const point = sorted[i]!;
    const gap = i > 0 && point[0] - sorted[i - 1]![0] > interval * 1.5;
    if (!Number.isFinite(point[1]) || gap) {
      if (current.length > 0) out.push(current);
      current = [];
    }
    if (Number.isFinite(point[1])) current.push(point);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function swatch(kind: 'line' | 'dashed' | 'firing' | 'resolving' | 'band', colour: string): string {
  const body =
    kind === 'line' || kind === 'dashed'
      ? `<line x1="1" y1="6" x2="21" y2="6" stroke="${colour}" stroke-width="2"${kind === 'dashed' ? ' stroke-dasharray="4 3"' : ''}/>`
      : kind === 'firing'
        ? `<path d="M11 1 L16 10 L6 10 Z" fill="${colour}"/>`
        : kind === 'resolving'
          ? `<circle cx="11" cy="6" r="4" fill="#fff" stroke="${colour}" stroke-width="2"/>`
          : `<rect x="1" y="2" width="20" height="8" fill="${colour}" opacity="0.8"/>`;
  return `<svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">${body}</svg>`;
}

/**
 * The chart of one case: an `<svg data-chart="behaviour-test">` and its legend, or a line saying
 * why there is none (the case did not run). Same input, same bytes.
 */
export function behaviourCaseChart(rule: EvaluableRule, result: CaseResult): string {
  const ticks = result.timeline.ticks;
  if (ticks.length === 0) return '<p class="muted">No chart: the case did not run.</p>';
  const series = plottedSeries(rule, result);
  const tiers = tiersOf(rule);
  const frequency = rule.schedule.frequencyMs;
  const start = result.start;
  let end = ticks.at(-1)!.time;
  for (const one of series) for (const [t] of one.points) if (Number.isFinite(t)) end = Math.max(end, t);
  end = Math.max(end, start + 1);

  const values: number[] = [];
  for (const one of series) for (const [, v] of one.points) values.push(v);
  for (const tier of tiers) values.push(tier.target, ...(tier.recovery !== undefined ? [tier.recovery] : []));
  for (const tick of ticks) for (const alert of tick.alerts) if (alert.labels[LABEL_THRESHOLD_NAME] !== undefined) values.push(alert.value);
  const { lo, hi, step } = valueDomain(values);
  const markers = markersOf(result, tiers, lo);

  const rows = [...tiers.map((t) => t.name)];
  if (ticks.some((t) => t.alerts.some((a) => rowOf(a.labels) === NO_DATA_ROW)) || markers.some((m) => m.row === NO_DATA_ROW)) rows.push(NO_DATA_ROW);
  const stripTop = TOP + PLOT_HEIGHT + X_AXIS;
  const height = stripTop + rows.length * STRIP_ROW + BOTTOM;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (t: number): number => LEFT + ((t - start) / (end - start)) * plotWidth;
  const y = (v: number): number => TOP + PLOT_HEIGHT - ((v - lo) / (hi - lo)) * PLOT_HEIGHT;
  const unit = rule.unit ? ` (${rule.unit})` : '';
  const svg: string[] = [];
  svg.push(
    `<svg data-chart="behaviour-test" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(`${rule.name}: ${result.name}`)}">`,
    `<rect x="${LEFT}" y="${TOP}" width="${plotWidth}" height="${PLOT_HEIGHT}" fill="#fff" stroke="#d0d7de"/>`,
  );

  // value axis: grid lines and labels
  svg.push('<g class="axis y-axis">');
  const yTicks = Math.round((hi - lo) / step);
  for (let i = 0; i <= yTicks; i++) {
    const v = lo + i * step;
    const py = coordinate(y(v));
    svg.push(`<line x1="${LEFT}" y1="${py}" x2="${LEFT + plotWidth}" y2="${py}" stroke="#eaeef2"/>`);
    svg.push(`<text x="${LEFT - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatValue(v))}</text>`);
  }
  svg.push(`<text class="axis-label" transform="translate(14 ${coordinate(TOP + PLOT_HEIGHT / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(`value${unit}`)}</text>`, '</g>');

  // time axis: offsets from the case's start, as eval_time is written
  const timeStep = TIME_STEPS.find((s) => (end - start) / s <= 10) ?? Math.ceil((end - start) / 10 / 86_400_000) * 86_400_000;
  svg.push('<g class="axis x-axis">');
  for (let t = start; t <= end; t += timeStep) {
    const px = coordinate(x(t));
    svg.push(`<line x1="${px}" y1="${TOP}" x2="${px}" y2="${TOP + PLOT_HEIGHT}" stroke="#f0f2f4"/>`);
    svg.push(`<text x="${px}" y="${TOP + PLOT_HEIGHT + 14}" text-anchor="middle">${offsetText(t - start)}</text>`);
  }
  svg.push(
    `<text class="axis-label" x="${coordinate(LEFT + plotWidth / 2)}" y="${TOP + PLOT_HEIGHT + 32}" text-anchor="middle">${escapeHtml(`time after the start, ${new Date(start).toISOString().replace('.000Z', 'Z')}`)}</text>`,
    '</g>',
  );

  // thresholds
  for (const tier of tiers) {
    for (const [kind, v] of [['target', tier.target], ...(tier.recovery !== undefined ? [['recovery', tier.recovery] as const] : [])] as const) {
      if (!Number.isFinite(v)) continue;
      const py = coordinate(y(v));
      svg.push(
        `<line class="threshold" data-tier="${escapeHtml(tier.name)}" data-kind="${kind}" x1="${LEFT}" y1="${py}" x2="${LEFT + plotWidth}" y2="${py}" stroke="${tier.colour}" stroke-width="1.5"${kind === 'recovery' ? ' stroke-dasharray="6 4"' : ''}><title>${escapeHtml(`${tier.name} ${kind === 'target' ? 'target' : 'recovery target'}: ${formatValue(v)}${unit}`)}</title></line>`,
      );
    }
  }

  // series
  series.forEach((one, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    svg.push(`<g class="series" data-series="${i}" data-query="${escapeHtml(one.query)}"><title>${escapeHtml(`${one.query} ${formatLabels(one.labels)}`)}</title>`);
    for (const segment of segments(one.points)) {
      const points = segment.map(([t, v]) => `${coordinate(x(t))},${coordinate(y(v))}`).join(' ');
      if (segment.length === 1) svg.push(`<circle class="series-point" cx="${coordinate(x(segment[0]![0]))}" cy="${coordinate(y(segment[0]![1]))}" r="2.5" fill="${colour}"/>`);
      else svg.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`);
    }
    svg.push('</g>');
  });

  // firing and resolving markers
  const colourOf = (row: string): string => tiers.find((t) => t.name === row)?.colour ?? STATE_COLOURS.nodata;
  // markers that would cover each other (two tiers firing at one tick and value) are set side by side
  const taken = new Map<string, number>();
  for (const marker of markers) {
    const spot = `${marker.kind} ${coordinate(x(marker.time))} ${coordinate(y(marker.value))}`;
    const nth = taken.get(spot) ?? 0;
    taken.set(spot, nth + 1);
    const px = x(marker.time) + nth * 11;
    const py = y(marker.value);
    const title = `<title>${escapeHtml(`${marker.kind === 'firing' ? 'fires' : 'resolves'} at ${offsetText(marker.time - start)}: ${marker.row}${marker.kind === 'firing' && marker.row !== NO_DATA_ROW ? ` value ${formatValue(marker.value)}${unit}` : ''} ${formatLabels(marker.labels)}`)}</title>`;
    const attributes = `class="marker ${marker.kind}" data-tier="${escapeHtml(marker.row)}" data-time="${marker.time - start}"`;
    const tickX = coordinate(x(marker.time));
    if (nth === 0)
      svg.push(
        `<line x1="${tickX}" y1="${TOP}" x2="${tickX}" y2="${stripTop + rows.length * STRIP_ROW}" stroke="${colourOf(marker.row)}" stroke-opacity="0.35" stroke-dasharray="2 3"/>`,
      );
    svg.push(
      marker.kind === 'firing'
        ? `<path ${attributes} d="M${coordinate(px)} ${coordinate(py - 7)} L${coordinate(px + 6)} ${coordinate(py + 4)} L${coordinate(px - 6)} ${coordinate(py + 4)} Z" fill="${colourOf(marker.row)}" stroke="#fff">${title}</path>`
        : `<circle ${attributes} cx="${coordinate(px)}" cy="${coordinate(py)}" r="5" fill="#fff" stroke="${colourOf(marker.row)}" stroke-width="2">${title}</circle>`,
    );
  }

  // one strip per tier: its state after each evaluation
  svg.push('<g class="states">');
  rows.forEach((row, i) => {
    const rowY = stripTop + i * STRIP_ROW;
    const name = row.length > 10 ? `${row.slice(0, 9)}…` : row;
    svg.push(
      `<rect x="${LEFT}" y="${rowY + 2}" width="${plotWidth}" height="${STRIP_ROW - 4}" fill="#f6f8fa"/>`,
      `<text x="${LEFT - 6}" y="${rowY + STRIP_ROW / 2}" text-anchor="end" dominant-baseline="middle">${escapeHtml(name)}<title>${escapeHtml(row)}</title></text>`,
    );
  });
  for (const run of stateRuns(result, rows, frequency)) {
    const i = rows.indexOf(run.row);
    const from = x(run.from);
    const to = Math.min(x(run.to), LEFT + plotWidth);
    svg.push(
      `<rect class="state ${run.state}" data-tier="${escapeHtml(run.row)}" x="${coordinate(from)}" y="${stripTop + i * STRIP_ROW + 2}" width="${coordinate(Math.max(to - from, 1))}" height="${STRIP_ROW - 4}" fill="${STATE_COLOURS[run.state]}" opacity="0.8"><title>${escapeHtml(`${run.row} ${run.state} from ${offsetText(run.from - start)} to ${offsetText(run.to - start)}`)}</title></rect>`,
    );
  }
  svg.push('</g>', '</svg>');

  const legend: string[] = [];
  series.forEach((one, i) =>
    legend.push(`<li data-legend="series">${swatch('line', SERIES_COLOURS[i % SERIES_COLOURS.length]!)}${escapeHtml(`${one.query} ${formatLabels(one.labels)}`)}</li>`),
  );
  if (series.length === 0) legend.push(`<li class="muted">${escapeHtml(`no series for query ${rule.selectedQuery}`)}</li>`);
  for (const tier of tiers) {
    legend.push(`<li data-legend="threshold">${swatch('line', tier.colour)}${escapeHtml(`${tier.name}: ${tier.description}${unit}`)}</li>`);
    if (tier.recovery !== undefined)
      legend.push(`<li data-legend="threshold">${swatch('dashed', tier.colour)}${escapeHtml(`${tier.name} recovers at ${formatValue(tier.recovery)}${unit}`)}</li>`);
  }
  legend.push(`<li data-legend="marker">${swatch('firing', '#57606a')}fires</li>`, `<li data-legend="marker">${swatch('resolving', '#57606a')}resolves</li>`);
  for (const state of ['firing', 'recovering', 'nodata'] as const)
    legend.push(`<li data-legend="state">${swatch('band', STATE_COLOURS[state])}${state === 'nodata' ? 'no data' : state}</li>`);
  return `<figure>\n${svg.join('\n')}\n<ul class="legend">${legend.join('')}</ul>\n</figure>`;
}
