/**
 * An alert rule reshaped for comparison: tiers keyed by name and queries keyed by query name (so a
 * reordered list is not a change), channel lists as sorted sets. Its input is a checked payload,
 * so every operator and match-type spelling is already the canonical literal. Two versions of the same alert diff cleanly field by field,
 * whichever resource type (`signoz_rule` or legacy `signoz_alert`) they came from.
 */
import type { CumulativeEvaluation, RollingEvaluation, RulePayload } from '../../constructs/model/rule-payload';
import { compact } from '../../constructs/util/json';

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

function sorted(values: readonly string[] | null | undefined): string[] {
  return [...(values ?? [])].sort();
}

/** The view of a checked payload (`decodeRule` has normalized every spelling to its literal). */
export function alertView(payload: RulePayload): AlertView {
  const { condition, evaluation, notificationSettings: notification } = payload;
  const tiers: Record<string, TierView> = {};
  condition.thresholds.spec.forEach((tier, index) => {
    tiers[tier.name !== '' ? tier.name : `#${index + 1}`] = {
      target: tier.target,
      op: tier.op,
      matchType: tier.matchType,
      targetUnit: tier.targetUnit,
      recoveryTarget: tier.recoveryTarget,
      channels: sorted(tier.channels),
    };
  });

  const queries: Record<string, unknown> = {};
  condition.compositeQuery.queries.forEach((envelope, index) => {
    const { name, ...spec } = envelope.spec;
    queries[name !== '' ? name : `#${index + 1}`] = { type: envelope.type, ...spec };
  });
  const spec = evaluation.spec as Partial<RollingEvaluation['spec'] & CumulativeEvaluation['spec']>;
  const renotify = notification.renotify;

  return {
    name: payload.alert,
    alertType: payload.alertType,
    ruleType: payload.ruleType,
    schemaVersion: payload.schemaVersion,
    description: payload.description,
    disabled: payload.disabled === true,
    labels: payload.labels ?? {},
    annotations: payload.annotations ?? {},
    tiers,
    queries,
    condition: compact({
      selectedQuery: condition.selectedQueryName,
      queryType: condition.compositeQuery.queryType,
      panelType: condition.compositeQuery.panelType,
      unit: condition.compositeQuery.unit,
      alertOnAbsent: condition.alertOnAbsent,
      absentFor: condition.absentFor,
      requireMinPoints: condition.requireMinPoints,
      requiredNumPoints: condition.requiredNumPoints,
      algorithm: condition.algorithm,
      seasonality: condition.seasonality,
    }),
    evaluation: compact({
      kind: evaluation.kind,
      window: spec.evalWindow,
      frequency: spec.frequency,
      schedule: spec.schedule,
      timezone: spec.timezone,
    }),
    notification: compact({
      groupBy: notification.groupBy === undefined ? undefined : sorted(notification.groupBy),
      usePolicy: notification.usePolicy,
      newGroupEvalDelay: notification.newGroupEvalDelay,
      renotify: renotify?.enabled,
      renotifyInterval: renotify?.interval,
      renotifyStates: renotify?.alertStates === undefined ? undefined : sorted(renotify.alertStates),
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
