/**
 * The app's own checks for `pr-check`, named in its `cdktf.json`:
 * `{"signozAlerts": {"pack": "./policy-pack.ts", "hooks": "./pr-hooks.ts"}}` (paths relative to the
 * folder of cdktf.json). The pack replaces the default policy pack (`--pack` on the command line
 * wins); the hooks module's checks run after the built-in ones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { ToolkitError } from '../../constructs/model/toolkit-error';
import { importUserModule } from '../../policies/load-pack';
import { readCdktfProject } from '../changes/cdktf-project';
import { PipelineInputError } from '../errors';
import type { PrCheckHook } from './pr-check-hooks';

/** The key of `cdktf.json` holding the toolkit's settings. */
export const APP_CONFIG_KEY = 'signozAlerts';

export interface AppCheckConfig {
  /** Absolute path of the policy-pack module. @default - the default pack */
  readonly pack?: string;
  /** Absolute path of the module exporting pr-check hooks. @default - none */
  readonly hooks?: string;
}

const settingsSchema = z.strictObject({
  pack: z.string().min(1, 'must be the path of a module, relative to the folder of cdktf.json').optional(),
  hooks: z.string().min(1, 'must be the path of a module, relative to the folder of cdktf.json').optional(),
});

/** The `signozAlerts` settings of the app in `appDir`, module paths resolved and checked to exist. */
export function readAppCheckConfig(appDir: string): AppCheckConfig {
  const project = readCdktfProject(appDir);
  const file = path.join(appDir, 'cdktf.json');
  if (project.signozAlerts === undefined) return {};
  const parsed = settingsSchema.safeParse(project.signozAlerts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineInputError(
      `${issue.message}. Allowed: {"${APP_CONFIG_KEY}": {"pack": "<module>", "hooks": "<module>"}}.`,
      { file, pointer: ['', APP_CONFIG_KEY, ...issue.path.map(String)].join('/') },
      'cdktf project',
    );
  }
  const config: { pack?: string; hooks?: string } = {};
  for (const key of ['pack', 'hooks'] as const) {
    const spec = parsed.data[key];
    if (spec === undefined) continue;
    const resolved = path.resolve(appDir, spec);
    if (!fs.existsSync(resolved)) {
      throw new PipelineInputError(`no module at ${resolved} (paths are relative to the folder of cdktf.json).`, { file, pointer: `/${APP_CONFIG_KEY}/${key}` }, 'cdktf project');
    }
    config[key] = resolved;
  }
  return config;
}

const EXPECTED_HOOKS = 'export `hooks` (a list of { name, run(context) }) or a default export of one hook or a list of them';

function isHook(value: unknown): value is PrCheckHook {
  const v = value as Partial<PrCheckHook> | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && v.name !== '' && typeof v.run === 'function';
}

function hooksFrom(moduleExports: unknown): PrCheckHook[] | undefined {
  const m = moduleExports as Record<string, unknown> | undefined;
  const inner = m?.default as Record<string, unknown> | undefined;
  for (const candidate of [m?.hooks, inner?.hooks, m?.default, inner?.default]) {
    if (isHook(candidate)) return [candidate];
    if (Array.isArray(candidate) && candidate.length > 0 && candidate.every(isHook)) return [...candidate];
  }
  return undefined;
}

/** The hooks a module exports; exit 2 (a `ToolkitError`) when it cannot be loaded or exports none. */
export async function loadPrCheckHooks(file: string, appDir: string): Promise<PrCheckHook[]> {
  const where = { file: path.relative(appDir, file) || file };
  let exports: unknown;
  try {
    exports = await importUserModule(file, appDir);
  } catch (err) {
    if (err instanceof ToolkitError) throw err;
    throw new PipelineInputError(`hooks module failed to load: ${err instanceof Error ? err.message : String(err)}`, where, 'pr-check hooks');
  }
  const hooks = hooksFrom(exports);
  if (!hooks) throw new PipelineInputError(`the module exports no pr-check hook; ${EXPECTED_HOOKS}.`, where, 'pr-check hooks');
  return hooks;
}
