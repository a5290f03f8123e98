/**
 * The one reader of what decides who is notified, from synthesized stacks (`cdk.tf.json`): alert
 * rules (decoded once by `rulesOfStack`), notification channels (REST channel resources, and
 * channels named only, from the stack metadata), route policies, planned maintenance windows and
 * the stack's environment. The `policy` command's stack reader takes channels and route policies
 * from here too.
 */
import { isChannelApiPath } from '../channels/channel-api-path';
import { receiverKind } from '../channels/receiver-kind';
import { rulesOfStack, type SynthesizedStack } from '../codecs/synth-output';
import type { MaintenanceScheduleDefinition } from '../maintenance/maintenance-activity';
import { WEEKDAYS, type Weekday } from '../maintenance/maintenance-schedule';
import { libraryMetadataOf } from '../metadata/stack-metadata-reader';
import { PAGING_CHANNEL_KINDS, PAGING_CHANNEL_NAME } from '../model/channel-ref';
import type { RulePayload } from '../model/rule-payload';
import { configAttributeValues } from '../model/terraform-literal';
import { parseTemplatedJson } from '../model/terraform-template';
import { RouteExpressionError } from '../routing/route-expression-parser';
import { RouteExpressionReader } from '../routing/route-expression-reader';
import { resolveEnvironment, type EnvironmentNaming, type ResolvedEnvironment } from '../stacks/resolve-environment';
import { isPlainObject } from '../util/json';

/** A notification channel as a synthesized stack defines or names it. */
export interface ChannelSetup {
  readonly name: string;
  /** Receiver kind (`slack`, `pagerduty`, ...), when known. */
  readonly kind?: string;
  /** Managed elsewhere; the stack only names it (`NotificationChannel.fromName`). */
  readonly imported: boolean;
}

/** A route policy (`signoz_route_policy`). */
export interface RoutePolicySetup {
  readonly name: string;
  readonly expression: string;
  /** The expression parsed by the routing parser; undefined when it refuses the text. */
  readonly parsed?: RouteExpressionReader;
  /** Why the parser refused the expression: `column N: problem`. */
  readonly parseError?: string;
  readonly channels: readonly string[];
  /** Terraform address, `signoz_route_policy.<id>`. */
  readonly address: string;
}

/** A planned maintenance (`signoz_planned_maintenance`). */
export interface MaintenanceWindowSetup {
  readonly name: string;
  readonly schedule: MaintenanceScheduleDefinition;
  /** Rule ids as written: Terraform references such as `${signoz_rule.x.id}`, or literal ids. Empty: every rule. */
  readonly alertIds: readonly string[];
  readonly scope?: string;
  readonly parsedScope?: RouteExpressionReader;
  readonly address: string;
}

/** An alert rule of a stack. */
export interface RuleSetup {
  /** Terraform address, `signoz_rule.<id>`. */
  readonly address: string;
  readonly payload: RulePayload;
}

/** Everything of one synthesized stack that decides who is notified. */
export interface NotificationSetup {
  readonly stack: string;
  readonly file: string;
  readonly environment: ResolvedEnvironment;
  /** `false` when the environment declares that nobody is on call. */
  readonly onCall: boolean;
  readonly rules: readonly RuleSetup[];
  readonly channels: readonly ChannelSetup[];
  readonly routePolicies: readonly RoutePolicySetup[];
  readonly maintenanceWindows: readonly MaintenanceWindowSetup[];
}

/** Whether a channel pages a human ({@link PAGING_CHANNEL_KINDS}: PagerDuty, Opsgenie, VictorOps, incident.io); a channel of unknown kind is judged by its name. */
export function channelPages(channel: { readonly name: string; readonly kind?: string }): boolean {
  if (channel.kind !== undefined && channel.kind !== '') return (PAGING_CHANNEL_KINDS as readonly string[]).includes(channel.kind);
  return PAGING_CHANNEL_NAME.test(channel.name);
}

/** The channel a resource defines (a `restapi_object` on SigNoz's channels API), if it is one. */
export function channelOfResource(type: string, attributes: Readonly<Record<string, unknown>>): { name: string; kind?: string } | undefined {
  if (type !== 'restapi_object') return undefined;
  const apiPath = attributes.path ?? attributes.create_path;
  if (!isChannelApiPath(apiPath)) return undefined;
  const data = typeof attributes.data === 'string' ? parseTemplatedJson(attributes.data) : attributes.data;
  if (!isPlainObject(data) || typeof data.name !== 'string') return undefined;
  const kind = receiverKind(data);
  return { name: data.name, ...(kind ? { kind } : {}) };
}

