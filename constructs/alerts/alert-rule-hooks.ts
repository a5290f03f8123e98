/**
 * What runs when an alert rule is constructed: how the stack checks reach rules in plain
 * TerraformStacks (alerts/ cannot import the checks, which import AlertRule). Internal.
 */
import type { IConstruct } from '../engine';

const addedHooks: ((rule: IConstruct) => void)[] = [];

/** Runs `hook` for every alert rule constructed from now on (the rule as a construct: hooks need only its place in the tree). */
export function onAlertRuleAdded(hook: (rule: IConstruct) => void): void {
  addedHooks.push(hook);
}

/** Called by the AlertRule constructor once the rule is complete. */
export function alertRuleAdded(rule: IConstruct): void {
  for (const hook of addedHooks) hook(rule);
}
