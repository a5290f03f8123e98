/**
 * Policy rules: pure functions of one subject (an alert, a stack or an environment) and a context
 * that returns what is wrong with it. The built-in rules live one per file under `policies/rules/`,
 * each with its ID taken from its file name.
 */
import * as path from 'node:path';
import type { PolicyContext } from './context';
import type { AlertSubject, EnvironmentSubject, ResourceRef, StackSubject } from './subjects';
import { ToolkitError } from '../constructs/model/toolkit-error';

export const POLICY_LEVELS = ['error', 'warning'] as const;
/** `error` fails synth and the `policy` command; `warning` is reported only. */
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_SCOPES = ['alert', 'stack', 'environment'] as const;
/** What one call of a rule looks at. */
export type PolicyScope = (typeof POLICY_SCOPES)[number];

/** One thing a rule found wrong. */
export interface Violation {
  /** What is wrong and how to fix it, in one or two sentences. */
  readonly message: string;
  /**
   * Tells apart several findings of one rule on one construct (a tier name, a JSON pointer, a team).
   * A suppression can target it with `appliesTo`.
   */
  readonly key?: string;
  /** The resource the finding belongs to. @default - the alert's resource; for stack and environment rules, the stack */
  readonly resource?: ResourceRef;
  /** For environment rules: the stack (by name) the finding belongs to, when it is not about one resource. */
  readonly stack?: string;
  /** For stack rules: JSON Pointer into the synthesized document, used to locate the finding. */
  readonly pointer?: string;
  /** The rule could not decide (e.g. a route depends on run-time labels): reported as a warning saying so. */
  readonly uncertain?: boolean;
}

/** What a check returns: nothing when all is well, else a message, a violation, or a list of them. */
export type RuleOutcome = void | undefined | null | string | Violation | readonly (string | Violation)[];

/** What a rule is, for reports (SARIF rule metadata, the docs table) and as the head of every rule. */
export interface RuleDescriptor {
  /** Stable ID, used in reports and suppressions: lowercase words joined by `-`, optionally `team/` prefixed. */
  readonly id: string;
  readonly level: PolicyLevel;
  /** One line: what good looks like. */
  readonly description: string;
  /** Why it matters and how to comply; shown in SARIF help and the docs. */
  readonly explanation: string;
}

export interface AlertPolicyRule extends RuleDescriptor {
  readonly scope: 'alert';
  readonly check: (alert: AlertSubject, context: PolicyContext) => RuleOutcome;
}

export interface StackPolicyRule extends RuleDescriptor {
  readonly scope: 'stack';
  readonly check: (stack: StackSubject, context: PolicyContext) => RuleOutcome;
}

export interface EnvironmentPolicyRule extends RuleDescriptor {
  readonly scope: 'environment';
  readonly check: (environment: EnvironmentSubject, context: PolicyContext) => RuleOutcome;
}

export type PolicyRule = AlertPolicyRule | StackPolicyRule | EnvironmentPolicyRule;

/** Rule IDs: `severity-label`, or prefixed for an organisation's own rules: `acme/service-label`. */
export const RULE_ID_PATTERN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A problem in a rule definition, reported before any check runs. */
/** A policy rule definition that cannot be used; one problem per mistake in it. */
export class PolicyRuleDefinitionError extends ToolkitError {
  constructor(
    /** The rule's id, when it has a string one. */
    readonly ruleId: string | undefined,
    problems: readonly string[],
  ) {
    super(
      ruleId !== undefined ? `policy rule "${ruleId}"` : 'policy rule',
      {},
      problems.map((message) => ({ path: '', message })),
    );
  }
}

type RuleDefinition = (Omit<AlertPolicyRule, 'scope'> & { readonly scope?: 'alert' }) | StackPolicyRule | EnvironmentPolicyRule;

/** Checks a rule definition and returns it as a frozen rule. */
export function definePolicyRule(definition: Omit<AlertPolicyRule, 'scope'> & { readonly scope?: 'alert' }): AlertPolicyRule;
export function definePolicyRule(definition: StackPolicyRule): StackPolicyRule;
export function definePolicyRule(definition: EnvironmentPolicyRule): EnvironmentPolicyRule;
export function definePolicyRule(definition: RuleDefinition): PolicyRule {
  const problems = describeRuleProblems(definition);
  if (problems.length > 0) {
    throw new PolicyRuleDefinitionError(typeof definition?.id === 'string' ? definition.id : undefined, problems);
  }
  return Object.freeze({ ...definition, scope: definition.scope ?? 'alert' }) as PolicyRule;
}

/** What is wrong with a rule definition (empty when it is usable). */
export function describeRuleProblems(definition: unknown): string[] {
  if (typeof definition !== 'object' || definition === null) return ['must be an object made with definePolicyRule({...})'];
  const d = definition as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof d.id !== 'string' || !RULE_ID_PATTERN.test(d.id)) {
    problems.push('id must be lowercase words joined by "-", optionally prefixed by "team/" (e.g. "acme/service-label")');
  }
  if (!(POLICY_LEVELS as readonly unknown[]).includes(d.level)) problems.push(`level must be one of ${POLICY_LEVELS.join(', ')}`);
  if (d.scope !== undefined && !(POLICY_SCOPES as readonly unknown[]).includes(d.scope)) problems.push(`scope must be one of ${POLICY_SCOPES.join(', ')}`);
  if (typeof d.description !== 'string' || d.description.trim() === '' || d.description.includes('\n')) problems.push('description must be one non-empty line');
  if (typeof d.explanation !== 'string' || d.explanation.trim() === '') problems.push('explanation must not be empty');
  if (typeof d.check !== 'function') problems.push('check must be a function (subject, context) => findings');
  return problems;
}

/** The rule ID of a built-in rule: its file name without extension (cdk-nag's convention). */
export function ruleIdFromFile(file: string): string {
  return path.basename(file).replace(/\.(?:d\.)?[cm]?[jt]s$/, '');
}

/** The violations a check returned, as a list. */
export function violationsOf(outcome: RuleOutcome): Violation[] {
  if (outcome === undefined || outcome === null) return [];
  const items = typeof outcome === 'string' || !Array.isArray(outcome) ? [outcome as string | Violation] : (outcome as readonly (string | Violation)[]);
  return items.map((item) => (typeof item === 'string' ? { message: item } : item));
}
