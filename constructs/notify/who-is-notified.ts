/**
 * "If this fires now, who gets paged?", answered offline from synthesized stacks the way SigNoz
 * routes (docs/channels-routing-maintenance.md, "Who is notified"):
 * - `usePolicy: false`: a tier notifies its own channels, and the no-data alert the channels of
 *   every tier; a lower tier is silenced (inhibited) while the next higher tier of the rule fires;
 * - `usePolicy: true`: every route policy of the environment is evaluated against the alert's
 *   labels (a no-data alert has no `threshold.name` and no `severity`); each match adds its
 *   channels; no match means nobody; no inhibition;
 * - a maintenance window whose `alertIds` is empty or names the rule, active at that time, and
 *   whose scope holds for the labels, mutes the alert: no channel at all;
 * - PagerDuty, Opsgenie, VictorOps and incident.io channels page; the others only post.
 * Environment `channelOverrides` are already applied in the synthesized stacks.
 */
import { sortThresholds } from '../evaluation/threshold';
import { maintenanceOccurrenceAt, type MaintenanceOccurrence } from '../maintenance/maintenance-activity';
import { parseRfc3339, zonedFields } from '../maintenance/zoned-time';
import { ToolkitError } from '../model/toolkit-error';
import { UNKNOWN, type LabelLookup } from '../routing/route-expression-reader';
import { noDataLabels, notificationLabels } from './alert-labels';
import { channelPages, type ChannelSetup, type MaintenanceWindowSetup, type NotificationSetup, type RoutePolicySetup, type RuleSetup } from './notification-setup';

/** Certain, possible (depends on labels only known at run time), or not at all. */
export type Likelihood = 'yes' | 'maybe' | 'no';

/** A question `whoIsNotified` answers. */
export interface RouteQuery {
  /** The moment the alert fires (a Date or epoch milliseconds). */
  readonly at: Date | number;
  /** Only this environment. @default - every environment */
  readonly environment?: string;
  /** Only this alert (its name, or its Terraform address `signoz_rule.<id>`). @default - every alert */
  readonly alert?: string;
  /** Only this tier (threshold name). @default - every tier, and the no-data alert of rules that have one */
  readonly tier?: string;
  /**
   * Only the no-data alert (`[No data] <name>`) of rules that alert on absent data
   * (`condition.alertOnAbsent`), instead of their tiers. @default false
   */
  readonly noData?: boolean;
  /**
   * Tiers that fire too (for the same series): with `usePolicy: false` a tier whose next higher
   * tier is among them is inhibited, so it notifies nobody. @default - the asked tier fires alone
   */
  readonly alsoFiring?: readonly string[];
  /** Series labels of the firing alert (group-by labels): they make route expressions over them decidable. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** The rule id SigNoz gave the rule, for expressions and windows that name it. @default - unknown */
  readonly ruleId?: string;
}

/** A channel the alert reaches, and how. */
export interface NotifiedChannel {
  readonly name: string;
  readonly kind?: string;
  /** PagerDuty, Opsgenie, VictorOps and incident.io page; a channel of unknown kind is judged by its name. */
  readonly pages: boolean;
  /** `maybe` when only route policies that may match reach it. */
  readonly reached: 'yes' | 'maybe';
  /** How: `tier "critical"` or `route policy "payments-critical"`. */
  readonly via: readonly string[];
}

/** One route policy judged against the alert's labels. */
export interface RoutePolicyVerdict {
  readonly name: string;
  readonly expression: string;
  /** `unreadable`: the expression does not parse (SigNoz would refuse it). */
  readonly match: Likelihood | 'unreadable';
  readonly channels: readonly string[];
}

/** A maintenance window that mutes (or may mute) the alert at the asked time. */
export interface MutingWindow {
  readonly name: string;
  /** `maybe` when its scope depends on labels only known at run time. */
  readonly mutes: 'yes' | 'maybe';
  /** Why it applies: `every alert` or `names this rule`. */
  readonly because: string;
  /** The running occurrence, epoch ms, end inclusive (Infinity for an open-ended fixed window). */
  readonly from: number;
  readonly to: number;
  /** A monthly window on day 29-31 that SigNoz misreads as active since the first of the month (`from`). */
  readonly monthStepQuirk?: true;
}

