/**
 * The one way a rule in JSON becomes a checked `RulePayload`. Every command that reads a rule
 * (validate, evaluate, test, import, policy, plan-summary, pr-check) goes through `decodeRule`:
 *
 * 1. unwrap SigNoz's GET / export envelope (`{status, data: rule}`);
 * 2. recognise the shape: the rules-API body, `signoz_rule` attributes (snake_case blocks) or
 *    `signoz_alert` attributes (JSON-text condition; schema v1 or v2alpha1);
 * 3. drop the fields the server sets (`id` becomes `ruleId`, `state`, `createAt`, ...);
 * 4. migrate legacy shapes as SigNoz does: v3/v4 query maps (`builderQueries`, `promQueries`,
 *    `chQueries`) to v5 envelopes, schema v1 (`op`/`target`/`matchType`, `evalWindow`) to v2alpha1;
 *    or, with `legacy: 'refuse'`, report them as legacy with the way to migrate;
 * 5. normalize (every spelling SigNoz accepts becomes the canonical literal) and check against the
 *    JSON Schemas and the server's cross-field checks (`validateRulePayload`).
 *
 * Never throws for bad input: every problem is an issue with a JSON Pointer into the rule.
 */
import type { RulePayload } from '../model/rule-payload';
import { isPlainObject } from '../util/json';
import { cloneJson, JsonDepthError, type JsonRecord } from '../validation/json-value';
import { stripServerFields } from './server-fields';
import { validateOwnedRulePayload, validateRulePayload } from '../validation/validate-rule-payload';
import type { ValidationIssue } from '../validation/validation-issue';
import { CodecError } from './codec-error';
import { dropNulls, withoutUnsetValues } from './import-normalization';
import { hasLegacyQueries, migrateLegacyQueries } from './legacy-query-migration';
import { isSchemaV1, migrateSchemaV1 } from './legacy-schema-migration';
import { decodeSignozAlert } from './signoz-alert-codec';
import { readSignozRule } from './signoz-rule-codec';
import { MAX_RULE_NESTING_DEPTH, parseJsonInput } from '../util/parse-input';

/** The shape a rule arrived in. */
export type RuleShape = 'rules-api' | 'signoz_rule' | 'signoz_alert';

export interface DecodeRuleOptions {
  /**
   * What to do with legacy shapes (v3/v4 queries, schema v1): `'migrate'` converts them as SigNoz
   * does and says so in `notes`; `'refuse'` reports them as errors with the way to migrate (for a
   * file that is meant to be posted to the rules API as it is).
   * @default 'migrate'
   */
  readonly legacy?: 'migrate' | 'refuse';
  /** The Terraform resource type the attributes belong to, when the caller knows it. @default - recognised from the JSON */
  readonly resourceType?: string;
  /**
   * With `legacy: 'refuse'`: the caller owns `input` (freshly parsed) and lets it be normalized in
   * place instead of copied; for reading thousands of files.
   * @default false
   */
  readonly inPlace?: boolean;
}

/** The outcome of reading one rule. */
export interface DecodedRule {
  /** `true` when there are no errors; `payload` is then set. */
  readonly valid: boolean;
  /** The checked, normalized canonical payload (present only when `valid`). */
  readonly payload?: RulePayload;
  readonly errors: readonly ValidationIssue[];
  /** Accepted but suspicious: keys SigNoz ignores, settings without effect. */
  readonly warnings: readonly ValidationIssue[];
  readonly shape: RuleShape;
  /** `true` when the rule was written in a pre-v2alpha1 / pre-v5 shape. */
  readonly legacy: boolean;
  /** What a reader should check by hand after a legacy conversion. */
  readonly notes: readonly string[];
  /** The id SigNoz gave the rule, when the JSON carries it. */
  readonly ruleId?: string;
  /** The rule's `alert` name, when it has one (also for a refused rule). */
  readonly alert?: string;
}

type Recognised =
  | {
      shape: RuleShape;
      body: JsonRecord;
      ruleId?: string;
      legacySignozAlert?: boolean;
      /** `false` when the body is known to hold no `null` (the signoz_rule codec says so as it builds it). */
      mayHoldNulls?: boolean;
    }
  | { error: ValidationIssue; shape: RuleShape };

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** `{status, data: rule}` (SigNoz GET) or `{data: rule}` -> the rule. */
function unwrap(input: JsonRecord): JsonRecord {
  const { data } = input;
  if (isPlainObject(data) && input.alert === undefined && input.condition === undefined && (typeof input.status === 'string' || Object.keys(input).length === 1)) return data;
  return input;
}

function isSignozRuleAttributes(body: JsonRecord): boolean {
  return isPlainObject(body.condition) && 'composite_query' in body.condition;
}

function isSignozAlertAttributes(body: JsonRecord): boolean {
  return typeof body.condition === 'string' || 'alert_type' in body || 'eval_window' in body;
}

