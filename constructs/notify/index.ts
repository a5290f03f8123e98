/** Who is notified, paged or muted when an alert fires: read from synthesized stacks, answered SigNoz's way. */
import type { TerraformStack } from '../engine';
import { readSynthOutput, type ReadSynthOutputOptions } from '../codecs/synth-output';
import type { EnvironmentNaming } from '../stacks/resolve-environment';
import { readNotificationSetup, type NotificationSetup } from './notification-setup';

export * from './notification-setup';
export * from './who-is-notified';
export * from './routing-week';
export * from './routing-diff';
export { notificationLabels } from './alert-labels';

/** The notification setup of every stack of a synth output folder (`cdktf.out`). */
export function readNotificationSetups(outdir: string, cwd: string = process.cwd(), options: ReadSynthOutputOptions & { naming?: EnvironmentNaming } = {}): NotificationSetup[] {
  return readSynthOutput(outdir, cwd, options).map((stack) => readNotificationSetup(stack, options.naming));
}

/** The notification setup of stacks in code (the estate as constructs), without writing files. */
export function notificationSetupsOf(stacks: readonly TerraformStack[], naming?: EnvironmentNaming): NotificationSetup[] {
  return stacks.map((stack) =>
    readNotificationSetup(
      { name: stack.node.id, constructPath: stack.node.path, file: `${stack.node.id} (in memory)`, document: stack.toTerraform() as Record<string, unknown> },
      naming,
    ),
  );
}
