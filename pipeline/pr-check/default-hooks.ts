/**
 * The checks `pr-check` runs on the synthesized stacks before planning: every alert rule against
 * the SigNoz rules-API schemas, and the default policy pack, as the PR comment reports them. Both
 * read the synth output through the one reader (`rulesOfStack`: each stack decoded once).
 */
import { describeIssues } from '../../constructs/codecs/decode-rule';
import { readSynthOutput, rulesOfStack, type SynthesizedStack } from '../../constructs/codecs/synth-output';
import { PolicyPack, type RunnablePack } from '../../policies';
import type { PrCheckHook, PrCheckHookContext, PrCheckHookResult } from './pr-check-hooks';

/** The stacks of the context: the ones already read, else read from `synthDir` once. */
function stacksOf(context: PrCheckHookContext): readonly SynthesizedStack[] {
  return context.synthesized ?? readSynthOutput(context.synthDir, context.appDir);
}

/** Every `signoz_rule` / `signoz_alert` of the given stacks, decoded and validated. */
export function validateStackRules(stacks: readonly SynthesizedStack[]): PrCheckHookResult {
  const lines: string[] = [];
  let rules = 0;
  for (const stack of stacks) {
    for (const rule of rulesOfStack(stack)) {
      rules++;
      for (const line of describeIssues(rule.decoded.errors)) lines.push(`${stack.name}: ${rule.address}: ${line}`);
    }
  }
  return { ok: lines.length === 0, lines: lines.length === 0 ? [`${rules} alert rules valid`] : lines };
}

/** The default policy pack over the given stacks (honouring suppressions recorded in them). */
export function runDefaultPack(stacks: readonly SynthesizedStack[], today?: string): PrCheckHookResult {
  return runPack(PolicyPack.default(), stacks, false, today);
}

/**
 * A policy pack over the given stacks (honouring suppressions recorded in them); `named` adds the
 * pack's name to the count line; suppressions expire against `today` (see `PolicyPack.run`).
 */
export function runPack(pack: RunnablePack, stacks: readonly SynthesizedStack[], named = false, today?: string): PrCheckHookResult {
  const report = pack.run(stacks, today !== undefined ? { today } : {});
  const active = report.findings.filter((f) => !f.suppressedBy);
  const lines = active.map((f) => `${f.level} [${f.ruleId}] ${f.constructPath}: ${f.message}`);
  const { errors, warnings, suppressed } = report.summary;
  lines.push(`${errors} errors, ${warnings} warnings, ${suppressed} suppressed${named ? ` (policy pack "${pack.name}")` : ''}`);
  return { ok: errors === 0, lines };
}

export const ruleValidationHook: PrCheckHook = {
  name: 'rule validation',
  run: async (context) => validateStackRules(stacksOf(context)),
};

export const policyHook: PrCheckHook = {
  name: 'policies',
  run: async (context) => runDefaultPack(stacksOf(context), context.today),
};

/** The policies hook with the app's own pack (`pr-check --pack`) in place of the default pack. */
export function policyPackHook(pack: RunnablePack): PrCheckHook {
  return { name: policyHook.name, run: async (context) => runPack(pack, stacksOf(context), true, context.today) };
}
