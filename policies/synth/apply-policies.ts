import type { App } from '../../constructs/engine';
import { PolicyPack, type PolicyPackProps } from '../pack';
import { registerPolicyCheck, type SynthCheckOptions } from './synth-check';
import { makeSynthAtomic } from '../../constructs/stacks/atomic-synth';

/**
 * Checks every stack of `app` against a policy pack when `app.synth()` runs: findings become
 * annotations on the constructs that own them, and errors fail synth. Returns the pack.
 *
 * `Aspects.of(app).add(pack)` does nothing in cdktf 0.21 (it never visits the App); use this, or
 * `Aspects.of(stack).add(pack)` to check one stack.
 */
export function applyPolicies(app: App, pack: PolicyPack | PolicyPackProps = {}, options: SynthCheckOptions = {}): PolicyPack {
  const resolved = pack instanceof PolicyPack ? pack : new PolicyPack(pack);
  registerPolicyCheck(app, resolved, options);
  // Findings that fail synth leave no output folder behind, as the stacks' own checks do.
  makeSynthAtomic(app);
  return resolved;
}
