/**
 * Applies an environment's settings (`EnvironmentSettings`) to the alerts of its stacks: labels
 * added to every alert, channels swapped (e.g. PagerDuty in prod, Slack in dev), alerts disabled,
 * and threshold or other overrides per alert, all as data next to the environment instead of
 * `if (env === 'prod')` in definitions. A key that matches no alert is a synth error, so a typo
 * never silently does nothing.
 */
import { TerraformStack, type IConstruct } from '../engine';
import { bindEnvironment } from '../alerts/environment-binding';
import { setStackMetadata } from '../metadata/stack-metadata';
import { PropsError } from '../model/props-error';
import { zodProblems } from '../model/parse-props';
import { ZOD_PARSE_OPTIONS } from '../validation/zod-messages';
import type { EnvironmentSettings } from './environment-settings';
import { environmentSettingsSchema } from './environment-settings-schema';

export { applyEnvironment, environmentNameOf, type AlertOverride } from '../alerts/environment-binding';

/**
 * Applies environment settings to every alert rule under `scope` (usually a stack) added after
 * this call. Several stacks of one environment (shards) take the same settings object; an
 * override key then has to match an alert in any of them.
 */
export function setEnvironment(scope: IConstruct, settings: EnvironmentSettings): void {
  const parsed = environmentSettingsSchema.safeParse(settings, ZOD_PARSE_OPTIONS);
  if (!parsed.success) throw new PropsError('environment settings', scope.node.path, zodProblems(parsed.error));
  bindEnvironment(scope, settings);
  // Recorded in the synthesized file too, so tools reading cdktf.out (policy checks) know the environment.
  if (TerraformStack.isStack(scope)) {
    setStackMetadata(scope, 'environment', settings.name);
    if (settings.onCall === false) setStackMetadata(scope, 'onCall', false);
  }
}
