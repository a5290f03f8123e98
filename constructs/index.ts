/** Public API of cdktf-signoz-alerts. */
export * from './alerts';
export * from './codecs';
export * from './estate';
export { setEnvironment, applyEnvironment, environmentNameOf, type AlertOverride } from './stacks/environment';
export type { EnvironmentSettings } from './stacks/environment-settings';
export * from './evaluation';
export * from './model/alert-rule-ref';
export * from './model/channel-ref';
export * from './model/duration';
export * from './model/enums';
export * from './model/rule-payload';
export { PropsError, type FieldProblem } from './model/props-error';
export { ToolkitError, isToolkitError, toolkitErrorLines, type ErrorLocation, type Problem } from './model/toolkit-error';
export * from './validation';
export * from './presets';
export * from './slo';

export { Secret, type SecretOptions } from './secrets/secret';
export {
  SECRET_SHAPES,
  REDACTED_SECRET,
  isCredentialFieldName,
  isSecretFieldName,
  mayHoldSecretShape,
  normalizeFieldName,
  redactedSecretMarker,
  replaceSecretShapes,
  secretKindIn,
  type SecretShape,
} from './model/secret-patterns';

export { TERRAFORM_VERSION, SIGNOZ_PROVIDER, RESTAPI_PROVIDER, RESTAPI_REQUIRED_ENV } from './providers/versions';
export { SignozProviders, terraformEnvironment, ACCESS_TOKEN_VARIABLE, ENDPOINT_VARIABLE } from './providers/signoz-providers';

export * from './channels/channel-config';
export type { IChannelBackend, ChannelBackendRequest, ChannelBackendResult } from './channels/channel-backend';
export { RestapiChannelBackend } from './channels/restapi-channel-backend';
export { CHANNELS_PATH, isChannelApiPath } from './channels/channel-api-path';
export { receiverKind } from './channels/receiver-kind';
export {
  NotificationChannel,
  ImportedNotificationChannel,
  channelsIn,
  type NotificationChannelProps,
  type KindProps,
  type ReceiverChannelProps,
} from './channels/notification-channel';
export {
  buildReceiver,
  buildReceiverFromConfigs,
  receiverLeaves,
  receiverSecrets,
  redactedReceiver,
  receiverTemplate,
  type ReceiverDocument,
  type ReceiverLeaf,
} from './channels/receiver-document';

export { RouteExpression, LabelSelector, label, Labels, allOf, anyOf, not } from './routing/route-expression';
export { parseRouteExpression, RouteExpressionError } from './routing/route-expression-parser';
export { renderRouteExpression } from './routing/route-expression-render';
export type { RouteExpressionNode, ComparisonNode, ComparisonOperator } from './routing/route-expression-ast';
export { RoutePolicy, type RoutePolicyProps } from './routing/route-policy';

export * from './maintenance/maintenance-schedule';
export { MaintenanceWindow, type MaintenanceWindowProps } from './maintenance/maintenance-window';

export type {
  StateBackendConfig,
  LocalStateBackend,
  S3StateBackend,
  GcsStateBackend,
  AzureStateBackend,
  CloudStateBackend,
  RemoteStateBackend,
} from './stacks/state-backend-config';
export { addStateBackend, defaultStateKey } from './stacks/state-backend';
export type { ResolvedEnvironmentSettings } from './stacks/environment-settings';
export { AlertStack, type AlertStackProps } from './stacks/alert-stack';
export { makeSynthAtomic, SynthError, synthErrorLines } from './stacks/atomic-synth';
export { recordSourceLocation, SOURCE_LOCATIONS_CONTEXT } from './metadata/source-location';
export { STACK_METADATA_KEY, type StackMetadata } from './metadata/stack-metadata';

export * from './notify';
export { maintenanceOccurrenceAt, maintenanceBreakpoints, type MaintenanceScheduleDefinition, type MaintenanceOccurrence } from './maintenance/maintenance-activity';
export { resolveEnvironment, DEFAULT_ENVIRONMENT_NAMING, type EnvironmentNaming, type ResolvedEnvironment, type EnvironmentBasis } from './stacks/resolve-environment';
export { RouteExpressionReader, UNKNOWN, type LabelGroup, type LabelLookup, type Truth } from './routing/route-expression-reader';
