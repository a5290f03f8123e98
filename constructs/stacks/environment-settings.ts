import { z } from 'zod';
import type { AlertOverride } from '../alerts/environment-binding';
import type { ChannelInput } from '../model/channel-ref';
import { TERRAFORM_VERSION } from '../providers/versions';
import { isPlainObject } from '../util/json';
import { stateBackendConfigSchema, type StateBackendConfig } from './state-backend-config';
import type { SameShape } from '../model/type-equality';

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

const channelInput = z.union([
  z.string().min(1, 'channel name must not be empty'),
  z.custom<Exclude<ChannelInput, string>>(
    (c) => typeof c === 'object' && c !== null && typeof (c as { channelName?: unknown }).channelName === 'string',
    'must be a channel construct (IChannelRef) or a channel name',
  ),
]);

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [ma, mi] = version.split('.').map(Number) as [number, number];
  return ma > major || (ma === major && mi >= minor);
}

/** Schema of {@link EnvironmentSettings}; unknown fields are errors, so a typo cannot silently fall back to a default. */
export const environmentSettingsSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be lower-case letters, digits and '-', starting with a letter (at most 32), e.g. 'prod'"),
    backend: stateBackendConfigSchema.optional(),
    terraformVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, "must be an exact version such as '1.11.4' (every stack pins Terraform exactly)")
      .optional(),
    labels: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'label names are letters, digits, _ and . (not starting with a digit)'), z.string()).optional(),
    channelOverrides: z.record(z.string().min(1, 'channel names must not be empty'), channelInput).optional(),
    disabledAlerts: z.array(z.string().min(1, 'alert keys must not be empty')).optional(),
    // Each override is checked by the alert it applies to, with that alert's construct path in the message.
    alertOverrides: z
      .record(
        z.string().min(1, 'alert keys must not be empty'),
        z.custom<AlertOverride>((v) => isPlainObject(v), 'must be an object of alert changes'),
      )
      .optional(),
    onCall: z.boolean().optional(),
  })
  .superRefine((settings, ctx) => {
    const version = settings.terraformVersion ?? TERRAFORM_VERSION;
    if (settings.backend?.type === 's3' && settings.backend.useLockfile === true && !versionAtLeast(version, 1, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['backend', 'useLockfile'],
        message: `S3-native locking needs Terraform >= 1.10 (terraformVersion is ${version}); use dynamodbTable instead`,
      });
    }
  })
  .transform((settings): ResolvedEnvironmentSettings => ({
    name: settings.name,
    backend: settings.backend ?? { type: 'local' },
    terraformVersion: settings.terraformVersion ?? TERRAFORM_VERSION,
    labels: settings.labels ?? {},
    channelOverrides: settings.channelOverrides ?? {},
    disabledAlerts: settings.disabledAlerts ?? [],
    alertOverrides: settings.alertOverrides ?? {},
    onCall: settings.onCall ?? true,
  }));
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof environmentSettingsSchema>, EnvironmentSettings>;
