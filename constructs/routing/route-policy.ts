import { orderAfter } from '../model/order-after';
import { z } from 'zod';
import { RoutePolicy as RoutePolicyResource } from '../../.gen/providers/signoz/route-policy';
import { Construct, Token, type ITerraformDependable } from '../engine';
import { channelName, type ChannelInput } from '../model/channel-ref';
import { parseProps } from '../model/parse-props';
import { escapeTemplateSequences } from '../model/terraform-literal';
import { SignozProviders } from '../providers/signoz-providers';
import { RouteExpression } from './route-expression';
import { routeExpressionProp } from './route-expression-prop';
import type { SameShape } from '../model/type-equality';
import { environmentChannels } from '../alerts/environment-binding';

export interface RoutePolicyProps {
  /** Policy name in SigNoz. */
  readonly name: string;
  /** Which alerts the policy routes: a built {@link RouteExpression} or expression text (validated here). */
  readonly expression: RouteExpression | string;
  /**
   * Channels the matching alerts go to: channel constructs (Terraform creates them first) or names.
   * Inside an environment its `channelOverrides` apply, as they do to alert channels.
   */
  readonly channels: readonly ChannelInput[];
  /** What the policy is for. @default - none */
  readonly description?: string;
  /** Tags shown in SigNoz. @default - none */
  readonly tags?: readonly string[];
}

const literalText = (what: string) => z.string().refine((s) => !Token.isUnresolved(s), `${what} must be literal text, not a Terraform token`);

const channelInput = z.union([
  z.string().min(1, 'channel name must not be empty'),
  z.custom<Exclude<ChannelInput, string>>(
    (c) => typeof c === 'object' && c !== null && typeof (c as { channelName?: unknown }).channelName === 'string',
    'must be a channel construct (IChannelRef) or a channel name',
  ),
]);

const propsSchema = z.strictObject({
  name: literalText('name').pipe(z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters')),
  expression: z.union([z.custom<RouteExpression>((e) => e instanceof RouteExpression), z.string()], {
    error: 'must be a RouteExpression (see label(), Labels) or expression text',
  }),
  channels: z
    .array(channelInput)
    .min(1, 'needs at least one channel; SigNoz rejects a policy without channels')
    .refine((cs) => new Set(cs.map(channelName)).size === cs.length, 'lists the same channel twice'),
  description: literalText('description').optional(),
  tags: z.array(literalText('tag').pipe(z.string().min(1, 'tags must not be empty'))).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof propsSchema>, RoutePolicyProps>;

/**
 * A SigNoz route policy: alerts of rules that opt into policy routing (`usePolicy`, the rule's
 * `routing: 'policy'`) go to `channels` when `expression` holds for their labels. SigNoz evaluates
 * every policy for such alerts; an alert can match several.
 */
export class RoutePolicy extends Construct {
  readonly policyName: string;
  readonly expression: RouteExpression;
  readonly channelNames: readonly string[];
  readonly resource: RoutePolicyResource;

  constructor(scope: Construct, id: string, props: RoutePolicyProps) {
    super(scope, id);
    const valid = parseProps(propsSchema, props, 'RoutePolicy', this.node.path);
    this.expression = routeExpressionProp(valid.expression, 'RoutePolicy', this.node.path, 'expression');
    this.policyName = valid.name;
    const channels = environmentChannels(this, valid.channels);
    this.channelNames = channels.map(channelName);
    const dependsOn = orderAfter(
      this,
      channels.map((c) => (typeof c === 'string' ? undefined : c.dependable)).filter((d): d is ITerraformDependable => d !== undefined),
    );
    this.resource = new RoutePolicyResource(this, 'policy', {
      provider: SignozProviders.of(this).signoz,
      name: escapeTemplateSequences(valid.name),
      expression: escapeTemplateSequences(this.expression.toString()),
      channels: this.channelNames.map(escapeTemplateSequences),
      kind: 'policy',
      description: valid.description === undefined ? undefined : escapeTemplateSequences(valid.description),
      tags: valid.tags?.map(escapeTemplateSequences),
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    });
  }
}
