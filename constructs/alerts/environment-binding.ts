/**
 * Applies an environment's settings (`EnvironmentSettings`) to the alerts of its stacks: labels
 * added to every alert, channels swapped (e.g. PagerDuty in prod, Slack in dev), alerts disabled,
 * and threshold or other overrides per alert, all as data next to the environment instead of
 * `if (env === 'prod')` in definitions. A key that matches no alert is a synth error, so a typo
 * never silently does nothing.
 */
import type { IConstruct } from '../engine';
import type { ChannelInput } from '../model/channel-ref';
import type { AlertRuleProps, NotificationOptions } from './alert-rule-props';
import { mergeTiers, type TierOverrides } from './tier-overrides';
import type { EvaluationEnvelope } from '../model/rule-payload';

/** What an environment may change about one alert. */
export interface AlertOverride {
  /** Tier fields to change, e.g. `{ critical: { target: 95 } }`; a tier set to `null` is removed. */
  readonly tiers?: TierOverrides;
  readonly channels?: readonly ChannelInput[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly disabled?: boolean;
  readonly evaluation?: EvaluationEnvelope;
  readonly notifications?: NotificationOptions;
}

/** What alerts take from an environment's settings (`EnvironmentSettings` in `stacks/`). */
export interface EnvironmentAlertSettings {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly channelOverrides?: Readonly<Record<string, ChannelInput>>;
  readonly disabledAlerts?: readonly string[];
  readonly alertOverrides?: Readonly<Record<string, AlertOverride>>;
}

/** Tracks which override keys matched an alert, to report the ones that matched none. */
class EnvironmentBinding {
  readonly used = new Set<string>();
  constructor(readonly settings: EnvironmentAlertSettings) {}
}

const bindings = new WeakMap<IConstruct, EnvironmentBinding>();
/**
 * One binding per settings object and app, so the stacks of a sharded environment share one,
 * while another app in the same process (a test, a second synth) starts afresh.
 */
const bindingsBySettings = new WeakMap<IConstruct, WeakMap<EnvironmentAlertSettings, EnvironmentBinding>>();

/**
 * Binds already validated environment settings to `scope`: every alert rule added below it later
 * takes them. Returns false when the same settings object is already bound elsewhere (a shard of
 * the environment); its override keys then have to match an alert in any of the shards.
 */
export function bindEnvironment(scope: IConstruct, settings: EnvironmentAlertSettings): boolean {
  const root = scope.node.root;
  let ofApp = bindingsBySettings.get(root);
  if (!ofApp) bindingsBySettings.set(root, (ofApp = new WeakMap()));
  const known = ofApp.get(settings);
  if (known) {
    bindings.set(scope, known);
    return false;
  }
  const binding = new EnvironmentBinding(settings);
  bindings.set(scope, binding);
  ofApp.set(settings, binding);
  scope.node.addValidation({
    validate: () => {
      const keys = [...(settings.disabledAlerts ?? []), ...Object.keys(settings.alertOverrides ?? {})];
      return [...new Set(keys)]
        .filter((k) => !binding.used.has(k))
        .map((k) => `environment ${settings.name}: "${k}" matches no alert (use the construct path below the stack, e.g. checkout/HighCpu, or the alert name)`);
    },
  });
  return true;
}

/** The environment name in effect for `scope`, if any. */
export function environmentNameOf(scope: IConstruct): string | undefined {
  return bindingOf(scope)?.binding.settings.name;
}

function bindingOf(scope: IConstruct): { binding: EnvironmentBinding; root: IConstruct } | undefined {
  for (let node: IConstruct | undefined = scope; node; node = node.node.scope) {
    const binding = bindings.get(node);
    if (binding) return { binding, root: node };
  }
  return undefined;
}

function mapChannels(channels: readonly ChannelInput[] | undefined, map: EnvironmentAlertSettings['channelOverrides']): ChannelInput[] | undefined {
  if (!channels || !map) return channels ? [...channels] : undefined;
  return channels.map((c) => {
    const name = typeof c === 'string' ? c : c.channelName;
    return Object.prototype.hasOwnProperty.call(map, name) ? map[name]! : c;
  });
}

/**
 * `channels` as the environment of `scope` sends them (its `channelOverrides` applied, a channel
 * that two overrides now name listed once); unchanged outside an environment. Route policies use
 * it, so an environment that swaps PagerDuty for Slack swaps it in policy routing too.
 */
export function environmentChannels(scope: IConstruct, channels: readonly ChannelInput[]): ChannelInput[] {
  const mapped = mapChannels(channels, bindingOf(scope)?.binding.settings.channelOverrides) ?? [];
  const seen = new Set<string>();
  return mapped.filter((c) => {
    const name = typeof c === 'string' ? c : c.channelName;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/**
 * The props of the alert at `alert` (a construct, not yet holding children) with the settings of
 * its environment applied.
 */
export function applyEnvironment(alert: IConstruct, props: AlertRuleProps): AlertRuleProps {
  const found = bindingOf(alert);
  if (!found) return props;
  const { binding, root } = found;
  const { settings } = binding;
  const relativePath = alert.node.path.slice(root.node.path.length).replace(/^\//, '');
  const keys = [relativePath, props.name];

  const override = keys.map((k) => settings.alertOverrides?.[k]).find((o) => o !== undefined);
  for (const k of keys) {
    if (settings.alertOverrides?.[k] !== undefined || settings.disabledAlerts?.includes(k)) binding.used.add(k);
  }
  const disabled = keys.some((k) => settings.disabledAlerts?.includes(k)) || override?.disabled || props.disabled;

  const tiers = mergeTiers(props.tiers, override?.tiers);
  const mappedTiers = Object.fromEntries(
    Object.entries(tiers).map(([severity, tier]) => [severity, tier && tier.channels ? { ...tier, channels: mapChannels(tier.channels, settings.channelOverrides) } : tier]),
  ) as AlertRuleProps['tiers'];

  return {
    ...props,
    tiers: mappedTiers,
    channels: mapChannels(override?.channels ?? props.channels, settings.channelOverrides),
    labels: { ...(props.labels ?? {}), ...(override?.labels ?? {}), ...(settings.labels ?? {}), env: settings.name },
    ...(disabled !== undefined ? { disabled } : {}),
    ...(override?.evaluation ? { evaluation: override.evaluation } : {}),
    ...(override?.notifications ? { notifications: { ...(props.notifications ?? {}), ...override.notifications } } : {}),
  };
}
