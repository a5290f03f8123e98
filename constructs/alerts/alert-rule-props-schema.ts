/**
 * The zod schema that checks `AlertRuleProps` at construction. Internal: the props interface in
 * alert-rule-props.ts is the public truth, and this schema is held to it at compile time.
 */
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
  type Severity,
} from '../model/enums';
import type { ChannelInput } from '../model/channel-ref';
import type { QueryEnvelope } from '../model/rule-payload';
import type { IQuery } from './queries';
import type { SameShape } from '../model/type-equality';
import type { Problem } from '../model/toolkit-error';
import { zodProblems } from '../model/parse-props';
import type { AlertRuleProps, QueryInput } from './alert-rule-props';

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
