/** Who is notified, paged or muted when an alert fires: read from synthesized stacks, answered SigNoz's way. */
import type { TerraformStack } from '../engine';
import { readSynthOutput, type ReadSynthOutputOptions, type SynthesizedStack } from '../codecs/synth-output';
import { diffRouting, routingChangeLines } from './routing-diff';
import { routingTable } from './routing-week';
import type { EnvironmentNaming } from '../stacks/resolve-environment';
import { readNotificationSetup, type NotificationSetup } from './notification-setup';

export * from './notification-setup';
export * from './who-is-notified';
export * from './routing-week';
export * from './routing-diff';
export { notificationLabels, noDataLabels } from './alert-labels';

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

/**
 * What a change does to who is notified, as lines for the PR comment: base and head stacks compared
 * over the week from `from` (UTC), only in the environments of `stacks` when given (the stacks a
 * change touches). No line when routing does not change.
 */
export function routingChangeNotes(base: readonly SynthesizedStack[], head: readonly SynthesizedStack[], from: number, stacks?: readonly string[]): string[] {
  const headSetups = head.map((s) => readNotificationSetup(s));
  const baseSetups = base.map((s) => readNotificationSetup(s));
  const touched = stacks === undefined ? undefined : new Set(stacks);
  const environments = new Set([...headSetups, ...baseSetups].filter((s) => !touched || touched.has(s.stack)).map((s) => s.environment.name));
  const inScope = (setups: NotificationSetup[]): NotificationSetup[] => setups.filter((s) => environments.has(s.environment.name));
  const before = routingTable(inScope(baseSetups), { from });
  const after = routingTable(inScope(headSetups), { from });
  return routingChangeLines(diffRouting(before, after), after, 'UTC');
}