/** The `tier` of the answer about a rule's no-data alert. */
export const NO_DATA_TIER = '[no data]';

/** Who is notified when one tier of one alert fires. */
export interface TierNotification {
  readonly environment: string;
  readonly stack: string;
  readonly alert: string;
  /** Terraform address of the rule. */
  readonly address: string;
  /** The threshold name, or {@link NO_DATA_TIER} for the no-data alert. */
  readonly tier: string;
  /** The answer is about the rule's no-data alert (it fires after `absentForMinutes` without data). */
  readonly noData: boolean;
  /** No-data alerts only: minutes without data before it fires (`condition.absentFor`). */
  readonly absentForMinutes?: number;
  /**
   * `usePolicy: false` only: the next higher tier of the rule (SigNoz's order: by target, the most
   * extreme first). While it fires for the same group-by labels, SigNoz's inhibit rule silences
   * this tier; the answer is for this tier firing alone unless `alsoFiring` names it.
   */
  readonly inhibitedWhile?: string;
  /** The tier `inhibitedWhile` names fires too (`alsoFiring`): this tier notifies nobody. */
  readonly inhibited: boolean;
  /** `tier channels` (usePolicy false) or `route policies` (usePolicy true). */
  readonly routing: 'tier channels' | 'route policies';
  /** The rule is disabled: it never fires. */
  readonly disabled: boolean;
  /** Every route policy of the environment and whether it matches (route policies routing only). */
  readonly policies: readonly RoutePolicyVerdict[];
  /** The channels reached before maintenance is considered. */
  readonly channels: readonly NotifiedChannel[];
  readonly mutedBy: readonly MutingWindow[];
  /** Whether anyone is notified at all. */
  readonly notified: Likelihood;
  /** Whether a paging channel is notified. */
  readonly paged: Likelihood;
}

/** A question that names an environment, alert or tier the estate does not have. */
export class RouteQueryError extends ToolkitError {
  constructor(message: string) {
    super('route question', {}, [{ path: '', message }]);
  }
}

/** The stacks of one environment, as one SigNoz sees them. */
export interface EnvironmentSetup {
  readonly name: string;
  readonly stacks: readonly NotificationSetup[];
  readonly channels: ReadonlyMap<string, ChannelSetup>;
  readonly routePolicies: readonly RoutePolicySetup[];
}

/** Groups stacks by environment, sorted by name. */
export function environmentsOf(setups: readonly NotificationSetup[]): EnvironmentSetup[] {
  const names = [...new Set(setups.map((s) => s.environment.name))].sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const stacks = setups.filter((s) => s.environment.name === name);
    const channels = new Map<string, ChannelSetup>();
    for (const channel of stacks.flatMap((s) => s.channels)) {
      const known = channels.get(channel.name);
      if (!known || (known.kind === undefined && channel.kind !== undefined)) channels.set(channel.name, channel);
    }
    return { name, stacks, channels, routePolicies: stacks.flatMap((s) => s.routePolicies) };
  });
}

const truth = (value: boolean | typeof UNKNOWN): Likelihood => (value === UNKNOWN ? 'maybe' : value ? 'yes' : 'no');

/** Why a window applies to a rule, or undefined when its `alertIds` leave the rule out. */
function windowTargets(window: MaintenanceWindowSetup, rule: RuleSetup, sameStack: boolean, ruleId: string | undefined): string | undefined {
  if (window.alertIds.length === 0) return 'every alert';
  // Terraform references reach only resources of the same stack; a literal id may name any rule.
  if (sameStack && window.alertIds.includes(`\${${rule.address}.id}`)) return 'names this rule';
  if (ruleId !== undefined && window.alertIds.includes(ruleId)) return 'names this rule';
  return undefined;
}

/** A window that may mute one tier of a rule, with how sure its scope is. */
export interface ApplicableWindow {
  readonly window: MaintenanceWindowSetup;
  readonly mutes: 'yes' | 'maybe';
  readonly because: string;
}

