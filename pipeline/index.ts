/**
 * The plan pipeline: plan summaries, change detection, refactor guard, apply safety, PR check.
 * The CLI commands in `cli/commands/` are thin wrappers over these.
 */
export { PipelineInputError } from './errors';
export { parsePlanJson, SUPPORTED_PLAN_FORMAT_MAJOR, type TerraformPlan, type ResourceChange, type PlanChange } from './plan/plan-json';
export { readPlanFile } from './plan/plan-file';
export { changeKindOf, isEffectiveChange, type ChangeKind } from './plan/change-kind';
export { Redactor, displayMasked, type MaskOptions } from './masking/redactor';
export { looksLikeGeneratedKey } from './masking/generated-key';
export { toRulePayload } from './alerts/rule-payload-adapter';
export { alertView, type AlertView, type TierView } from './alerts/alert-view';
export { alertFieldDiffs, describeAlert } from './alerts/alert-diff';
export { ChannelDirectory, channelIdentity, type ChannelDirectoryOptions, type PagingBasis } from './resources/channel-directory';
export { resourceCategory, type ResourceCategory } from './resources/resource-category';
export { summarizePlans, renderPlanSummary, stackNameFromPath, type StackPlan, type PlanSummaryOptions, type SummaryFormatName } from './summary/plan-summary';
export {
  hasPlannedChanges,
  hasDrift,
  erroredStacks,
  isPlanIncomplete,
  type UnplannedStack,
  type StackConfigDiff,
  type PlanSummary,
  type StackSummary,
  type ResourceChangeSummary,
  type PagingImpact,
  type PagingImpactReason,
} from './summary/summary-model';
export { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT, type RenderResult } from './render/render-summary';
export { SUMMARY_COMMENT_MARKER } from './render/markdown-format';
export { findRefactorMoves, movedBlock, cdktfMoveHint, type RefactorMove } from './refactor/refactor-guard';
export { planFingerprint, FINGERPRINT_SALT_ENV, defaultFingerprintPath, type FingerprintRecord } from './apply-safety/plan-fingerprint';
export { applyGuard, readFingerprintRecord, type ApplyGuardInput, type ApplyGuardResult } from './apply-safety/apply-guard';
export {
  evaluateDestroyBudget,
  describeDestroyTallies,
  DEFAULT_MAX_ALERT_DELETES,
  DEFAULT_DESTROY_BUDGETS,
  ALLOW_DESTROY_ENV,
  type DestroyBudgetResult,
  type DestroyBudgets,
  type DestroyKind,
  type DestroyTally,
  type CountedDestroy,
} from './apply-safety/destroy-budget';
export { loadPipelineConfig, PIPELINE_CONFIG_FILE, type PipelineConfig } from './config/pipeline-config';
export { compareSynthDirs, listSynthStacks, stacksToPlan, matrixJson, type StackComparison, type StackChangeStatus } from './changes/compare-synth-dirs';
export { normalizeStackConfig, stackConfigHash } from './changes/stack-config';
export { detectChangedStacks, listAllStacks, type ChangedStacksOptions, type ChangedStacksResult } from './changes/changed-stacks';
export { TerraformCli } from './terraform/terraform-cli';
export { runPrCheck, fingerprintMarker, type PrCheckOptions, type PrCheckResult } from './pr-check/pr-check';
export { PR_CHECK_HOOKS, type PrCheckHook, type PrCheckHookContext, type PrCheckHookResult } from './pr-check/pr-check-hooks';
