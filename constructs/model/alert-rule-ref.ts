import type { ITerraformDependable } from '../engine';

/**
 * What a maintenance window needs to know about an alert rule: its SigNoz rule id (usually the
 * `id` attribute of the rule's Terraform resource, a token until apply). `AlertRule` implements it.
 */
export interface IAlertRuleRef {
  /** The SigNoz rule id (a UUID, or a token that resolves to one). */
  readonly ruleId: string;
  /** The resource that creates the rule, when this app manages it. */
  readonly dependable?: ITerraformDependable;
}

export function isAlertRuleRef(value: unknown): value is IAlertRuleRef {
  return typeof value === 'object' && value !== null && typeof (value as { ruleId?: unknown }).ruleId === 'string';
}
