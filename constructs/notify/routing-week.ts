/**
 * The routing of a whole estate over a stretch of time (a week by default): for every environment,
 * alert and tier, the stretches of time with the same answer (who is notified, whether anyone is
 * paged, which windows mute), and the alerts that can never page or never notify anyone. Built
 * for tables, timelines and the base/head comparison alike.
 */
import { maintenanceBreakpoints } from '../maintenance/maintenance-activity';
import type { MaintenanceWindowSetup, NotificationSetup } from './notification-setup';
import { mutingAt, OccurrenceCache, outcomeOf, routeTier, selectTiers, RouteQueryError, type Likelihood, type RouteQuery, type TierNotification } from './who-is-notified';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** One stretch of time in which a tier's answer does not change. */
export interface RoutingSegment {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  /** Channels notified in this stretch (none while muted for sure). */
  readonly channels: readonly string[];
  /** Those of `channels` that page. */
  readonly paging: readonly string[];
  readonly notified: Likelihood;
  readonly paged: Likelihood;
  /** Names of the windows that mute (or may mute) in this stretch. */
  readonly mutedBy: readonly string[];
}

/**
 * One tier of one alert (or its no-data alert) over the whole stretch: the parts of
 * {@link TierNotification} that hold all week, and the stretches where the rest changes.
 */
export interface RoutingRow extends Pick<
  TierNotification,
  'stack' | 'alert' | 'address' | 'tier' | 'noData' | 'absentForMinutes' | 'inhibitedWhile' | 'inhibited' | 'routing' | 'disabled' | 'policies' | 'channels'
> {
  /** Consecutive, covering `[from, to)` of the table, neighbours always different. */
  readonly segments: readonly RoutingSegment[];
}

/** An alert flagged for the whole stretch, over all its tiers. */
export interface RoutingFlag {
  readonly alert: string;
  readonly address: string;
  readonly stack: string;
  /** `never-pages`: no tier (nor the no-data alert) pages at any time; `never-notifies`: none notifies anyone at any time. */
  readonly flag: 'never-pages' | 'never-notifies';
}

export interface EnvironmentRouting {
  readonly name: string;
  readonly rows: readonly RoutingRow[];
  readonly flags: readonly RoutingFlag[];
}

/** The routing of every selected alert and tier over `[from, to)`. */
export interface RoutingTable {
  readonly from: number;
  readonly to: number;
  readonly environments: readonly EnvironmentRouting[];
}

/** What `routingTable` covers. */
export interface RoutingTableQuery extends Omit<RouteQuery, 'at'> {
  /** Start of the stretch. */
  readonly from: Date | number;
  /** End of the stretch (exclusive). @default - a week after `from` */
  readonly to?: Date | number;
}

const ms = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

function sameSegment(a: Omit<RoutingSegment, 'from' | 'to'>, b: Omit<RoutingSegment, 'from' | 'to'>): boolean {
  return a.notified === b.notified && a.paged === b.paged && a.channels.join('\n') === b.channels.join('\n') && a.mutedBy.join('\n') === b.mutedBy.join('\n');
}

/** Answers for every selected tier over the stretch; throws a RouteQueryError for a question about what does not exist. */
export function routingTable(setups: readonly NotificationSetup[], query: RoutingTableQuery): RoutingTable {
  const from = ms(query.from);
  const to = query.to === undefined ? from + WEEK_MS : ms(query.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RouteQueryError('the time is not a valid date');
  if (to <= from) throw new RouteQueryError('the end of the stretch must be after its start');
  const byEnvironment = new Map<string, RoutingRow[]>();
  // Windows are shared by every tier they apply to: each one's breakpoints and occurrences are worked out once.
  const breakpoints = new Map<object, readonly number[]>();
  const breakpointsOf = (window: MaintenanceWindowSetup): readonly number[] => {
    let points = breakpoints.get(window);
    if (!points) {
      try {
        points = maintenanceBreakpoints(window.schedule, from, to).filter((p) => p < to);
      } catch {
        points = []; // a window whose times cannot be read mutes nothing
      }
      breakpoints.set(window, points);
    }
    return points;
  };
  const occurrences = new OccurrenceCache();
  for (const { environment, stack, rule, tier, noData } of selectTiers(setups, query)) {
    const { windows, ...routing } = routeTier(environment, stack, rule, tier, query, noData);
    const points = new Set<number>([from]);
    for (const { window } of windows) for (const p of breakpointsOf(window)) points.add(p);
    const starts = [...points].sort((a, b) => a - b);
    const segments: RoutingSegment[] = [];
    starts.forEach((start, i) => {
      const mutedBy = mutingAt(windows, start, occurrences);
      const outcome = outcomeOf(routing, mutedBy);
      const segment = {
        from: start,
        to: starts[i + 1] ?? to,
        channels: outcome.notified === 'no' ? [] : routing.channels.map((c) => c.name),
        paging: outcome.notified === 'no' ? [] : routing.channels.filter((c) => c.pages).map((c) => c.name),
        ...outcome,
        mutedBy: mutedBy.map((w) => w.name),
      };
      const last = segments[segments.length - 1];
      if (last && sameSegment(last, segment)) segments[segments.length - 1] = { ...last, to: segment.to };
      else segments.push(segment);
    });
    const { environment: name, ...row } = routing;
    let rows = byEnvironment.get(name);
    if (!rows) byEnvironment.set(name, (rows = []));
    rows.push({ ...row, segments });
  }
  return {
    from,
    to,
    environments: [...byEnvironment].map(([name, rows]) => ({ name, rows, flags: flagsOf(rows) })),
  };
}

function flagsOf(rows: readonly RoutingRow[]): RoutingFlag[] {
  const byAlert = new Map<string, RoutingRow[]>();
  for (const row of rows) {
    const key = `${row.stack}\n${row.address}`;
    let tiers = byAlert.get(key);
    if (!tiers) byAlert.set(key, (tiers = []));
    tiers.push(row);
  }
  const flags: RoutingFlag[] = [];
  for (const tiers of byAlert.values()) {
    const first = tiers[0]!;
    const segments = tiers.flatMap((r) => r.segments);
    const base = { alert: first.alert, address: first.address, stack: first.stack };
    if (segments.every((s) => s.notified === 'no')) flags.push({ ...base, flag: 'never-notifies' });
    else if (segments.every((s) => s.paged === 'no')) flags.push({ ...base, flag: 'never-pages' });
  }
  return flags;
}
