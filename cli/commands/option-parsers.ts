/**
 * Option parsing shared by the pipeline commands: repeatable options, bounded integers, enums. Library
 * input errors need no translation: they are ToolkitErrors, which `main` reports (one line per problem, exit 2).
 */
import { UsageError } from '../io';

/** Commander collector for an option that may be given several times. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Commander parser for a whole number of at least `min`. */
export function integerOption(name: string, min = 0): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
      throw new UsageError(`${name} must be a whole number of at least ${min}, got "${value}"`);
    }
    return Number(value);
  };
}

/** Checks that `value` is one of `allowed`. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}
