/**
 * The checks every alert estate needs, as pure functions over names: channels that are named but
 * not declared, alert names used twice, channels listed twice. `AlertStack` runs them at synth on
 * its constructs (on by default); the policy pack's `channel-references` and `unique-alert-names`
 * rules run the same functions on synthesized stacks.
 */
import { closestName } from './did-you-mean';

/** IDs of the checks `AlertStack` runs by default; each can be skipped by name. */
export const DEFAULT_CHECK_IDS = ['channel-references', 'unique-alert-names', 'no-literal-secrets'] as const;
/** One of {@link DEFAULT_CHECK_IDS}: a check `AlertStackProps.checks` can skip by name. */
export type DefaultCheckId = (typeof DEFAULT_CHECK_IDS)[number];

/** Whether a channel entry is a Terraform reference (`${...}`), which names no channel literally. */
export function isChannelReference(name: string): boolean {
  return name.startsWith('${');
}

/** `which no stack of environment "dev" declares or imports (did you mean "x"?)`: the tail of an undeclared-channel message. */
export function undeclaredChannelText(name: string, environment: string, declared: Iterable<string>): string {
  const suggestion = closestName(name, declared);
  return (
    `which no stack of environment "${environment}" declares or imports` +
    (suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '') +
    `; declare it with NotificationChannel, or use NotificationChannel.fromName(scope, id, '${name}') for a channel managed elsewhere`
  );
}

/** The key two alert names collide on: case and surrounding space ignored. */
export function alertNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Groups of items sharing a name key (only groups of two or more), in first-seen order. */
export function duplicateGroups<T>(items: Iterable<T>, key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Names that occur more than once in `names`, each once. */
export function namesListedTwice(names: readonly string[]): string[] {
  return duplicateGroups(names, (n) => n).map((g) => g[0]!);
}
