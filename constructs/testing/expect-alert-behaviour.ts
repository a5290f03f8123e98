/**
 * The TypeScript entry point for behaviour tests: call it inside `it(...)` (vitest, jest, node:test);
 * it throws an `AlertBehaviourError` explaining every difference, so no test framework is imported.
 */
import { loadEvaluableRule, type EvaluableRule } from '../evaluation';
import type { RulePayload } from '../model/rule-payload';
import type { BehaviourTestCase } from './behaviour-spec';
import { runBehaviourTest, type CaseResult } from './run-behaviour-test';

/** Anything that yields a rule: a payload, rule JSON in any accepted shape, or an object exposing one. */
export type RuleSource =
  RulePayload | EvaluableRule | { readonly payload: RulePayload } | { toPayload(): RulePayload } | { toRulePayload(): RulePayload } | Record<string, unknown>;

export class AlertBehaviourError extends Error {
  constructor(
    message: string,
    readonly result: CaseResult,
  ) {
    super(message);
    this.name = 'AlertBehaviourError';
  }
}

const isEvaluable = (v: unknown): v is EvaluableRule => typeof v === 'object' && v !== null && 'schedule' in v && 'selectedQuery' in v && 'thresholds' in v;

/** The evaluable rule behind any `RuleSource`. */
export function resolveRuleSource(source: RuleSource): EvaluableRule {
  if (isEvaluable(source)) return source;
  const candidate = source as Record<string, unknown>;
  for (const method of ['toRulePayload', 'toPayload'] as const) {
    if (typeof candidate[method] === 'function') return loadEvaluableRule((candidate[method] as () => unknown).call(source));
  }
  if (typeof candidate.payload === 'object' && candidate.payload !== null && !('condition' in candidate)) return loadEvaluableRule(candidate.payload);
  return loadEvaluableRule(source);
}

/** Runs the case and returns its result; throws `AlertBehaviourError` when any expectation fails. */
export function expectAlertBehaviour(rule: RuleSource, testCase: BehaviourTestCase): CaseResult {
  const evaluable = resolveRuleSource(rule);
  const result = runBehaviourTest(evaluable, testCase);
  if (!result.passed) {
    const warnings = result.timeline.warnings.map((w) => `warning: ${w}`);
    throw new AlertBehaviourError([`alert "${evaluable.name}" (${result.name}) did not behave as expected:`, ...result.failures, ...warnings].join('\n'), result);
  }
  return result;
}
