/** Properties of an `AlertRule`, and the zod schema that checks them at construction. */
import { z } from 'zod';
import {
  COMPARE_OPS,
  MATCH_TYPES,
  PANEL_TYPES,
  RENOTIFY_STATES,
  SEASONALITIES,
  SEVERITIES,
  normalizeCompareOp,
  normalizeMatchType,
  type CompareOpInput,
  type MatchTypeInput,
  type PanelType,
  type RenotifyState,
  type Seasonality,
  type Severity,
} from '../model/enums';
import type { ChannelInput } from '../model/channel-ref';
import type { EvaluationEnvelope, QueryEnvelope } from '../model/rule-payload';
import type { IQuery } from './queries';
import type { SameShape } from '../model/type-equality';
import type { Problem } from '../model/toolkit-error';
import { zodProblems } from '../model/props-error';

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

const DURATION = /^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/;
const LABEL_NAME = /^[a-zA-Z_.][a-zA-Z0-9_.]*$/;
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const duration = z.string().refine((s) => DURATION.test(s) && /[1-9]/.test(s), {
  message: 'must be a positive duration such as 30s, 5m, 1h or 1h30m',
});

// Typed as the props declare them; like the server, any letter case of a spelling is accepted.
const op = z.custom<CompareOpInput>((s) => normalizeCompareOp(s) !== undefined, {
  message: `must be one of ${COMPARE_OPS.join(', ')} (aliases: >, <, =, !=, >=, <=, eq, not_eq, 1-7)`,
});
const matchType = z.custom<MatchTypeInput>((s) => normalizeMatchType(s) !== undefined, {
  message: `must be one of ${MATCH_TYPES.join(', ')} (aliases: avg, sum, 1-5)`,
});

const channel = z.union([
  z.string().min(1, 'channel name must not be empty'),
  z.custom<ChannelInput>((v) => typeof v === 'object' && v !== null && typeof (v as { channelName?: unknown }).channelName === 'string', {
    message: 'must be a channel name or a NotificationChannel',
  }),
]);

const finite = z.number({ error: 'must be a finite number' });

const tier = z.strictObject({
  target: finite,
  op: op.optional(),
  matchType: matchType.optional(),
  recoveryTarget: finite.optional(),
  targetUnit: z.string().min(1).optional(),
  channels: z.array(channel).optional(),
});

const query = z.custom<QueryInput>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    (typeof (v as IQuery).toEnvelope === 'function' || (typeof (v as QueryEnvelope).type === 'string' && typeof (v as QueryEnvelope).spec === 'object')),
  { message: 'must be a query builder (MetricsQuery, LogsQuery, TracesQuery, Formula, PromQLQuery, ClickHouseQuery, TraceOperatorQuery) or a v5 query envelope {type, spec}' },
);

const labelMap = z.record(z.string(), z.string()).superRefine((map, ctx) => {
  for (const key of Object.keys(map)) {
    if (!LABEL_NAME.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'names must match [a-zA-Z_.][a-zA-Z0-9_.]*' });
  }
});

const evaluation = z.union(
  [
    z.strictObject({ kind: z.literal('rolling'), spec: z.strictObject({ evalWindow: duration, frequency: duration }) }),
    z.strictObject({
      kind: z.literal('cumulative'),
      spec: z.strictObject({
        schedule: z.strictObject({
          type: z.enum(['hourly', 'daily', 'weekly', 'monthly']),
          minute: z.number().int().min(0).max(59).nullish(),
          hour: z.number().int().min(0).max(23).nullish(),
          day: z.number().int().min(1).max(31).nullish(),
          weekday: z.number().int().min(0).max(6).nullish(),
        }),
        frequency: duration,
        timezone: z.string().min(1),
      }),
    }),
  ],
  { error: 'must be Evaluation.rolling({...}) or Evaluation.cumulative({...})' },
);

export const alertRulePropsSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  queries: z.array(query).min(1, 'needs at least one query'),
  selectQuery: z.string().regex(QUERY_NAME, 'must be a query name such as A or F1').optional(),
  kind: z.enum(['metrics', 'logs', 'traces', 'exceptions']).optional(),
  tiers: z
    .strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, tier.optional()])) as Record<Severity, z.ZodOptional<typeof tier>>)
    .refine((t) => Object.values(t).some((v) => v !== undefined), { message: `needs at least one tier (${SEVERITIES.join(', ')})` }),
  op: op.optional(),
  matchType: matchType.optional(),
  targetUnit: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  channels: z.array(channel).optional(),
  routing: z.enum(['channels', 'policy']).optional(),
  evaluation: evaluation.optional(),
  absentFor: duration.optional(),
  minPoints: z.number().int().positive().optional(),
  anomaly: z.strictObject({ seasonality: z.enum(SEASONALITIES).optional(), algorithm: z.string().min(1).optional() }).optional(),
  notifications: z
    .strictObject({
      groupBy: z.array(z.string().min(1)).optional(),
      renotify: z.union([z.literal(false), z.strictObject({ every: duration, states: z.array(z.enum(RENOTIFY_STATES)).min(1).optional() })]).optional(),
      newGroupEvalDelay: duration.optional(),
    })
    .optional(),
  labels: labelMap.optional(),
  summary: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  runbook: z.url({ message: 'must be an http(s) URL' }).optional(),
  annotations: labelMap.optional(),
  disabled: z.boolean().optional(),
  panelType: z.enum(PANEL_TYPES).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof alertRulePropsSchema>, AlertRuleProps>;

/** The zod issues as problems: `{ path: 'field.path', message }`, `''` for the whole props. */
export function propsIssueProblems(error: z.ZodError): Problem[] {
  return zodProblems(error).map((p) => ({ path: p.field, message: p.message }));
}

/** Formats zod issues as `field.path: message` lines. */
export function describePropsIssues(error: z.ZodError): string[] {
  return propsIssueProblems(error).map((p) => `${p.path || '(props)'}: ${p.message}`);
}
