/**
 * Where an alert's notifications go, tier by tier, worked out the way SigNoz does it:
 * - `usePolicy: false`: each tier notifies the channels listed on it;
 * - `usePolicy: true`: every route policy is evaluated against the labels of the firing alert,
 *   and each one that matches adds its channels.
 *
 * The labels of a firing alert are the series labels, then `threshold.name` (the tier name) and
 * `severity` (the tier name, lowercased), then the rule's own labels, which win, then `alertname`
 * and `ruleId`. Labels that only exist at run time (group-by labels, the rule id) are unknown, so a
 * policy may "maybe" match.
 */
import { SEVERITIES } from '../../constructs/model/enums';
import type { Threshold } from '../../constructs/model/rule-payload';
import type { ResolvedPolicyOptions } from '../options';
import type { AlertSubject, ChannelDefinition, RoutePolicyDefinition } from '../subjects';
import { UNKNOWN } from '../../constructs/routing/route-expression-reader';
import { notificationLabels } from '../../constructs/notify/alert-labels';

/** How a channel name was judged. */
export interface ChannelVerdict {
  readonly name: string;
  /** Receiver kind, when the channel is defined in the environment. */
  readonly kind?: string;
  readonly paging: boolean;
  /** `defined`: kind read from the channel in this environment; `name-pattern`: not defined here (or imported without a kind), judged by its name. */
  readonly basis: 'defined' | 'name-pattern';
}

export interface PolicyMatch {
  readonly policy: RoutePolicyDefinition;
  /** `yes`: matches whatever the run-time labels; `maybe`: depends on run-time labels or unreadable. */
  readonly match: 'yes' | 'maybe';
  readonly channels: readonly ChannelVerdict[];
}

export interface TierRoute {
  readonly tier: Threshold;
  /** The `severity` label alerts of this tier carry at run time. */
  readonly severity: string;
  /** Whether this tier is meant as the critical one (named `critical`, or the rule's severity is critical and no tier is named for a severity). */
  readonly critical: boolean;
  readonly via: 'channels' | 'policies';
  /** Channels the tier notifies directly (`via: 'channels'`). */
  readonly channels: readonly ChannelVerdict[];
  /** Route policies that match or may match (`via: 'policies'`). */
  readonly policies: readonly PolicyMatch[];
}

export interface AlertRouting {
  readonly tiers: readonly TierRoute[];
}

const SEVERITY_NAMES: ReadonlySet<string> = new Set(SEVERITIES);

/** Channels of one environment, by name. */
export class ChannelDirectory {
  private readonly byName = new Map<string, ChannelDefinition>();
  private readonly verdicts = new Map<string, ChannelVerdict>();

  constructor(
    channels: readonly ChannelDefinition[],
    private readonly options: ResolvedPolicyOptions,
  ) {
    for (const channel of channels) if (!this.byName.has(channel.name)) this.byName.set(channel.name, channel);
  }

  /** Whether the environment declares or imports a channel of this name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The verdict on a channel name; judged once per name (every alert of an environment names the same few channels). */
  judge(name: string): ChannelVerdict {
    let verdict = this.verdicts.get(name);
    if (!verdict) this.verdicts.set(name, (verdict = this.judgeOnce(name)));
    return verdict;
  }

  private judgeOnce(name: string): ChannelVerdict {
    const defined = this.byName.get(name);
    if ((defined && defined.kind !== undefined) || (defined && !defined.imported)) {
      const paging = defined.kind !== undefined && this.options.pagingChannelKinds.includes(defined.kind);
      return { name, ...(defined.kind ? { kind: defined.kind } : {}), paging, basis: 'defined' };
    }
    return { name, paging: this.options.pagingChannelPattern.test(name), basis: 'name-pattern' };
  }
}

/** Works out the routing of every tier of an alert. */
export function analyseRouting(alert: AlertSubject, channels: ChannelDirectory, policies: readonly RoutePolicyDefinition[]): AlertRouting {
  const tiers = alert.payload.condition.thresholds.spec;
  const usePolicy = alert.payload.notificationSettings?.usePolicy === true;
  const namedForSeverity = tiers.some((t) => SEVERITY_NAMES.has(t.name.toLowerCase()));
  const ruleSeverity = alert.labels.severity;
  return {
    tiers: tiers.map((tier) => {
      const severity = ruleSeverity ?? tier.name.toLowerCase();
      const critical = tier.name.toLowerCase() === 'critical' || (!namedForSeverity && ruleSeverity?.toLowerCase() === 'critical');
      if (!usePolicy) {
        return { tier, severity, critical, via: 'channels', channels: (tier.channels ?? []).map((c) => channels.judge(c)), policies: [] };
      }
      const lookup = notificationLabels(alert.payload, tier.name);
      const matches: PolicyMatch[] = [];
      for (const policy of policies) {
        const result = policy.parsed ? policy.parsed.evaluate(lookup) : UNKNOWN;
        if (result === false) continue;
        matches.push({ policy, match: result === true ? 'yes' : 'maybe', channels: policy.channels.map((c) => channels.judge(c)) });
      }
      return { tier, severity, critical, via: 'policies', channels: [], policies: matches };
    }),
  };
}

/** Whether a tier surely notifies a paging channel; `maybe` when only an uncertain route does. */
export function tierPages(route: TierRoute): 'yes' | 'maybe' | 'no' {
  if (route.via === 'channels') return route.channels.some((c) => c.paging) ? 'yes' : 'no';
  if (route.policies.some((p) => p.match === 'yes' && p.channels.some((c) => c.paging))) return 'yes';
  return route.policies.some((p) => p.channels.some((c) => c.paging)) ? 'maybe' : 'no';
}
