/**
 * Importing a whole SigNoz setup: each input file is recognised by its shape (rules, notification
 * channels, route policies, planned maintenance; a GET envelope `{status, data}` or the bare object
 * or list) and turned into code by its converter. Rules go through `importRules` unchanged.
 */
import { isPlainObject } from '../constructs/util/json';
import { parseJsonInput } from '../constructs/util/parse-input';
import { rulesIn } from '../constructs/codecs';
import { pointer } from '../constructs/validation/json-pointer';
import { channelToCode, type ChannelCode } from './channel-to-code';
import { constructIdFor, importRules, type ImportProblem, type ImportResult, type ImportSource } from './import-rules';
import { isMaintenanceShape, maintenanceToCode, type MaintenanceCode } from './maintenance-to-code';
import { isRoutePolicyShape, routePolicyToCode, type RoutePolicyCode } from './route-policy-to-code';

export type SetupKind = 'rules' | 'channels' | 'route policies' | 'planned maintenance';

interface Imported {
  readonly source: string;
  readonly pointer: string;
  readonly name: string;
  /** The SigNoz id, adopted with a Terraform import block. */
  readonly id?: string;
  /** Construct id in the generated code, unique within the import (rules included). */
  readonly constructId: string;
  readonly notes: readonly string[];
}

export interface ImportedChannel extends Imported {
  readonly code: ChannelCode;
}
export interface ImportedRoutePolicy extends Imported {
  readonly code: RoutePolicyCode;
}
export interface ImportedMaintenance extends Imported {
  readonly code: MaintenanceCode;
}

export interface SetupImportResult extends ImportResult {
  readonly channels: readonly ImportedChannel[];
  readonly routePolicies: readonly ImportedRoutePolicy[];
  readonly maintenanceWindows: readonly ImportedMaintenance[];
  /** Entries left out on purpose (SigNoz's rule-kind route policies), with why. */
  readonly skipped: readonly ImportProblem[];
}

export interface SetupImportOptions {
  /** Name of the scope parameter in the generated code (secrets are created in it). @default 'stack' */
  readonly stackVar?: string;
}

function isChannelShape(value: unknown): boolean {
  return isPlainObject(value) && typeof value.name === 'string' && (typeof value.data === 'string' || Object.keys(value).some((k) => k.endsWith('_configs')));
}

function isRuleShape(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const inner = isPlainObject(value.data) && value.alert === undefined ? value.data : value;
  return typeof inner.alert === 'string' || isPlainObject(inner.condition) || typeof inner.ruleType === 'string';
}

const SHAPES: readonly [Exclude<SetupKind, 'rules'>, (value: unknown) => boolean][] = [
  ['channels', isChannelShape],
  ['route policies', isRoutePolicyShape],
  ['planned maintenance', isMaintenanceShape],
];

/** The items of a document (a GET envelope's `data`, a list, or one object) and their pointers. */
function itemsOf(document: unknown): { items: unknown[]; base: string; single: boolean } {
  const envelope = isPlainObject(document) && 'data' in document && (typeof document.status === 'string' || Object.keys(document).length === 1);
  const inner = envelope ? (document as { data: unknown }).data : document;
  const base = envelope ? '/data' : '';
  return Array.isArray(inner) ? { items: inner, base, single: false } : { items: [inner], base, single: true };
}

/** What a document holds, or a one-line reason it is none of the known shapes. */
export function setupKindOf(document: unknown): { kind: SetupKind } | { error: string } {
  const { items } = itemsOf(document);
  if (items.length === 0) return { kind: 'rules' };
  for (const [kind, test] of SHAPES) {
    if (test(items[0])) {
      const other = items.findIndex((item) => !test(item));
      return other === -1 ? { kind } : { error: `the list holds ${kind} but item ${other} is not one; put each kind in its own file` };
    }
  }
  if (rulesIn(document).some((entry) => isRuleShape(entry.json) || entry.resourceType !== undefined)) return { kind: 'rules' };
  return {
    error:
      'not a SigNoz export this command reads: expected rules (/api/v2/rules), notification channels (/api/v1/channels), ' +
      'route policies (/api/v1/route_policies) or planned maintenance (/api/v1/downtime_schedules), as the GET answer {"status", "data"} or the bare object or list',
  };
}

function idOf(item: Readonly<Record<string, unknown>>): string | undefined {
  const id = item.id;
  if (typeof id === 'string' && id !== '') return id;
  return typeof id === 'number' ? String(id) : undefined;
}

