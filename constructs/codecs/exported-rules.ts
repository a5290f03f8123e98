/**
 * The rules of one exported file with where they sit and the id SigNoz gave them: a single rule, a
 * list of rules, or a rules API response (`{status, data}` with a rule, a list, or `{rules: [...]}`).
 */
import { rulesInExport } from '../validation';
import { isPlainObject } from '../util/json';
import { pointerTokens } from '../validation/json-pointer';

export interface ExportedRuleEntry {
  /** JSON Pointer of the rule in its file (`""` when the file is the rule). */
  readonly pointer: string;
  /** The rule id SigNoz assigned, when the export carries it. */
  readonly ruleId?: string;
  /** The rule without the fields the server sets. */
  readonly rule: unknown;
}

function at(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointerTokens(pointer)) node = Array.isArray(node) ? node[Number(token)] : isPlainObject(node) ? node[token] : undefined;
  return node;
}

/** The rules of a parsed export. */
export function exportedRules(document: unknown): ExportedRuleEntry[] {
  return rulesInExport(document).map(({ pointer, rule }) => {
    const original = at(document, pointer);
    const id = isPlainObject(original) ? original.id : undefined;
    const ruleId = typeof id === 'string' && id.trim() !== '' ? id.trim() : typeof id === 'number' ? String(id) : undefined;
    return { pointer, rule, ...(ruleId !== undefined ? { ruleId } : {}) };
  });
}
