/**
 * Turns SigNoz route policies (`/api/v1/route_policies` answers) into `RoutePolicy` code, checked
 * like rules: the construct is built in a scratch stack and the `signoz_route_policy` attributes it
 * synthesizes must equal the imported policy, so the first plan after the import shows no change.
 */
import { isDeepStrictEqual } from 'node:util';
import { RoutePolicy } from '../constructs/routing/route-policy';
import { isPlainObject } from '../constructs/util/json';
import { literal, type CodeExpr } from './code-expression';
import { firstDifference } from './rule-to-code';
import { inScratchStack, synthesizedAttributes } from './scratch-stack';

export interface RoutePolicyCode {
  readonly name: string;
  /** Props; `channels` is filled in when the module is written (channel constructs or names). */
  readonly entries: readonly (readonly [string, CodeExpr])[];
  readonly channels: readonly string[];
}

export type RoutePolicyConversion = { readonly code: RoutePolicyCode } | { readonly problems: string[]; readonly skipped?: boolean };

const SERVER_FIELDS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'orgId', 'enabled'];
const KNOWN_FIELDS = ['name', 'expression', 'channels', 'description', 'tags', 'kind'];

/** The code of one route policy, or why it cannot be imported. */
export function routePolicyToCode(policy: Readonly<Record<string, unknown>>): RoutePolicyConversion {
  if (policy.kind === 'rule') {
    return { skipped: true, problems: ["a rule-kind policy, which SigNoz generates from a rule's tier channels; it is not imported (the rule's channels say the same)"] };
  }
  const unknown = Object.keys(policy).filter((k) => !SERVER_FIELDS.includes(k) && !KNOWN_FIELDS.includes(k));
  if (unknown.length > 0) return { problems: [`${unknown[0]}: RoutePolicy has no setting for this field`] };
  const { name, expression, channels, description, tags } = policy;
  if (typeof name !== 'string' || typeof expression !== 'string') return { problems: ['a route policy needs a name and an expression (strings)'] };
  if (!Array.isArray(channels) || !channels.every((c) => typeof c === 'string')) return { problems: ['channels: must be a list of channel names'] };
  if (policy.enabled === false) return { problems: ['enabled: the policy is disabled in SigNoz, which signoz_route_policy cannot express'] };
  const entries: [string, CodeExpr][] = [
    ['name', literal(name)],
    ['expression', literal(expression)],
  ];
  if (typeof description === 'string' && description !== '') entries.push(['description', literal(description)]);
  if (Array.isArray(tags) && tags.length > 0) entries.push(['tags', literal(tags)]);

  const built = inScratchStack(
    (stack) => new RoutePolicy(stack, 'policy', { ...(Object.fromEntries(entries.map(([k, v]) => [k, (v as { value: unknown }).value])) as object), channels } as never),
  );
  if ('error' in built) return { problems: [`the RoutePolicy would be refused: ${built.error}`] };
  const actual = synthesizedAttributes(built.value.resource);
  const expected: Record<string, unknown> = { name, expression, channels, kind: 'policy' };
  if (typeof description === 'string' && description !== '') expected.description = description;
  if (Array.isArray(tags) && tags.length > 0) expected.tags = tags;
  if (!isDeepStrictEqual(actual, expected)) return { problems: [`${firstDifference(actual, expected) ?? '/'}: RoutePolicy would write this value differently`] };
  return { code: { name, entries, channels: channels as string[] } };
}

/** Whether `value` looks like a route policy: a name, an expression and a channel list, no rule condition. */
export function isRoutePolicyShape(value: unknown): boolean {
  return isPlainObject(value) && typeof value.expression === 'string' && Array.isArray(value.channels) && value.condition === undefined;
}
