/**
 * Option parsing shared by the pipeline commands: repeatable options, bounded integers, enums, and
 * the translation of library input errors into usage errors (one line, exit code 2).
 */
import { PipelineInputError } from '../../pipeline/errors';
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

/** Runs `work`, turning a library input error into a usage error. */
export async function asUsageErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PipelineInputError) throw new UsageError(err.message);
    throw err;
  }
}
