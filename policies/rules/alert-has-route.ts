import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { nameOf } from './shared/alert-facts';
import { describePolicy, whyMaybe } from './shared/route-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every tier of every alert notifies someone.',
  explanation:
    'An alert that fires into the void is worse than none: it looks covered and is not. Each tier must list a ' +
    "channel, or, for rules that route through policies (`routing: 'policy'`), match at least one route policy " +
    'of its environment. A policy whose match depends on labels known only at run time makes the finding a ' +
    'warning that says so.',
  check: (alert, context) => {
    const out: Violation[] = [];
    for (const route of context.routing(alert).tiers) {
      const what = `${nameOf(alert)}, tier "${route.tier.name}"`;
      const key = route.tier.name;
      if (route.via === 'channels') {
        if (route.channels.length === 0) out.push({ key, message: `${what}, has no channel and does not route through policies; add a channel or set routing: 'policy'` });
        continue;
      }
      if (route.policies.length === 0) {
        out.push({ key, message: `${what}, routes through policies, but no route policy of environment "${alert.environment}" matches it` });
      } else if (!route.policies.some((p) => p.match === 'yes')) {
        out.push({
          key,
          uncertain: true,
          message: `${what}: cannot prove a route policy matches: ${route.policies.map((p) => `${describePolicy(p)} may match, but ${whyMaybe(p)}`).join('; ')}`,
        });
      }
    }
    return out;
  },
});
