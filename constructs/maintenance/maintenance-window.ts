import { orderAfter } from '../model/order-after';
import { z } from 'zod';
import { PlannedMaintenance } from '../../.gen/providers/signoz/planned-maintenance';
import { Construct, Token, type ITerraformDependable } from '../engine';
import type { IAlertRuleRef } from '../model/alert-rule-ref';
import { parseProps } from '../model/parse-props';
import { escapeTemplateSequences } from '../model/terraform-literal';
import { SignozProviders } from '../providers/signoz-providers';
import { RouteExpression } from '../routing/route-expression';
import { routeExpressionProp } from '../routing/route-expression-prop';
import { formatGoDuration, parseGoDuration } from '../model/duration';
import { WEEKDAYS, type MaintenanceSchedule } from './maintenance-schedule';
import { formatInZone, parseRfc3339, timeZoneProblem } from './zoned-time';
import type { SameShape } from '../model/type-equality';

export interface MaintenanceWindowProps {
  /** Name in SigNoz. */
  readonly name: string;
  /** IANA time zone the schedule's wall-clock times are read in, e.g. `Europe/Berlin`. */
  readonly timezone: string;
  /** When alerts are silenced. */
  readonly schedule: MaintenanceSchedule;
  /** Rules to silence. @default - every alert rule (omit on purpose; an empty list is rejected) */
  readonly alerts?: readonly IAlertRuleRef[];
  /** Further limit the silence to alerts whose labels match. @default - all alerts of the selected rules */
  readonly scope?: RouteExpression | string;
  /** What the window is for. @default - none */
  readonly description?: string;
}

const DAY = 24 * 3600;
const MAX_DURATION: Readonly<Record<string, number>> = { daily: DAY, weekly: 7 * DAY, monthly: 28 * DAY };

const instant = z.string().transform((text, ctx) => {
  const parsed = parseRfc3339(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** Go's text of a whole number of seconds: `2h0m0s`, `30m0s`, as SigNoz returns it. */
function formatSeconds(seconds: number): string {
  return formatGoDuration(seconds * 1000);
}

const duration = z.string().transform((text, ctx) => {
  const millis = parseGoDuration(text);
  // SigNoz refuses only a zero (or negative) duration; a window of seconds is short but valid.
  if (millis === undefined || millis <= 0) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not a positive duration in Go syntax, such as '2h', '90m' or '1h30m' (SigNoz refuses a zero duration)` });
    return z.NEVER;
  }
  // kept as written: SigNoz stores the text as given (since v0.111.0) and the provider compares it as a
  // string, so writing '2h' back as '2h0m0s' would show a change on every plan after an import
  return { seconds: millis / 1000, text };
});

const recurring = { start: instant, duration, until: instant.optional() };

const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('fixed'), start: instant, end: instant }),
    z.strictObject({ kind: z.literal('daily'), ...recurring }),
    z.strictObject({
      kind: z.literal('weekly'),
      ...recurring,
      on: z
        .array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` }))
        .min(1, 'needs at least one weekday; for every day use a daily schedule')
        .refine((days) => new Set(days).size === days.length, 'lists a weekday twice'),
    }),
    z.strictObject({ kind: z.literal('monthly'), ...recurring }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'kind must be one of fixed, daily, weekly, monthly' : undefined) },
);
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof scheduleSchema>, MaintenanceSchedule>;

