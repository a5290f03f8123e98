/** Importing exported SigNoz rules as TypeScript that uses the construct library. */
export { importRules, constructIdFor, sameImportedRule, type ImportSource, type ImportedRule, type ImportProblem, type ImportResult } from './import-rules';
export { renderImportModule, isUsableIdentifier, type ModuleOptions } from './typescript-module';
export { addImportedRules, importedChannelNames } from './imported-rule-constructs';
export { ruleToCode, firstDifference, type RuleCode } from './rule-to-code';
export {
  importSetup,
  importedSecrets,
  setupKindOf,
  type SetupKind,
  type SetupImportResult,
  type SetupImportOptions,
  type ImportedChannel,
  type ImportedRoutePolicy,
  type ImportedMaintenance,
} from './import-setup';
export { renderSetupSection, type SetupSection } from './setup-module';
export { channelToCode, normalizedReceiverConfig, type ChannelCode, type ChannelFactory, type ChannelSecret, type ChannelConversion } from './channel-to-code';
export { routePolicyToCode, type RoutePolicyCode, type RoutePolicyConversion } from './route-policy-to-code';
export { maintenanceToCode, type MaintenanceCode, type MaintenanceConversion } from './maintenance-to-code';
