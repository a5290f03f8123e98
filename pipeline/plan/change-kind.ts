/**
 * What a resource change does, in one word, from Terraform's `change.actions` list. Terraform may
 * add combinations in future minor versions; anything unrecognised that contains "delete" is
 * treated as a delete, so no destructive change is ever shown as harmless.
 */
import type { ResourceChange } from './plan-json';

export type ChangeKind =
  | 'create'
  | 'update'
  | 'replace'
  | 'delete'
  | 'read'
  | 'forget'
  /** `["create","forget"]`: a new object is created and the old one is left unmanaged. */
  | 'replace-forget'
  | 'no-op'
  /** A combination this version does not know and that deletes nothing. */
  | 'unknown';

export function changeKindOf(actions: readonly string[]): ChangeKind {
  const key = actions.join(',');
  switch (key) {
    case 'no-op':
      return 'no-op';
    case 'create':
      return 'create';
    case 'read':
      return 'read';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    case 'forget':
      return 'forget';
    case 'create,forget':
      return 'replace-forget';
    default:
      if (actions.includes('delete')) return actions.includes('create') ? 'replace' : 'delete';
      return 'unknown';
  }
}

/** True when the entry does something: no-ops are dropped unless they move or import the object. */
export function isEffectiveChange(rc: ResourceChange): boolean {
  return changeKindOf(rc.change.actions) !== 'no-op' || rc.previous_address !== undefined || isImport(rc);
}

export function isImport(rc: ResourceChange): boolean {
  return rc.change.importing !== undefined && rc.change.importing !== null;
}

/** The symbol Terraform's own plan output uses for each kind, for compact tables. */
export const CHANGE_SYMBOL: Readonly<Record<ChangeKind, string>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  read: '<=',
  forget: '.',
  'replace-forget': '+/.',
  'no-op': ' ',
  unknown: '?',
};

/** Review order: what can lose alert coverage first, harmless reads last. */
export const CHANGE_RISK_ORDER: Readonly<Record<ChangeKind, number>> = {
  delete: 0,
  replace: 1,
  'replace-forget': 2,
  forget: 3,
  update: 4,
  unknown: 4,
  create: 5,
  'no-op': 6,
  read: 7,
};
