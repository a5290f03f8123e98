/**
 * Builds the summary of one stack's plan: masks every value first, decodes alerts through the
 * rule-payload adapter, diffs them field by field, and collects paging impact, refactor moves and
 * the destroy budget. One pass over the plan; the work per change is bounded, so the whole is
 * linear in the number of changes.
 */
import { alertFieldDiffs, describeAlert } from '../alerts/alert-diff';
import { alertService, alertView, type AlertView } from '../alerts/alert-view';
import { toRulePayload } from '../alerts/rule-payload-adapter';
import { evaluateDestroyBudget, type DestroyBudgets } from '../apply-safety/destroy-budget';
import { formatValue, toFieldDiff, withUnknownValues, type FieldDiff } from '../diff/field-diff';
import { formatPath, leafDifferences, setLeaves } from '../diff/structural-diff';
import { displayMasked, type Redactor } from '../masking/redactor';
import { CHANGE_RISK_ORDER, changeKindOf, isEffectiveChange, isImport } from '../plan/change-kind';
import type { ResourceChange, TerraformPlan } from '../plan/plan-json';
import { findRefactorMoves } from '../refactor/refactor-guard';
import { ChannelDirectory, channelIdentity, type ChannelDirectoryOptions } from '../resources/channel-directory';
import { ignoredAttributes, resourceCategory, type ResourceCategory } from '../resources/resource-category';
import { pagingImpactsOf, type PagingSubject } from './paging-impact';
import type { OutputChangeSummary, PagingImpact, ResourceChangeSummary, StackCounts, StackSummary } from './summary-model';
import { valueAt } from '../../constructs/util/json';

export interface SummarizeOptions {
  readonly stack: string;
  readonly redactor: Redactor;
  readonly channels?: ChannelDirectoryOptions;
  readonly maxAlertDeletes?: number;
  /** Every destroy budget; `maxAlertDeletes`, when given, wins for alert deletes. @default - DEFAULT_DESTROY_BUDGETS */
  readonly destroyBudgets?: Partial<DestroyBudgets>;
}

/** Most field differences listed for one resource; the rest are counted. */
export const MAX_FIELD_DIFFS_PER_RESOURCE = 60;

type Attributes = Record<string, unknown>;

