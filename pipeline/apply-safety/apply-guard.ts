/**
 * The last check before `terraform apply <saved plan>`: the plan about to be applied is the one
 * that was reviewed (same fingerprint), nothing changed since (an optional fresh plan has the same
 * fingerprint too), and it stays within the destroy budget unless someone explicitly allowed more.
 */
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { z } from 'zod';
import { PipelineInputError } from '../errors';
import type { TerraformPlan } from '../plan/plan-json';
import { evaluateDestroyBudget, describeDestroyTallies, ALLOW_DESTROY_ENV, type DestroyBudgets } from './destroy-budget';
import { planFingerprint, type FingerprintRecord } from './plan-fingerprint';

const recordSchema = z.looseObject({
  version: z.literal(1),
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  saltId: z.string().min(1),
});

/** The reviewed fingerprint: from a record file, or given directly (then its salt is not known). */
export interface ExpectedFingerprint {
  readonly fingerprint: string;
  readonly saltId?: string;
}

export function readFingerprintRecord(file: string): ExpectedFingerprint {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file));
  } catch (err) {
    if (isToolkitError(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PipelineInputError(
      code === 'ENOENT' ? 'no such fingerprint file.' : `not a fingerprint record (${err instanceof Error ? err.message : String(err)}).`,
      { file },
      'fingerprint record',
    );
  }
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PipelineInputError(
      `not a fingerprint record written by \`signoz-alerts plan-fingerprint\` (${parsed.error.issues[0]!.message} at /${parsed.error.issues[0]!.path.join('/')}).`,
      { file },
      'fingerprint record',
    );
  }
  return { fingerprint: parsed.data.fingerprint, saltId: parsed.data.saltId };
}

export function parseExpectedFingerprint(text: string): ExpectedFingerprint {
  const value = text.trim();
  if (!/^sha256:[0-9a-f]{64}$/.test(value)) {
    throw new PipelineInputError(`must look like sha256:<64 hex digits>, got "${value}".`, {}, 'expected fingerprint');
  }
  return { fingerprint: value };
}

/** Changes listed per kind over budget when the guard refuses. */
const LISTED_PER_KIND = 10;

export interface ApplyGuardInput {
  readonly plan: TerraformPlan;
  readonly expected: ExpectedFingerprint;
  /** A plan made just now from the same code and state, to prove nothing moved since review. */
  readonly replan?: TerraformPlan;
  readonly salt: string | undefined;
  /** The alert-delete budget alone (the others default), or every budget. */
  readonly maxAlertDeletes: number | Partial<DestroyBudgets>;
  readonly allowDestroy: boolean;
}

export interface ApplyGuardResult {
  readonly ok: boolean;
  /** One line each, for people: what was checked, and what to do when a check fails. */
  readonly messages: readonly string[];
  readonly planFingerprint: FingerprintRecord;
}

export function applyGuard(input: ApplyGuardInput): ApplyGuardResult {
  const messages: string[] = [];
  let ok = true;
  const actual = planFingerprint(input.plan, input.salt);
  if (input.expected.saltId !== undefined && input.expected.saltId !== actual.saltId) {
    ok = false;
    messages.push(
      `REFUSED: the reviewed fingerprint was made with another salt (${input.expected.saltId}, here ${actual.saltId}); set the same SIGNOZ_ALERTS_FINGERPRINT_SALT in the plan and apply jobs.`,
    );
  } else if (actual.fingerprint !== input.expected.fingerprint) {
    ok = false;
    messages.push(
      `REFUSED: this plan is not the reviewed one (reviewed ${input.expected.fingerprint}, this plan ${actual.fingerprint}). Re-run the plan check and review the new summary.`,
    );
  } else {
    messages.push(`ok: the plan matches the reviewed fingerprint ${actual.fingerprint} (${actual.resourceChanges} resource changes, ${actual.outputChanges} output changes).`);
  }
  if (input.replan) {
    const fresh = planFingerprint(input.replan, input.salt);
    if (fresh.fingerprint !== input.expected.fingerprint) {
      ok = false;
      messages.push(
        `REFUSED: a fresh plan differs from the reviewed one (fresh ${fresh.fingerprint}): the code, the state or SigNoz changed since review. Re-run the plan check and review again.`,
      );
    } else {
      messages.push('ok: a fresh plan has the same fingerprint; nothing changed since review.');
    }
  }
  const budget = evaluateDestroyBudget(input.plan.resourceChanges, input.maxAlertDeletes);
  if (!budget.exceeded) {
    messages.push(`ok: destroy budget: ${describeDestroyTallies(budget)}.`);
  } else if (input.allowDestroy) {
    messages.push(`allowed by override: ${budget.reasons.join('; ')} (counted: ${describeDestroyTallies(budget)}).`);
  } else {
    ok = false;
    messages.push(
      `REFUSED: destroy budget exceeded: ${budget.reasons.join('; ')}. Counted: ${describeDestroyTallies(budget)}. If this is intended, apply with --allow-destroy (or ${ALLOW_DESTROY_ENV}=1), or raise the budget in signoz-alerts.pipeline.json.`,
    );
    const services = new Map(budget.deletedAlerts.map((a) => [a.address, a.service]));
    // A few of each kind over budget, so every kind that broke its budget is named.
    for (const tally of budget.tallies.filter((t) => t.exceeded || (t.kind === 'alertDeletes' && budget.wipedServices.length > 0))) {
      const items = budget.counted.filter((c) => c.kind === tally.kind);
      for (const item of items.slice(0, LISTED_PER_KIND)) {
        const service = services.get(item.address);
        const verb = item.action === 'disable' ? 'disables' : item.action === 'replace' ? 'replaces' : 'deletes';
        messages.push(`  ${verb} ${item.address}${item.name ? ` "${item.name}"` : ''}${service ? ` (service ${service})` : ''}`);
      }
      if (items.length > LISTED_PER_KIND) messages.push(`  and ${items.length - LISTED_PER_KIND} more ${tally.label}`);
    }
  }
  return { ok, messages, planFingerprint: actual };
}
