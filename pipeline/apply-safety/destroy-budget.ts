/**
 * Destroy budget: a plan that deletes more than N alerts, or every alert of a service (by the
 * `service` label), is not applied without an explicit override. Only pure deletes count; a
 * replacement keeps an alert (with a new ID, which the summary's banner and refactor guard cover),
 * and `forget` leaves the alert running in SigNoz.
 */
import { changeKindOf } from '../plan/change-kind';
import type { ResourceChange } from '../plan/plan-json';
import { ALERT_RESOURCE_TYPES } from '../resources/resource-category';
import { valueAt } from '../../constructs/util/json';

/** Default for `--max-alert-deletes` and the config file's `maxAlertDeletes`. */
export const DEFAULT_MAX_ALERT_DELETES = 5;

/** Environment variable that overrides the budget, like `--allow-destroy` (value `1` or `true`). */
export const ALLOW_DESTROY_ENV = 'SIGNOZ_ALERTS_ALLOW_DESTROY';

export interface DeletedAlert {
  readonly address: string;
  readonly name: string | undefined;
  readonly service: string | undefined;
}

export interface DestroyBudgetResult {
  readonly maxAlertDeletes: number;
  readonly deletedAlerts: readonly DeletedAlert[];
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

export function evaluateDestroyBudget(changes: readonly ResourceChange[], maxAlertDeletes: number = DEFAULT_MAX_ALERT_DELETES): DestroyBudgetResult {
  const deletedAlerts: DeletedAlert[] = [];
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const deletedByService = new Map<string, number>();
  for (const rc of changes) {
    if (!ALERT_RESOURCE_TYPES.has(rc.type) || rc.mode === 'data') continue;
    const kind = changeKindOf(rc.change.actions);
    const beforeService = serviceOf(rc.change.before);
    const afterService = serviceOf(rc.change.after);
    if (kind !== 'create' && beforeService) before.set(beforeService, (before.get(beforeService) ?? 0) + 1);
    if (kind !== 'delete' && kind !== 'forget' && afterService) after.set(afterService, (after.get(afterService) ?? 0) + 1);
    if (kind === 'delete') {
      const name = valueAt(rc.change.before, 'alert');
      deletedAlerts.push({ address: rc.address, name: typeof name === 'string' ? name : undefined, service: beforeService });
      if (beforeService) deletedByService.set(beforeService, (deletedByService.get(beforeService) ?? 0) + 1);
    }
  }
  const wipedServices = [...deletedByService.entries()]
    .filter(([service]) => (before.get(service) ?? 0) > 0 && (after.get(service) ?? 0) === 0)
    .map(([service, deleted]) => ({ service, deleted }))
    .sort((a, b) => a.service.localeCompare(b.service));
  const reasons: string[] = [];
  if (deletedAlerts.length > maxAlertDeletes) {
    reasons.push(`the plan deletes ${deletedAlerts.length} alerts, more than the budget of ${maxAlertDeletes}`);
  }
  for (const { service, deleted } of wipedServices) {
    reasons.push(`the plan deletes every alert of service "${service}" (${deleted})`);
  }
  return { maxAlertDeletes, deletedAlerts, wipedServices, exceeded: reasons.length > 0, reasons };
}

/** True when the environment grants the override (`SIGNOZ_ALERTS_ALLOW_DESTROY=1` or `true`). */
export function destroyAllowedByEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[ALLOW_DESTROY_ENV]?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
