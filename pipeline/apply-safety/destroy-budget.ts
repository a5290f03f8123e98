/**
 * Destroy budget: a plan that removes more than the budget of any kind of paging coverage, or
 * every alert of a service (by the `service` label), is not applied without an explicit override.
 * Counted, each against its own budget:
 * - alerts deleted (a replacement keeps the alert, with a new ID, which the summary's banner and the
 *   refactor guard cover; `forget` leaves it running in SigNoz);
 * - notification channels, route policies and maintenance windows deleted or replaced (a replaced
 *   channel is gone for every alert and route naming its old ID until the new one is in place);
 * - critical alerts disabled (`disabled` turned on for a rule with a `critical` tier or severity).
 */
import { alertView } from '../alerts/alert-view';
import { toRulePayload } from '../alerts/rule-payload-adapter';
import { changeKindOf, type ChangeKind } from '../plan/change-kind';
import type { ResourceChange } from '../plan/plan-json';
import { channelIdentity } from '../resources/channel-directory';
import { ALERT_RESOURCE_TYPES, resourceCategory } from '../resources/resource-category';
import { valueAt } from '../../constructs/util/json';

/** Default for `--max-alert-deletes` and the config file's `maxAlertDeletes`. */
export const DEFAULT_MAX_ALERT_DELETES = 5;

/** What the destroy budget counts, each with its own limit. */
export type DestroyKind = 'alertDeletes' | 'channelDestroys' | 'routeDestroys' | 'windowDestroys' | 'criticalAlertsDisabled';

/** The most of each kind a plan may do without an override. */
export type DestroyBudgets = Readonly<Record<DestroyKind, number>>;

/** Defaults: a few alert deletes and expired maintenance windows are routine; paging paths are not. */
export const DEFAULT_DESTROY_BUDGETS: DestroyBudgets = {
  alertDeletes: DEFAULT_MAX_ALERT_DELETES,
  channelDestroys: 1,
  routeDestroys: 1,
  windowDestroys: 5,
  criticalAlertsDisabled: 1,
};

/** How each kind reads in messages, and its key in signoz-alerts.pipeline.json. */
export const DESTROY_KINDS: Readonly<Record<DestroyKind, { readonly label: string; readonly configKey: string }>> = {
  alertDeletes: { label: 'alerts deleted', configKey: 'maxAlertDeletes' },
  channelDestroys: { label: 'notification channels deleted or replaced', configKey: 'maxChannelDestroys' },
  routeDestroys: { label: 'route policies deleted or replaced', configKey: 'maxRouteDestroys' },
  windowDestroys: { label: 'maintenance windows deleted or replaced', configKey: 'maxWindowDestroys' },
  criticalAlertsDisabled: { label: 'critical alerts disabled', configKey: 'maxCriticalAlertsDisabled' },
};

/** Environment variable that overrides the budget, like `--allow-destroy` (value `1` or `true`). */
export const ALLOW_DESTROY_ENV = 'SIGNOZ_ALERTS_ALLOW_DESTROY';

export interface DeletedAlert {
  readonly address: string;
  readonly name: string | undefined;
  readonly service: string | undefined;
}

/** One destructive change the budget counted. */
export interface CountedDestroy {
  readonly kind: DestroyKind;
  readonly address: string;
  /** `delete`, `replace` or `disable`. */
  readonly action: 'delete' | 'replace' | 'disable';
  readonly name: string | undefined;
}

/** The count of one kind against its budget. */
export interface DestroyTally {
  readonly kind: DestroyKind;
  readonly label: string;
  readonly count: number;
  readonly budget: number;
  readonly exceeded: boolean;
}

export interface DestroyBudgetResult {
  readonly maxAlertDeletes: number;
  readonly deletedAlerts: readonly DeletedAlert[];
  /** Every counted change, in plan order. */
  readonly counted: readonly CountedDestroy[];
  /** One tally per kind, in a fixed order, over budget or not. */
  readonly tallies: readonly DestroyTally[];
  /** Services that have alerts before the plan and none after it, with how many alerts they lose. */
  readonly wipedServices: readonly { readonly service: string; readonly deleted: number }[];
  readonly exceeded: boolean;
  /** One sentence per broken rule, for error messages and banners. */
  readonly reasons: readonly string[];
}

function serviceOf(attributes: unknown): string | undefined {
  const service = valueAt(valueAt(attributes, 'labels'), 'service');
  return typeof service === 'string' && service !== '' ? service : undefined;
}

