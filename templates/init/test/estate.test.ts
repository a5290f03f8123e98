import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { defineEstate } from '../estate';

/** Each stack of the estate synthesized to Terraform JSON, by stack name (a fresh app each time). */
function synthEstate(): Map<string, string> {
  return new Map(defineEstate(Testing.app()).map((stack) => [stack.node.id, Testing.synth(stack, true)]));
}

describe('the alert estate', () => {
  it('deploys the checkout CPU alert to every environment', () => {
    const estate = synthEstate();
    expect([...estate.keys()]).toEqual(['alerts-dev', 'alerts-prod']);
    for (const json of estate.values()) {
      expect(Testing.toHaveResourceWithProperties(json, 'signoz_rule', { alert: 'checkout: CPU high' })).toBe(true);
    }
  });

  it('pages on-call from prod only: dev sends critical alerts to Slack', () => {
    const estate = synthEstate();
    expect(estate.get('alerts-prod')).toContain('oncall-pagerduty');
    expect(estate.get('alerts-dev')).not.toContain('oncall-pagerduty');
  });
});
