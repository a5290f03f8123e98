/**
 * Paging impact: changes after which the on-call person may no longer be paged when they were
 * before. Flagged: an alert deleted or disabled; a paging channel dropped from an alert tier or a
 * route (or a paging channel deleted); a threshold loosened (direction depends on the operator:
 * a higher target for `above`/`above_or_equal`/`outside_bounds`, a lower one for
 * `below`/`below_or_equal`; not judged for `equal`/`not_equal` or when the operator or unit also
 * changes); a match type that fires less often; the `critical` tier removed; absent-data alerting
 * turned off.
 */
import { alertChannels, type AlertView, type TierView } from '../alerts/alert-view';
import { formatValue } from '../diff/field-diff';
import type { ChangeKind } from '../plan/change-kind';
import type { ChannelDirectory } from '../resources/channel-directory';
import type { ResourceCategory } from '../resources/resource-category';
import type { PagingImpact } from './summary-model';

/** What paging impact needs to know about one change. */
export interface PagingSubject {
  readonly address: string;
  readonly name: string;
  readonly category: ResourceCategory;
  readonly kind: ChangeKind;
  readonly beforeView?: AlertView;
  readonly afterView?: AlertView;
  /** Channel names a route sends to, before and after (routes only). */
  readonly routeChannelsBefore?: readonly string[];
  readonly routeChannelsAfter?: readonly string[];
  /** Channel name for channel resources. */
  readonly channelName?: string;
}

const LOOSER_WHEN_HIGHER = new Set(['above', 'above_or_equal', 'outside_bounds']);
const LOOSER_WHEN_LOWER = new Set(['below', 'below_or_equal']);

/** Match types that fire on a subset of the windows the first one fires on. */
const LESS_SENSITIVE_MATCH: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['at_least_once', new Set(['all_the_times', 'on_average', 'last'])],
  ['on_average', new Set(['all_the_times'])],
  ['last', new Set(['all_the_times'])],
]);

function loosened(before: TierView, after: TierView): boolean {
  if (before.op !== after.op || before.targetUnit !== after.targetUnit || before.op === undefined) return false;
  if (typeof before.target !== 'number' || typeof after.target !== 'number') return false;
  if (LOOSER_WHEN_HIGHER.has(before.op)) return after.target > before.target;
  if (LOOSER_WHEN_LOWER.has(before.op)) return after.target < before.target;
  return false;
}

function pagingList(names: Iterable<string>, directory: ChannelDirectory): string[] {
  return [...names]
    .filter((name) => directory.isPaging(name))
    .sort()
    .map((name) => directory.describe(name));
}

function alertImpacts(subject: PagingSubject, directory: ChannelDirectory): PagingImpact[] {
  const { address, name, beforeView: before, afterView: after } = subject;
  const impacts: PagingImpact[] = [];
  const add = (reason: PagingImpact['reason'], detail: string): void => {
    impacts.push({ address, name, reason, detail });
  };
  if (!before) return impacts;
  if (subject.kind === 'delete') {
    const paged = pagingList(alertChannels(before), directory);
    add('alert-deleted', paged.length > 0 ? `alert deleted; it paged ${paged.join(', ')}` : 'alert deleted');
    return impacts;
  }
  if (!after || (subject.kind !== 'update' && subject.kind !== 'replace')) return impacts;
  if (!before.disabled && after.disabled) add('alert-disabled', 'alert disabled');
  for (const [tierName, tier] of Object.entries(before.tiers)) {
    const next = after.tiers[tierName];
    if (!next) {
      const paged = pagingList(tier.channels, directory);
      if (tierName.toLowerCase() === 'critical') {
        add('critical-tier-removed', `critical tier removed${paged.length > 0 ? `; it paged ${paged.join(', ')}` : ''}`);
      } else if (paged.length > 0) {
        add('paging-channel-removed', `tier ${tierName} removed; it paged ${paged.join(', ')}`);
      }
      continue;
    }
    const dropped = pagingList(
      tier.channels.filter((c) => !next.channels.includes(c)),
      directory,
    );
    if (dropped.length > 0) add('paging-channel-removed', `tier ${tierName} no longer notifies ${dropped.join(', ')}`);
    if (loosened(tier, next)) {
      add('threshold-loosened', `tier ${tierName}: threshold ${formatValue(tier.target)} → ${formatValue(next.target)} (${tier.op}) fires later`);
    }
    const lessSensitive = tier.matchType !== undefined && next.matchType !== undefined && LESS_SENSITIVE_MATCH.get(tier.matchType)?.has(next.matchType);
    if (lessSensitive) add('match-type-less-sensitive', `tier ${tierName}: match type ${tier.matchType} → ${next.matchType} fires less often`);
  }
  if (before.condition.alertOnAbsent === true && after.condition.alertOnAbsent !== true) {
    add('absent-data-alerting-off', 'no longer alerts when data stops arriving');
  }
  return impacts;
}

function routeImpacts(subject: PagingSubject, directory: ChannelDirectory): PagingImpact[] {
  const before = subject.routeChannelsBefore ?? [];
  const after = subject.kind === 'delete' ? [] : (subject.routeChannelsAfter ?? []);
  const dropped = pagingList(
    before.filter((c) => !after.includes(c)),
    directory,
  );
  if (dropped.length === 0) return [];
  const detail = subject.kind === 'delete' ? `route deleted; it paged ${dropped.join(', ')}` : `route no longer sends to ${dropped.join(', ')}`;
  return [{ address: subject.address, name: subject.name, reason: 'route-paging-removed', detail }];
}

/** Paging impacts of one change (empty for most). */
export function pagingImpactsOf(subject: PagingSubject, directory: ChannelDirectory): PagingImpact[] {
  switch (subject.category) {
    case 'alert':
      return alertImpacts(subject, directory);
    case 'route':
      return routeImpacts(subject, directory);
    case 'channel':
      return subject.kind === 'delete' && subject.channelName !== undefined && directory.isPaging(subject.channelName)
        ? [{ address: subject.address, name: subject.name, reason: 'paging-channel-deleted', detail: `paging channel ${directory.describe(subject.channelName)} deleted` }]
        : [];
    default:
      return [];
  }
}
