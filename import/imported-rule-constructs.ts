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
