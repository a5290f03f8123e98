import { definePolicyRule, ruleIdFromFile } from '../rule';
import { listOf, nameOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'warning',
  description: 'A rule with several tiers does not force one severity label on all of them.',
  explanation:
    'When an alert fires, SigNoz sets `severity` from the tier name and then applies the rule labels, which win. ' +
    'A rule-level `severity` label therefore gives every tier the same severity: the warning tier of a ' +
    '`critical`/`warning` rule fires as `critical`, pages through `severity == "critical"` route policies, and a ' +
    '`severity == "warning"` policy never sees it. Drop the rule-level label on multi-tier rules, or split the rule.',
  check: (alert) => {
    const label = alert.labels.severity;
    const tiers = [...new Set(alert.payload.condition.thresholds.spec.map((t) => t.name.toLowerCase()))];
    if (label === undefined || tiers.length < 2) return undefined;
    const others = tiers.filter((t) => t !== label.toLowerCase());
    if (others.length === 0) return undefined;
    return `${nameOf(alert)} has the rule label severity="${label}", so its ${listOf(others.map((t) => `"${t}"`))} tier alerts also fire with severity "${label}"`;
  },
});
