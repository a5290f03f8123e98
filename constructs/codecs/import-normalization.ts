/**
 * The documented normalizations between a rule as SigNoz exports it and the rule as this toolkit
 * writes it. Both sides of every import comparison go through `normalizeImportedRule`, and the
 * rules `signoz-alerts import` writes are normalized this way:
 *
 * 1. Fields the server sets are dropped: `id` (it becomes the Terraform import id), `state`,
 *    `createAt`/`createBy`/`updateAt`/`updateBy` (and the `-ed` spellings), `source`.
 * 2. Every spelling SigNoz accepts becomes the canonical one (`op: ">"` -> `above`, `matchType: "1"`
 *    -> `at_least_once`, enum letter case, field-context synonyms): the validator's normalization.
 * 3. Values SigNoz reads as "not set" are dropped: empty strings of optional fields (`legend`, `filter.expression`,
 *    `having.expression`, `source`, `temporality`, `unit`, field key `fieldContext`/`fieldDataType`,
 *    function arg `name`, ...), `null`, `false` flags (`disabled`, `alertOnAbsent`,
 *    `requireMinPoints`, `usePolicy`, `stats`), zero step/limit/offset/absentFor, empty lists
 *    (`groupBy`, `order`, `functions`, ...) and empty label/annotation maps.
 * 4. A threshold without `channels` gets `channels: []`.
 * 5. Re-notification that is off keeps only `enabled: false`: SigNoz ignores its interval and
 *    states then (`NotificationSettings.GetAlertManagerNotificationConfig`).
 */
import type { RuleJson, RulePayload } from '../model/rule-payload';
import { SERVER_READ_ONLY_FIELDS } from './server-fields';
import { normalizeRulePayload } from '../validation/normalize-rule-payload';
import { type JsonRecord } from '../validation/json-value';
import { isPlainObject } from '../util/json';

/** Fields the server sets on a rule; never part of what the toolkit manages. */
export const SERVER_SET_FIELDS: readonly string[] = [...SERVER_READ_ONLY_FIELDS, 'source'];

/** Flags and numbers whose default value means "not set". */
const FALSE_DEFAULTS = new Set(['disabled', 'alertOnAbsent', 'requireMinPoints', 'usePolicy', 'stats']);
const ZERO_DEFAULTS = new Set(['stepInterval', 'step', 'limit', 'offset', 'absentFor', 'requiredNumPoints']);

/**
 * Required fields keep an empty string: for some it has a meaning (`timezone` '' is UTC,
 * `selectedQueryName` '' is SigNoz's default choice), for the others the validator says it is
 * required in the same words as for a file that is checked as it is.
 */
const KEEP_EMPTY = new Set([
  'alert',
  'alertType',
  'ruleType',
  'version',
  'schemaVersion',
  'selectedQueryName',
  'timezone',
  'evalWindow',
  'frequency',
  'name',
  'expression',
  'query',
  'metricName',
  'signal',
  'op',
  'matchType',
  'kind',
  'type',
]);

function isUnset(key: string, value: unknown): boolean {
  if (value === '') return !KEEP_EMPTY.has(key);
  if (value === null || value === undefined) return true;
  if (value === false) return FALSE_DEFAULTS.has(key);
  if (value === 0) return ZERO_DEFAULTS.has(key);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length === 0 && key !== 'alertStates' && key !== 'queries' && key !== 'spec' && key !== 'channels';
  if (key === 'filter' || key === 'having') {
    const expression = (value as JsonRecord).expression;
    return expression === undefined || expression === null || expression === '';
  }
  return (key === 'labels' || key === 'annotations') && Object.keys(value).length === 0;
}

/**
 * Drops unset values everywhere below `value` (object keys keep their order). An array or object
 * with nothing to drop below it is returned as it is, not copied: the caller owns the tree.
 */
function dropUnset(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const cleaned = dropUnset(item);
      if (cleaned !== item && copy === undefined) copy = value.slice(0, i);
      if (copy) copy.push(cleaned);
    }
    return copy ?? value;
  }
  const record = value as JsonRecord;
  const keys = Object.keys(record);
  let out: JsonRecord | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = record[key];
    const cleaned = dropUnset(child);
    const unset = isUnset(key, cleaned);
    // a `__proto__` key is copied as assignment copies it (as it always was), so it forces a copy too
    if (out === undefined && (unset || cleaned !== child || key === '__proto__')) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
    }
    if (out && !unset) out[key] = cleaned;
  }
  return out ?? value;
}

function addMissingChannels(rule: JsonRecord): void {
  const thresholds = isPlainObject(rule.condition) && isPlainObject(rule.condition.thresholds) ? rule.condition.thresholds : undefined;
  if (!thresholds || !Array.isArray(thresholds.spec)) return;
  for (const threshold of thresholds.spec) if (isPlainObject(threshold) && threshold.channels === undefined) threshold.channels = [];
}

/** A copy of `value` without `null` members: SigNoz (Go) reads a null as an absent field. */
export function dropNulls(value: unknown): unknown {
  return hasNull(value) ? copyWithoutNulls(value) : value;
}

/** Whether `value` holds a `null` anywhere (or is one). */
export function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const key of Object.keys(value)) if (hasNull((value as JsonRecord)[key])) return true;
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (!isPlainObject(value)) return value;
  const out: JsonRecord = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = copyWithoutNulls(child);
  return out;
}

/** A normalized deep copy of a rule payload (see the module comment); the input is not changed. */
export function normalizeImportedRule(rule: RulePayload): RulePayload;
export function normalizeImportedRule(rule: unknown): RuleJson;
export function normalizeImportedRule(rule: unknown): RuleJson | RulePayload {
  const normalized = normalizeRulePayload(rule);
  // not an object: the validator says what it is
  if (!isPlainObject(normalized)) return normalized as RuleJson;
  for (const field of SERVER_SET_FIELDS) delete normalized[field];
  return withoutUnsetValues(normalized);
}

/**
 * Steps 3 to 5 alone, for a payload the validator has already normalized (spellings canonical, no
 * server fields): `rule` without the values SigNoz reads as unset. Objects and lists with nothing
 * to drop are kept, not copied, so `rule` must be the caller's own (a checked copy).
 */
export function withoutUnsetValues(rule: RulePayload): RulePayload;
export function withoutUnsetValues(rule: JsonRecord): RuleJson;
export function withoutUnsetValues(rule: JsonRecord | RulePayload): RuleJson | RulePayload {
  // `rule` is the caller's own tree: what has nothing to drop is kept, not copied (the changes below go to `rule`'s members then)
  const cleaned = dropUnset(rule) as JsonRecord;
  addMissingChannels(cleaned);
  if (!isPlainObject(cleaned.notificationSettings)) cleaned.notificationSettings = {};
  const settings = cleaned.notificationSettings as JsonRecord;
  if (isPlainObject(settings.renotify) && settings.renotify.enabled === false) settings.renotify = { enabled: false };
  return cleaned;
}
