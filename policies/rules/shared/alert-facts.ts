/** Small facts about an alert that several rules share. */
import type { Threshold } from '../../../constructs/model/rule-payload';
import type { ResolvedPolicyOptions } from '../../options';
import type { AlertSubject } from '../../subjects';

/** The severities the alert's notifications carry: the `severity` label, else each tier's name lowercased. */
export function severitiesOf(alert: AlertSubject): string[] {
  const label = alert.labels.severity;
  if (label !== undefined) return [label.toLowerCase()];
  return [...new Set(alert.payload.condition.thresholds.spec.map((t) => t.name.toLowerCase()))];
}

/** The owning team: the value of the first owner label present. */
export function ownerOf(alert: AlertSubject, options: ResolvedPolicyOptions): string | undefined {
  for (const label of options.ownerLabels) {
    const value = alert.labels[label]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** `alert "Checkout CPU high"`, for messages. */
export function nameOf(alert: AlertSubject): string {
  return `alert "${alert.payload.alert}"`;
}

/** `tier "critical" (above 90)`, for messages. */
export function describeTier(tier: Threshold): string {
  return `tier "${tier.name}" (${tier.op} ${tier.target}${tier.targetUnit ? ` ${tier.targetUnit}` : ''})`;
}

/** `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
