/**
 * What every preset accepts besides its own settings, and the one way a preset turns its defaults
 * plus the user's props into `AlertRuleProps`. Presets never write rule JSON: they hand props to
 * `AlertRule`, which builds the payload through the one alert factory.
 */
import type { AlertRuleProps, NotificationOptions } from '../alerts/alert-rule-props';
import { mergeTiers, type TierOverrides } from '../alerts/tier-overrides';
import type { ChannelInput } from '../model/channel-ref';
import type { EvaluationEnvelope } from '../model/rule-payload';

/** Changes to a preset's tiers: a tier given is merged over the preset's tier, `null` removes it. */
export type { TierOverrides };

/** Props shared by every preset; all optional, each passed through to `AlertRule`. */
export interface PresetProps {
  /** Alert name. @default - the preset's name, e.g. `Host CPU high` */
  readonly name?: string;
  /**
   * Changes to the preset's tiers, e.g. `{ critical: { target: 95 } }` (other tier fields keep the
   * preset's values) or `{ warning: null }` (drop the tier). @default - the preset's tiers
   */
  readonly tiers?: TierOverrides;
  /** Channels every tier notifies. @default - none (give channels, or set routing: 'policy') */
  readonly channels?: readonly ChannelInput[];
  /** @default 'channels' */
  readonly routing?: 'channels' | 'policy';
  /** Extra filter ANDed with the preset's own, e.g. `deployment.environment = 'prod'`. @default - none */
  readonly where?: string;
  /** @default - the preset's window (see docs/presets.md) */
  readonly evaluation?: EvaluationEnvelope;
  readonly notifications?: NotificationOptions;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default - the preset's summary */
  readonly summary?: string;
  /** @default - the preset's description */
  readonly description?: string;
  /** Runbook link (`runbook_url` annotation). @default - none */
  readonly runbook?: string;
  /** @default false */
  readonly disabled?: boolean;
}

/** The construct path a construct will have once created under `scope` as `id`. */
export function futurePath(scope: { node: { path: string } }, id: string): string {
  return scope.node.path === '' ? id : `${scope.node.path}/${id}`;
}

/** A SigNoz filter string literal: single-quoted, backslashes and quotes escaped. */
export function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Filter parts joined with AND; a part holding OR is parenthesized so AND cannot bind into it. */
export function allOf(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p.trim() !== '');
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.map((p) => (/\bOR\b/i.test(p) ? `(${p})` : p)).join(' AND ');
}

/** What a preset decides; everything else comes from the user's `PresetProps`. */
export type PresetDefaults = Pick<AlertRuleProps, 'name' | 'queries' | 'tiers' | 'summary' | 'description' | 'evaluation'> &
  Partial<Pick<AlertRuleProps, 'selectQuery' | 'kind' | 'op' | 'matchType' | 'unit' | 'targetUnit' | 'absentFor' | 'labels' | 'notifications'>>;

/** The `AlertRuleProps` of a preset: its defaults, with the user's props on top. */
export function presetRuleProps(defaults: PresetDefaults, props: PresetProps): AlertRuleProps {
  const labels = { ...(defaults.labels ?? {}), ...(props.labels ?? {}) };
  const notifications = props.notifications ?? defaults.notifications;
  return {
    ...defaults,
    name: props.name ?? defaults.name,
    tiers: mergeTiers(defaults.tiers, props.tiers),
    summary: props.summary ?? defaults.summary,
    description: props.description ?? defaults.description,
    evaluation: props.evaluation ?? defaults.evaluation,
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(notifications !== undefined ? { notifications } : {}),
    ...(props.channels !== undefined ? { channels: props.channels } : {}),
    ...(props.routing !== undefined ? { routing: props.routing } : {}),
    ...(props.annotations !== undefined ? { annotations: props.annotations } : {}),
    ...(props.runbook !== undefined ? { runbook: props.runbook } : {}),
    ...(props.disabled !== undefined ? { disabled: props.disabled } : {}),
  };
}
