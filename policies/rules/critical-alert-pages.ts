import { tierPages } from '../stack-reading/alert-routing';
import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { nameOf } from './shared/alert-facts';
import { environmentHasNoOnCall } from './shared/on-call';
import { describeChannels, describePolicy, whyMaybe } from './shared/route-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every critical alert reaches a paging channel (PagerDuty, Opsgenie, VictorOps or incident.io).',
  explanation:
    'Critical means someone must act now, so critical alerts must page. A critical tier (a tier named ' +
    '`critical`, or a rule whose severity is critical) must list a paging channel, or, with routing through ' +
    'policies, match a route policy of its environment that sends to one. Channel kinds come from the channels ' +
    'defined in the environment (`pagingChannelKinds`); a channel referenced only by name counts as paging when ' +
    'its name matches `pagingChannelPattern`. When a policy match depends on labels known only at run time, the ' +
    'finding is a warning that says so. An environment that declares it has nobody on call (`onCall: false`) ' +
    'is exempt: there, `no-paging-without-on-call` forbids paging instead.',
  check: (alert, context) => {
    if (environmentHasNoOnCall(context, alert.environment)) return [];
    const out: Violation[] = [];
    for (const route of context.routing(alert).tiers) {
      if (!route.critical) continue;
      const key = route.tier.name;
      const verdict = tierPages(route);
      if (verdict === 'yes') continue;
      const what = `${nameOf(alert)}, tier "${route.tier.name}"`;
      if (route.via === 'channels') {
        out.push({
          key,
          message:
            route.channels.length === 0
              ? `${what}, notifies no channel; add a PagerDuty or Opsgenie channel`
              : `${what}, notifies only ${describeChannels(route.channels)}, none of which pages; add a PagerDuty or Opsgenie channel`,
        });
      } else if (verdict === 'maybe') {
        const maybe = route.policies.filter((p) => p.channels.some((c) => c.paging));
        out.push({
          key,
          uncertain: true,
          message: `${what}: cannot prove it pages: ${maybe.map((m) => `${describePolicy(m)} may match, but ${whyMaybe(m)}`).join('; ')}`,
        });
      } else {
        out.push({
          key,
          message:
            route.policies.length === 0
              ? `${what}, routes through policies, but no route policy of environment "${alert.environment}" matches it`
              : `${what}, routes through policies, but the matching ones send to no paging channel: ${route.policies.map((p) => `${describePolicy(p)} -> ${describeChannels(p.channels) || 'no channel'}`).join('; ')}`,
        });
      }
    }
    return out;
  },
});
