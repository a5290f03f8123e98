/**
 * An alert rule reshaped for comparison: tiers keyed by name and queries keyed by query name (so a
 * reordered list is not a change), operator and match-type aliases folded to their canonical
 * literal, channel lists as sorted sets. Two versions of the same alert diff cleanly field by field,
 * whichever resource type (`signoz_rule` or legacy `signoz_alert`) they came from.
 */
import { normalizeCompareOp, normalizeMatchType } from '../../constructs/model/enums';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { compact, isPlainObject } from '../../constructs/util/json';

export interface TierView {
  readonly target: unknown;
  readonly op: string | undefined;
  readonly matchType: string | undefined;
  readonly targetUnit: unknown;
  readonly recoveryTarget: unknown;
  readonly channels: readonly string[];
}

export interface AlertView {
  readonly name: unknown;
  readonly alertType: unknown;
  readonly ruleType: unknown;
  readonly schemaVersion: unknown;
  readonly description: unknown;
  readonly disabled: boolean;
  readonly labels: Readonly<Record<string, unknown>>;
  readonly annotations: Readonly<Record<string, unknown>>;
  readonly tiers: Readonly<Record<string, TierView>>;
  readonly queries: Readonly<Record<string, unknown>>;
  readonly condition: Readonly<Record<string, unknown>>;
  readonly evaluation: Readonly<Record<string, unknown>>;
  readonly notification: Readonly<Record<string, unknown>>;
}

type Loose = Record<string, unknown>;

function loose(value: unknown): Loose {
  return isPlainObject(value) ? value : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function sortedStrings(value: unknown): string[] {
  return list(value).map(String).sort();
}

function canonicalOp(value: unknown): string | undefined {
  return normalizeCompareOp(value) ?? (value === undefined || value === null ? undefined : String(value));
}

function canonicalMatchType(value: unknown): string | undefined {
  return normalizeMatchType(value) ?? (value === undefined || value === null ? undefined : String(value));
}

export function alertView(payload: RulePayload): AlertView {
  const p = payload as unknown as Loose;
  const condition = loose(p.condition);
  const composite = loose(condition.compositeQuery);
  const thresholds = loose(condition.thresholds);
  const evaluation = loose(p.evaluation);
  const evaluationSpec = loose(evaluation.spec);
  const notification = loose(p.notificationSettings);
  const renotify = loose(notification.renotify);

  const tiers: Record<string, TierView> = {};
  list(thresholds.spec).forEach((raw, index) => {
    const tier = loose(raw);
    const name = typeof tier.name === 'string' && tier.name !== '' ? tier.name : `#${index + 1}`;
    tiers[name] = {
      target: tier.target,
      op: canonicalOp(tier.op),
      matchType: canonicalMatchType(tier.matchType),
      targetUnit: tier.targetUnit,
      recoveryTarget: tier.recoveryTarget,
      channels: sortedStrings(tier.channels),
    };
  });

  const queries: Record<string, unknown> = {};
  list(composite.queries).forEach((raw, index) => {
    const envelope = loose(raw);
    const { name, ...spec } = loose(envelope.spec);
    queries[typeof name === 'string' && name !== '' ? name : `#${index + 1}`] = { type: envelope.type, ...spec };
  });

  return {
    name: p.alert,
    alertType: p.alertType,
    ruleType: p.ruleType,
    schemaVersion: p.schemaVersion,
    description: p.description,
    disabled: p.disabled === true,
    labels: loose(p.labels),
    annotations: loose(p.annotations),
    tiers,
    queries,
    condition: compact({
      selectedQuery: condition.selectedQueryName,
      queryType: composite.queryType,
      panelType: composite.panelType,
      unit: composite.unit,
      alertOnAbsent: condition.alertOnAbsent,
      absentFor: condition.absentFor,
      requireMinPoints: condition.requireMinPoints,
      requiredNumPoints: condition.requiredNumPoints,
      algorithm: condition.algorithm,
      seasonality: condition.seasonality,
    }),
    evaluation: compact({
      kind: evaluation.kind,
      window: evaluationSpec.evalWindow,
      frequency: evaluationSpec.frequency,
      schedule: evaluationSpec.schedule,
      timezone: evaluationSpec.timezone,
    }),
    notification: compact({
      groupBy: notification.groupBy === undefined ? undefined : sortedStrings(notification.groupBy),
      usePolicy: notification.usePolicy,
      newGroupEvalDelay: notification.newGroupEvalDelay,
      renotify: renotify.enabled,
      renotifyInterval: renotify.interval,
      renotifyStates: renotify.alertStates === undefined ? undefined : sortedStrings(renotify.alertStates),
    }),
  };
}

/** Every channel any tier of the alert notifies. */
export function alertChannels(view: AlertView): Set<string> {
  const channels = new Set<string>();
  for (const tier of Object.values(view.tiers)) for (const channel of tier.channels) channels.add(channel);
  return channels;
}

/** The alert's `service` label, used to group alerts for the destroy budget. */
export function alertService(view: AlertView): string | undefined {
  const service = view.labels.service;
  return typeof service === 'string' && service !== '' ? service : undefined;
}
