/**
 * Turns exported SigNoz rules into import entries: each rule read by `decodeRule` (legacy shapes
 * converted as SigNoz converts them, checked, normalized), checked to survive the `signoz_rule`
 * resource unchanged, and written either as props or as a payload (rule-to-code.ts). Rules that
 * cannot be imported are returned as problems with every reason, never dropped silently.
 */
import { isDeepStrictEqual } from 'node:util';
import { decodeRule, decodeSignozRule, describeIssues, encodeSignozRule, rulesIn, type DecodedRule } from '../constructs/codecs';
import { checkProviderAcceptance } from '../constructs/codecs/provider-acceptance';
import type { RulePayload } from '../constructs/model/rule-payload';
import { normalizeImportedRule } from '../constructs/codecs/import-normalization';
import { firstDifference, ruleToCode, type RuleCode } from './rule-to-code';
import { parseJsonInput } from '../constructs/util/parse-input';

/** One file to import: a name for messages and comments, and its text. */
export interface ImportSource {
  readonly name: string;
  readonly text: string;
}

export interface ImportedRule {
  readonly source: string;
  readonly pointer: string;
  /** The SigNoz rule id, adopted with a Terraform import block. */
  readonly ruleId?: string;
  /** The rule as the toolkit will write it (normalized). */
  readonly payload: RulePayload;
  readonly code: RuleCode;
  /** Construct id in the generated code, unique within the import. */
  readonly constructId: string;
  /** What a reader should check by hand (from legacy conversions). */
  readonly notes: readonly string[];
}

export interface ImportProblem {
  readonly source: string;
  readonly pointer: string;
  /** The alert name, when the rule has one. */
  readonly alert?: string;
  readonly messages: readonly string[];
}

export interface ImportResult {
  readonly rules: readonly ImportedRule[];
  readonly problems: readonly ImportProblem[];
}

/** The longest construct id `constructIdFor` makes (it is also a variable name in the generated code). */
const MAX_CONSTRUCT_ID = 64;

/** `Checkout CPU > 90%` -> `CheckoutCpu90`; from the start of the name, at most 64 characters. */
export function constructIdFor(alert: string): string {
  const words = alert
    .slice(0, MAX_CONSTRUCT_ID * 4)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const id = words
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('')
    .slice(0, MAX_CONSTRUCT_ID);
  if (id === '') return 'Rule';
  return /^[0-9]/.test(id) ? `Rule${id}`.slice(0, MAX_CONSTRUCT_ID) : id;
}

function uniqueIds(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}${count}`;
  };
}

/** Problems the `signoz_rule` resource has with the payload: provider schema, and anything the codec cannot carry. */
function resourceProblems(payload: RulePayload): string[] {
  const attributes = encodeSignozRule(payload);
  const problems = checkProviderAcceptance('signoz_rule', attributes).map((i) => `signoz_rule ${i.path || '/'}: ${i.message}`);
  if (problems.length > 0) return problems;
  const back = normalizeImportedRule(decodeSignozRule(attributes));
  const difference = firstDifference(back, payload);
  return difference === undefined ? [] : [`${difference}: the signoz_rule resource cannot carry this value as written`];
}

function convert(decoded: DecodedRule): { payload?: RulePayload; notes: string[]; messages: string[] } {
  const notes = [...decoded.notes];
  if (!decoded.valid || !decoded.payload) return { notes, messages: describeIssues(decoded.errors) };
  const payload = decoded.payload;
  if (payload.labels?.severity !== undefined && payload.condition.thresholds.spec.length > 1) {
    notes.push(`the rule-level label severity=${JSON.stringify(payload.labels.severity)} overrides the severity SigNoz gives each tier's alerts; consider removing it`);
  }
  const problems = resourceProblems(payload);
  if (problems.length > 0) return { notes, messages: problems };
  return { payload, notes, messages: [] };
}

/**
 * Imports every rule of `sources`, in order (file order, then rule order). Rules that share a
 * SigNoz id are reported after the first: one id can be adopted once.
 */
export function importRules(sources: readonly ImportSource[]): ImportResult {
  const rules: ImportedRule[] = [];
  const problems: ImportProblem[] = [];
  const nextId = uniqueIds();
  const seenIds = new Map<string, string>();
  for (const source of sources) {
    // no limit on the whole file: each rule is held to the rule limit by decodeRule, so one deep rule does not stop the others
    const parsed = parseJsonInput(source.text, Number.POSITIVE_INFINITY);
    if ('error' in parsed) {
      problems.push({ source: source.name, pointer: '', messages: [parsed.error] });
      continue;
    }
    const document = parsed.value;
    for (const entry of rulesIn(document)) {
      const decoded = decodeRule(entry.json, entry.resourceType ? { resourceType: entry.resourceType } : {});
      const alert = decoded.alert;
      const where = `${source.name}#${entry.pointer}`;
      const problem = (messages: string[]): void => {
        problems.push({ source: source.name, pointer: entry.pointer, ...(alert !== undefined ? { alert } : {}), messages });
      };
      const { ruleId } = decoded;
      if (ruleId !== undefined && seenIds.has(ruleId)) {
        problem([`rule id ${ruleId} was already imported from ${seenIds.get(ruleId)}; one rule can be adopted once`]);
        continue;
      }
      const converted = convert(decoded);
      if (!converted.payload) {
        problem(converted.messages);
        continue;
      }
      if (ruleId !== undefined) seenIds.set(ruleId, where);
      rules.push({
        source: source.name,
        pointer: entry.pointer,
        ...(ruleId !== undefined ? { ruleId } : {}),
        payload: converted.payload,
        code: ruleToCode(converted.payload),
        constructId: nextId(constructIdFor(converted.payload.alert)),
        notes: converted.notes,
      });
    }
  }
  return { rules, problems };
}

/** Whether two payloads are the same rule after the import normalizations. */
export function sameImportedRule(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(normalizeImportedRule(a), normalizeImportedRule(b));
}
