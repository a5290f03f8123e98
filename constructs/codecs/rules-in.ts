/**
 * Where the rules of a JSON document are: one rule, a list of rules, SigNoz's list responses
 * (`{status, data: [...]}`, `{data: {rules: [...]}}`), Terraform JSON such as cdktf's
 * `cdk.tf.json` (`signoz_rule` / `signoz_alert` resources), or a plan's `planned_values`.
 * Each entry is read with `decodeRule`; this module only finds them.
 */
import { configAttributeValuesWithin } from '../model/terraform-literal';
import { isPlainObject } from '../util/json';
import { MAX_NESTING_DEPTH, MAX_RULE_NESTING_DEPTH } from '../util/parse-input';
import { pointer } from '../validation/json-pointer';
import { decodeRule, type DecodedRule, type DecodeRuleOptions } from './decode-rule';

/** Terraform resource types that carry a SigNoz alert rule. */
export const RULE_RESOURCE_TYPES = ['signoz_rule', 'signoz_alert'] as const;
export type RuleResourceType = (typeof RULE_RESOURCE_TYPES)[number];

export function isRuleResourceType(type: string): type is RuleResourceType {
  return (RULE_RESOURCE_TYPES as readonly string[]).includes(type);
}

/** One rule found in a document, not yet read. */
export interface RuleEntry {
  /** JSON Pointer of the rule in its document (`""` when the document is the rule). */
  readonly pointer: string;
  /** Terraform address (`signoz_rule.payments_latency`) for resources; else the pointer. */
  readonly address: string;
  /** The Terraform resource type, for resources. */
  readonly resourceType?: RuleResourceType;
  /** The rule's `alert` name ('' when it has none). */
  readonly name: string;
  /** The rule's JSON (resource attributes with Terraform's template escapes undone). */
  readonly json: unknown;
}

/** A rule found and read. */
export interface ReadRule extends RuleEntry {
  readonly decoded: DecodedRule;
}

function nameOf(rule: unknown): string {
  if (!isPlainObject(rule)) return '';
  const inner = isPlainObject(rule.data) && rule.alert === undefined ? rule.data : rule;
  return typeof inner.alert === 'string' ? inner.alert : '';
}

function listed(items: readonly unknown[], base: string): RuleEntry[] {
  return items.map((json, index) => {
    const at = pointer(base, index);
    return { pointer: at, address: at, name: nameOf(json), json };
  });
}

function terraformResources(resource: Record<string, unknown>): RuleEntry[] {
  const found: RuleEntry[] = [];
  for (const type of RULE_RESOURCE_TYPES) {
    const blocks = resource[type];
    if (!isPlainObject(blocks)) continue;
    for (const id of Object.keys(blocks).sort()) {
      const block = blocks[id];
      if (!isPlainObject(block)) continue;
      // The `//` comment holds cdktf's metadata, not attributes.
      const { '//': _metadata, ...attributes } = block;
      // Synthesized configuration escapes Terraform template syntax; read the values SigNoz receives.
      // A block nested too deeply is passed on as it is, for decodeRule to refuse by itself.
      const json = configAttributeValuesWithin(attributes, MAX_RULE_NESTING_DEPTH) ?? attributes;
      found.push({ pointer: pointer('/resource', type, id), address: `${type}.${id}`, resourceType: type, name: nameOf(json), json });
    }
  }
  return found;
}

interface PlannedModule {
  resources?: unknown;
  child_modules?: unknown;
}

function plannedResources(module: PlannedModule, base: string, out: RuleEntry[], depth = 0): void {
  // modules nested past the input limit are not looked into (the limit also bounds this recursion)
  if (depth > MAX_NESTING_DEPTH) return;
  const resources = Array.isArray(module.resources) ? module.resources : [];
  resources.forEach((resource: unknown, index) => {
    if (!isPlainObject(resource) || typeof resource.type !== 'string' || !isRuleResourceType(resource.type) || resource.mode === 'data') return;
    const at = pointer(base, 'resources', index, 'values');
    const address = typeof resource.address === 'string' ? resource.address : at;
    out.push({ pointer: at, address, resourceType: resource.type, name: nameOf(resource.values), json: resource.values });
  });
  const children = Array.isArray(module.child_modules) ? module.child_modules : [];
  children.forEach((child: unknown, index) => {
    if (isPlainObject(child)) plannedResources(child, pointer(base, 'child_modules', index), out, depth + 1);
  });
}

/**
 * Every rule `document` holds, in document order (Terraform resources sorted by type and name).
 * A JSON object that is none of the known containers is taken as one rule, so reading it says
 * what is wrong with it; an empty list holds no rule.
 */
export function rulesIn(document: unknown): RuleEntry[] {
  if (Array.isArray(document)) return listed(document, '');
  if (!isPlainObject(document)) return [{ pointer: '', address: '', name: '', json: document }];
  if (isPlainObject(document.resource)) return terraformResources(document.resource);
  if (isPlainObject(document.planned_values) && isPlainObject(document.planned_values.root_module)) {
    const out: RuleEntry[] = [];
    plannedResources(document.planned_values.root_module, '/planned_values/root_module', out);
    return out;
  }
  const data = document.data;
  if (Array.isArray(data) && typeof document.status === 'string') return listed(data, '/data');
  if (isPlainObject(data) && typeof document.status === 'string' && !Array.isArray(data.rules)) return [{ pointer: '/data', address: '/data', name: nameOf(data), json: data }];
  if (isPlainObject(data) && Array.isArray(data.rules)) return listed(data.rules, '/data/rules');
  return [{ pointer: '', address: '', name: nameOf(document), json: document }];
}

/** Whether `document` looks like it holds rules at all (a Terraform config or plan, a rule list, or an object naming an alert or condition). */
export function holdsRules(document: unknown): boolean {
  if (Array.isArray(document)) return true;
  if (!isPlainObject(document)) return false;
  if (isPlainObject(document.resource) || isPlainObject(document.planned_values)) return true;
  if (Array.isArray(document.data) || (isPlainObject(document.data) && (Array.isArray(document.data.rules) || 'alert' in document.data))) return true;
  return 'alert' in document || 'condition' in document;
}

/** The rule resources of a Terraform JSON configuration such as `cdk.tf.json` (none when it has no resources). */
export function terraformRulesIn(document: Record<string, unknown>): RuleEntry[] {
  return isPlainObject(document.resource) ? terraformResources(document.resource) : [];
}

/** Every rule of `document` (or the given entries), each read with `decodeRule`. */
export function readRulesIn(document: unknown, options: DecodeRuleOptions = {}, entries: readonly RuleEntry[] = rulesIn(document)): ReadRule[] {
  return entries.map((entry) => ({
    ...entry,
    decoded: decodeRule(entry.json, { ...options, ...(entry.resourceType ? { resourceType: entry.resourceType } : {}) }),
  }));
}
