import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { nameOf } from './shared/alert-facts';
import { declaresNoOnCall } from './shared/on-call';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'environment',
  description: 'No alert tier or route policy reaches a paging channel in an environment that declares it has nobody on call.',
  explanation:
    'An environment with `onCall: false` in its settings promises that nothing there pages anyone: its paging ' +
    'channels are expected to be swapped for team channels with `channelOverrides`, which apply to alert tiers ' +
    'and route policies alike. A PagerDuty or Opsgenie channel still reached (a channel missing from the ' +
    'overrides, a route policy naming one) would page a rotation that does not exist, so the finding names the ' +
    'channel and where it is reached. Channel kinds come from the channels defined in the environment; a channel ' +
    'referenced only by name counts as paging when its name matches `pagingChannelPattern`.',
  check: (environment, context) => {
    if (!environment.stacks.some(declaresNoOnCall)) return [];
    const out: Violation[] = [];
    const paging = (name: string): string | undefined => {
      const verdict = context.channel(environment.name, name);
      return verdict.paging ? `"${name}"${verdict.kind ? ` (${verdict.kind})` : ''}` : undefined;
    };
    const fix = `environment "${environment.name}" declares onCall: false; map the channel to a team channel in its channelOverrides, or set onCall: true`;
    for (const alert of environment.alerts) {
      if (alert.payload.disabled === true) continue;
      for (const tier of alert.payload.condition.thresholds.spec) {
        for (const name of tier.channels ?? []) {
          const what = paging(name);
          if (what)
            out.push({
              key: `${alert.resource.address}/${tier.name}/${name}`,
              resource: alert.resource,
              message: `${nameOf(alert)}, tier "${tier.name}", pages ${what}, but ${fix}`,
            });
        }
      }
    }
    for (const policy of environment.routePolicies) {
      for (const name of policy.channels.filter((c) => !c.startsWith('${'))) {
        const what = paging(name);
        if (what) out.push({ key: `${policy.resource.address}/${name}`, resource: policy.resource, message: `route policy "${policy.name}" pages ${what}, but ${fix}` });
      }
    }
    return out;
  },
});