/** The routing of one tier, which does not depend on the time, and the windows that could mute it. */
export interface TierRouting extends Omit<TierNotification, 'mutedBy' | 'notified' | 'paged'> {
  readonly windows: readonly ApplicableWindow[];
}

/** The next higher tier of `tier` in SigNoz's order (by target, the most extreme first), whose firing inhibits it with `usePolicy: false`. */
export function inhibitingTier(rule: RuleSetup, tier: string): string | undefined {
  const ordered = sortThresholds(
    rule.payload.condition.thresholds.spec.map((t) => ({ name: t.name, target: t.target, targetUnit: t.targetUnit ?? '', op: t.op, matchType: t.matchType })),
  );
  const index = ordered.findIndex((t) => t.name === tier);
  return index > 0 ? ordered[index - 1]!.name : undefined;
}

/**
 * Works out the channels of one tier (or, with `noData`, of the rule's no-data alert) and the
 * windows that apply to it (the time-independent part).
 */
export function routeTier(
  environment: EnvironmentSetup,
  stack: NotificationSetup,
  rule: RuleSetup,
  tier: string,
  query: Pick<RouteQuery, 'labels' | 'ruleId' | 'alsoFiring'> = {},
  noData = false,
): TierRouting {
  // the no-data alert has no series: the series labels of the question do not apply to it
  const labels: LabelLookup = noData ? noDataLabels(rule.payload, query.ruleId) : notificationLabels(rule.payload, tier, query.labels, query.ruleId);
  const usePolicy = rule.payload.notificationSettings?.usePolicy === true;
  const reached = new Map<string, { reached: 'yes' | 'maybe'; via: string[] }>();
  const reach = (name: string, how: 'yes' | 'maybe', via: string): void => {
    const known = reached.get(name);
    if (!known) reached.set(name, { reached: how, via: [via] });
    else reached.set(name, { reached: known.reached === 'yes' || how === 'yes' ? 'yes' : 'maybe', via: [...known.via, via] });
  };
  const policies: RoutePolicyVerdict[] = [];
  if (usePolicy) {
    for (const policy of environment.routePolicies) {
      const match = policy.parsed ? truth(policy.parsed.evaluate(labels)) : 'unreadable';
      policies.push({ name: policy.name, expression: policy.expression, match, channels: policy.channels });
      if (match === 'yes' || match === 'maybe') for (const c of policy.channels) reach(c, match, `route policy "${policy.name}"`);
    }
  } else {
    // a tier reaches its own channels; the no-data alert reaches those of every tier
    for (const threshold of rule.payload.condition.thresholds.spec) {
      if (noData || threshold.name === tier) for (const c of threshold.channels ?? []) reach(c, 'yes', `tier "${threshold.name}"`);
    }
  }
  const inhibitedWhile = usePolicy || noData ? undefined : inhibitingTier(rule, tier);
  const channels: NotifiedChannel[] = [...reached].map(([name, how]) => {
    const known = environment.channels.get(name);
    const kind = known?.kind;
    return { name, ...(kind !== undefined ? { kind } : {}), pages: channelPages({ name, ...(kind !== undefined ? { kind } : {}) }), ...how };
  });
  const windows: ApplicableWindow[] = [];
  for (const s of environment.stacks) {
    for (const window of s.maintenanceWindows) {
      const because = windowTargets(window, rule, s === stack, query.ruleId);
      if (because === undefined) continue;
      const scope = window.scope === undefined ? true : window.parsedScope ? window.parsedScope.evaluate(labels) : false;
      if (scope === false) continue;
      windows.push({ window, mutes: scope === UNKNOWN ? 'maybe' : 'yes', because });
    }
  }
  return {
    environment: environment.name,
    stack: stack.stack,
    alert: rule.payload.alert,
    address: rule.address,
    tier: noData ? NO_DATA_TIER : tier,
    noData,
    ...(noData ? { absentForMinutes: rule.payload.condition.absentFor ?? 0 } : {}),
    ...(inhibitedWhile !== undefined ? { inhibitedWhile } : {}),
    inhibited: inhibitedWhile !== undefined && (query.alsoFiring ?? []).includes(inhibitedWhile),
    routing: usePolicy ? 'route policies' : 'tier channels',
    disabled: rule.payload.disabled === true,
    policies,
    channels,
    windows,
  };
}

