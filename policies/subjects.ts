/**
 * What policy rules look at: alerts decoded to the canonical rule payload, whole synthesized stacks,
 * and environments (every stack that deploys to the same SigNoz). All of it is built from
 * synthesized Terraform JSON, never from constructs, so the synth-time check and the `policy`
 * command see exactly the same thing.
 */
import type { RulePayload } from '../constructs/model/rule-payload';
import type { RouteExpressionReader } from '../constructs/routing/route-expression-reader';

/** One Terraform resource of a synthesized stack. */
export interface ResourceRef {
  /** Name of the stack that holds it. */
  readonly stack: string;
  /** Terraform resource type, e.g. `signoz_rule`. */
  readonly type: string;
  /** Logical id in the stack, e.g. `CheckoutCpu_FF651E7C`. */
  readonly name: string;
  /** `type.name`, as Terraform addresses it. */
  readonly address: string;
  /** Construct path cdktf recorded for it (`prod/CheckoutCpu/Resource`). */
  readonly constructPath: string;
}

/** A synthesized stack as findings refer to it. */
export interface StackRef {
  readonly name: string;
  /** Construct path of the stack (its id below the app). */
  readonly constructPath: string;
  /** The environment the stack deploys to (see docs/policies.md, "Environments"). */
  readonly environment: string;
  /** The synthesized file, relative to where the check runs. */
  readonly file: string;
}

/** One alert rule (`signoz_rule` or `signoz_alert`) decoded to the canonical payload. */
export interface AlertSubject {
  readonly payload: RulePayload;
  /** The rule's labels (`payload.labels`, or none). */
  readonly labels: Readonly<Record<string, string>>;
  readonly resource: ResourceRef;
  readonly stack: StackRef;
  readonly environment: string;
}

/**
 * A notification channel of the estate: managed as code (a `restapi_object` on SigNoz's channels
 * API), or referenced by name only (`NotificationChannel.fromName`, recorded in the stack metadata).
 */
export interface ChannelDefinition {
  readonly name: string;
  /** Receiver kind from the `<kind>_configs` key (or given to `fromName`): `slack`, `pagerduty`, ...; undefined when unknown. */
  readonly kind?: string;
  /** The channel is managed elsewhere; this app only names it. */
  readonly imported?: boolean;
  readonly resource: ResourceRef;
}

/** A `signoz_route_policy` of the estate. */
export interface RoutePolicyDefinition {
  readonly name: string;
  readonly expression: string;
  /** The parsed expression, or undefined when the routing parser (the one `RoutePolicy` uses) refuses it. */
  readonly parsed?: RouteExpressionReader;
  /** Why the routing parser refused the expression: `column N: problem`. */
  readonly parseError?: string;
  /** Channel names; a Terraform reference stays as its `${...}` text. */
  readonly channels: readonly string[];
  readonly resource: ResourceRef;
}

/** Any resource of a stack with its attributes as synthesized (without cdktf's `//` metadata). */
export interface ResourceEntry {
  readonly ref: ResourceRef;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** The `terraform` block of a stack, read for the settings rules judge. */
export interface TerraformSettings {
  readonly requiredVersion?: unknown;
  readonly requiredProviders: Readonly<Record<string, unknown>>;
  /** The backend block: `{ type: 's3', config: {...} }`; cdktf adds `local` when none is set. */
  readonly backend?: { readonly type: string; readonly config: Readonly<Record<string, unknown>> };
  /** The `cloud` block (HCP Terraform / Terraform Enterprise), when used. */
  readonly cloud?: Readonly<Record<string, unknown>>;
}

/** One synthesized stack as a whole, for rules about Terraform settings and secrets. */
export interface StackSubject {
  readonly stack: StackRef;
  readonly environment: string;
  /** The complete synthesized document (`cdk.tf.json`). */
  readonly document: Readonly<Record<string, unknown>>;
  readonly terraform: TerraformSettings;
  readonly resources: readonly ResourceEntry[];
  readonly alerts: readonly AlertSubject[];
  readonly channels: readonly ChannelDefinition[];
  readonly routePolicies: readonly RoutePolicyDefinition[];
}

/** Every stack that deploys to one environment: alert names, budgets and routing span them. */
export interface EnvironmentSubject {
  readonly name: string;
  readonly stacks: readonly StackSubject[];
  readonly alerts: readonly AlertSubject[];
  readonly channels: readonly ChannelDefinition[];
  readonly routePolicies: readonly RoutePolicyDefinition[];
}
