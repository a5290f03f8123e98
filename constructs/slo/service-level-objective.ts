/**
 * `ServiceLevelObjective`: an SLO (objective, period, indicator queries) and the burn-rate alerts
 * that guard its error budget, the SRE workbook's multi-window, multi-burn-rate alerts by default
 * (as shares of the period's budget, so the factors follow the period as Sloth's do).
 * Each window pair becomes one `AlertRule` (a SigNoz formula alert, see burn-rate-queries.ts)
 * labelled `burn_tier: page|ticket`, so route policies can page on one and file tickets on the other.
 *
 * ```ts
 * new ServiceLevelObjective(stack, 'CheckoutAvailability', {
 *   name: 'Checkout availability',
 *   objective: 0.999,
 *   period: '30d',
 *   indicator: SloIndicators.spanMetricsAvailability({ service: 'checkout' }),
 *   channels: { page: ['payments-pager'], ticket: ['payments-tickets'] },
 * });
 * ```
 */
import { z } from 'zod';
import { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { PropsError } from '../model/props-error';
import { parseProps } from '../model/parse-props';
import { SEVERITIES, type Severity } from '../model/enums';
import { burnRateQueries, BURN_RATE_QUERY_NAMES } from './burn-rate-queries';
import { BUDGET_SHARE_WINDOWS, BURN_TIERS, resolveBurnRateWindows, type BurnTier, type ResolvedBurnRateWindow } from './burn-rate-windows';
import { errorBudget } from './error-budget';
import { openSloToProps, type OpenSloOptions } from './open-slo';
import type { ServiceLevelObjectiveProps } from './service-level-objective-props';
import { parseSloDuration, SLO_DURATION_HINT } from './slo-duration';
import { prepareIndicator, type PreparedIndicator, type SloIndicator } from './slo-indicator';
import type { SameShape } from '../model/type-equality';
import type { ChannelInput } from '../model/channel-ref';

/** Label every burn-rate alert carries: `page` or `ticket`. */
export const BURN_TIER_LABEL = 'burn_tier';
/** Label naming the SLO an alert guards. */
export const SLO_LABEL = 'slo';
/** Label naming the long window of the alert, e.g. `1h`. */
export const SLO_WINDOW_LABEL = 'slo_window';

export type { ServiceLevelObjectiveProps } from './service-level-objective-props';

// The channels and the indicator are checked where they are used; typed here for the shape check.
const channelList = z.array(z.custom<ChannelInput>());

const propsSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  sloId: z.string().trim().min(1, 'must not be empty').optional(),
  objective: z
    .number({ error: 'must be a number between 0 and 1, e.g. 0.999 for 99.9 %' })
    .refine((n) => n > 0 && n < 1, 'must be greater than 0 and less than 1, e.g. 0.999 for 99.9 % (not a percentage)'),
  period: z
    .string()
    .refine((p) => parseSloDuration(p) !== undefined, `must be ${SLO_DURATION_HINT}`)
    .optional(),
  indicator: z.custom<SloIndicator>(),
  kind: z.enum(['availability', 'latency']).optional(),
  windows: z
    .array(
      z.strictObject({
        tier: z.enum(BURN_TIERS as [BurnTier, ...BurnTier[]]),
        long: z.string(),
        short: z.string(),
        factor: z.number().optional(),
        budgetConsumed: z.number().optional(),
        frequency: z.string().optional(),
      }),
    )
    .optional(),
  channels: z.strictObject({ page: channelList.optional(), ticket: channelList.optional() }).optional(),
  routing: z.enum(['channels', 'policy']).optional(),
  severities: z.strictObject({ page: z.enum(SEVERITIES).optional(), ticket: z.enum(SEVERITIES).optional() }).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  runbook: z.string().optional(),
  description: z.string().optional(),
  disabled: z.boolean().optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof propsSchema>, ServiceLevelObjectiveProps>;

const DEFAULT_SEVERITIES: Readonly<Record<BurnTier, Severity>> = { page: 'critical', ticket: 'warning' };

/** A factor for people: 4 significant digits (13.44, 0.9333), the threshold keeps the exact one. */
function shortFactor(factor: number): string {
  return String(Number(factor.toPrecision(4)));
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))}%`;
}

/** Label value of the SLO: its name in lowercase words joined by dashes. */
export function sloLabelValue(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'slo'
  );
}

export class ServiceLevelObjective extends Construct {
  /**
   * An SLO read from an OpenSLO `SLO` document (YAML or JSON text, or the parsed object); `options`
   * carry what OpenSLO does not say (channels, routing, windows). Throws `OpenSloError` listing
   * every unsupported or invalid field.
   */
  static fromOpenSlo(scope: Construct, id: string, document: unknown, options: OpenSloOptions = {}): ServiceLevelObjective {
    return new ServiceLevelObjective(scope, id, openSloToProps(document, options));
  }

  /** The objective, e.g. 0.999. */
  readonly objective: number;
  /** `1 - objective`: the share of events allowed to fail. */
  readonly errorBudget: number;
  /** The period in milliseconds. */
  readonly periodMs: number;
  /** The windows with their factors and thresholds, in the order given. */
  readonly windows: readonly ResolvedBurnRateWindow[];
  /** One burn-rate alert per window, in the same order. */
  readonly alerts: readonly AlertRule[];

  constructor(scope: Construct, id: string, props: ServiceLevelObjectiveProps) {
    super(scope, id);
    const path = this.node.path;
    parseProps(propsSchema, props, 'ServiceLevelObjective', path);
    const problems: string[] = [];
    const indicator = prepareIndicator(props.indicator, problems);
    this.objective = props.objective;
    this.errorBudget = errorBudget(props.objective);
    this.periodMs = parseSloDuration(props.period ?? '30d')!;
    const windowProblems: string[] = [];
    this.windows = resolveBurnRateWindows(props.windows ?? BUDGET_SHARE_WINDOWS, props.objective, this.periodMs, windowProblems);
    // the user gave no windows: say which ones were meant and how to choose others
    problems.push(...(props.windows === undefined ? windowProblems.map((p) => `${p} (a default window, BUDGET_SHARE_WINDOWS; give windows to choose others)`) : windowProblems));
    if (props.routing !== 'policy') {
      for (const tier of new Set(this.windows.map((w) => w.tier))) {
        if ((props.channels?.[tier] ?? []).length === 0)
          problems.push(`channels.${tier}: no channel for the ${tier} alerts; give channels, or set routing: 'policy' and route on the ${BURN_TIER_LABEL} label`);
      }
    }
    if (problems.length > 0) {
      throw new PropsError(
        'ServiceLevelObjective',
        path,
        problems.map((p) => {
          const at = p.indexOf(': ');
          return { field: p.slice(0, at), message: p.slice(at + 2) };
        }),
      );
    }
    this.alerts = this.windows.map((window) => new AlertRule(this, alertId(window), this.alertProps(props, indicator!, window)));
  }

  private alertProps(props: ServiceLevelObjectiveProps, indicator: PreparedIndicator, window: ResolvedBurnRateWindow): AlertRuleProps {
    const severity = props.severities?.[window.tier] ?? DEFAULT_SEVERITIES[window.tier];
    const objective = percent(props.objective);
    const consumed = percent(window.budgetConsumed);
    return {
      name: `${props.name}: error budget burn ${shortFactor(window.factor)}x over ${window.long} (${window.short})`,
      queries: burnRateQueries(indicator, window),
      selectQuery: BURN_RATE_QUERY_NAMES.errorRatio,
      unit: 'percentunit',
      tiers: { [severity]: { target: window.threshold } },
      op: 'above',
      matchType: 'last',
      evaluation: Evaluation.rolling({ window: window.evalWindow, frequency: window.frequency }),
      ...(props.channels?.[window.tier] !== undefined ? { channels: props.channels[window.tier] } : {}),
      ...(props.routing !== undefined ? { routing: props.routing } : {}),
      labels: {
        ...(props.labels ?? {}),
        [SLO_LABEL]: props.sloId ?? sloLabelValue(props.name),
        slo_kind: props.kind ?? 'availability',
        [SLO_WINDOW_LABEL]: window.long,
        [BURN_TIER_LABEL]: window.tier,
      },
      summary: `${props.name}: error budget burning ${shortFactor(window.factor)}x too fast`,
      description:
        `${props.description ? `${props.description}. ` : ''}Objective ${objective} over ${props.period ?? '30d'}. ` +
        `The error ratio was {{$value}} over both the last ${window.long} and the last ${window.short} (threshold {{$threshold}}, ${shortFactor(window.factor)}x the error budget); ` +
        `at this rate ${consumed} of the period's budget is gone within ${window.long}.`,
      ...(props.runbook !== undefined ? { runbook: props.runbook } : {}),
      ...(props.disabled !== undefined ? { disabled: props.disabled } : {}),
    };
  }
}

function alertId(window: ResolvedBurnRateWindow): string {
  return `${window.tier === 'page' ? 'Page' : 'Ticket'}Burn${window.long}${window.short}`;
}