/** Remembers which occurrence of a window holds an instant, for questions asked for many tiers. */
export class OccurrenceCache {
  private readonly byWindow = new Map<object, Map<number, MaintenanceOccurrence | undefined>>();

  /** The occurrence of `window` at `at`; undefined also when its times cannot be read (SigNoz refuses such a window). */
  at(window: MaintenanceWindowSetup, at: number): MaintenanceOccurrence | undefined {
    let known = this.byWindow.get(window);
    if (!known) this.byWindow.set(window, (known = new Map<number, MaintenanceOccurrence | undefined>()));
    if (!known.has(at)) {
      let occurrence: MaintenanceOccurrence | undefined;
      try {
        occurrence = maintenanceOccurrenceAt(window.schedule, at);
      } catch {
        occurrence = undefined;
      }
      known.set(at, occurrence);
    }
    return known.get(at);
  }
}

/** The windows of a tier that mute it at `at` (epoch ms); a window whose times cannot be read mutes nothing, as SigNoz refuses it. */
export function mutingAt(windows: readonly ApplicableWindow[], at: number, cache: OccurrenceCache = new OccurrenceCache()): MutingWindow[] {
  const out: MutingWindow[] = [];
  for (const { window, mutes, because } of windows) {
    const occurrence = cache.at(window, at);
    if (occurrence) out.push({ name: window.name, mutes, because, from: occurrence.start, to: occurrence.end, ...(occurrence.monthStepQuirk ? { monthStepQuirk: true } : {}) });
  }
  return out;
}

/** Whether anyone (and whether a pager) is reached, given the channels, inhibition and the muting windows. */
export function outcomeOf(routing: Pick<TierRouting, 'disabled' | 'channels' | 'inhibited'>, mutedBy: readonly MutingWindow[]): { notified: Likelihood; paged: Likelihood } {
  if (routing.disabled || routing.inhibited || mutedBy.some((w) => w.mutes === 'yes')) return { notified: 'no', paged: 'no' };
  const level = (channels: readonly NotifiedChannel[]): Likelihood => (channels.some((c) => c.reached === 'yes') ? 'yes' : channels.length > 0 ? 'maybe' : 'no');
  const damp = (l: Likelihood): Likelihood => (l === 'yes' && mutedBy.length > 0 ? 'maybe' : l);
  return { notified: damp(level(routing.channels)), paged: damp(level(routing.channels.filter((c) => c.pages))) };
}

/**
 * Warnings about windows SigNoz reads differently from what their authors likely meant: monthly
 * windows on day 29-31, which SigNoz's month step treats as open from the 1st of a month that
 * follows a shorter one until that month's occurrence ends. One line each, sorted.
 */
export function windowWarnings(setups: readonly NotificationSetup[]): string[] {
  const out: string[] = [];
  for (const setup of setups) {
    for (const window of setup.maintenanceWindows) {
      if (window.schedule.recurrence?.repeatType !== 'monthly') continue;
      const start = parseRfc3339(window.schedule.startTime);
      if (typeof start === 'string') continue;
      let day: number;
      try {
        day = zonedFields(start, window.schedule.timezone).day;
      } catch {
        continue; // a zone that cannot be read: SigNoz refuses the window
      }
      if (day < 29) continue;
      const months = day === 31 ? 'March, May, July, October and December' : day === 30 ? 'March' : 'March of years that are not leap years';
      out.push(
        `maintenance "${window.name}" (${setup.stack}) repeats monthly on day ${day}: SigNoz misreads days 29-31 and mutes from the 1st of ${months} until that month's occurrence ends`,
      );
    }
  }
  return out.sort((a, b) => a.localeCompare(b));
}

/** One tier of one rule a query selects (`noData`: the rule's no-data alert). */
export interface SelectedTier {
  readonly environment: EnvironmentSetup;
  /** The stack that holds the rule. */
  readonly stack: NotificationSetup;
  readonly rule: RuleSetup;
  /** The threshold name, or {@link NO_DATA_TIER}. */
  readonly tier: string;
  /** The rule's no-data alert rather than a tier. */
  readonly noData: boolean;
}

