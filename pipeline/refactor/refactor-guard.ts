/**
 * Refactor guard. cdktf derives Terraform addresses from construct paths, so moving or renaming a
 * construct turns into "delete the alert, create an identical one": the SigNoz alert gets a new ID
 * and loses its history, silences and links. A delete and a create of the same resource type whose
 * content is equal (ignoring IDs and values only known after apply) is almost always such a move;
 * this module pairs them and says how to keep the identity.
 */
import canonicalize from 'canonicalize';
import { expandJsonText } from '../diff/structural-diff';
import { changeKindOf } from '../plan/change-kind';
import type { ResourceChange } from '../plan/plan-json';
import { ignoredAttributes } from '../resources/resource-category';
import { isPlainObject } from '../../constructs/util/json';

export interface RefactorMove {
  readonly type: string;
  /** Address being deleted (the old construct path). */
  readonly from: string;
  /** Address being created with the same content (the new construct path). */
  readonly to: string;
}

type Attributes = Record<string, unknown>;

/** Attribute names of a create that take part in the comparison: known now, not IDs or computed echoes. */
function comparedKeys(rc: ResourceChange): string[] {
  const after = isPlainObject(rc.change.after) ? rc.change.after : {};
  const unknown = isPlainObject(rc.change.after_unknown) ? rc.change.after_unknown : {};
  const ignored = ignoredAttributes(rc.type);
  return Object.keys(after)
    .filter((key) => !ignored.has(key) && unknown[key] !== true)
    .sort();
}

function contentKey(attributes: unknown, keys: readonly string[]): string | undefined {
  if (!isPlainObject(attributes)) return undefined;
  const picked: Attributes = {};
  for (const key of keys) picked[key] = attributes[key] ?? null;
  return canonicalize(expandJsonText(picked));
}

function hasMeaningfulContent(keys: readonly string[], attributes: unknown): boolean {
  return isPlainObject(attributes) && keys.some((key) => attributes[key] !== null && attributes[key] !== undefined);
}

/** Pairs each pure delete with a pure create of equal content in the same plan (first by address). */
export function findRefactorMoves(changes: readonly ResourceChange[]): RefactorMove[] {
  const creates = new Map<string, { keys: string[]; byContent: Map<string, ResourceChange[]> }>();
  const deletes: ResourceChange[] = [];
  for (const rc of [...changes].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))) {
    if (rc.mode === 'data' || rc.deposed !== undefined) continue;
    const kind = changeKindOf(rc.change.actions);
    if (kind === 'delete') deletes.push(rc);
    if (kind !== 'create') continue;
    const keys = comparedKeys(rc);
    if (!hasMeaningfulContent(keys, rc.change.after)) continue;
    const group = `${rc.type}\u0000${keys.join('\u0000')}`;
    let entry = creates.get(group);
    if (!entry) creates.set(group, (entry = { keys, byContent: new Map() }));
    const key = contentKey(rc.change.after, keys)!;
    const list = entry.byContent.get(key);
    if (list) list.push(rc);
    else entry.byContent.set(key, [rc]);
  }
  const groupsByType = new Map<string, { keys: string[]; byContent: Map<string, ResourceChange[]> }[]>();
  for (const [group, entry] of creates) {
    const type = group.split('\u0000', 1)[0]!;
    const list = groupsByType.get(type) ?? [];
    list.push(entry);
    groupsByType.set(type, list);
  }
  const moves: RefactorMove[] = [];
  for (const rc of deletes) {
    for (const entry of groupsByType.get(rc.type) ?? []) {
      const key = contentKey(rc.change.before, entry.keys);
      const candidates = key === undefined ? undefined : entry.byContent.get(key);
      const target = candidates?.shift();
      if (target) {
        moves.push({ type: rc.type, from: rc.address, to: target.address });
        break;
      }
    }
  }
  return moves;
}

/** The resource name part of an address (`signoz_rule.cpu_high_1A2B3C4D` -> `cpu_high_1A2B3C4D`). */
export function logicalIdOf(address: string): string {
  const withoutIndex = address.replace(/\[[^\]]*\]$/, '');
  return withoutIndex.slice(withoutIndex.lastIndexOf('.') + 1);
}

/** The Terraform `moved` block that keeps the object's identity. */
export function movedBlock(move: RefactorMove): string {
  return `moved {\n  from = ${move.from}\n  to   = ${move.to}\n}`;
}

/** How to keep the identity from TypeScript, in one line. */
export function cdktfMoveHint(move: RefactorMove): string {
  return (
    `in cdktf, keep the old address on the moved construct with \`resource.overrideLogicalId('${logicalIdOf(move.from)}')\`, ` +
    `or emit the moved block from the stack with \`stack.addOverride('moved', [{ from: '${move.from}', to: '${move.to}' }])\` ` +
    `(\`moveTo\`/\`moveFromId\` only work while the old resource is still defined)`
  );
}
