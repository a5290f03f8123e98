/**
 * Project settings for the plan pipeline, read from `signoz-alerts.pipeline.json` at the project
 * root (or the file given with `--config`). Every field is optional; unknown fields are errors so a
 * typo never silently turns a safety check off.
 */
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { destroyBudgets, type DestroyBudgets } from '../apply-safety/destroy-budget';
import { PipelineInputError } from '../errors';

export const PIPELINE_CONFIG_FILE = 'signoz-alerts.pipeline.json';

/** Platforms `npm run lock` records provider checksums for. */
export const DEFAULT_LOCK_PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'] as const;

const configSchema = z.strictObject({
  /** A plan deleting more alerts than this needs `--allow-destroy`. */
  maxAlertDeletes: z.number().int().min(0).optional(),
  /** A plan deleting or replacing more notification channels than this needs `--allow-destroy`. */
  maxChannelDestroys: z.number().int().min(0).optional(),
  /** The same for route policies. */
  maxRouteDestroys: z.number().int().min(0).optional(),
  /** The same for maintenance windows. */
  maxWindowDestroys: z.number().int().min(0).optional(),
  /** A plan disabling more critical alerts than this needs `--allow-destroy`. */
  maxCriticalAlertsDisabled: z.number().int().min(0).optional(),
  /** Channel names that always count as paging. */
  pagingChannels: z.array(z.string().min(1)).optional(),
  /** Channel names that never count as paging, even when the name suggests it. */
  nonPagingChannels: z.array(z.string().min(1)).optional(),
  /** Folder holding `<stack>/.terraform.lock.hcl`, relative to the config file. */
  locksDir: z.string().min(1).optional(),
  /** Platforms recorded in lock files. */
  lockPlatforms: z
    .array(z.string().regex(/^[a-z0-9]+_[a-z0-9]+$/))
    .min(1)
    .optional(),
});

export interface PipelineConfig {
  readonly maxAlertDeletes: number;
  /** Every destroy budget (alert deletes included), defaults filled in. */
  readonly destroyBudgets: DestroyBudgets;
  readonly pagingChannels: readonly string[];
  readonly nonPagingChannels: readonly string[];
  /** Absolute path of the committed lock-file folder. */
  readonly locksDir: string;
  readonly lockPlatforms: readonly string[];
}

/** Reads the config; a missing default file means defaults, a missing explicit file is an error. */
export function loadPipelineConfig(projectDir: string, explicitFile?: string): PipelineConfig {
  const file = explicitFile ? path.resolve(projectDir, explicitFile) : path.join(projectDir, PIPELINE_CONFIG_FILE);
  let raw: unknown = {};
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(readInputFile(file));
    } catch (err) {
      if (isToolkitError(err)) throw err;
      throw new PipelineInputError(`not valid JSON (${err instanceof Error ? err.message : String(err)}).`, { file }, 'pipeline config');
    }
  } else if (explicitFile) {
    throw new PipelineInputError('no such config file.', { file }, 'pipeline config');
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineInputError(
      `${issue.message}. Allowed fields: maxAlertDeletes, maxChannelDestroys, maxRouteDestroys, maxWindowDestroys, maxCriticalAlertsDisabled, pagingChannels, nonPagingChannels, locksDir, lockPlatforms.`,
      { file },
      'pipeline config',
      issue.path.length > 0 ? `/${issue.path.join('/')}` : '',
    );
  }
  const config = parsed.data;
  const budgets = destroyBudgets({
    ...(config.maxAlertDeletes !== undefined ? { alertDeletes: config.maxAlertDeletes } : {}),
    ...(config.maxChannelDestroys !== undefined ? { channelDestroys: config.maxChannelDestroys } : {}),
    ...(config.maxRouteDestroys !== undefined ? { routeDestroys: config.maxRouteDestroys } : {}),
    ...(config.maxWindowDestroys !== undefined ? { windowDestroys: config.maxWindowDestroys } : {}),
    ...(config.maxCriticalAlertsDisabled !== undefined ? { criticalAlertsDisabled: config.maxCriticalAlertsDisabled } : {}),
  });
  return {
    maxAlertDeletes: budgets.alertDeletes,
    destroyBudgets: budgets,
    pagingChannels: config.pagingChannels ?? [],
    nonPagingChannels: config.nonPagingChannels ?? [],
    locksDir: path.resolve(path.dirname(file), config.locksDir ?? path.join('stacks', 'locks')),
    lockPlatforms: config.lockPlatforms ?? [...DEFAULT_LOCK_PLATFORMS],
  };
}