/**
 * The rules and tiers a query selects, per environment, each rule's tiers followed by its no-data
 * alert when it has one; throws a RouteQueryError naming what exists when it selects nothing.
 */
export function selectTiers(setups: readonly NotificationSetup[], query: Pick<RouteQuery, 'environment' | 'alert' | 'tier' | 'noData' | 'alsoFiring'>): SelectedTier[] {
  const environments = environmentsOf(setups);
  const list = (items: Iterable<string>): string =>
    [...new Set(items)]
      .sort((a, b) => a.localeCompare(b))
      .map((i) => `"${i}"`)
      .join(', ') || '(none)';
  if (query.noData === true && query.tier !== undefined) throw new RouteQueryError(`ask about tier "${query.tier}" or about the no-data alert, not both`);
  const chosen = query.environment === undefined ? environments : environments.filter((e) => e.name === query.environment);
  if (chosen.length === 0 && query.environment !== undefined)
    throw new RouteQueryError(`environment "${query.environment}" is not in the synthesized stacks; environments: ${list(environments.map((e) => e.name))}`);
  const out: SelectedTier[] = [];
  const alertNames: string[] = [];
  const tierNames: string[] = [];
  const noDataAlerts: string[] = [];
  let rulesSelected = 0;
  for (const environment of chosen) {
    for (const stack of environment.stacks) {
      for (const rule of stack.rules) {
        alertNames.push(rule.payload.alert);
        const hasNoData = rule.payload.condition.alertOnAbsent === true;
        if (hasNoData) noDataAlerts.push(rule.payload.alert);
        if (query.alert !== undefined && rule.payload.alert !== query.alert && rule.address !== query.alert) continue;
        rulesSelected++;
        for (const threshold of rule.payload.condition.thresholds.spec) {
          tierNames.push(threshold.name);
          if (query.noData === true || (query.tier !== undefined && threshold.name !== query.tier)) continue;
          out.push({ environment, stack, rule, tier: threshold.name, noData: false });
        }
        if (hasNoData && query.tier === undefined) out.push({ environment, stack, rule, tier: NO_DATA_TIER, noData: true });
      }
    }
  }
  const where = query.environment !== undefined ? `environment "${query.environment}"` : 'the synthesized stacks';
  if (query.alert !== undefined && rulesSelected === 0) throw new RouteQueryError(`alert "${query.alert}" is not in ${where}; alerts: ${list(alertNames)}`);
  if (out.length === 0 && query.noData === true) {
    throw new RouteQueryError(`no selected alert has a no-data alert (condition.alertOnAbsent); alerts with one in ${where}: ${list(noDataAlerts)}`);
  }
  if (out.length === 0 && query.tier !== undefined) {
    const hint = /^no[- _]?data$/i.test(query.tier) ? ' (for the no-data alert, ask with noData / --no-data)' : '';
    throw new RouteQueryError(`tier "${query.tier}" is not a tier of the selected alerts; tiers: ${list(tierNames)}${hint}`);
  }
  for (const name of query.alsoFiring ?? []) {
    if (!tierNames.includes(name)) throw new RouteQueryError(`also-firing tier "${name}" is not a tier of the selected alerts; tiers: ${list(tierNames)}`);
  }
  return out;
}

/**
 * Who is notified when the selected tiers fire at `query.at`: one answer per environment, alert
 * and tier (and no-data alert), sorted by environment, stack, alert address and tier order, the
 * no-data alert after the tiers.
 */
export function whoIsNotified(setups: readonly NotificationSetup[], query: RouteQuery): TierNotification[] {
  const at = typeof query.at === 'number' ? query.at : query.at.getTime();
  if (!Number.isFinite(at)) throw new RouteQueryError('the time is not a valid date');
  return selectTiers(setups, query).map(({ environment, stack, rule, tier, noData }) => {
    const { windows, ...routing } = routeTier(environment, stack, rule, tier, query, noData);
    const mutedBy = mutingAt(windows, at);
    return { ...routing, mutedBy, ...outcomeOf(routing, mutedBy) };
  });
}
