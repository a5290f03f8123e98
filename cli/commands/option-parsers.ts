/**
 * Option parsing shared by the pipeline commands: repeatable options, bounded integers, enums. Library
 * input errors need no translation: they are ToolkitErrors, which `main` reports (one line per problem, exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { SYNTH_CACHE_ENV } from '../../pipeline/changes/synth-cache';
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

/** Default folder of the base synth cache, under the app's node_modules (where `actions/cache` and `npm ci` leave it alone). */
export const DEFAULT_SYNTH_CACHE = path.join('node_modules', '.cache', 'signoz-alerts', 'base-synth');

/**
 * The base synth cache folder of a command: `--synth-cache <dir>`, else $SIGNOZ_ALERTS_SYNTH_CACHE,
 * else `node_modules/.cache/signoz-alerts/base-synth` of the app when it has a node_modules folder (not a link);
 * undefined with `--no-synth-cache` (commander's `false`) or an empty variable.
 */
export function synthCacheDir(option: string | boolean | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string, appDir: string): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string') return path.resolve(cwd, option);
  const fromEnv = env[SYNTH_CACHE_ENV];
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : path.resolve(cwd, fromEnv);
  // Only a node_modules folder of the app's own: one linked from elsewhere is shared with other checkouts.
  const modules = path.join(appDir, 'node_modules');
  return fs.existsSync(modules) && fs.lstatSync(modules).isDirectory() ? path.join(appDir, DEFAULT_SYNTH_CACHE) : undefined;
}

/** Adds `--synth-cache <dir>` and `--no-synth-cache` to a command that synthesizes a base. */
export function synthCacheOptions(command: Command): Command {
  return command
    .option(
      '--synth-cache <dir>',
      `reuse the base synth from this folder, keyed by the base tree, toolkit, lock file and Node (default: $${SYNTH_CACHE_ENV}, else <app-dir>/${DEFAULT_SYNTH_CACHE.split(path.sep).join('/')})`,
    )
    .option('--no-synth-cache', 'always synthesize the base; store nothing');
}