function stringAt(attributes: unknown, key: string): string | undefined {
  const value = valueAt(attributes, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True for a rule that pages at critical level: a tier named `critical` or the `severity: critical` label. */
function isCritical(type: string, attributes: unknown): boolean {
  const payload = toRulePayload(type, attributes);
  if (!payload) return false;
  const view = alertView(payload);
  return Object.keys(view.tiers).some((tier) => tier.toLowerCase() === 'critical') || String(view.labels.severity ?? '').toLowerCase() === 'critical';
}

function isDisabled(type: string, attributes: unknown): boolean {
  // Every rule decoding carries `disabled` over as it is, and the schema wants a boolean: without a literal `true` the rule is enabled, undecoded.
  if (valueAt(attributes, 'disabled') !== true) return false;
  const payload = toRulePayload(type, attributes);
  return payload ? alertView(payload).disabled : valueAt(attributes, 'disabled') === true;
}

const CATEGORY_KIND: Readonly<Record<string, DestroyKind>> = { channel: 'channelDestroys', route: 'routeDestroys', window: 'windowDestroys' };

function destroyedAction(kind: ChangeKind): 'delete' | 'replace' | undefined {
  if (kind === 'delete') return 'delete';
  // `create,forget` leaves the old object running in SigNoz: nothing is destroyed.
  return kind === 'replace' ? 'replace' : undefined;
}

/** Fills budgets left out with the defaults; a number is the alert-delete budget alone (the others default). */
export function destroyBudgets(budgets: Partial<DestroyBudgets> | number = {}): DestroyBudgets {
  return { ...DEFAULT_DESTROY_BUDGETS, ...(typeof budgets === 'number' ? { alertDeletes: budgets } : budgets) };
}

export function evaluateDestroyBudget(changes: readonly ResourceChange[], budgetsIn: Partial<DestroyBudgets> | number = {}): DestroyBudgetResult {
  const budgets = destroyBudgets(budgetsIn);
  const deletedAlerts: DeletedAlert[] = [];
  const counted: CountedDestroy[] = [];
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const deletedByService = new Map<string, number>();
  for (const rc of changes) {
    if (rc.mode === 'data') continue;
    const kind = changeKindOf(rc.change.actions);
    if (!ALERT_RESOURCE_TYPES.has(rc.type)) {
      const action = destroyedAction(kind);
      const destroyKind = CATEGORY_KIND[resourceCategory(rc.type, rc.change.before ?? rc.change.after)];
      const name = destroyKind === 'channelDestroys' ? channelIdentity(rc.change.before)?.name : stringAt(rc.change.before, 'name');
      if (action && destroyKind) counted.push({ kind: destroyKind, address: rc.address, action, name });
      continue;
    }
    const beforeService = serviceOf(rc.change.before);
    const afterService = serviceOf(rc.change.after);
    if (kind !== 'create' && beforeService) before.set(beforeService, (before.get(beforeService) ?? 0) + 1);
    if (kind !== 'delete' && kind !== 'forget' && afterService) after.set(afterService, (after.get(afterService) ?? 0) + 1);
    const name = stringAt(rc.change.before, 'alert');
    if (kind === 'delete') {
      deletedAlerts.push({ address: rc.address, name, service: beforeService });
      counted.push({ kind: 'alertDeletes', address: rc.address, action: 'delete', name });
      if (beforeService) deletedByService.set(beforeService, (deletedByService.get(beforeService) ?? 0) + 1);
    } else if (
      (kind === 'update' || kind === 'replace') &&
      !isDisabled(rc.type, rc.change.before) &&
      isDisabled(rc.type, rc.change.after) &&
      (isCritical(rc.type, rc.change.before) || isCritical(rc.type, rc.change.after))
    ) {
      counted.push({ kind: 'criticalAlertsDisabled', address: rc.address, action: 'disable', name });
    }
  }
  const tallies: DestroyTally[] = (Object.keys(DESTROY_KINDS) as DestroyKind[]).map((kind) => {
    const count = counted.filter((c) => c.kind === kind).length;
    return { kind, label: DESTROY_KINDS[kind].label, count, budget: budgets[kind], exceeded: count > budgets[kind] };
  });
  const wipedServices = [...deletedByService.entries()]
    .filter(([service]) => (before.get(service) ?? 0) > 0 && (after.get(service) ?? 0) === 0)
    .map(([service, deleted]) => ({ service, deleted }))
    .sort((a, b) => a.service.localeCompare(b.service));
  const reasons: string[] = [];
  for (const tally of tallies) {
    if (tally.exceeded) reasons.push(`${tally.count} ${tally.label}, more than the budget of ${tally.budget} (${DESTROY_KINDS[tally.kind].configKey})`);
  }
  for (const { service, deleted } of wipedServices) {
    reasons.push(`the plan deletes every alert of service "${service}" (${deleted})`);
  }
  return { maxAlertDeletes: budgets.alertDeletes, deletedAlerts, counted, tallies, wipedServices, exceeded: reasons.length > 0, reasons };
}

/** One line saying what was counted: `0 alerts deleted (budget 5), 2 notification channels deleted or replaced (budget 1), ...`. */
export function describeDestroyTallies(result: DestroyBudgetResult): string {
  return result.tallies.map((t) => `${t.count} ${t.label} (budget ${t.budget})`).join(', ');
}

/** True when the environment grants the override (`SIGNOZ_ALERTS_ALLOW_DESTROY=1` or `true`). */
export function destroyAllowedByEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[ALLOW_DESTROY_ENV]?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
