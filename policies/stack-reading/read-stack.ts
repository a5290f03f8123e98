/**
 * Turns one synthesized stack (`cdk.tf.json`) into the subjects policy rules judge: decoded alerts,
 * channels, route policies and Terraform settings.
 */
import { isChannelApiPath } from '../../constructs/channels/channel-api-path';
import { receiverKind } from '../../constructs/channels/receiver-kind';
import { describeIssues } from '../../constructs/codecs/decode-rule';
import { isRuleResourceType } from '../../constructs/codecs/rules-in';
import { rulesOfStack, type SynthesizedStack } from '../../constructs/codecs/synth-output';
import { STACK_METADATA_KEY } from '../../constructs/metadata/stack-metadata';
import type { RulePayload } from '../../constructs/model/rule-payload';
import type { ResolvedPolicyOptions } from '../options';
import type { AlertSubject, ChannelDefinition, ResourceEntry, ResourceRef, RoutePolicyDefinition, StackSubject, TerraformSettings } from '../subjects';
import { resolveEnvironment, type ResolvedEnvironment } from './resolve-environment';
import { RouteExpressionError } from '../../constructs/routing/route-expression-parser';
import { RouteExpressionReader } from './route-expression-reader';
import { parseTemplatedJson } from './terraform-template';
import { isPlainObject } from '../../constructs/util/json';

export type { SynthesizedStack };

/** A resource that should carry an alert rule but could not be decoded. */
export interface UnreadableResource {
  readonly ref: ResourceRef;
  readonly message: string;
}

/** What this library recorded in the stack's `//` comment. */
export interface StackLibraryMetadata {
  readonly environment?: unknown;
  readonly sources: Readonly<Record<string, string>>;
  readonly suppressions: readonly unknown[];
  /** Channels the stack references by name only: name -> kind ('' when unknown). */
  readonly importedChannels: Readonly<Record<string, string>>;
}

export interface ReadStack {
  readonly subject: StackSubject;
  readonly environment: ResolvedEnvironment;
  readonly metadata: StackLibraryMetadata;
  readonly unreadable: readonly UnreadableResource[];
}

export function libraryMetadataOf(document: Record<string, unknown>): StackLibraryMetadata {
  const comment = isPlainObject(document['//']) ? document['//'] : {};
  const ours = isPlainObject(comment[STACK_METADATA_KEY]) ? comment[STACK_METADATA_KEY] : {};
  return {
    environment: ours.environment,
    sources: isPlainObject(ours.sources) ? (ours.sources as Record<string, string>) : {},
    suppressions: Array.isArray(ours.suppressions) ? ours.suppressions : [],
    importedChannels: isPlainObject(ours.importedChannels) ? (ours.importedChannels as Record<string, string>) : {},
  };
}

function resourcesOf(stackName: string, document: Record<string, unknown>): ResourceEntry[] {
  const out: ResourceEntry[] = [];
  const byType = isPlainObject(document.resource) ? document.resource : {};
  for (const type of Object.keys(byType)) {
    const byName = byType[type];
    if (!isPlainObject(byName)) continue;
    for (const name of Object.keys(byName)) {
      const raw = byName[name];
      if (!isPlainObject(raw)) continue;
      const { '//': comment, ...attributes } = raw;
      const recordedPath = isPlainObject(comment) && isPlainObject(comment.metadata) ? comment.metadata.path : undefined;
      out.push({
        ref: {
          stack: stackName,
          type,
          name,
          address: `${type}.${name}`,
          constructPath: typeof recordedPath === 'string' ? recordedPath : `${stackName}/${type}.${name}`,
        },
        attributes,
      });
    }
  }
  return out;
}

function terraformSettingsOf(document: Record<string, unknown>): TerraformSettings {
  const terraform = isPlainObject(document.terraform) ? document.terraform : {};
  const backendBlock = isPlainObject(terraform.backend) ? terraform.backend : undefined;
  const backendType = backendBlock ? Object.keys(backendBlock)[0] : undefined;
  return {
    requiredVersion: terraform.required_version,
    requiredProviders: isPlainObject(terraform.required_providers) ? terraform.required_providers : {},
    ...(backendType !== undefined
      ? { backend: { type: backendType, config: isPlainObject(backendBlock![backendType]) ? (backendBlock![backendType] as Record<string, unknown>) : {} } }
      : {}),
    ...(isPlainObject(terraform.cloud) ? { cloud: terraform.cloud } : {}),
  };
}

