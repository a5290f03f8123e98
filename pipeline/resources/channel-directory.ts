/**
 * Which notification channels page a human. Rules and routes reference channels by name only, so
 * the kind comes from, in order:
 * 1. the project config (`pagingChannels` / `nonPagingChannels`), which always wins;
 * 2. the channel resources in the same plan (every configured resource is listed, changed or not):
 *    a receiver of a paging kind ({@link PAGING_CHANNEL_KINDS}) pages, any other kind does not;
 * 3. the channel name, as a last resort: {@link PAGING_CHANNEL_NAME}, as the policies judge it.
 */
import { receiverKind } from '../../constructs/channels/receiver-kind';
import { PAGING_CHANNEL_KINDS, PAGING_CHANNEL_NAME } from '../../constructs/model/channel-ref';
import type { ResourceChange } from '../plan/plan-json';
import { resourceCategory } from './resource-category';
import { isPlainObject } from '../../constructs/util/json';
import { parseJsonInput } from '../../constructs/util/parse-input';

export type PagingBasis = 'config' | 'kind' | 'name';

export interface ChannelDirectoryOptions {
  /** Channel names that always page. */
  readonly pagingChannels?: readonly string[];
  /** Channel names that never page, even when their name suggests it. */
  readonly nonPagingChannels?: readonly string[];
}

function parseObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    const parsed = parseJsonInput(value);
    return 'error' in parsed ? undefined : parseObject(parsed.value);
  }
  return isPlainObject(value) ? value : undefined;
}

/** Name and kind of the channel a resource's attributes describe (REST channel body or typed resource). */
export function channelIdentity(attributes: unknown): { name: string; kind: string | undefined } | undefined {
  const attrs = parseObject(attributes);
  if (!attrs) return undefined;
  const body = parseObject(attrs.data) ?? attrs;
  const name = typeof body.name === 'string' ? body.name : typeof attrs.name === 'string' ? attrs.name : undefined;
  if (name === undefined) return undefined;
  let kind = receiverKind(body);
  const typedConfig = parseObject(attrs.config);
  if (kind === undefined && typedConfig) kind = Object.keys(typedConfig).find((k) => typedConfig[k] !== null && typedConfig[k] !== undefined);
  if (kind === undefined && typeof attrs.type === 'string') kind = attrs.type;
  return { name, kind };
}

export class ChannelDirectory {
  private readonly kinds = new Map<string, string>();
  private readonly paging: ReadonlySet<string>;
  private readonly nonPaging: ReadonlySet<string>;

  constructor(options: ChannelDirectoryOptions = {}) {
    this.paging = new Set(options.pagingChannels ?? []);
    this.nonPaging = new Set(options.nonPagingChannels ?? []);
  }

  /** Learns channel kinds from every channel resource in the plan, before and after the change. */
  static fromResourceChanges(changes: Iterable<ResourceChange>, options: ChannelDirectoryOptions = {}): ChannelDirectory {
    const directory = new ChannelDirectory(options);
    for (const rc of changes) {
      for (const side of [rc.change.before, rc.change.after]) {
        if (resourceCategory(rc.type, side) !== 'channel') continue;
        const identity = channelIdentity(side);
        if (identity?.kind) directory.learn(identity.name, identity.kind);
      }
    }
    return directory;
  }

  learn(name: string, kind: string): void {
    this.kinds.set(name, kind);
  }

  kindOf(name: string): string | undefined {
    return this.kinds.get(name);
  }

  /** Why a channel counts as paging, or `undefined` when it does not. */
  pagingBasis(name: string): PagingBasis | undefined {
    if (this.nonPaging.has(name)) return undefined;
    if (this.paging.has(name)) return 'config';
    const kind = this.kinds.get(name);
    if (kind !== undefined) return (PAGING_CHANNEL_KINDS as readonly string[]).includes(kind) ? 'kind' : undefined;
    return PAGING_CHANNEL_NAME.test(name) ? 'name' : undefined;
  }

  isPaging(name: string): boolean {
    return this.pagingBasis(name) !== undefined;
  }

  /** `pd-oncall (pagerduty)`, or `pd-oncall (paging by name)` when only the name suggests it. */
  describe(name: string): string {
    const kind = this.kinds.get(name);
    if (kind !== undefined) return `${name} (${kind})`;
    return this.pagingBasis(name) === 'name' ? `${name} (paging by name)` : name;
  }
}
