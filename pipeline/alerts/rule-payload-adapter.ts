/**
 * The one door from a plan's alert attributes to the canonical `RulePayload`: the summary, the
 * paging-impact check and the destroy budget all read alerts through `toRulePayload`, which is
 * `decodeRule` (constructs/codecs) with the resource type. Plan JSON holds the values Terraform
 * sends, so no config unescaping.
 */
import { decodeRule } from '../../constructs/codecs/decode-rule';
import { isRuleResourceType } from '../../constructs/codecs/rules-in';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { isPlainObject } from '../../constructs/util/json';

/**
 * The alert rule a resource's attributes describe, or `undefined` when the type is not an alert or
 * the attributes are not a valid rule (then callers fall back to a plain attribute diff).
 */
export function toRulePayload(resourceType: string, attributes: unknown): RulePayload | undefined {
  if (!isRuleResourceType(resourceType) || !isPlainObject(attributes)) return undefined;
  return decodeRule(attributes, { resourceType }).payload;
}
