/** Properties of an `AlertRule` (their zod schema is in alert-rule-props-schema.ts). */
import type { CompareOpInput, MatchTypeInput, PanelType, RenotifyState, Seasonality, Severity } from '../model/enums';
import type { ChannelInput } from '../model/channel-ref';
import type { EvaluationEnvelope, QueryEnvelope } from '../model/rule-payload';
import type { IQuery } from './queries';

/** The kind of telemetry an alert watches; sets SigNoz's `alertType`. */
export type AlertKind = 'metrics' | 'logs' | 'traces' | 'exceptions';

/** One severity tier of a rule: when it fires and where it notifies. */
export interface ThresholdTier {
  /** The value the series is compared with, in `targetUnit`. */
  readonly target: number;
  /** @default - the rule's `op` */
  readonly op?: CompareOpInput;
  /** @default - the rule's `matchType` */
  readonly matchType?: MatchTypeInput;
  /** Once firing, the alert stays active (recovering) until the value is back past this target. @default - resolves at `target` */
  readonly recoveryTarget?: number;
  /** @default - the rule's `targetUnit` */
  readonly targetUnit?: string;
  /** Channels this tier notifies. @default - the rule's `channels` */
  readonly channels?: readonly ChannelInput[];
}

/** Re-notification of an alert that stays active. */
export interface RenotifyOptions {
  /** Interval between repeated notifications, e.g. `4h`. */
  readonly every: string;
  /** @default ['firing'] (plus 'nodata' for absent-data alerts) */
  readonly states?: readonly RenotifyState[];
}

export interface NotificationOptions {
  /** Labels that split notifications into groups. @default - one group per alert rule */
  readonly groupBy?: readonly string[];
  /** Re-notify while the alert stays active, or `false` for once only. @default { every: '4h' } */
  readonly renotify?: RenotifyOptions | false;
  /** Grace period during which new series are not evaluated, e.g. `2m`. @default - none */
  readonly newGroupEvalDelay?: string;
}

/** A query of an alert: a builder (`MetricsQuery`, `Formula`, ...) or a query envelope as the rules API takes it. */
export type QueryInput = IQuery | QueryEnvelope;

export interface AlertRuleProps {
  /** Alert name shown in SigNoz and notifications. */
  readonly name: string;
  /** The queries of the condition: builders (`MetricsQuery`, `LogsQuery`, `Formula`, ...) or raw v5 envelopes. */
  readonly queries: readonly QueryInput[];
  /** The query or formula the thresholds apply to. @default - the only formula, else the only enabled query */
  readonly selectQuery?: string;
  /** @default - inferred from the queries (builder signal; PromQL is metrics) */
  readonly kind?: AlertKind;
  /** Severity tiers keyed by name, e.g. `{ critical: { target: 90 }, warning: { target: 80 } }`. */
  readonly tiers: Readonly<Partial<Record<Severity, ThresholdTier>>>;
  /** Default comparison for every tier. @default 'above' */
  readonly op?: CompareOpInput;
  /** Default match type for every tier. @default 'at_least_once' */
  readonly matchType?: MatchTypeInput;
  /** Default unit of tier targets, e.g. `ms` while the query returns `ns`. @default - the query unit */
  readonly targetUnit?: string;
  /** Unit of the query result, e.g. `ns`, `percent`, `bytes`. @default - unitless */
  readonly unit?: string;
  /** Default channels for tiers that name none. @default - none (route policies, or no notification) */
  readonly channels?: readonly ChannelInput[];
  /** `channels`: tiers notify their channels; `policy`: route policies pick channels by labels. @default 'channels' */
  readonly routing?: 'channels' | 'policy';
  /** @default Evaluation.rolling({ window: '5m', frequency: '1m' }) */
  readonly evaluation?: EvaluationEnvelope;
  /** Also alert when the query returns no data for this long, e.g. `10m`. @default - no absent-data alert */
  readonly absentFor?: string;
  /** Evaluate a series only when the window holds at least this many points. @default - any number */
  readonly minPoints?: number;
  /** Turns the rule into an anomaly rule (tier targets are z-scores); needs the signoz_rule target. @default - threshold rule */
  readonly anomaly?: { readonly seasonality?: Seasonality; readonly algorithm?: string };
  readonly notifications?: NotificationOptions;
  /**
   * Labels on every alert of this rule. Leave out `severity`: SigNoz sets it per tier from the tier
   * name, and a rule-level `severity` label would override every tier's. @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** One-line summary template. @default - states the value and the threshold */
  readonly summary?: string;
  /** Longer description template. @default - states the value and the threshold */
  readonly description?: string;
  /** Runbook link, set as the `runbook_url` annotation. @default - none */
  readonly runbook?: string;
  /** Further annotations. @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default false */
  readonly disabled?: boolean;
  /** @default 'graph' */
  readonly panelType?: PanelType;
}