const propsSchema = z
  .strictObject({
    name: z
      .string()
      .min(1, 'must not be empty')
      .max(128, 'must be at most 128 characters')
      .refine((n) => !Token.isUnresolved(n), 'must be literal text'),
    timezone: z.string().superRefine((zone, ctx) => {
      const problem = timeZoneProblem(zone);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    schedule: scheduleSchema,
    alerts: z
      .array(
        z.custom<IAlertRuleRef>(
          (r) => typeof r === 'object' && r !== null && typeof (r as IAlertRuleRef).ruleId === 'string',
          'must be an alert rule (anything with a ruleId, such as AlertRule)',
        ),
      )
      .min(1, "is empty, which SigNoz reads as 'every alert'; omit the field to silence every alert on purpose")
      .refine((rs) => new Set(rs).size === rs.length, 'lists the same rule twice')
      .optional(),
    scope: z
      .union([z.custom<RouteExpression>((e) => e instanceof RouteExpression), z.string()], {
        error: 'must be a RouteExpression or expression text',
      })
      .optional(),
    description: z
      .string()
      .refine((d) => !Token.isUnresolved(d), 'must be literal text')
      .optional(),
  })
  .superRefine((props, ctx) => {
    const s = props.schedule;
    if (s.kind === 'fixed') {
      if (s.end <= s.start) ctx.addIssue({ code: 'custom', path: ['schedule', 'end'], message: 'must be after schedule.start' });
      return;
    }
    if (s.duration.seconds > MAX_DURATION[s.kind]!) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'duration'],
        message: `is longer than the ${s.kind} period (at most ${formatSeconds(MAX_DURATION[s.kind]!)}), so occurrences would overlap`,
      });
    }
    if (s.until !== undefined && s.until <= s.start) {
      ctx.addIssue({ code: 'custom', path: ['schedule', 'until'], message: 'must be after schedule.start' });
    }
    if (s.start.getUTCSeconds() !== 0) {
      ctx.addIssue({ code: 'custom', path: ['schedule', 'start'], message: 'recurring windows start on a whole minute (SigNoz ignores the seconds); set seconds to 00' });
    }
  });
true satisfies SameShape<z.input<typeof propsSchema>, MaintenanceWindowProps>;

/**
 * A SigNoz planned maintenance: alerts of the given rules (or of every rule) are not sent while a
 * window is open. Times are written in the window's time zone the way SigNoz stores them, so plans
 * stay clean after apply.
 */
export class MaintenanceWindow extends Construct {
  readonly windowName: string;
  readonly resource: PlannedMaintenance;
  /** The rules it silences; empty means every rule. */
  readonly alerts: readonly IAlertRuleRef[];
  /** One line for reports, e.g. `weekly on sunday at 02:00 for 1h30m0s (Europe/Berlin)`. */
  readonly summary: string;

  constructor(scope: Construct, id: string, props: MaintenanceWindowProps) {
    super(scope, id);
    const valid = parseProps(propsSchema, props, 'MaintenanceWindow', this.node.path);
    this.windowName = valid.name;
    this.alerts = valid.alerts ?? [];
    const zone = valid.timezone;
    const s = valid.schedule;
    this.summary = describeSchedule(s, zone);
    const scopeText = valid.scope === undefined ? undefined : routeExpressionProp(valid.scope, 'MaintenanceWindow', this.node.path, 'scope').toString();
    const dependsOn = orderAfter(
      this,
      this.alerts.map((a) => a.dependable).filter((d): d is ITerraformDependable => d !== undefined),
    );
    this.resource = new PlannedMaintenance(this, 'maintenance', {
      provider: SignozProviders.of(this).signoz,
      name: escapeTemplateSequences(valid.name),
      description: valid.description === undefined ? undefined : escapeTemplateSequences(valid.description),
      alertIds: valid.alerts === undefined ? undefined : this.alerts.map((a) => a.ruleId),
      scope: scopeText === undefined ? undefined : escapeTemplateSequences(scopeText),
      schedule: {
        timezone: zone,
        startTime: formatInZone(s.start, zone),
        endTime: s.kind === 'fixed' ? formatInZone(s.end, zone) : s.until === undefined ? undefined : formatInZone(s.until, zone),
        recurrence: s.kind === 'fixed' ? undefined : { repeatType: s.kind, duration: s.duration.text, repeatOn: s.kind === 'weekly' ? [...s.on] : undefined },
      },
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    });
  }
}

type ValidSchedule = z.output<typeof scheduleSchema>;

function describeSchedule(s: ValidSchedule, zone: string): string {
  const wall = (d: Date): string => formatInZone(d, zone).slice(0, 16).replace('T', ' ');
  const time = (d: Date): string => wall(d).slice(11);
  const until = 'until' in s && s.until !== undefined ? `, until ${wall(s.until)}` : '';
  switch (s.kind) {
    case 'fixed':
      return `once, ${wall(s.start)} to ${wall(s.end)} (${zone})`;
    case 'daily':
      return `daily at ${time(s.start)} for ${s.duration.text} (${zone})${until}`;
    case 'weekly':
      return `weekly on ${s.on.join(', ')} at ${time(s.start)} for ${s.duration.text} (${zone})${until}`;
    case 'monthly':
      return `monthly on day ${Number(wall(s.start).slice(8, 10))} at ${time(s.start)} for ${s.duration.text} (${zone})${until}`;
  }
}
