/**
 * The zod schema of `EnvironmentSettings`. Internal: the interface in environment-settings.ts is
 * the public truth, and this schema is held to it at compile time.
 */
import { z } from 'zod';
import type { AlertOverride } from '../alerts/environment-binding';
import type { ChannelInput } from '../model/channel-ref';
import { TERRAFORM_VERSION } from '../providers/versions';
import { isPlainObject } from '../util/json';
import { stateBackendConfigSchema } from './state-backend-config-schema';
import type { SameShape } from '../model/type-equality';
import type { EnvironmentSettings, ResolvedEnvironmentSettings } from './environment-settings';

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
