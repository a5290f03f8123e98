/**
 * The approval fingerprint of a plan: sha256 over the canonical JSON (RFC 8785) of what the plan
 * would do, and nothing else:
 * - `resource_changes[]` without plain no-ops (moves and imports stay), each reduced to
 *   `{address, deposed, previous_address, actions, before, after}` and sorted by address, with
 *   values unknown until apply marked as such;
 * - `output_changes` without no-ops, as `{actions, before, after}`.
 * Sensitive leaves (`*_sensitive`) are replaced by a salted hash, so the fingerprint changes when
 * a secret changes but can be published without revealing it. The salt comes from the environment
 * variable `SIGNOZ_ALERTS_FINGERPRINT_SALT` (a CI secret); the record names the salt only by a short
 * hash of it, so a fingerprint is never compared with one made under another salt.
 * Timestamps, Terraform's version, variables and refresh noise are not part of it, so planning the
 * same change twice gives the same fingerprint.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { withUnknownValues } from '../diff/field-diff';
import { isEffectiveChange, changeKindOf } from '../plan/change-kind';
import type { PlanChange, TerraformPlan } from '../plan/plan-json';

export const FINGERPRINT_SALT_ENV = 'SIGNOZ_ALERTS_FINGERPRINT_SALT';
export const UNSALTED = 'unsalted';
const UNKNOWN_MARK = { $unknown: true };

export interface FingerprintRecord {
  readonly version: 1;
  /** `sha256:<hex>` */
  readonly fingerprint: string;
  /** Which salt hashed the sensitive leaves: `unsalted`, or a short hash of the salt. */
  readonly saltId: string;
  readonly resourceChanges: number;
  readonly outputChanges: number;
  readonly terraformVersion: string | null;
  readonly formatVersion: string;
  /** Hash of the synthesized stack the plan was made from (`sha256:<hex>`), when known. */
  readonly synthHash: string | null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function saltIdOf(salt: string | undefined): string {
  return salt ? sha256(`signoz-alerts salt id\u0000${salt}`).slice(0, 16) : UNSALTED;
}

function hashSensitive(value: unknown, sensitive: unknown, salt: string): unknown {
  if (sensitive === true) return { $sensitive: sha256(`${salt}\u0000${canonicalize(value ?? null) ?? ''}`) };
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const shape = Array.isArray(sensitive) ? sensitive : [];
    return value.map((item, i) => hashSensitive(item, shape[i], salt));
  }
  const shape = sensitive !== null && typeof sensitive === 'object' ? (sensitive as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = hashSensitive(item, shape[key], salt);
  return out;
}

function reducedChange(change: PlanChange, salt: string): Record<string, unknown> {
  return {
    actions: change.actions,
    before: hashSensitive(change.before ?? null, change.before_sensitive, salt),
    after: hashSensitive(withUnknownValues(change.after ?? null, change.after_unknown, UNKNOWN_MARK), change.after_sensitive, salt),
  };
}

/** What the fingerprint covers, as plain data (exposed for tests and debugging). */
export function fingerprintContent(plan: TerraformPlan, salt: string | undefined): { resource_changes: unknown[]; output_changes: Record<string, unknown> } {
  const pepper = salt ?? '';
  const resourceChanges = plan.resourceChanges
    .filter(isEffectiveChange)
    .map((rc) => ({
      address: rc.address,
      deposed: rc.deposed ?? null,
      previous_address: rc.previous_address ?? null,
      ...reducedChange(rc.change, pepper),
    }))
    .sort((a, b) => (a.address === b.address ? String(a.deposed).localeCompare(String(b.deposed)) : a.address < b.address ? -1 : 1));
  const outputChanges: Record<string, unknown> = {};
  for (const [name, change] of Object.entries(plan.outputChanges)) {
    if (changeKindOf(change.actions) !== 'no-op') outputChanges[name] = reducedChange(change, pepper);
  }
  return { resource_changes: resourceChanges, output_changes: outputChanges };
}

export function planFingerprint(plan: TerraformPlan, salt: string | undefined, synthHash: string | null = null): FingerprintRecord {
  const content = fingerprintContent(plan, salt);
  return {
    version: 1,
    fingerprint: `sha256:${sha256(canonicalize(content) ?? '')}`,
    saltId: saltIdOf(salt),
    resourceChanges: content.resource_changes.length,
    outputChanges: Object.keys(content.output_changes).length,
    terraformVersion: plan.terraformVersion ?? null,
    formatVersion: plan.formatVersion,
    synthHash,
  };
}

/** Where the fingerprint record of a plan file goes by default: next to it. */
export function defaultFingerprintPath(planFile: string): string {
  return `${planFile.replace(/\.json$/i, '')}.fingerprint.json`;
}
