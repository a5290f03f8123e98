import { definePolicyRule, ruleIdFromFile } from '../rule';
import { listOf, nameOf } from './alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every alert has a severity label from the allowed set.',
  explanation:
    'Routing, paging and dashboards key on the severity label. SigNoz lists and filters rules by the rule-level ' +
    '`severity` label (fired alerts also get one from the tier name). Set it, e.g. through the tier names of an ' +
    '`AlertRule`, to one of the allowed severities (option `allowedSeverities`, default critical, error, warning, info).',
  check: (alert, { options }) => {
    const label = alert.labels.severity;
    const allowed = listOf(options.allowedSeverities.map((s) => `"${s}"`));
    if (label === undefined) return `${nameOf(alert)} has no severity label; set labels.severity to one of ${allowed}`;
    if (!options.allowedSeverities.includes(label)) return `${nameOf(alert)} has severity "${label}", which is not one of ${allowed}`;
    return undefined;
  },
});