/** `importRules` over the rule files, and the other kinds by their converters. */
export function importSetup(sources: readonly ImportSource[], options: SetupImportOptions = {}): SetupImportResult {
  const stackVar = options.stackVar ?? 'stack';
  const ruleSources: ImportSource[] = [];
  const problems: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  const found: { kind: Exclude<SetupKind, 'rules'>; source: string; pointer: string; item: Record<string, unknown> }[] = [];
  for (const source of sources) {
    const parsed = parseJsonInput(source.text, Number.POSITIVE_INFINITY);
    if ('error' in parsed) {
      // reported by importRules, in file order with the rules' problems
      ruleSources.push(source);
      continue;
    }
    const kind = setupKindOf(parsed.value);
    if ('error' in kind) {
      problems.push({ source: source.name, pointer: '', messages: [kind.error] });
      continue;
    }
    if (kind.kind === 'rules') {
      ruleSources.push(source);
      continue;
    }
    const { items, base, single } = itemsOf(parsed.value);
    const itemKind = kind.kind;
    items.forEach((item, index) => found.push({ kind: itemKind, source: source.name, pointer: single ? base : pointer(base, index), item: item as Record<string, unknown> }));
  }
  const rules = importRules(ruleSources);

  const usedIds = new Set(rules.rules.map((r) => r.constructId));
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}${n}`;
    usedIds.add(id);
    return id;
  };
  const usedVariables = new Set<string>();
  const uniqueVariableBase = (name: string): string => {
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    let candidate = base;
    for (let n = 2; usedVariables.has(candidate); n++) candidate = `${base}_${n}`;
    usedVariables.add(candidate);
    return candidate;
  };
  const seen = new Map<string, string>();
  const once = (what: string, key: string | undefined, where: string): string | undefined => {
    if (key === undefined) return undefined;
    const first = seen.get(`${what}\u0000${key}`);
    if (first !== undefined) return `${what} ${JSON.stringify(key)} was already imported from ${first}`;
    seen.set(`${what}\u0000${key}`, where);
    return undefined;
  };

  const channels: ImportedChannel[] = [];
  const routePolicies: ImportedRoutePolicy[] = [];
  const maintenanceWindows: ImportedMaintenance[] = [];
  for (const { kind, source, pointer: at, item } of found) {
    const where = at === '' ? source : `${source}#${at}`;
    const name = typeof item.name === 'string' ? item.name : '';
    const problem = (messages: string[]): void => void problems.push({ source, pointer: at, ...(name !== '' ? { alert: name } : {}), messages });
    const id = idOf(item);
    if (kind === 'channels') {
      let receiver: unknown = item;
      if (typeof item.data === 'string') {
        const parsed = parseJsonInput(item.data);
        if ('error' in parsed) {
          problem([`data: the receiver is not JSON (${parsed.error.split(':')[0]})`]);
          continue;
        }
        receiver = parsed.value;
      }
      if (!isPlainObject(receiver)) {
        problem(['data: the receiver is not a JSON object']);
        continue;
      }
      if (receiver.name !== name) {
        problem([`data/name: the receiver is named ${JSON.stringify(receiver.name)}, the channel ${JSON.stringify(name)}`]);
        continue;
      }
      const duplicate = once('channel', name, where) ?? once('channel id', id, where);
      if (duplicate) {
        problem([`${duplicate}; SigNoz channel names are unique`]);
        continue;
      }
      const converted = channelToCode(receiver, uniqueVariableBase(name), stackVar);
      if ('problems' in converted) problem(converted.problems);
      else
        channels.push({
          source,
          pointer: at,
          name,
          ...(id !== undefined ? { id } : {}),
          constructId: uniqueId(`${constructIdFor(name)}Channel`),
          notes: converted.notes,
          code: converted.code,
        });
    } else if (kind === 'route policies') {
      const converted = routePolicyToCode(item);
      if ('problems' in converted) {
        (converted.skipped ? skipped : problems).push({ source, pointer: at, ...(name !== '' ? { alert: name } : {}), messages: converted.problems });
        continue;
      }
      const duplicate = once('route policy id', id, where);
      if (duplicate) problem([duplicate]);
      else
        routePolicies.push({
          source,
          pointer: at,
          name,
          ...(id !== undefined ? { id } : {}),
          constructId: uniqueId(`${constructIdFor(name)}Policy`),
          notes: [],
          code: converted.code,
        });
    } else {
      const converted = maintenanceToCode(item);
      if ('problems' in converted) {
        problem(converted.problems);
        continue;
      }
      const duplicate = once('planned maintenance id', id, where);
      if (duplicate) problem([duplicate]);
      else
        maintenanceWindows.push({
          source,
          pointer: at,
          name,
          ...(id !== undefined ? { id } : {}),
          constructId: uniqueId(`${constructIdFor(name)}Maintenance`),
          notes: converted.notes,
          code: converted.code,
        });
    }
  }
  return { rules: rules.rules, problems: [...rules.problems, ...problems], channels, routePolicies, maintenanceWindows, skipped };
}

/** Every secret variable the imported channels need, sorted, with where each value goes. */
export function importedSecrets(channels: readonly ImportedChannel[]): { variable: string; channel: string; field: string }[] {
  return channels
    .flatMap((c) => c.code.secrets.map((s) => ({ variable: s.variable, channel: c.name, field: s.field })))
    .sort((a, b) => (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0));
}
