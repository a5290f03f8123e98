import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { nameOf } from './shared/alert-facts';
import { isChannelReference } from '../../constructs/validation/estate-checks';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every channel a rule or route policy names is declared or imported in its environment.',
  explanation:
    'SigNoz references channels by name, and since v0.118 it rejects a rule that names a channel that does not ' +
    'exist, so a typo or a channel missing from one environment fails at apply time, or a route policy silently ' +
    'notifies nobody. Declare each channel with `NotificationChannel` in the environment, or, for a channel ' +
    'managed elsewhere (the SigNoz UI, another app), reference it with `NotificationChannel.fromName(...)`, which ' +
    'records the name in the synthesized stack.',
  scope: 'environment',
  check: (environment, context) => {
    const out: Violation[] = [];
    const missing = (name: string): boolean => !context.channelDeclared(environment.name, name);
    const hint = (name: string): string =>
      `declare it with NotificationChannel in environment "${environment.name}", or use NotificationChannel.fromName(scope, id, '${name}') for a channel managed elsewhere`;
    for (const alert of environment.alerts) {
      for (const tier of alert.payload.condition.thresholds.spec) {
        for (const name of (tier.channels ?? []).filter(missing)) {
          out.push({
            key: `${alert.resource.address}/${tier.name}/${name}`,
            resource: alert.resource,
            message: `${nameOf(alert)}, tier "${tier.name}", names channel "${name}", which no stack of environment "${environment.name}" declares or imports; ${hint(name)}`,
          });
        }
      }
    }
    for (const policy of environment.routePolicies) {
      for (const name of policy.channels.filter((c) => !isChannelReference(c) && missing(c))) {
        out.push({
          key: `${policy.resource.address}/${name}`,
          resource: policy.resource,
          message: `route policy "${policy.name}" names channel "${name}", which no stack of environment "${environment.name}" declares or imports; ${hint(name)}`,
        });
      }
    }
    return out;
  },
});
