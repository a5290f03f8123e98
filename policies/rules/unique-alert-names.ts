import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import type { AlertSubject } from '../subjects';
import { alertNameKey, duplicateGroups } from '../../constructs/validation/estate-checks';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'environment',
  description: 'Alert names are unique within an environment.',
  explanation:
    'Responders, maintenance windows and dashboards refer to alerts by name; two alerts with one name in the same ' +
    'SigNoz make notifications ambiguous and imports pick the wrong one. Names are compared across every stack of ' +
    'the environment, ignoring case and surrounding space.',
  check: (environment) => {
    const out: Violation[] = [];
    // The same comparison AlertStack's unique-alert-names check makes on constructs at synth.
    for (const same of duplicateGroups(environment.alerts, (a: AlertSubject) => alertNameKey(a.payload.alert))) {
      for (const alert of same) {
        const others = same.filter((a) => a !== alert).map((a) => a.resource.constructPath);
        out.push({
          resource: alert.resource,
          message: `alert name "${alert.payload.alert}" is used ${same.length} times in environment "${environment.name}" (also by ${others.join(', ')}); give each alert its own name`,
        });
      }
    }
    return out;
  },
});
