// Interim stub until the validation layer lands (feat/validate); replaced at merge.
import type { RulePayload } from '../model/rule-payload';
export interface ValidationIssue { path: string; message: string }
export function validateRulePayload(input: unknown): { valid: boolean; errors: ValidationIssue[]; payload?: RulePayload } {
  return { valid: true, errors: [], payload: input as RulePayload };
}
