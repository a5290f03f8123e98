/** The props of a service level objective (`ServiceLevelObjective`, `ServiceLevelObjective.fromOpenSlo`). */
import type { Severity } from '../model/enums';
import type { ChannelInput } from '../model/channel-ref';
import type { BurnRateWindow, BurnTier } from './burn-rate-windows';
import type { SloIndicator } from './slo-indicator';

export interface ServiceLevelObjectiveProps {
  /** SLO name, e.g. `Checkout availability`; alert names start with it. */
  readonly name: string;
  /** Stable identifier written as the `slo` label. @default - the name in lowercase words joined by dashes */
  readonly sloId?: string;
  /** Share of good events promised, greater than 0 and less than 1, e.g. 0.999 for 99.9 %. */
  readonly objective: number;
  /** The period the objective holds over. @default '30d' */
  readonly period?: string;
  /** Good (or bad) events and all events, as builder queries. */
  readonly indicator: SloIndicator;
  /** What the objective is about; written as the `slo_kind` label. @default 'availability' */
  readonly kind?: 'availability' | 'latency';
  /**
   * Burn-rate windows. `SRE_WORKBOOK_WINDOWS` gives the workbook's fixed factors whatever the period.
   * @default BUDGET_SHARE_WINDOWS (page 1h/5m at 2 % of the budget and 6h/30m at 5 %, ticket 1d/2h and 3d/6h at 10 %: 14.4x, 6x, 3x, 1x for 30 days, 13.44x, 5.6x, 2.8x, 0.93x for 28 days)
   */
  readonly windows?: readonly BurnRateWindow[];
  /** Channels per burn tier. @default - none (give channels, or set routing: 'policy' and route on burn_tier) */
  readonly channels?: Readonly<Partial<Record<BurnTier, readonly ChannelInput[]>>>;
  /** @default 'channels' */
  readonly routing?: 'channels' | 'policy';
  /** Severity tier of each burn tier's alerts. @default { page: 'critical', ticket: 'warning' } */
  readonly severities?: Readonly<Partial<Record<BurnTier, Severity>>>;
  /** Labels on every alert (besides slo, slo_kind, slo_window and burn_tier). @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly runbook?: string;
  /** What the SLO promises, for the alert descriptions. @default - none */
  readonly description?: string;
  /** @default false */
  readonly disabled?: boolean;
}
