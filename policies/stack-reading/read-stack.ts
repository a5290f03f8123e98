/**
 * Turns one synthesized stack (`cdk.tf.json`) into the subjects policy rules judge: decoded alerts,
 * channels, route policies and Terraform settings.
 */
import { describeIssues } from '../../constructs/codecs/decode-rule';
import { isRuleResourceType } from '../../constructs/codecs/rules-in';
import { rulesOfStack, type SynthesizedStack } from '../../constructs/codecs/synth-output';
import type { RulePayload } from '../../constructs/model/rule-payload';
import type { ResolvedPolicyOptions } from '../options';
import type { AlertSubject, ChannelDefinition, ResourceEntry, ResourceRef, RoutePolicyDefinition, StackSubject, TerraformSettings } from '../subjects';
import { resolveEnvironment, type ResolvedEnvironment } from '../../constructs/stacks/resolve-environment';
import { isPlainObject } from '../../constructs/util/json';
import { libraryMetadataOf, type StackLibraryMetadata } from '../../constructs/metadata/stack-metadata-reader';
import { channelOfResource, routePolicyOfResource } from '../../constructs/notify/notification-setup';

export type { SynthesizedStack };

/** A resource that should carry an alert rule but could not be decoded. */
export interface UnreadableResource {
  readonly ref: ResourceRef;
  readonly message: string;
}

export type { StackLibraryMetadata };

export interface ReadStack {
  readonly subject: StackSubject;
  readonly environment: ResolvedEnvironment;
  readonly metadata: StackLibraryMetadata;
  readonly unreadable: readonly UnreadableResource[];
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

function channelOf(entry: ResourceEntry): ChannelDefinition | undefined {
  const channel = channelOfResource(entry.ref.type, entry.attributes);
  return channel && { ...channel, resource: entry.ref };
}

function routePolicyOf(entry: ResourceEntry): RoutePolicyDefinition | undefined {
  const policy = routePolicyOfResource(entry.ref.type, entry.ref.name, entry.attributes);
  return policy && { ...policy, resource: entry.ref };
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
