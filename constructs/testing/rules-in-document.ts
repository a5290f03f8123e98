/**
 * The alert rules a JSON document holds: one rule (any shape the evaluator reads), a list of
 * rules, a rules-API list (`{data: {rules: [...]}}`), or Terraform JSON such as cdktf's
 * `cdk.tf.json` with `signoz_rule` / `signoz_alert` resources.
 */

export interface RuleInDocument {
  /** The rule's `alert` name ('' when it has none). */
  readonly name: string;
  /** Terraform address (`signoz_rule.payments_latency`) or list position (`[2]`); '' for a lone rule. */
  readonly address: string;
  readonly json: unknown;
}

import { configAttributeValues } from '../model/terraform-literal';
import { isPlainObject } from '../util/json';

const TERRAFORM_RULE_TYPES = ['signoz_rule', 'signoz_alert'];
const nameOf = (rule: unknown): string => {
  if (!isPlainObject(rule)) return '';
  const inner = isPlainObject(rule.data) && rule.alert === undefined ? rule.data : rule;
  return typeof inner.alert === 'string' ? inner.alert : '';
};

export function rulesInDocument(doc: unknown): RuleInDocument[] {
  if (Array.isArray(doc)) return (doc as unknown[]).map((json, i) => ({ name: nameOf(json), address: `[${i}]`, json }));
  if (!isPlainObject(doc)) return [];
  if (isPlainObject(doc.resource)) {
    const found: RuleInDocument[] = [];
    for (const type of TERRAFORM_RULE_TYPES) {
      const blocks = doc.resource[type];
      if (!isPlainObject(blocks)) continue;
      // Synthesized configuration escapes Terraform template syntax; read the values SigNoz receives.
      for (const id of Object.keys(blocks).sort()) found.push({ name: nameOf(blocks[id]), address: `${type}.${id}`, json: configAttributeValues(blocks[id]) });
    }
    return found;
  }
  if (isPlainObject(doc.data) && Array.isArray(doc.data.rules)) return rulesInDocument(doc.data.rules);
  if ('alert' in doc || 'condition' in doc || (isPlainObject(doc.data) && 'alert' in doc.data)) return [{ name: nameOf(doc), address: '', json: doc }];
  return [];
}
