/**
 * What a change does to who is notified: two routing tables (base and head, over the same
 * stretch) compared tier by tier and moment by moment, e.g. "Payments errors [critical] in prod,
 * Sun 02:00-06:00: paged (pagerduty-payments) before, slack-payments only after".
 */
import { formatInZone } from '../maintenance/zoned-time';
import type { RoutingRow, RoutingSegment, RoutingTable } from './routing-week';

/** The answer in one stretch, as compared. */
export type RoutingOutcome = Omit<RoutingSegment, 'from' | 'to'>;

/** A stretch in which base and head answer differently. */
export interface RoutingChangeSpan {
  readonly from: number;
  readonly to: number;
  /** Undefined when the tier does not exist on that side. */
  readonly before?: RoutingOutcome;
  readonly after?: RoutingOutcome;
}

/** One tier whose answer changes somewhere in the stretch. */
export interface RoutingChange {
  readonly environment: string;
  readonly alert: string;
  /** The threshold name, or `[no data]` for the no-data alert. */
  readonly tier: string;
  /** The change is on the rule's no-data alert. */
  readonly noData: boolean;
  /** `added`/`removed`: the tier exists on one side only. */
  readonly kind: 'added' | 'removed' | 'changed';
  readonly spans: readonly RoutingChangeSpan[];
}

const keyOf = (environment: string, row: RoutingRow): string => `${environment}\n${row.alert}\n${row.noData ? 'no data' : 'tier'}\n${row.tier}`;

function rowsByKey(table: RoutingTable): Map<string, { environment: string; row: RoutingRow }> {
  const out = new Map<string, { environment: string; row: RoutingRow }>();
  for (const environment of table.environments) for (const row of environment.rows) out.set(keyOf(environment.name, row), { environment: environment.name, row });
  return out;
}

function outcomeAt(row: RoutingRow | undefined, t: number): RoutingOutcome | undefined {
  const segment = row?.segments.find((s) => s.from <= t && t < s.to);
  if (!segment) return undefined;
  const { from: _from, to: _to, ...outcome } = segment;
  return outcome;
}

function sameOutcome(a: RoutingOutcome | undefined, b: RoutingOutcome | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.notified === b.notified && a.paged === b.paged && a.channels.join('\n') === b.channels.join('\n') && a.mutedBy.join('\n') === b.mutedBy.join('\n');
}

/**
 * Tiers (by environment, alert name and tier name) whose answer differs between `base` and `head`,
 * with the stretches where it does. Both tables should cover the same stretch.
 */
export function diffRouting(base: RoutingTable, head: RoutingTable): RoutingChange[] {
  const before = rowsByKey(base);
  const after = rowsByKey(head);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a.localeCompare(b));
  const changes: RoutingChange[] = [];
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    const points = [...new Set([...(b?.row.segments ?? []), ...(a?.row.segments ?? [])].flatMap((s) => [s.from, s.to]))].sort((x, y) => x - y);
    const spans: RoutingChangeSpan[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      const was = outcomeAt(b?.row, from);
      const now = outcomeAt(a?.row, from);
      if (sameOutcome(was, now)) continue;
      const last = spans[spans.length - 1];
      if (last && last.to === from && sameOutcome(last.before, was) && sameOutcome(last.after, now)) spans[spans.length - 1] = { ...last, to };
      else spans.push({ from, to, ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) });
    }
    if (spans.length === 0) continue;
    const row = (a ?? b)!;
    changes.push({ environment: row.environment, alert: row.row.alert, tier: row.row.tier, noData: row.row.noData, kind: !b ? 'added' : !a ? 'removed' : 'changed', spans });
  }
  return changes;
}

/** An answer in a few words: `paged (pagerduty-payments; also slack-payments)`, `slack-payments only`, `muted by "release"`, `nobody`. */
export function describeOutcome(outcome: RoutingOutcome | undefined): string {
  if (!outcome) return 'no such alert';
  const maybe = (l: string): string => (l === 'maybe' ? ' (depends on run-time labels)' : '');
  if (outcome.notified === 'no') return outcome.mutedBy.length > 0 ? `muted by ${outcome.mutedBy.map((m) => `"${m}"`).join(', ')}` : 'nobody';
  if (outcome.paged !== 'no') {
    const others = outcome.channels.filter((c) => !outcome.paging.includes(c));
    return `paged${maybe(outcome.paged)} (${outcome.paging.join(', ')}${others.length > 0 ? `; also ${others.join(', ')}` : ''})`;
  }
  return `${outcome.channels.join(', ')} only${maybe(outcome.notified)}`;
}

const wallClock = (t: number, timeZone: string): string => formatInZone(new Date(t), timeZone).slice(0, 16).replace('T', ' ');

/** When a change applies: `all the time`, `at <time>` for a one-instant table, one stretch, or how many stretches and how long in all. */
export function describeSpans(spans: readonly Pick<RoutingChangeSpan, 'from' | 'to'>[], table: Pick<RoutingTable, 'from' | 'to'>, timeZone: string): string {
  const first = spans[0]!;
  if (spans.length === 1 && first.from === table.from && first.to === table.to) {
    return table.to - table.from <= 1 ? `at ${wallClock(table.from, timeZone)} (${timeZone})` : 'all the time';
  }
  const stretch = (s: Pick<RoutingChangeSpan, 'from' | 'to'>): string => `${wallClock(s.from, timeZone)} to ${wallClock(s.to, timeZone)}`;
  if (spans.length === 1) return `${stretch(first)} (${timeZone})`;
  const hours = spans.reduce((sum, s) => sum + (s.to - s.from), 0) / 3_600_000;
  return `${spans.length} stretches, ${Number(hours.toFixed(1))}h in all, from ${stretch(first)} (${timeZone})`;
}

/**
 * One line per tier and kind of change: `prod "Payments errors" critical, <when>: paged (...)
 * before, slack-payments only after`; the no-data alert's tier reads `[no data]`.
 */
export function routingChangeLines(changes: readonly RoutingChange[], table: Pick<RoutingTable, 'from' | 'to'>, timeZone: string): string[] {
  return changes.flatMap((change) => {
    const groups = new Map<string, RoutingChangeSpan[]>();
    for (const span of change.spans) {
      const what = `${describeOutcome(span.before)} before, ${describeOutcome(span.after)} after`;
      groups.set(what, [...(groups.get(what) ?? []), span]);
    }
    return [...groups].map(([what, spans]) => `${change.environment} "${change.alert}" ${change.tier}, ${describeSpans(spans, table, timeZone)}: ${what}`);
  });
}
