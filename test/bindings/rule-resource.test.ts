/**
 * `AlertRule` writes its resource without the generated L1 classes (for speed); these tests prove
 * the output is attribute-for-attribute what the L1 classes write for the same rule.
 */
import { Alert, type AlertConfig } from '../../.gen/providers/signoz/alert';
import { SignozProvider } from '../../.gen/providers/signoz/provider';
import { Rule, type RuleConfig } from '../../.gen/providers/signoz/rule';
import { encodeSignozAlert, encodeSignozRule } from '../../constructs/codecs';
import { toBindingConfig } from '../../constructs/codecs/binding-config';
import { AlertRule, setRuleTarget } from '../../constructs/alerts';
import { ALL_PAYLOADS } from '../fixtures/payloads';
import { newStack, onlyResource, thrownBy } from '../support/synth';

describe('AlertRule resource versus the generated L1 binding', () => {
  it.each(Object.entries(ALL_PAYLOADS))('writes the same signoz_rule attributes as the L1 class for %s', (_name, payload) => {
    const lean = newStack('lean').stack;
    AlertRule.fromPayload(lean, 'Alert', payload);
    const l1 = newStack('l1').stack;
    new SignozProvider(l1, 'signoz');
    new Rule(l1, 'Alert', toBindingConfig(encodeSignozRule(payload)) as RuleConfig);
    expect(onlyResource(lean, 'signoz_rule')).toEqual(onlyResource(l1, 'signoz_rule'));
  });

  it.each(Object.entries(ALL_PAYLOADS).filter(([n]) => n !== 'anomaly' && n !== 'metricsThreshold'))(
    'writes the same signoz_alert attributes as the L1 class for %s',
    (_name, payload) => {
      const lean = newStack('lean').stack;
      setRuleTarget(lean, 'signoz_alert');
      AlertRule.fromPayload(lean, 'Alert', payload);
      const l1 = newStack('l1').stack;
      new SignozProvider(l1, 'signoz');
      new Alert(l1, 'Alert', toBindingConfig(encodeSignozAlert(payload)) as AlertConfig);
      expect(onlyResource(lean, 'signoz_alert')).toEqual(onlyResource(l1, 'signoz_alert'));
    },
  );

  it('refuses HCL output instead of writing a rule without attributes', () => {
    const { stack } = newStack();
    AlertRule.fromPayload(stack, 'Alert', ALL_PAYLOADS.promql!);
    expect(thrownBy(() => stack.toHclTerraform()).message).toBe(
      "Invalid synth output format at 'test/Alert/Resource': alert rules synthesize to Terraform JSON only; run cdktf synth without --hcl",
    );
  });
});
