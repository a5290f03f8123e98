import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { listOf, nameOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every alert notifies with a severity from the allowed set.',
  explanation:
    'Routing, paging and dashboards key on the `severity` label. When an alert fires, SigNoz sets it from the tier ' +
    'name (lowercased) unless the rule has its own `severity` label, which wins. Either way the value must be one ' +
    'of the allowed severities (option `allowedSeverities`, default critical, error, warning, info): name tiers ' +
    'after severities (`tiers: { critical: ..., warning: ... }`), or set a valid rule-level label.',
  check: (alert, { options }) => {
    const allowed = (): string => listOf(options.allowedSeverities.map((s) => `"${s}"`));
    const label = alert.labels.severity;
    if (label !== undefined) {
      return options.allowedSeverities.includes(label) ? undefined : `${nameOf(alert)} has the severity label "${label}", which is not one of ${allowed()}`;
    }
    const out: Violation[] = [];
    for (const tier of alert.payload.condition.thresholds.spec) {
      const severity = tier.name.toLowerCase();
      if (!options.allowedSeverities.includes(severity)) {
        out.push({
          key: tier.name,
          message: `${nameOf(alert)}: tier "${tier.name}" fires with severity "${severity}", which is not one of ${allowed()}; rename the tier or set a severity label`,
        });
      }
    }
    return out;
  },
});
