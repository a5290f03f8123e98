/**
 * A synthesized stack (`cdktf.out/stacks/<stack>/cdk.tf.json`) reduced to what Terraform acts on:
 * cdktf's `//` metadata blocks (construct paths, stack traces, the cdktf version) are dropped where
 * cdktf writes them (the top level and each resource, data source and module block) and nowhere
 * else, so a `//` key inside an attribute value (a JSON map a rule or channel sends) still counts; keys
 * are sorted, so moving code around without changing the output gives the same hash.
 */
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import { PipelineInputError } from '../errors';
import { parseJsonInput } from '../../constructs/util/parse-input';

export const STACK_CONFIG_FILE = 'cdk.tf.json';

export interface NormalizeOptions {
  /** JSON Pointers of fields to drop. */
  readonly volatile?: readonly string[];
  /**
   * Folder of the cdktf app: absolute paths under it (cdktf's default local backend writes one)
   * become `<app-dir>/...`, so synthesizing from another checkout is not a change.
   */
  readonly appDir?: string;
}

/** Path prefixes standing for the app folder (as given and with links resolved). */
export function appDirPrefixes(appDir: string | undefined): string[] {
  if (!appDir) return [];
  const prefixes = new Set([path.resolve(appDir)]);
  try {
    prefixes.add(fs.realpathSync(appDir));
  } catch {
    // a folder that no longer exists keeps only the path as given
  }
  return [...prefixes].sort((a, b) => b.length - a.length);
}

/**
 * True for a `//` key where cdktf puts its metadata: the top level, `resource.<type>.<name>`,
 * `data.<type>.<name>` and `module.<name>` (cdktf 0.21 `TerraformStack.toTerraform`,
 * `TerraformResource`/`TerraformDataSource`/`TerraformModule.toTerraform`).
 */
function isCdktfMetadata(key: string, path: readonly string[]): boolean {
  if (key !== '//') return false;
  if (path.length === 0) return true;
  if ((path[0] === 'resource' || path[0] === 'data') && path.length === 3) return true;
  return path[0] === 'module' && path.length === 2;
}

/** The config without cdktf's metadata, volatile fields and checkout-specific paths. */
export function normalizeStackConfig(config: unknown, options: NormalizeOptions = {}): unknown {
  const volatile = options.volatile ?? [];
  const prefixes = appDirPrefixes(options.appDir);
  const strip = (node: unknown, pointer: string, keys: readonly string[] = []): unknown => {
    if (typeof node === 'string') {
      const prefix = prefixes.find((p) => node === p || node.startsWith(`${p}${path.sep}`));
      return prefix ? `<app-dir>${node.slice(prefix.length).split(path.sep).join('/')}` : node;
    }
    // An array is never where cdktf puts metadata: its items are values (`keys` stops matching).
    if (Array.isArray(node)) return node.map((item, i) => strip(item, `${pointer}/${i}`, [...keys, '[]']));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (isCdktfMetadata(key, keys) || volatile.includes(child)) continue;
      out[key] = strip(value, child, [...keys, key]);
    }
    return out;
  };
  return strip(config, '');
}

/** `sha256:<hex>` of the normalized config in canonical JSON. */
export function stackConfigHash(config: unknown, options: NormalizeOptions = {}): string {
  return `sha256:${createHash('sha256')
    .update(canonicalize(normalizeStackConfig(config, options)) ?? '')
    .digest('hex')}`;
}

/** Reads `<stackDir>/cdk.tf.json`. */
export function readStackConfig(stackDir: string): unknown {
  const file = path.join(stackDir, STACK_CONFIG_FILE);
  let text: string;
  try {
    text = readInputFile(file);
  } catch (err) {
    if (isToolkitError(err)) throw err;
    throw new PipelineInputError('no synthesized stack here (run the synth first, or pass the folder of one stack under cdktf.out/stacks/).', { file }, 'synth output');
  }
  const parsed = parseJsonInput(text);
  if ('error' in parsed) throw new PipelineInputError(`${parsed.error}.`, { file }, 'synth output');
  return parsed.value;
}