function parseJsonText(value: unknown, pointer: string): { value: unknown } | { error: ValidationIssue } {
  if (typeof value !== 'string') return { value };
  const parsed = parseJsonInput(value, MAX_RULE_NESTING_DEPTH);
  return 'error' in parsed ? { error: { path: pointer, message: `is not valid JSON text: ${parsed.error}` } } : parsed;
}

/** A schema v1 `signoz_alert` resource (provider <= 0.0.15) as the v1 rules-API body it stands for. */
function signozAlertV1Body(attrs: JsonRecord): { body: JsonRecord } | { error: ValidationIssue } {
  const condition = parseJsonText(attrs.condition, '/condition');
  if ('error' in condition) return condition;
  const labels: JsonRecord = isPlainObject(attrs.labels) ? { ...attrs.labels } : {};
  if (typeof attrs.severity === 'string') labels.severity = attrs.severity;
  const body: JsonRecord = {
    alert: attrs.alert,
    alertType: attrs.alert_type,
    ruleType: attrs.rule_type,
    condition: condition.value,
    labels,
    evalWindow: attrs.eval_window ?? '5m0s',
    frequency: attrs.frequency ?? '1m0s',
    preferredChannels: attrs.preferred_channels,
  };
  if (typeof attrs.description === 'string') body.annotations = { description: attrs.description, ...(typeof attrs.summary === 'string' ? { summary: attrs.summary } : {}) };
  if (typeof attrs.version === 'string') body.version = attrs.version;
  if (typeof attrs.disabled === 'boolean') body.disabled = attrs.disabled;
  return { body };
}

function decodeAttributes(shape: 'signoz_rule' | 'signoz_alert', attrs: JsonRecord): Recognised {
  const ruleId = idOf(attrs.id);
  const withId = (r: { shape: RuleShape; body: JsonRecord; legacySignozAlert?: boolean; mayHoldNulls?: boolean; ruleId?: string }): Recognised => {
    if (ruleId !== undefined) r.ruleId = ruleId;
    return r;
  };
  if (shape === 'signoz_alert' && attrs.schema_version !== 'v2alpha1') {
    const converted = signozAlertV1Body(attrs);
    return 'error' in converted ? { error: converted.error, shape } : withId({ shape, body: converted.body, legacySignozAlert: true });
  }
  try {
    if (shape === 'signoz_rule') {
      const read = readSignozRule(attrs);
      return withId({ shape, body: read.payload as unknown as JsonRecord, mayHoldNulls: read.mayHoldNulls });
    }
    return withId({ shape, body: decodeSignozAlert(attrs) as unknown as JsonRecord });
  } catch (err) {
    if (err instanceof CodecError) return { error: { path: err.path, message: `${shape}: ${err.reason}` }, shape };
    throw err;
  }
}

function recognise(input: unknown, resourceType: string | undefined): Recognised {
  if (!isPlainObject(input)) return { error: { path: '', message: 'a rule must be a JSON object' }, shape: 'rules-api' };
  if (resourceType === 'signoz_rule' || resourceType === 'signoz_alert') return decodeAttributes(resourceType, input);
  const body = unwrap(input);
  if (body.alert === undefined && body.condition === undefined) {
    return { error: { path: '', message: 'this JSON is not a SigNoz rule: it has neither "alert" nor "condition"' }, shape: 'rules-api' };
  }
  if (isSignozRuleAttributes(body)) return decodeAttributes('signoz_rule', body);
  if (isSignozAlertAttributes(body)) return decodeAttributes('signoz_alert', body);
  const ruleId = idOf(body.id);
  return { shape: 'rules-api', body, ...(ruleId !== undefined ? { ruleId } : {}) };
}

/** `"/condition/op: unsupported"` (the migrations' wording) -> an issue. */
function issueFrom(text: string): ValidationIssue {
  const match = /^(\/[^:\s]*):? (.*)$/s.exec(text);
  return match ? { path: match[1]!, message: match[2]! } : { path: '', message: text };
}

function thresholdName(rule: JsonRecord): unknown {
  const condition = rule.condition;
  const spec: unknown = isPlainObject(condition) && isPlainObject(condition.thresholds) && Array.isArray(condition.thresholds.spec) ? condition.thresholds.spec[0] : undefined;
  return isPlainObject(spec) ? spec.name : 'critical';
}

/** Converts legacy shapes in `rule` (a copy the caller owns); returns problems and notes. */
function migrate(rule: JsonRecord, legacySignozAlert: boolean): { errors: ValidationIssue[]; notes: string[]; legacy: boolean } {
  const errors: ValidationIssue[] = [];
  const notes: string[] = [];
  let legacy = legacySignozAlert;
  if (hasLegacyQueries(rule)) {
    legacy = true;
    const migration = migrateLegacyQueries(rule, '');
    errors.push(...migration.problems.map(issueFrom));
    notes.push(...migration.notes, `converted v3/v4 queries to v5 as SigNoz's migration does (pkg/transition/migrate_alert.go)`);
  }
  if (errors.length === 0 && isSchemaV1(rule)) {
    legacy = true;
    errors.push(...migrateSchemaV1(rule, '').map(issueFrom));
    if (errors.length === 0) notes.push(`converted schema v1 to v2alpha1 as SigNoz reads it (threshold ${JSON.stringify(thresholdName(rule))}, renotify every 4h)`);
  }
  return { errors, notes, legacy };
}

