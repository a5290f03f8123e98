/**
 * What runs when an alert rule is constructed: how the stack checks reach rules in plain
 * TerraformStacks (alerts/ cannot import the checks, which import AlertRule). Internal.
 */
import type { AlertRule } from './alert-rule';

const addedHooks: ((rule: AlertRule) => void)[] = [];

/** Runs `hook` for every alert rule constructed from now on. */
export function onAlertRuleAdded(hook: (rule: AlertRule) => void): void {
  addedHooks.push(hook);
}

/** Called by the AlertRule constructor once the rule is complete. */
export function alertRuleAdded(rule: AlertRule): void {
  for (const hook of addedHooks) hook(rule);
}
