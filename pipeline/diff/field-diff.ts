/**
 * One reviewed difference, already in display form: a label a reviewer understands ("tier
 * critical: threshold") and the two sides as text. Values are masked before they get here; a
 * secret that changed shows as `(sensitive, changed)`, never as either value.
 */
import canonicalize from 'canonicalize';
import { displayMasked, isMaskedPlaceholder } from '../masking/redactor';
import type { DiffPath, LeafDifference } from './structural-diff';
import { isPlainObject } from '../../constructs/util/json';

export interface FieldDiff {
  /** What changed, in reviewer words. */
  readonly field: string;
  /** Display text of the old value; absent for additions and set changes. */
  readonly before?: string;
  /** Display text of the new value; absent for removals and set changes. */
  readonly after?: string;
  /** Members added to a list compared as a set. */
  readonly added?: readonly string[];
  /** Members removed from a list compared as a set. */
  readonly removed?: readonly string[];
}

/** Placeholder Terraform's `after_unknown` leaves turn into. */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** Display text of a plan value (masked placeholders become `(sensitive)` / `(redacted)`). */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return displayMasked(value);
  if (value === null || typeof value !== 'object') return String(value);
  return displayMasked(canonicalize(value) ?? '');
}

/** Turns a structural difference into a `FieldDiff` with `label(path)` as its field name. */
export function toFieldDiff(d: LeafDifference, label: (path: DiffPath) => string): FieldDiff {
  const field = label(d.path);
  switch (d.type) {
    case 'change':
      if (isMaskedPlaceholder(d.before) && isMaskedPlaceholder(d.after)) {
        return { field, before: formatValue(d.before), after: `${formatValue(d.after).slice(0, -1)}, changed)` };
      }
      return { field, before: formatValue(d.before), after: formatValue(d.after) };
    case 'add':
      return { field, after: formatValue(d.after) };
    case 'remove':
      return { field, before: formatValue(d.before) };
    case 'set':
      return { field, added: d.added.map(displayMasked), removed: d.removed.map(displayMasked) };
    case 'reorder':
      return { field, before: '(same items)', after: '(new order)' };
  }
}

/**
 * Puts Terraform's `(known after apply)` placeholder where `after_unknown` marks a value unknown,
 * so a diff shows it instead of a removal.
 */
export function withUnknownValues(after: unknown, afterUnknown: unknown, placeholder: unknown = KNOWN_AFTER_APPLY): unknown {
  if (afterUnknown === true) return placeholder;
  if (afterUnknown === null || typeof afterUnknown !== 'object' || !hasUnknownLeaf(afterUnknown)) return after;
  if (Array.isArray(afterUnknown)) {
    const base: unknown[] = Array.isArray(after) ? [...(after as unknown[])] : [];
    afterUnknown.forEach((mark, i) => {
      if (mark !== false && mark !== undefined) base[i] = withUnknownValues(base[i], mark, placeholder);
    });
    return base;
  }
  const base: Record<string, unknown> = isPlainObject(after) ? { ...after } : {};
  for (const [key, mark] of Object.entries(afterUnknown as Record<string, unknown>)) {
    if (mark === true || (mark !== null && typeof mark === 'object')) base[key] = withUnknownValues(base[key], mark, placeholder);
  }
  return base;
}

function hasUnknownLeaf(mark: unknown): boolean {
  if (mark === true) return true;
  if (mark === null || typeof mark !== 'object') return false;
  return Object.values(mark as Record<string, unknown>).some(hasUnknownLeaf);
}
