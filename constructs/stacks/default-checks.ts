/**
 * The checks an `AlertStack` runs at synth without being asked: channels named but declared in no
 * stack of the environment, alert names used twice in an environment, literal secrets in an alert's
 * annotations or labels. They run as cdktf validations, before the stack is written, so a refused
 * synth writes nothing for the stack. `checks: false` (or `{ skip: [...] }`) on the stack opts out.
 */
import { AlertRule } from '../alerts/alert-rule';
import { onAlertRuleAdded } from '../alerts/alert-rule-hooks';
import { environmentNameOf } from '../alerts/environment-binding';
import { NotificationChannel } from '../channels/notification-channel';
import { App, TerraformStack, type IConstruct } from '../engine';
import { makeSynthAtomic } from './atomic-synth';
import { secretKindIn } from '../model/secret-patterns';
import { RoutePolicy } from '../routing/route-policy';
import { alertNameKey, duplicateGroups, isChannelReference, undeclaredChannelText, type DefaultCheckId } from '../validation/estate-checks';

/** The stacks of one environment, as the checks need them. */
export interface CheckedEnvironment {
  readonly name: string;
  /** Every stack of the environment in the app (channels in one shard serve alerts in another). */
  readonly stacks: () => readonly IConstruct[];
}

function underStack(stack: IConstruct): IConstruct[] {
  return stack.node.findAll();
}

/** `'shop-dev/checkout/cpu': ` */
function at(construct: IConstruct): string {
  return `'${construct.node.path}'`;
}

function channelReferences(stack: IConstruct, environment: CheckedEnvironment): string[] {
  const declared = new Set<string>();
  for (const s of environment.stacks()) for (const c of underStack(s)) if (NotificationChannel.isChannel(c)) declared.add(c.channelName);
  const out: string[] = [];
  for (const c of underStack(stack)) {
    if (c instanceof AlertRule) {
      for (const tier of c.payload.condition.thresholds.spec) {
        for (const name of tier.channels ?? []) {
          if (isChannelReference(name) || declared.has(name)) continue;
          out.push(`${at(c)} tiers.${tier.name}.channels: names channel "${name}", ${undeclaredChannelText(name, environment.name, declared)}`);
        }
      }
    } else if (c instanceof RoutePolicy) {
      for (const name of c.channelNames) {
        if (isChannelReference(name) || declared.has(name)) continue;
        out.push(`${at(c)} channels: names channel "${name}", ${undeclaredChannelText(name, environment.name, declared)}`);
      }
    }
  }
  return out;
}

function uniqueAlertNames(stack: IConstruct, environment: CheckedEnvironment): string[] {
  const rules = environment.stacks().flatMap((s) => underStack(s).filter((c): c is AlertRule => c instanceof AlertRule));
  const out: string[] = [];
  const mine = new Set(underStack(stack));
  for (const group of duplicateGroups(rules, (r) => alertNameKey(r.alertName))) {
    for (const rule of group.filter((r) => mine.has(r))) {
      const others = group.filter((r) => r !== rule).map((r) => r.node.path);
      out.push(
        `${at(rule)} name: "${rule.alertName}" is used ${group.length} times in environment "${environment.name}" (also by ${others.join(', ')}); give each alert its own name`,
      );
    }
  }
  return out;
}

function noLiteralSecrets(stack: IConstruct): string[] {
  const out: string[] = [];
  for (const c of underStack(stack)) {
    if (!(c instanceof AlertRule)) continue;
    for (const [field, values] of [
      ['annotations', c.payload.annotations],
      ['labels', c.payload.labels],
    ] as const) {
      for (const [key, value] of Object.entries(values ?? {})) {
        const kind = secretKindIn(value);
        if (kind)
          out.push(
            `${at(c)} ${field}.${key}: holds a ${kind}; secrets do not belong in alert text (it is stored and shown in plain text): remove it, or link to where responders find it`,
          );
      }
    }
  }
  return out;
}

const CHECKS: Record<DefaultCheckId, (stack: IConstruct, environment: CheckedEnvironment) => string[]> = {
  'channel-references': channelReferences,
  'unique-alert-names': uniqueAlertNames,
  'no-literal-secrets': noLiteralSecrets,
};

/** Stacks whose checks are decided (an AlertStack, with or without checks), so an alert added later does not add them again. */
const decided = new WeakSet<IConstruct>();

/** Registers the default checks (all but `skip`) as a validation of `stack`. */
export function addDefaultChecks(stack: IConstruct, environment: CheckedEnvironment, skip: readonly DefaultCheckId[]): void {
  decided.add(stack);
  const run = (Object.keys(CHECKS) as DefaultCheckId[]).filter((id) => !skip.includes(id));
  if (run.length === 0) return;
  stack.node.addValidation({ validate: () => run.flatMap((id) => CHECKS[id](stack, environment).map((line) => `[${id}] ${line}`)) });
}

// An alert rule in a plain TerraformStack gets the checks too, with the stack as its environment
// (registered as a hook: alerts/ cannot import this module, which imports AlertRule).
onAlertRuleAdded((rule) => {
  const stack = TerraformStack.of(rule);
  if (decided.has(stack)) return;
  const name = environmentNameOf(stack) ?? stack.node.id;
  addDefaultChecks(stack, { name, stacks: () => [stack] }, []);
  const root = stack.node.root;
  if (App.isApp(root)) makeSynthAtomic(root);
});
