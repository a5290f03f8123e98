/**
 * Leaf-level differences between two JSON values, with two rules a reviewer expects: JSON text
 * inside a string is compared as structure (reformatting is not a change), and lists of plain
 * values are compared as sets (channel lists, label keys: "added x, removed y", not "item 2 changed").
 */
import diff from 'microdiff';
import { parseJsonInput } from '../../constructs/util/parse-input';

export type DiffPath = readonly (string | number)[];

export type LeafDifference =
  | { readonly type: 'change'; readonly path: DiffPath; readonly before: unknown; readonly after: unknown }
  | { readonly type: 'add'; readonly path: DiffPath; readonly after: unknown }
  | { readonly type: 'remove'; readonly path: DiffPath; readonly before: unknown }
  /** Members added to or removed from a list of plain values. */
  | { readonly type: 'set'; readonly path: DiffPath; readonly added: readonly string[]; readonly removed: readonly string[] }
  /** Same members, different order. */
  | { readonly type: 'reorder'; readonly path: DiffPath };

/** Prototype that marks a list of plain values turned into a set for comparison. */
const SET_MARK: object = Object.freeze(Object.create(null) as object);

function isPlainScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function parseJsonText(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  const parsed = parseJsonInput(text);
  return 'error' in parsed ? undefined : parsed.value;
}

/**
 * Replaces JSON text found in strings by the structure it holds, at any depth. Subtrees holding no
 * JSON text are returned as they are (shared, not copied): the callers only read the result.
 */
export function expandJsonText(value: unknown): unknown {
  if (typeof value === 'string') {
    const parsed = parseJsonText(value);
    return parsed === undefined ? value : expandJsonText(parsed);
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const expanded = expandJsonText(item);
      if (expanded !== item) (out ??= value.slice())[i] = expanded;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const expanded = expandJsonText(item);
      if (expanded !== item) (out ??= { ...record })[key] = expanded;
    }
    return out ?? value;
  }
  return value;
}

/** Prepares an expanded value for comparison: scalar lists become marked sets. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isPlainScalar)) {
      const set = Object.create(SET_MARK) as Record<string, true>;
      for (const item of value) set[String(item)] = true;
      return set;
    }
    return value.map(comparable);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = comparable(item);
    return out;
  }
  return value;
}

function isMarkedSet(value: unknown): value is Record<string, true> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === SET_MARK;
}

function at(root: unknown, path: DiffPath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Turns marked sets back into sorted lists for display. */
export function uncomparable(value: unknown): unknown {
  if (isMarkedSet(value)) return Object.keys(value).sort();
  if (Array.isArray(value)) return value.map(uncomparable);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = uncomparable(item);
    return out;
  }
  return value;
}

function sameOrderDiffers(before: unknown, after: unknown): boolean {
  return Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some((v, i) => v !== after[i]);
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Same JSON data, key order aside; stricter than the comparison below (no JSON text, no sets), so equal here is never a difference there. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** `record` without the members pruned from it: left out when same on both sides (`undefined`), else the pruned member of this side. */
function withoutPruned(record: Record<string, unknown>, pruned: ReadonlyMap<string, readonly [unknown, unknown] | undefined>, side: 0 | 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const pair = pruned.get(key);
    if (pair === undefined && pruned.has(key)) continue;
    out[key] = pair === undefined ? record[key] : pair[side];
  }
  return out;
}

/**
 * `before` and `after` without the members that hold the same data on both sides, at any depth of
 * objects: same data has no differences, so the diff below walks only what changed (an update
 * changes a few fields of a large resource). Subtrees are shared, never modified.
 */
function withoutSameMembers(before: unknown, after: unknown): readonly [unknown, unknown] {
  // an object with a member named __proto__ (JSON.parse makes one) is left whole, as the comparison below reads it
  if (!isRecord(before) || !isRecord(after) || hasOwn(before, '__proto__') || hasOwn(after, '__proto__')) return [before, after];
  let pruned: Map<string, readonly [unknown, unknown] | undefined> | undefined;
  for (const key of Object.keys(before)) {
    if (!hasOwn(after, key)) continue;
    const b = before[key];
    const a = after[key];
    if (sameData(b, a)) (pruned ??= new Map()).set(key, undefined);
    else {
      const pair = withoutSameMembers(b, a);
      if (pair[0] !== b || pair[1] !== a) (pruned ??= new Map()).set(key, pair);
    }
  }
  return pruned ? [withoutPruned(before, pruned, 0), withoutPruned(after, pruned, 1)] : [before, after];
}

