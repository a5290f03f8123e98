/**
 * Which Terraform resource carries the rules of a stack: `signoz_rule` (default, typed, provider
 * >= 0.0.16) or the legacy `signoz_alert` (JSON strings) for teams still on it.
 */
import type { IConstruct } from '../engine';

export type RuleTarget = 'signoz_rule' | 'signoz_alert';

const CONTEXT_KEY = 'signoz-alerts:rule-target';

/**
 * Selects the resource for every alert rule under `scope` (usually a stack). Call it before adding
 * rules; it can also be set for the whole app in `cdktf.json` under `context`.
 */
export function setRuleTarget(scope: IConstruct, target: RuleTarget): void {
  scope.node.setContext(CONTEXT_KEY, target);
}

/** The resource selected for rules under `scope`. */
export function ruleTargetOf(scope: IConstruct): RuleTarget {
  const value: unknown = scope.node.tryGetContext(CONTEXT_KEY);
  if (value === undefined) return 'signoz_rule';
  if (value === 'signoz_rule' || value === 'signoz_alert') return value;
  throw new Error(`context "${CONTEXT_KEY}" must be "signoz_rule" or "signoz_alert", got ${JSON.stringify(value)}`);
}
