/** Settings of the default rules, with the defaults a platform team starts from. */
import { z } from 'zod';
import { DEFAULT_ENVIRONMENT_NAMING } from '../constructs/stacks/resolve-environment';
import { PAGING_CHANNEL_KINDS, PAGING_CHANNEL_NAME } from '../constructs/model/channel-ref';
import { parseGoDuration } from '../constructs/model/duration';
import { SEVERITIES } from '../constructs/model/enums';
import type { SameShape } from '../constructs/model/type-equality';
import { ToolkitError, type Problem } from '../constructs/model/toolkit-error';

export interface PolicyOptions {
  /** Severities an alert may carry (the `severity` label, and tier names, which SigNoz turns into it). @default ['critical', 'error', 'warning', 'info'] */
  readonly allowedSeverities?: readonly string[];
  /** Labels that name the owning team; the first one present counts. @default ['team', 'owner'] */
  readonly ownerLabels?: readonly string[];
  /** Severities that need a runbook link. @default ['critical', 'error'] */
  readonly runbookSeverities?: readonly string[];
  /** Annotation that holds the runbook link. @default 'runbook_url' */
  readonly runbookAnnotation?: string;
  /** Channel kinds that page a human. @default ['pagerduty', 'opsgenie'] */
  readonly pagingChannelKinds?: readonly string[];
  /**
   * Channels this app does not define (referenced by name only) count as paging when their name
   * matches this pattern. @default PAGING_CHANNEL_NAME, /pagerduty|opsgenie|on-?call|paging|(?:^|[^a-z])(?:pd|page|pager)(?:[^a-z]|$)/i
   */
  readonly pagingChannelPattern?: RegExp | string;
  /** Shortest allowed re-notification interval (Go duration). @default '30m' */
  readonly minRenotifyInterval?: string;
  /** Most alerts one team may have that page, per environment (noise budget). @default 25 */
  readonly pagingBudget?: number;
  /** Environment names that are production. @default ['prod', 'production', 'prd'] */
  readonly productionEnvironments?: readonly string[];
  /** Environment names that need no remote state. @default ['dev', 'development', 'local', 'sandbox'] */
  readonly developmentEnvironments?: readonly string[];
  /** Environment of stacks by stack name, overriding what the stacks say. @default - see docs/policies.md */
  readonly environments?: Readonly<Record<string, string>>;
}

/** Options with every default filled in. */
export interface ResolvedPolicyOptions {
  readonly allowedSeverities: readonly string[];
  readonly ownerLabels: readonly string[];
  readonly runbookSeverities: readonly string[];
  readonly runbookAnnotation: string;
  readonly pagingChannelKinds: readonly string[];
  readonly pagingChannelPattern: RegExp;
  readonly minRenotifyInterval: string;
  readonly minRenotifyIntervalMs: number;
  readonly pagingBudget: number;
  readonly productionEnvironments: readonly string[];
  readonly developmentEnvironments: readonly string[];
  readonly environments: Readonly<Record<string, string>>;
}

export const DEFAULT_POLICY_OPTIONS = {
  allowedSeverities: SEVERITIES,
  ownerLabels: ['team', 'owner'],
  runbookSeverities: ['critical', 'error'],
  runbookAnnotation: 'runbook_url',
  pagingChannelKinds: PAGING_CHANNEL_KINDS,
  pagingChannelPattern: PAGING_CHANNEL_NAME,
  minRenotifyInterval: '30m',
  pagingBudget: 25,
  productionEnvironments: DEFAULT_ENVIRONMENT_NAMING.productionEnvironments,
  developmentEnvironments: DEFAULT_ENVIRONMENT_NAMING.developmentEnvironments,
  environments: {},
} as const satisfies PolicyOptions;

const names = z.array(z.string().min(1, 'must not be empty')).min(1, 'must name at least one');

const optionsSchema = z.strictObject({
  allowedSeverities: names.optional(),
  ownerLabels: names.optional(),
  runbookSeverities: z.array(z.string().min(1)).optional(),
  runbookAnnotation: z.string().min(1).optional(),
  pagingChannelKinds: names.optional(),
  pagingChannelPattern: z.union([z.instanceof(RegExp), z.string().min(1)]).optional(),
  minRenotifyInterval: z
    .string()
    .refine((s) => parseGoDuration(s) !== undefined, 'must be a Go duration such as 30m or 1h')
    .optional(),
  pagingBudget: z.number().int('must be a whole number').nonnegative('must not be negative').optional(),
  productionEnvironments: z.array(z.string().min(1)).optional(),
  developmentEnvironments: z.array(z.string().min(1)).optional(),
  environments: z.record(z.string(), z.string().min(1)).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof optionsSchema>, PolicyOptions>;

/** A mistake in policy options; the message names the option and what is allowed. */
/** Policy options that cannot be used; `path` names the option (`pagingBudget`). */
export class PolicyOptionsError extends ToolkitError {
  constructor(problems: readonly Problem[]) {
    super('policy options', {}, problems);
  }
}

function toPattern(pattern: RegExp | string): RegExp {
  // A global or sticky pattern keeps state between test() calls; matching must not depend on order.
  if (pattern instanceof RegExp) return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  try {
    return new RegExp(pattern, 'i');
  } catch (err) {
    throw new PolicyOptionsError([{ path: 'pagingChannelPattern', message: `is not a valid regular expression: ${(err as Error).message}` }]);
  }
}

/** Checks options and fills in the defaults. */
export function resolvePolicyOptions(options: PolicyOptions = {}): ResolvedPolicyOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new PolicyOptionsError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const merged = { ...DEFAULT_POLICY_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  return {
    allowedSeverities: [...merged.allowedSeverities],
    ownerLabels: [...merged.ownerLabels],
    runbookSeverities: [...merged.runbookSeverities],
    runbookAnnotation: merged.runbookAnnotation,
    pagingChannelKinds: [...merged.pagingChannelKinds],
    pagingChannelPattern: toPattern(merged.pagingChannelPattern),
    minRenotifyInterval: merged.minRenotifyInterval,
    minRenotifyIntervalMs: parseGoDuration(merged.minRenotifyInterval)!,
    pagingBudget: merged.pagingBudget,
    productionEnvironments: [...merged.productionEnvironments],
    developmentEnvironments: [...merged.developmentEnvironments],
    environments: { ...merged.environments },
  };
}
