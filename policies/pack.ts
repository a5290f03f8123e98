/**
 * A policy pack: rules, their options and pack-level suppressions. It runs at synth (as an Aspect
 * on a stack, or through `applyPolicies(app)`) and in the `policy` command (`--pack`), always
 * through the same engine over the same synthesized JSON.
 */
import { TerraformStack, type IAspect, type IConstruct } from '../constructs/engine';
import { ENGINE_CHECK_IDS } from './engine-checks';
import type { SynthesizedStack } from './stack-reading/read-stack';
import type { PolicyReport } from './finding';
import { resolvePolicyOptions, type PolicyOptions, type ResolvedPolicyOptions } from './options';
import { describeRuleProblems, type PolicyRule } from './rule';
import { defaultRules } from './rules';
import { resolveReferenceDate } from './suppressions/reference-date';
import { runPolicies, type PolicyPackDefinition } from './run-policies';
import { suppressionProblems, type PathSuppression } from './suppressions/suppression';
import { registerPolicyCheck } from './synth/synth-check';
import { ToolkitError, type Problem } from '../constructs/model/toolkit-error';

export interface PolicyPackProps {
  /** Shown in reports. @default 'default' for the default rules, else 'custom' */
  readonly name?: string;
  /** The rules to run, e.g. `[...defaultRules, myRule]`. @default defaultRules */
  readonly rules?: readonly PolicyRule[];
  /** Settings of the default rules. @default - see DEFAULT_POLICY_OPTIONS */
  readonly options?: PolicyOptions;
  /** Suppressions by construct path, for findings the code cannot suppress on a construct. @default - none */
  readonly suppressions?: readonly PathSuppression[];
}

/** A mistake in a pack definition; the message names every problem. */
/** A policy pack that cannot run: `path` of each problem is `rules[i]` or `suppressions[i]`. */
export class PolicyPackError extends ToolkitError {
  constructor(
    readonly packName: string,
    problems: readonly Problem[],
  ) {
    super(`policy pack "${packName}"`, {}, problems);
  }
}

export class PolicyPack implements IAspect, PolicyPackDefinition {
  /** The default pack, optionally with other settings or suppressions. */
  static default(props: Omit<PolicyPackProps, 'rules'> = {}): PolicyPack {
    return new PolicyPack(props);
  }

  readonly name: string;
  readonly rules: readonly PolicyRule[];
  readonly options: ResolvedPolicyOptions;
  readonly suppressions: readonly PathSuppression[];
  /** The report of the last synth-time run of this pack. */
  lastReport?: PolicyReport;

  constructor(props: PolicyPackProps = {}) {
    this.name = props.name ?? (props.rules === undefined ? 'default' : 'custom');
    // Rules written as plain objects (JavaScript packs) may leave out the scope, which defaults to 'alert'.
    this.rules = (props.rules ?? defaultRules).map((r) => (r.scope === undefined ? ({ ...(r as object), scope: 'alert' } as PolicyRule) : r));
    const problems: Problem[] = [];
    const seen = new Set<string>();
    this.rules.forEach((rule, i) => {
      const ruleProblems = describeRuleProblems(rule);
      if (ruleProblems.length > 0) problems.push({ path: `rules[${i}]`, message: ruleProblems.join('; ') });
      else if (ENGINE_CHECK_IDS.has(rule.id)) problems.push({ path: `rules[${i}]`, message: `id "${rule.id}" is reserved for the engine's own checks` });
      else if (seen.has(rule.id)) problems.push({ path: `rules[${i}]`, message: `id "${rule.id}" is used by another rule of the pack` });
      seen.add(rule.id);
    });
    (props.suppressions ?? []).forEach((s, i) => {
      for (const p of suppressionProblems(s, true)) problems.push({ path: `suppressions[${i}]`, message: p });
    });
    if (problems.length > 0) throw new PolicyPackError(this.name, problems);
    this.options = resolvePolicyOptions(props.options);
    this.suppressions = [...(props.suppressions ?? [])];
  }

  /** As an Aspect on a stack: checks that stack at synth (after every stack is synthesized). */
  visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) registerPolicyCheck(node, this);
  }

  /**
   * Runs the pack over synthesized stacks. Suppressions expire against `options.today` (a date or an
   * ISO date-time), else `SOURCE_DATE_EPOCH`, else today's date (UTC).
   */
  run(stacks: readonly SynthesizedStack[], options: { readonly today?: string } = {}): PolicyReport {
    return runPolicies(stacks, this, { today: resolveReferenceDate(options.today, process.env, undefined, 'today') });
  }
}
