/** Condition settings outside the queries: minimum points, thresholds, v1-only fields. */
import { arrayAt, hasOwn, recordAt, stringAt } from './json-value';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';

const V1_ONLY = ['op', 'target', 'matchType', 'targetUnit'] as const;

export function checkCondition(payload: unknown, out: IssueCollector): void {
  const condition = recordAt(payload, 'condition');
  if (!condition) return;
  if (condition.requireMinPoints === true) {
    const required = condition.requiredNumPoints;
    if (typeof required !== 'number' || required <= 0) {
      out.error('/condition/requiredNumPoints', 'must be greater than 0 when requireMinPoints is enabled');
    }
  }
  for (const field of V1_ONLY) {
    if (hasOwn(condition, field)) {
      out.warn(`/condition/${field}`, `${field} is not used in schemaVersion "v2alpha1"; set ${field} in the condition.thresholds.spec entries instead`);
    }
  }
  const names = new Set<string>();
  (arrayAt(recordAt(condition, 'thresholds'), 'spec') ?? []).forEach((threshold, index) => {
    const name = stringAt(threshold, 'name');
    if (!name) return;
    if (names.has(name)) {
      out.warn(pointer('/condition/thresholds/spec', index, 'name'), `threshold name "${name}" is used twice; SigNoz routes and inhibits alerts by threshold name`);
    }
    names.add(name);
  });
}