/** The route policy a resource defines (`signoz_route_policy`), its expression parsed, if it is one. */
export function routePolicyOfResource(type: string, id: string, attributes: Readonly<Record<string, unknown>>): Omit<RoutePolicySetup, 'address'> | undefined {
  if (type !== 'signoz_route_policy') return undefined;
  const values = configAttributeValues(attributes);
  const expression = typeof values.expression === 'string' ? values.expression : '';
  const channels = Array.isArray(values.channels) ? values.channels.map(String) : [];
  const name = typeof values.name === 'string' ? values.name : id;
  try {
    return { name, expression, parsed: RouteExpressionReader.parse(expression), channels };
  } catch (err) {
    const parseError = err instanceof RouteExpressionError ? `column ${err.column}: ${err.problem}` : (err as Error).message;
    return { name, expression, parseError, channels };
  }
}

const REPEAT_TYPES = ['daily', 'weekly', 'monthly'] as const;

/** The maintenance window a resource defines (`signoz_planned_maintenance`), if it is one. */
export function maintenanceWindowOfResource(type: string, id: string, attributes: Readonly<Record<string, unknown>>): Omit<MaintenanceWindowSetup, 'address'> | undefined {
  if (type !== 'signoz_planned_maintenance') return undefined;
  const values = configAttributeValues(attributes);
  const schedule = isPlainObject(values.schedule) ? values.schedule : {};
  const recurrence = isPlainObject(schedule.recurrence) ? schedule.recurrence : undefined;
  const repeatType = REPEAT_TYPES.find((t) => t === recurrence?.repeat_type);
  const repeatOn = Array.isArray(recurrence?.repeat_on) ? recurrence.repeat_on.filter((d): d is Weekday => (WEEKDAYS as readonly unknown[]).includes(d)) : [];
  const scope = typeof values.scope === 'string' && values.scope.trim() !== '' ? values.scope : undefined;
  let parsedScope: RouteExpressionReader | undefined;
  try {
    parsedScope = scope === undefined ? undefined : RouteExpressionReader.parse(scope);
  } catch {
    parsedScope = undefined; // SigNoz: a scope that does not compile mutes nothing
  }
  return {
    name: typeof values.name === 'string' ? values.name : id,
    schedule: {
      timezone: typeof schedule.timezone === 'string' ? schedule.timezone : 'UTC',
      startTime: typeof schedule.start_time === 'string' ? schedule.start_time : '',
      ...(typeof schedule.end_time === 'string' && schedule.end_time !== '' ? { endTime: schedule.end_time } : {}),
      ...(recurrence && repeatType ? { recurrence: { repeatType, duration: typeof recurrence.duration === 'string' ? recurrence.duration : '', repeatOn } } : {}),
    },
    alertIds: Array.isArray(values.alert_ids) ? values.alert_ids.map(String) : [],
    ...(scope !== undefined ? { scope } : {}),
    ...(parsedScope ? { parsedScope } : {}),
  };
}

/** Reads one synthesized stack. Never throws for unexpected content: rules that cannot be decoded are left out. */
export function readNotificationSetup(stack: SynthesizedStack, naming?: EnvironmentNaming): NotificationSetup {
  const metadata = libraryMetadataOf(stack.document);
  const rules: RuleSetup[] = [];
  for (const rule of rulesOfStack(stack)) {
    if (rule.decoded.valid && rule.decoded.payload) rules.push({ address: rule.address, payload: rule.decoded.payload });
  }
  const channels: ChannelSetup[] = [];
  const routePolicies: RoutePolicySetup[] = [];
  const maintenanceWindows: MaintenanceWindowSetup[] = [];
  const byType = isPlainObject(stack.document.resource) ? stack.document.resource : {};
  for (const type of Object.keys(byType).sort()) {
    const byId = byType[type];
    if (!isPlainObject(byId)) continue;
    for (const id of Object.keys(byId).sort()) {
      const raw = byId[id];
      if (!isPlainObject(raw)) continue;
      const address = `${type}.${id}`;
      const channel = channelOfResource(type, raw);
      if (channel) channels.push({ ...channel, imported: false });
      const policy = routePolicyOfResource(type, id, raw);
      if (policy) routePolicies.push({ ...policy, address });
      const window = maintenanceWindowOfResource(type, id, raw);
      if (window) maintenanceWindows.push({ ...window, address });
    }
  }
  for (const [name, kind] of Object.entries(metadata.importedChannels).sort(([a], [b]) => a.localeCompare(b))) {
    channels.push({ name, ...(kind ? { kind } : {}), imported: true });
  }
  return {
    stack: stack.name,
    file: stack.file,
    environment: resolveEnvironment(
      stack.name,
      metadata.environment,
      rules.map((r) => r.payload.labels?.env),
      naming,
    ),
    onCall: metadata.onCall !== false,
    rules,
    channels,
    routePolicies,
    maintenanceWindows,
  };
}