function withoutIgnored(value: unknown, ignored: ReadonlySet<string>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Attributes = {};
  for (const [key, item] of Object.entries(value as Attributes)) if (!ignored.has(key)) out[key] = item;
  return out;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function capDiffs(diffs: FieldDiff[]): FieldDiff[] {
  if (diffs.length <= MAX_FIELD_DIFFS_PER_RESOURCE) return diffs;
  const kept = diffs.slice(0, MAX_FIELD_DIFFS_PER_RESOURCE);
  kept.push({ field: `(${diffs.length - MAX_FIELD_DIFFS_PER_RESOURCE} more fields)` });
  return kept;
}

function genericDiffs(before: unknown, after: unknown): FieldDiff[] {
  return leafDifferences(before, after).map((d) => toFieldDiff(d, formatPath));
}

function decodeView(type: string, attributes: unknown): AlertView | undefined {
  if (attributes === null || attributes === undefined) return undefined;
  const payload = toRulePayload(type, attributes);
  return payload ? alertView(payload) : undefined;
}

interface Analysis {
  readonly summary: ResourceChangeSummary;
  readonly subject: PagingSubject;
}

function displayName(category: ResourceCategory, rc: ResourceChange, before: unknown, after: unknown, view: AlertView | undefined): string {
  const current = after ?? before;
  let name: unknown;
  if (category === 'alert') name = view?.name;
  else if (category === 'channel') name = channelIdentity(current)?.name;
  else if (category === 'route' || category === 'window') name = valueAt(current, 'name');
  return typeof name === 'string' && name !== '' ? displayMasked(name) : (rc.name ?? rc.address);
}

function analyze(rc: ResourceChange, redactor: Redactor): Analysis {
  const kind = changeKindOf(rc.change.actions);
  const category = resourceCategory(rc.type, rc.change.after ?? rc.change.before);
  const maskOptions = { denySecretFields: category === 'channel' || category === 'other' };
  const ignored = ignoredAttributes(rc.type);
  const before = withoutIgnored(redactor.mask(rc.change.before, rc.change.before_sensitive, maskOptions), ignored);
  const after = withoutIgnored(withUnknownValues(redactor.mask(rc.change.after, rc.change.after_sensitive, maskOptions), rc.change.after_unknown), ignored);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined && kind !== 'delete' && kind !== 'forget';
  const beforeView = category === 'alert' && hasBefore ? decodeView(rc.type, before) : undefined;
  const afterView = category === 'alert' && hasAfter ? decodeView(rc.type, after) : undefined;

  let fieldDiffs: FieldDiff[] = [];
  if (kind === 'update' || kind === 'replace' || kind === 'replace-forget' || kind === 'unknown' || (kind === 'no-op' && hasBefore && hasAfter)) {
    fieldDiffs = beforeView && afterView ? alertFieldDiffs(beforeView, afterView) : genericDiffs(before, after);
  } else if (kind === 'create') {
    fieldDiffs = afterView ? describeAlert(afterView, 'after') : setLeaves(after).map((leaf) => ({ field: formatPath(leaf.path), after: formatValue(leaf.value) }));
  } else if (kind === 'delete') {
    fieldDiffs = beforeView ? describeAlert(beforeView, 'before') : [];
  }

  const view = afterView ?? beforeView;
  const name = displayName(category, rc, hasBefore ? before : undefined, hasAfter ? after : undefined, view);
  const service = view ? alertService(view) : undefined;
  const summary: ResourceChangeSummary = {
    address: rc.address,
    ...(rc.previous_address !== undefined ? { previousAddress: rc.previous_address } : {}),
    type: rc.type,
    category,
    kind,
    imported: isImport(rc),
    ...(rc.action_reason !== undefined ? { actionReason: rc.action_reason } : {}),
    name,
    ...(service !== undefined ? { service: displayMasked(service) } : {}),
    fieldDiffs: capDiffs(fieldDiffs),
    replacePaths: (rc.change.replace_paths ?? []).map((p) => formatPath(p)),
  };
  const subject: PagingSubject = {
    address: rc.address,
    name,
    category,
    kind,
    ...(beforeView ? { beforeView } : {}),
    ...(afterView ? { afterView } : {}),
    ...(category === 'route' ? { routeChannelsBefore: stringList(valueAt(before, 'channels')), routeChannelsAfter: stringList(valueAt(after, 'channels')) } : {}),
    ...(category === 'channel' ? { channelName: channelIdentity(rc.change.before ?? rc.change.after)?.name ?? name } : {}),
  };
  return { summary, subject };
}

/** One resource change as the summary shows it (masked, alert-aware field diffs), without the plan around it. */
export function summarizeResourceChange(rc: ResourceChange, redactor: Redactor): ResourceChangeSummary {
  return analyze(rc, redactor).summary;
}

/** Riskiest first (deletes before creates), then by address. */
export function byRiskThenAddress(a: ResourceChangeSummary, b: ResourceChangeSummary): number {
  return CHANGE_RISK_ORDER[a.kind] - CHANGE_RISK_ORDER[b.kind] || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

function countChanges(changes: readonly ResourceChangeSummary[], outputs: number, drift: number): StackCounts {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, read: 0, forget: 0, move: 0, import: 0, outputs, drift };
  for (const change of changes) {
    if (change.previousAddress !== undefined) counts.move++;
    if (change.imported) counts.import++;
    switch (change.kind) {
      case 'create':
      case 'update':
      case 'replace':
      case 'delete':
      case 'read':
      case 'forget':
        counts[change.kind]++;
        break;
      case 'replace-forget':
        counts.replace++;
        break;
      default:
        break;
    }
  }
  return counts;
}

/** The summary of one stack's plan. */
export function summarizeStackPlan(plan: TerraformPlan, options: SummarizeOptions): StackSummary {
  const { redactor } = options;
  for (const name of plan.sensitiveVariables) redactor.registerSecret(plan.variables[name]);
  const directory = ChannelDirectory.fromResourceChanges(plan.resourceChanges, options.channels);

  const pagingImpact: PagingImpact[] = [];
  const changes: ResourceChangeSummary[] = [];
  for (const rc of plan.resourceChanges) {
    if (!isEffectiveChange(rc)) continue;
    const { summary, subject } = analyze(rc, redactor);
    changes.push(summary);
    pagingImpact.push(...pagingImpactsOf(subject, directory));
  }
  const drift: ResourceChangeSummary[] = [];
  for (const rc of plan.resourceDrift) {
    const { summary } = analyze(rc, redactor);
    if (summary.kind === 'update' && summary.fieldDiffs.length === 0) continue;
    drift.push(summary);
  }
  const outputChanges: OutputChangeSummary[] = Object.entries(plan.outputChanges)
    .map(([name, change]) => ({ name, kind: changeKindOf(change.actions) }))
    .filter((o) => o.kind !== 'no-op')
    .sort((a, b) => a.name.localeCompare(b.name));
  changes.sort(byRiskThenAddress);
  drift.sort(byRiskThenAddress);
  pagingImpact.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.reason.localeCompare(b.reason)));

  return {
    stack: options.stack,
    terraformVersion: plan.terraformVersion,
    formatVersion: plan.formatVersion,
    counts: countChanges(changes, outputChanges.length, drift.length),
    changes,
    drift,
    outputChanges,
    pagingImpact,
    refactorMoves: findRefactorMoves(plan.resourceChanges),
    destroyBudget: evaluateDestroyBudget(plan.resourceChanges, {
      ...options.destroyBudgets,
      ...(options.maxAlertDeletes !== undefined ? { alertDeletes: options.maxAlertDeletes } : {}),
    }),
    applyable: plan.applyable,
    complete: plan.complete,
    errored: plan.errored,
  };
}
