/**
 * What a change does to a stack's configuration, read from two synth outputs (base and head) when
 * no plan could be made: each resource block that was added, removed or changed becomes a change
 * summarized exactly as a planned one would be (alerts decoded and diffed per tier, values masked).
 * It says what the code asks for, not what Terraform would do to the live objects.
 */
import canonicalize from 'canonicalize';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { isPlainObject } from '../../constructs/util/json';
import { normalizeStackConfig, type NormalizeOptions } from '../changes/stack-config';
import type { Redactor } from '../masking/redactor';
import type { ResourceChange } from '../plan/plan-json';
import { byRiskThenAddress, summarizeResourceChange } from './build-summary';
import type { ResourceChangeSummary, StackConfigDiff } from './summary-model';

export interface ConfigDiffOptions {
  /** How the base and head configs are normalized (their app folders, volatile fields). @default - metadata dropped only */
  readonly base?: NormalizeOptions;
  readonly head?: NormalizeOptions;
}

/** `resource.<type>.<name>` blocks of a normalized config, keyed by address, as the values SigNoz receives. */
function resourceBlocks(config: unknown, options: NormalizeOptions | undefined): Map<string, { type: string; name: string; attributes: unknown }> {
  const blocks = new Map<string, { type: string; name: string; attributes: unknown }>();
  if (config === undefined) return blocks;
  const normalized = normalizeStackConfig(config, options);
  const resources = isPlainObject(normalized) ? normalized.resource : undefined;
  if (!isPlainObject(resources)) return blocks;
  for (const [type, instances] of Object.entries(resources)) {
    if (!isPlainObject(instances)) continue;
    for (const [name, attributes] of Object.entries(instances)) blocks.set(`${type}.${name}`, { type, name, attributes: configAttributeValues(attributes) });
  }
  return blocks;
}

/**
 * The resource blocks that differ between a stack's base config (`undefined`: the stack is new) and
 * its head config, each summarized like a planned create, update or delete.
 */
export function stackConfigDiff(stack: string, baseConfig: unknown, headConfig: unknown, redactor: Redactor, options: ConfigDiffOptions = {}): StackConfigDiff {
  const before = resourceBlocks(baseConfig, options.base);
  const after = resourceBlocks(headConfig, options.head);
  const changes: ResourceChangeSummary[] = [];
  for (const address of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(address);
    const now = after.get(address);
    if (was && now && canonicalize(was.attributes) === canonicalize(now.attributes)) continue;
    const { type, name } = (now ?? was)!;
    const actions = !was ? ['create'] : !now ? ['delete'] : ['update'];
    const rc: ResourceChange = { address, mode: 'managed', type, name, change: { actions, before: was?.attributes ?? null, after: now?.attributes ?? null } };
    changes.push(summarizeResourceChange(rc, redactor));
  }
  return { stack, changes: changes.sort(byRiskThenAddress) };
}
