/** An environment's settings as a user writes them (their zod schema is in environment-settings-schema.ts). */
import type { AlertOverride } from '../alerts/environment-binding';
import type { ChannelInput } from '../model/channel-ref';
import type { StateBackendConfig } from './state-backend-config';

/**
 * What differs between the environments one alert estate is deployed to: where state lives, the
 * Terraform version, and what changes about the alerts (labels, channels, disabled alerts,
 * per-alert overrides). Alerts are matched by their construct path below the stack
 * (`checkout/HighCpu`) or by their alert name; a key that matches no alert fails synth.
 */
export interface EnvironmentSettings {
  /** Environment name: lower-case letters, digits and '-', e.g. `prod`. Used in state keys. */
  readonly name: string;
  /** Where the state lives. @default - local state file (development only) */
  readonly backend?: StateBackendConfig;
  /** Exact Terraform version every stack of the environment requires. @default TERRAFORM_VERSION */
  readonly terraformVersion?: string;
  /** Labels to add to every alert of the environment. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** Channel to use instead of a named one in this environment (e.g. the on-call pager -> a Slack test channel). @default - none */
  readonly channelOverrides?: Readonly<Record<string, ChannelInput>>;
  /** Alerts disabled in this environment (construct path below the stack, or alert name). @default - none */
  readonly disabledAlerts?: readonly string[];
  /** Changes to single alerts in this environment, e.g. `{ 'checkout/HighCpu': { tiers: { critical: { target: 95 } } } }`. @default - none */
  readonly alertOverrides?: Readonly<Record<string, AlertOverride>>;
  /**
   * Whether someone is on call for this environment. `false` declares that nothing may page here:
   * the `no-paging-without-on-call` policy rule then fails any PagerDuty or Opsgenie channel an
   * alert tier or route policy of the environment still reaches (after `channelOverrides`).
   * @default true
   */
  readonly onCall?: boolean;
}

/** {@link EnvironmentSettings} after validation, with defaults filled in. */
export interface ResolvedEnvironmentSettings {
  readonly name: string;
  readonly backend: StateBackendConfig;
  readonly terraformVersion: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly channelOverrides: Readonly<Record<string, ChannelInput>>;
  readonly disabledAlerts: readonly string[];
  readonly alertOverrides: Readonly<Record<string, AlertOverride>>;
  readonly onCall: boolean;
}
