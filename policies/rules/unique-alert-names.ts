import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import type { AlertSubject } from '../subjects';

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
    const byName = new Map<string, AlertSubject[]>();
    for (const alert of environment.alerts) {
      const name = alert.payload.alert.trim().toLowerCase();
      const same = byName.get(name);
      if (same) same.push(alert);
      else byName.set(name, [alert]);
    }
    const out: Violation[] = [];
    for (const same of byName.values()) {
      if (same.length < 2) continue;
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