/** The receiver document of a channel resource, if it is one. */
function channelOf(entry: ResourceEntry): ChannelDefinition | undefined {
  if (entry.ref.type !== 'restapi_object') return undefined;
  const apiPath = entry.attributes.path ?? entry.attributes.create_path;
  if (!isChannelApiPath(apiPath)) return undefined;
  const data = typeof entry.attributes.data === 'string' ? parseTemplatedJson(entry.attributes.data) : entry.attributes.data;
  if (!isPlainObject(data) || typeof data.name !== 'string') return undefined;
  const kind = receiverKind(data);
  return { name: data.name, ...(kind ? { kind } : {}), resource: entry.ref };
}

function routePolicyOf(entry: ResourceEntry): RoutePolicyDefinition | undefined {
  if (entry.ref.type !== 'signoz_route_policy') return undefined;
  const expression = typeof entry.attributes.expression === 'string' ? entry.attributes.expression : '';
  const channels = Array.isArray(entry.attributes.channels) ? entry.attributes.channels.map(String) : [];
  const name = typeof entry.attributes.name === 'string' ? entry.attributes.name : entry.ref.name;
  try {
    return { name, expression, parsed: RouteExpressionReader.parse(expression), channels, resource: entry.ref };
  } catch (err) {
    const parseError = err instanceof RouteExpressionError ? `column ${err.column}: ${err.problem}` : (err as Error).message;
    return { name, expression, parseError, channels, resource: entry.ref };
  }
}

/** Reads one synthesized stack. Never throws for unexpected content: what cannot be read is reported. */
export function readStack(input: SynthesizedStack, options: ResolvedPolicyOptions): ReadStack {
  const metadata = libraryMetadataOf(input.document);
  const resources = resourcesOf(input.name, input.document);
  const decodedRules: { payload: RulePayload; ref: ResourceRef }[] = [];
  const unreadable: UnreadableResource[] = [];
  const channels: ChannelDefinition[] = [];
  const routePolicies: RoutePolicyDefinition[] = [];
  const rules = new Map(rulesOfStack(input).map((rule) => [rule.address, rule.decoded]));
  for (const entry of resources) {
    if (isRuleResourceType(entry.ref.type)) {
      const decoded = rules.get(entry.ref.address);
      if (decoded?.valid && decoded.payload) decodedRules.push({ payload: decoded.payload, ref: entry.ref });
      else unreadable.push({ ref: entry.ref, message: decoded ? describeIssues(decoded.errors).join('; ') : 'not a JSON object' });
      continue;
    }
    const channel = channelOf(entry);
    if (channel) channels.push(channel);
    const policy = routePolicyOf(entry);
    if (policy) routePolicies.push(policy);
  }
  for (const [name, kind] of Object.entries(metadata.importedChannels).sort(([a], [b]) => a.localeCompare(b))) {
    const ref = { stack: input.name, type: 'channel', name, address: `channel "${name}" (managed elsewhere)`, constructPath: input.name };
    channels.push({ name, ...(kind ? { kind } : {}), imported: true, resource: ref });
  }
  const environment = resolveEnvironment(
    input.name,
    metadata.environment,
    decodedRules.map((d) => d.payload.labels?.env),
    options,
  );
  const stack = { name: input.name, constructPath: input.constructPath ?? input.name, environment: environment.name, file: input.file };
  const alerts: AlertSubject[] = decodedRules.map(({ payload, ref }) => ({
    payload,
    labels: payload.labels ?? {},
    resource: ref,
    stack,
    environment: environment.name,
  }));
  return {
    subject: {
      stack,
      environment: environment.name,
      document: input.document,
      terraform: terraformSettingsOf(input.document),
      resources,
      alerts,
      channels,
      routePolicies,
    },
    environment,
    metadata,
    unreadable,
  };
}
