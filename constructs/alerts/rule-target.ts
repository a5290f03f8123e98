/**
 * Which Terraform resource carries the rules of a stack: `signoz_rule` (default, typed, provider
 * >= 0.0.16) or the legacy `signoz_alert` (JSON strings) for teams still on it.
 */
import type { IConstruct } from '../engine';
import { PropsError } from '../model/props-error';
import { ToolkitError } from '../model/toolkit-error';

export type RuleTarget = 'signoz_rule' | 'signoz_alert';

/** App-wide default, e.g. in `cdktf.json`: `"context": { "signoz-alerts:rule-target": "signoz_alert" }`. */
export const RULE_TARGET_CONTEXT_KEY = 'signoz-alerts:rule-target';

const targets = new WeakMap<IConstruct, RuleTarget>();

/** Selects the resource for every alert rule under `scope` (usually a stack) added after this call. */
export function setRuleTarget(scope: IConstruct, target: RuleTarget): void {
  if (target !== 'signoz_rule' && target !== 'signoz_alert') {
    throw new PropsError('setRuleTarget', scope.node.path, [{ field: 'target', message: `must be "signoz_rule" or "signoz_alert", got ${JSON.stringify(target)}` }]);
  }
  // Rules already built keep the resource they chose; switching now would split the scope between two resource types.
  const built = scope.node.findAll().filter((c) => builtRules.has(c));
  if (built.length > 0) {
    throw new PropsError('setRuleTarget', scope.node.path, [
      {
        field: 'target',
        message: `called after ${built.length} alert rule(s) were added (first: '${built[0]!.node.path}'); call setRuleTarget(scope, '${target}') before adding any alert rule to the scope`,
      },
    ]);
  }
  targets.set(scope, target);
}

const builtRules = new WeakSet<IConstruct>();

/** The resource selected for the rule `rule`, which is fixed from now on (setRuleTarget above it then throws). */
export function ruleTargetOf(rule: IConstruct): RuleTarget {
  builtRules.add(rule);
  return targetFor(rule);
}

function targetFor(scope: IConstruct): RuleTarget {
  for (let node: IConstruct | undefined = scope; node; node = node.node.scope) {
    const target = targets.get(node);
    if (target) return target;
  }
  const value: unknown = scope.node.tryGetContext(RULE_TARGET_CONTEXT_KEY);
  if (value === undefined) return 'signoz_rule';
  if (value === 'signoz_rule' || value === 'signoz_alert') return value;
  throw new ToolkitError('context', { constructPath: scope.node.path }, [
    { path: RULE_TARGET_CONTEXT_KEY, message: `must be "signoz_rule" or "signoz_alert", got ${JSON.stringify(value)}` },
  ]);
}
