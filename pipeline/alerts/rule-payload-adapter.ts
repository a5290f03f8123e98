/**
 * The one door from a plan's alert attributes to the canonical `RulePayload`: the summary, the
 * paging-impact check and the destroy budget all read alerts through `toRulePayload`, which uses
 * the project's codecs. Plan JSON holds the values Terraform sends, so no config unescaping.
 */
import { decodeSignozAlert, decodeSignozRule } from '../../constructs/codecs';
import { adaptRuleJson } from '../../constructs/evaluation';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { normalizeRulePayload } from '../../constructs/validation';

/**
 * `signoz_alert` resources created before schema v2alpha1 (top-level op/target/matchType,
 * `eval_window`, `preferred_channels`) are read the way SigNoz reads v1 rules: one tier named after
 * the severity.
 */
function decodeSignozAlertAnyVersion(attributes: Record<string, unknown>): RulePayload {
  if (attributes.schema_version === 'v2alpha1') return decodeSignozAlert(attributes);
  return normalizeRulePayload(adaptRuleJson(attributes).payload) as RulePayload;
}

const DECODERS: Readonly<Record<string, (attributes: Record<string, unknown>) => RulePayload>> = {
  signoz_rule: decodeSignozRule,
  signoz_alert: decodeSignozAlertAnyVersion,
};

/**
 * The alert rule a resource's attributes describe, or `undefined` when the type is not an alert or
 * the attributes cannot be read (then callers fall back to a plain attribute diff).
 */
export function toRulePayload(resourceType: string, attributes: unknown): RulePayload | undefined {
  const decode = DECODERS[resourceType];
  if (!decode || typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return undefined;
  try {
    return decode(attributes as Record<string, unknown>);
  } catch {
    return undefined;
  }
}
