/**
 * The last check before `terraform apply <saved plan>`: the plan about to be applied is the one
 * that was reviewed (same fingerprint), nothing changed since (an optional fresh plan has the same
 * fingerprint too), and it stays within the destroy budget unless someone explicitly allowed more.
 */
import { isToolkitError } from '../../constructs/model/toolkit-error';
import { readInputFile } from '../../constructs/util/read-input-file';
import { parseJsonInput } from '../../constructs/util/parse-input';
import { z } from 'zod';
import { PipelineInputError } from '../errors';
import type { TerraformPlan } from '../plan/plan-json';
import { evaluateDestroyBudget, ALLOW_DESTROY_ENV } from './destroy-budget';
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
  let read: ReturnType<typeof parseJsonInput>;
  try {
    read = parseJsonInput(readInputFile(file));
  } catch (err) {
    if (isToolkitError(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PipelineInputError(code === 'ENOENT' ? 'no such fingerprint file.' : `cannot read (${code ?? String(err)}).`, { file }, 'fingerprint record');
  }
  if ('error' in read) throw new PipelineInputError(`not a fingerprint record (${read.error}).`, { file }, 'fingerprint record');
  const raw = read.value;
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

export interface ApplyGuardInput {
  readonly plan: TerraformPlan;
  readonly expected: ExpectedFingerprint;
  /** A plan made just now from the same code and state, to prove nothing moved since review. */
  readonly replan?: TerraformPlan;
  readonly salt: string | undefined;
  readonly maxAlertDeletes: number;
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
    messages.push(`ok: ${budget.deletedAlerts.length} alert deletes, within the budget of ${budget.maxAlertDeletes}.`);
  } else if (input.allowDestroy) {
    messages.push(`allowed by override: ${budget.reasons.join('; ')}.`);
  } else {
    ok = false;
    messages.push(
      `REFUSED: destroy budget exceeded: ${budget.reasons.join('; ')}. If this is intended, apply with --allow-destroy (or ${ALLOW_DESTROY_ENV}=1), or raise maxAlertDeletes in signoz-alerts.pipeline.json.`,
    );
    for (const alert of budget.deletedAlerts.slice(0, 20)) {
      messages.push(`  deletes ${alert.address}${alert.name ? ` "${alert.name}"` : ''}${alert.service ? ` (service ${alert.service})` : ''}`);
    }
    if (budget.deletedAlerts.length > 20) messages.push(`  and ${budget.deletedAlerts.length - 20} more`);
  }
  return { ok, messages, planFingerprint: actual };
}
