/**
 * Adds imported rules to a scope exactly as the generated module does (same props expressions,
 * same payloads, same import ids), without writing and compiling code: for conformance checks and
 * tests of large exports.
 */
import type { Construct } from '../constructs/engine';
import { AlertRule } from '../constructs/alerts/alert-rule';
import type { AlertRuleProps } from '../constructs/alerts/alert-rule-props';
import { evaluateExpr } from './code-expression';
import type { ImportedRule } from './import-rules';

export function addImportedRules(scope: Construct, rules: readonly ImportedRule[]): AlertRule[] {
  return rules.map((rule) => {
    const alert =
      rule.code.mode === 'props'
        ? new AlertRule(scope, rule.constructId, evaluateExpr(rule.code.props) as AlertRuleProps)
        : AlertRule.fromPayload(scope, rule.constructId, structuredClone(rule.payload));
    if (rule.ruleId !== undefined) alert.resource.importFrom(rule.ruleId);
    return alert;
  });
}

/**
 * Every channel name the imported rules send to (each `channels` list of their payloads), sorted:
 * the channels that already exist in SigNoz, which the stack has to declare (for example with
 * `NotificationChannel.fromName`) before its default checks accept the rules.
 */
export function importedChannelNames(rules: readonly ImportedRule[]): string[] {
  const names = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === 'channels' && typeof item === 'string') names.add(item);
        else walk(item);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  for (const rule of rules) walk(rule.payload);
  return [...names].sort();
}
