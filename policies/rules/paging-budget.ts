import { tierPages } from '../stack-reading/alert-routing';
import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import type { AlertSubject } from '../subjects';
import { ownerOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'environment',
  description: 'No team has more paging alerts in one environment than its noise budget (default 25).',
  explanation:
    'Every paging alert is a promise to wake someone. A team with more paging alerts than it can answer stops ' +
    'answering them. An alert pages when any enabled tier surely reaches a paging channel; teams come from the ' +
    'owner label. Raise `pagingBudget` deliberately, demote alerts to non-paging channels, or suppress the finding ' +
    "for one team (`appliesTo: '<team>'`) with a reason and an expiry date.",
  check: (environment, context) => {
    const byTeam = new Map<string, AlertSubject[]>();
    for (const alert of environment.alerts) {
      if (alert.payload.disabled === true) continue;
      if (!context.routing(alert).tiers.some((t) => tierPages(t) === 'yes')) continue;
      const team = ownerOf(alert, context.options) ?? '(no owner)';
      const list = byTeam.get(team);
      if (list) list.push(alert);
      else byTeam.set(team, [alert]);
    }
    const out: Violation[] = [];
    for (const [team, alerts] of [...byTeam].sort(([a], [b]) => a.localeCompare(b))) {
      if (alerts.length <= context.options.pagingBudget) continue;
      // Reported on the stack of the team's first paging alert, so a stack-level suppression covers it.
      const first = [...alerts].sort((a, b) => a.resource.constructPath.localeCompare(b.resource.constructPath))[0]!;
      out.push({
        key: team,
        stack: first.stack.name,
        message: `team "${team}" has ${alerts.length} paging alerts in environment "${environment.name}", over its budget of ${context.options.pagingBudget}`,
      });
    }
    return out;
  },
});