function alertOf(body: unknown): string | undefined {
  return isPlainObject(body) && typeof body.alert === 'string' ? body.alert : undefined;
}

/**
 * Reads one rule in any shape a user may hold (see the module comment) and checks it. Never throws
 * for bad input: what is wrong is in `errors`, each with a JSON Pointer into the rule.
 */
export function decodeRule(input: unknown, options: DecodeRuleOptions = {}): DecodedRule {
  let recognised: Recognised;
  try {
    recognised = recognise(input, options.resourceType);
  } catch (err) {
    if (!(err instanceof JsonDepthError)) throw err;
    return { valid: false, errors: [{ path: '', message: `the rule is ${err.message}; a rule is far shallower` }], warnings: [], shape: 'rules-api', legacy: false, notes: [] };
  }
  if ('error' in recognised) {
    const ruleId = isPlainObject(input) ? idOf(unwrap(input).id) : undefined;
    return {
      valid: false,
      errors: [recognised.error],
      warnings: [],
      shape: recognised.shape,
      legacy: false,
      notes: [],
      ...(ruleId !== undefined ? { ruleId } : {}),
      ...alertField(input),
    };
  }
  const { shape, body, ruleId } = recognised;
  const identity: Identity = { shape, ruleId, alert: alertOf(unwrap(body)) };
  if (options.legacy === 'refuse') {
    // A file meant to be posted as it is: legacy shapes are reported; a null is an absent field, as below.
    const strict = (options.inPlace ? validateOwnedRulePayload : validateRulePayload)(dropNulls(stripServerFields(body)));
    const legacy = strict.legacy || recognised.legacySignozAlert === true;
    return outcome(strict.valid && strict.payload ? strict.payload : undefined, strict.errors, strict.warnings, legacy, [], identity);
  }
  let rule: JsonRecord;
  try {
    // The signoz_rule codec builds a new tree; any other body is the caller's and is copied before it is migrated.
    rule = shape === 'signoz_rule' ? (stripServerFields(body) as JsonRecord) : (cloneJson(stripServerFields(body)) as JsonRecord);
  } catch (err) {
    if (!(err instanceof JsonDepthError)) throw err;
    return outcome(undefined, [{ path: '', message: `the rule is ${err.message}; a rule is far shallower` }], [], false, [], identity);
  }
  const migration = migrate(rule, recognised.legacySignozAlert === true);
  if (migration.errors.length > 0) return outcome(undefined, migration.errors, [], migration.legacy, migration.notes, identity);
  // A null is an absent field to SigNoz, not a mistake; everything else is checked as written, so
  // every command reports a mistake in the validator's words. Unset values are dropped after.
  // `rule` is this function's own copy (and `dropNulls` returns it or a new copy): normalized in place.
  // The signoz_rule codec knows whether its tree holds a null (a migration moves values around: then look).
  const result = validateOwnedRulePayload(recognised.mayHoldNulls === false && !migration.legacy ? rule : dropNulls(rule));
  const legacy = migration.legacy || result.legacy;
  if (!result.valid || !result.payload) return outcome(undefined, result.errors, result.warnings, legacy, migration.notes, identity);
  // The validator's copy is normalized already: only the unset values and `source` (set by the server) are left to drop.
  const payload = withoutUnsetValues(result.payload);
  delete payload.source;
  return outcome(payload, result.errors, result.warnings, legacy, migration.notes, identity);
}

/** What names the rule read: its shape, SigNoz's id and its `alert` name, when it has them. */
interface Identity {
  readonly shape: RuleShape;
  readonly ruleId: string | undefined;
  readonly alert: string | undefined;
}

/** The outcome of `decodeRule`, valid when `payload` is given; its members always in the same order. */
function outcome(
  payload: RulePayload | undefined,
  errors: readonly ValidationIssue[],
  warnings: readonly ValidationIssue[],
  legacy: boolean,
  notes: readonly string[],
  identity: Identity,
): DecodedRule {
  const out: { -readonly [K in keyof DecodedRule]: DecodedRule[K] } = payload
    ? { valid: true, payload, errors, warnings, legacy, notes, shape: identity.shape }
    : { valid: false, errors, warnings, legacy, notes, shape: identity.shape };
  if (identity.ruleId !== undefined) out.ruleId = identity.ruleId;
  if (identity.alert !== undefined) out.alert = identity.alert;
  return out;
}

function alertField(body: unknown): { alert?: string } {
  const alert = alertOf(isPlainObject(body) ? unwrap(body) : body);
  return alert !== undefined ? { alert } : {};
}

/** `"/condition/op: message"` lines for a refused rule, `/` for the whole rule. */
export function describeIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map((issue) => `${issue.path || '/'}: ${issue.message}`);
}
