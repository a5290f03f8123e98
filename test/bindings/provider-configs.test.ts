/**
 * The generated L1 bindings against `signoz_rule` configurations written the way the provider's
 * own acceptance tests write them: every attribute survives the binding unchanged, the provider
 * schema accepts it, and the codec reads it as a canonical rule.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rule, type RuleConfig } from '../../.gen/providers/signoz/rule';
import { SignozProvider } from '../../.gen/providers/signoz/provider';
import { decodeRule, decodeSignozRule, encodeSignozRule } from '../../constructs/codecs';
import type { RulePayload } from '../../constructs/model/rule-payload';
import { toBindingConfig } from '../../constructs/codecs/binding-config';
import { checkProviderAcceptance } from '../../constructs/codecs/provider-acceptance';
import { newStack, resourcesOf } from '../support/synth';

const dir = path.join(__dirname, '..', 'fixtures', 'provider-configs');
const configs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.tf.json'))
  .sort()
  .flatMap((file) => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { resource: { signoz_rule: Record<string, Record<string, unknown>> } };
    return Object.entries(doc.resource.signoz_rule).map(([name, attrs]) => [`${file}#${name}`, attrs] as const);
  });

describe('signoz_rule bindings against provider-style configurations', () => {
  it('has fixtures to check', () => {
    expect(configs.length).toBeGreaterThanOrEqual(2);
  });

  it.each(configs)('%s survives the L1 binding attribute for attribute', (_name, attrs) => {
    const { stack } = newStack();
    new SignozProvider(stack, 'signoz');
    new Rule(stack, 'Rule', toBindingConfig(attrs) as RuleConfig);
    expect(Object.values(resourcesOf(stack, 'signoz_rule'))[0]).toEqual(attrs);
  });

  it.each(configs)('%s is accepted by the provider schema', (_name, attrs) => {
    expect(checkProviderAcceptance('signoz_rule', attrs)).toEqual([]);
  });

  it.each(configs)('%s decodes to a canonical rule that encodes back to the same attributes', (_name, attrs) => {
    const decoded = decodeRule(attrs, { resourceType: 'signoz_rule' });
    expect(decoded.errors).toEqual([]);
    expect(decoded.payload!.schemaVersion).toBe('v2alpha1');
    // the codec alone is lossless; the checked payload drops SigNoz's unset values, which encode back the same way
    expect(encodeSignozRule(decodeSignozRule(attrs) as unknown as RulePayload)).toEqual(attrs);
  });

  it('reads JSON-text step intervals as numbers in the canonical rule', () => {
    const payload = decodeRule(configs.find(([n]) => n.startsWith('metrics-step-string'))![1], { resourceType: 'signoz_rule' }).payload!;
    const spec = payload.condition.compositeQuery.queries[0]!.spec as { stepInterval: unknown; functions: { args: { value: unknown }[] }[] };
    expect(spec.stepInterval).toBe(120);
    expect(spec.functions[0]!.args[0]!.value).toBe(100);
  });
});
