/** Policies over the alert estate: rules, packs, suppressions, reports. See docs/policies.md. */
export { definePolicyRule, ruleIdFromFile, RULE_ID_PATTERN, POLICY_LEVELS, POLICY_SCOPES, PolicyRuleDefinitionError } from './rule';
export type { AlertPolicyRule, EnvironmentPolicyRule, PolicyLevel, PolicyRule, PolicyScope, RuleOutcome, StackPolicyRule, Violation } from './rule';
export type {
  AlertSubject, ChannelDefinition, EnvironmentSubject, ResourceEntry, ResourceRef, RoutePolicyDefinition, StackRef, StackSubject,
  TerraformSettings,
} from './subjects';
export type { PolicyContext } from './context';
export { DEFAULT_POLICY_OPTIONS, PolicyOptionsError, resolvePolicyOptions } from './options';
export type { PolicyOptions, ResolvedPolicyOptions } from './options';
export type { AppliedSuppression, Finding, PolicyReport, RuleDescriptor } from './finding';
export { ENGINE_CHECKS } from './engine-checks';
export { defaultRules } from './rules';
export * as rules from './rules';
export { PolicyPack, PolicyPackError, type PolicyPackProps } from './pack';
export { runPolicies, type PolicyPackDefinition, type RunPoliciesOptions } from './run-policies';
export type { SynthesizedStack } from './stack-reading/read-stack';
export { tierPages, type AlertRouting, type ChannelVerdict, type PolicyMatch, type TierRoute } from './stack-reading/alert-routing';
export { RouteExpressionReader, UNKNOWN, type LabelGroup, type LabelLookup } from './stack-reading/route-expression-reader';
export { Suppressions } from './suppressions/construct-suppressions';
export { MIN_REASON_LENGTH, SuppressionError, type PathSuppression, type Suppression } from './suppressions/suppression';
export { applyPolicies } from './synth/apply-policies';
export { registerPolicyCheck, describeFinding, type RunnablePack, type SynthCheckOptions } from './synth/synth-check';
export { readCdktfOut, synthesizedStacksOf, SynthOutputError } from './synth/synthesized-stacks';
export { loadPolicyPack, PolicyPackLoadError } from './load-pack';
export { renderReport, REPORT_FORMATS, type ReportFormat, buildSarifLog, SARIF_SCHEMA_URI } from './reports';
