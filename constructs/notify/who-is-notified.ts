/**
 * "If this fires now, who gets paged?", answered offline from synthesized stacks the way SigNoz
 * routes (docs/channels-routing-maintenance.md, "Who is notified"):
 * - `usePolicy: false`: a tier notifies its own channels;
 * - `usePolicy: true`: every route policy of the environment is evaluated against the alert's
 *   labels; each match adds its channels; no match means nobody;
 * - a maintenance window whose `alertIds` is empty or names the rule, active at that time, and
 *   whose scope holds for the labels, mutes the alert: no channel at all;
 * - PagerDuty and Opsgenie channels page; the others only post.
 * Environment `channelOverrides` are already applied in the synthesized stacks.
 */
import { maintenanceOccurrenceAt, type MaintenanceOccurrence } from '../maintenance/maintenance-activity';
import { ToolkitError } from '../model/toolkit-error';
import { UNKNOWN, type LabelLookup } from '../routing/route-expression-reader';
import { notificationLabels } from './alert-labels';
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
  /** Only this tier (threshold name). @default - every tier */
  readonly tier?: string;
  /** Series labels of the firing alert (group-by labels): they make route expressions over them decidable. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** The rule id SigNoz gave the rule, for expressions and windows that name it. @default - unknown */
  readonly ruleId?: string;
}

/** A channel the alert reaches, and how. */
export interface NotifiedChannel {
  readonly name: string;
  readonly kind?: string;
  /** PagerDuty and Opsgenie page; a channel of unknown kind is judged by its name. */
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
}

/** Who is notified when one tier of one alert fires. */
export interface TierNotification {
  readonly environment: string;
  readonly stack: string;
  readonly alert: string;
  /** Terraform address of the rule. */
  readonly address: string;
  readonly tier: string;
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
function windowTargets(window: MaintenanceWindowSetup, rule: RuleSetup, ruleId: string | undefined): string | undefined {
  if (window.alertIds.length === 0) return 'every alert';
  const reference = `\${${rule.address}.id}`;
  if (window.alertIds.includes(reference) || (ruleId !== undefined && window.alertIds.includes(ruleId))) return 'names this rule';
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

/** Works out the channels of one tier and the windows that apply to it (the time-independent part). */
export function routeTier(environment: EnvironmentSetup, stack: NotificationSetup, rule: RuleSetup, tier: string, query: Pick<RouteQuery, 'labels' | 'ruleId'> = {}): TierRouting {
  const labels: LabelLookup = notificationLabels(rule.payload, tier, query.labels, query.ruleId);
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
    const threshold = rule.payload.condition.thresholds.spec.find((t) => t.name === tier);
    for (const c of threshold?.channels ?? []) reach(c, 'yes', `tier "${tier}"`);
  }
  const channels: NotifiedChannel[] = [...reached].map(([name, how]) => {
    const known = environment.channels.get(name);
    const kind = known?.kind;
    return { name, ...(kind !== undefined ? { kind } : {}), pages: channelPages({ name, ...(kind !== undefined ? { kind } : {}) }), ...how };
  });
  const windows: ApplicableWindow[] = [];
  for (const s of environment.stacks) {
    for (const window of s.maintenanceWindows) {
      // Terraform references reach only resources of the same stack; a literal id may name any rule.
      const because = windowTargets(window, s === stack ? rule : { ...rule, address: '' }, query.ruleId);
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
    tier,
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
    if (occurrence) out.push({ name: window.name, mutes, because, from: occurrence.start, to: occurrence.end });
  }
  return out;
}

/** Whether anyone (and whether a pager) is reached, given the channels and the muting windows. */
export function outcomeOf(routing: Pick<TierRouting, 'disabled' | 'channels'>, mutedBy: readonly MutingWindow[]): { notified: Likelihood; paged: Likelihood } {
  if (routing.disabled || mutedBy.some((w) => w.mutes === 'yes')) return { notified: 'no', paged: 'no' };
  const level = (channels: readonly NotifiedChannel[]): Likelihood => (channels.some((c) => c.reached === 'yes') ? 'yes' : channels.length > 0 ? 'maybe' : 'no');
  const damp = (l: Likelihood): Likelihood => (l === 'yes' && mutedBy.length > 0 ? 'maybe' : l);
  return { notified: damp(level(routing.channels)), paged: damp(level(routing.channels.filter((c) => c.pages))) };
}

/** The rules and tiers a query selects, per environment; throws a RouteQueryError naming what exists when it selects nothing. */
export function selectTiers(
  setups: readonly NotificationSetup[],
  query: Pick<RouteQuery, 'environment' | 'alert' | 'tier'>,
): { environment: EnvironmentSetup; stack: NotificationSetup; rule: RuleSetup; tier: string }[] {
  const environments = environmentsOf(setups);
  const list = (items: Iterable<string>): string =>
    [...new Set(items)]
      .sort((a, b) => a.localeCompare(b))
      .map((i) => `"${i}"`)
      .join(', ') || '(none)';
  const chosen = query.environment === undefined ? environments : environments.filter((e) => e.name === query.environment);
  if (chosen.length === 0 && query.environment !== undefined)
    throw new RouteQueryError(`environment "${query.environment}" is not in the synthesized stacks; environments: ${list(environments.map((e) => e.name))}`);
  const out: { environment: EnvironmentSetup; stack: NotificationSetup; rule: RuleSetup; tier: string }[] = [];
  const alertNames: string[] = [];
  const tierNames: string[] = [];
  for (const environment of chosen) {
    for (const stack of environment.stacks) {
      for (const rule of stack.rules) {
        alertNames.push(rule.payload.alert);
        if (query.alert !== undefined && rule.payload.alert !== query.alert && rule.address !== query.alert) continue;
        for (const threshold of rule.payload.condition.thresholds.spec) {
          tierNames.push(threshold.name);
          if (query.tier !== undefined && threshold.name !== query.tier) continue;
          out.push({ environment, stack, rule, tier: threshold.name });
        }
      }
    }
  }
  if (out.length === 0 && query.alert !== undefined && tierNames.length === 0) {
    throw new RouteQueryError(
      `alert "${query.alert}" is not in ${query.environment !== undefined ? `environment "${query.environment}"` : 'the synthesized stacks'}; alerts: ${list(alertNames)}`,
    );
  }
  if (out.length === 0 && query.tier !== undefined) throw new RouteQueryError(`tier "${query.tier}" is not a tier of the selected alerts; tiers: ${list(tierNames)}`);
  return out;
}

/**
 * Who is notified when the selected tiers fire at `query.at`: one answer per environment, alert
 * and tier, sorted by environment, stack, alert address and tier order.
 */
export function whoIsNotified(setups: readonly NotificationSetup[], query: RouteQuery): TierNotification[] {
  const at = typeof query.at === 'number' ? query.at : query.at.getTime();
  if (!Number.isFinite(at)) throw new RouteQueryError('the time is not a valid date');
  return selectTiers(setups, query).map(({ environment, stack, rule, tier }) => {
    const { windows, ...routing } = routeTier(environment, stack, rule, tier, query);
    const mutedBy = mutingAt(windows, at);
    return { ...routing, mutedBy, ...outcomeOf(routing, mutedBy) };
  });
}
