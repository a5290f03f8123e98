/**
 * The one door from a plan's alert attributes to the canonical `RulePayload`. The summary, the
 * paging-impact check and the destroy budget all read alerts through `toRulePayload`, so swapping
 * the interim decoders for the project codecs (`decodeSignozRule`, `decodeSignozAlert` in
 * `constructs/codecs/`) is a change to this file only.
 */
import type { RulePayload } from '../../model/rule-payload';
import { decodeSignozAlertInterim } from './interim-signoz-alert-decoder';
import { decodeSignozRuleInterim } from './interim-signoz-rule-decoder';

const DECODERS: Readonly<Record<string, (attributes: unknown) => RulePayload>> = {
  signoz_rule: decodeSignozRuleInterim,
  signoz_alert: decodeSignozAlertInterim,
};

/**
 * The alert rule a resource's attributes describe, or `undefined` when the type is not an alert or
 * the attributes cannot be read (then callers fall back to a plain attribute diff).
 */
export function toRulePayload(resourceType: string, attributes: unknown): RulePayload | undefined {
  const decode = DECODERS[resourceType];
  if (!decode || attributes === null || attributes === undefined) return undefined;
  try {
    return decode(attributes);
  } catch {
    return undefined;
  }
}
