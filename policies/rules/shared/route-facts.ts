/** Wording shared by the routing rules, so their messages explain routes the same way. */
import type { ChannelVerdict, PolicyMatch } from '../../stack-reading/alert-routing';

/** `slack-alerts (slack), pd-oncall (not defined here)`. */
export function describeChannels(channels: readonly ChannelVerdict[]): string {
  return channels.map((c) => `${c.name} (${c.kind ?? (c.basis === 'name-pattern' ? 'not defined in this environment' : 'kind unknown')})`).join(', ');
}

/** `policy "payments-critical" (service == "x")`. */
export function describePolicy(match: PolicyMatch): string {
  return `route policy "${match.policy.name}" (${match.policy.expression})`;
}

/** Why a policy only maybe matches. */
export function whyMaybe(match: PolicyMatch): string {
  return match.policy.parseError
    ? `its expression could not be read (${match.policy.parseError})`
    : 'it depends on labels known only when the alert fires (group-by labels, ruleId)';
}