/** Differences between `before` and `after`, in a stable order (by path). */
export function leafDifferences(before: unknown, after: unknown): LeafDifference[] {
  const [changedBefore, changedAfter] = withoutSameMembers(before ?? {}, after ?? {});
  const expandedBefore = expandJsonText(changedBefore);
  const expandedAfter = expandJsonText(changedAfter);
  const left = comparable(expandedBefore);
  const right = comparable(expandedAfter);
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') {
    return Object.is(left, right) ? [] : [{ type: 'change', path: [], before: uncomparable(left), after: uncomparable(right) }];
  }
  const sets = new Map<string, { path: DiffPath; added: string[]; removed: string[] }>();
  const out: LeafDifference[] = [];
  for (const d of diff(left as Record<string, unknown>, right as Record<string, unknown>, { cyclesFix: false })) {
    const parentPath = d.path.slice(0, -1);
    const member = String(d.path[d.path.length - 1]);
    const setParent = d.type === 'CREATE' ? at(right, parentPath) : d.type === 'REMOVE' ? at(left, parentPath) : undefined;
    if (isMarkedSet(setParent) && parentPath.length > 0) {
      const key = JSON.stringify(parentPath);
      let entry = sets.get(key);
      if (!entry) sets.set(key, (entry = { path: parentPath, added: [], removed: [] }));
      (d.type === 'CREATE' ? entry.added : entry.removed).push(member);
      continue;
    }
    if (d.type === 'CHANGE') out.push({ type: 'change', path: d.path, before: uncomparable(d.oldValue), after: uncomparable(d.value) });
    else if (d.type === 'CREATE') out.push({ type: 'add', path: d.path, after: uncomparable(d.value) });
    else out.push({ type: 'remove', path: d.path, before: uncomparable(d.oldValue) });
  }
  for (const entry of sets.values()) out.push({ type: 'set', path: entry.path, added: entry.added.sort(), removed: entry.removed.sort() });
  const reordered = findReorderedLists(expandedBefore, expandedAfter, []);
  out.push(...reordered.filter((path) => !sets.has(JSON.stringify(path))).map((path): LeafDifference => ({ type: 'reorder', path })));
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

function findReorderedLists(before: unknown, after: unknown, path: (string | number)[]): DiffPath[] {
  if (sameOrderDiffers(before, after) && (before as unknown[]).every(isPlainScalar)) {
    const a = [...(before as unknown[])].map(String).sort();
    const b = [...(after as unknown[])].map(String).sort();
    return a.every((v, i) => v === b[i]) ? [path] : [];
  }
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object') return [];
  if (Array.isArray(before) !== Array.isArray(after)) return [];
  const found: DiffPath[] = [];
  for (const key of Object.keys(before as object)) {
    const next = (after as Record<string, unknown>)[key];
    if (next !== undefined) found.push(...findReorderedLists((before as Record<string, unknown>)[key], next, [...path, Array.isArray(before) ? Number(key) : key]));
  }
  return found;
}

function comparePaths(a: DiffPath, b: DiffPath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** `a.b[2].c` for display. */
export function formatPath(path: DiffPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * The set leaves of a value (JSON text expanded), for showing what a create sets: nulls and empty
 * lists are unset attributes and left out; lists of plain values stay whole.
 */
export function setLeaves(value: unknown): { path: DiffPath; value: unknown }[] {
  const out: { path: DiffPath; value: unknown }[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (node === null || node === undefined) return;
    if (Array.isArray(node)) {
      if (node.length === 0) return;
      if (node.every(isPlainScalar)) out.push({ path, value: node });
      else node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (typeof node === 'object') {
      for (const key of Object.keys(node as object).sort()) walk((node as Record<string, unknown>)[key], [...path, key]);
      return;
    }
    out.push({ path, value: node });
  };
  walk(expandJsonText(value), []);
  return out;
}
