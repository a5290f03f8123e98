/** What a policy run reports. */
import type { PolicyLevel, RuleDescriptor } from './rule';
import type { PathSuppression } from './suppressions/suppression';

/** A suppression as applied to a finding, for the audit trail. */
export interface AppliedSuppression extends PathSuppression {
  /** `construct`: declared with `Suppressions.add` (recorded in the synthesized stack); `pack`: in the pack's options. */
  readonly origin: 'construct' | 'pack';
}

/** One finding, located in the synthesized file and, when recorded, in the TypeScript source. */
export interface Finding {
  readonly ruleId: string;
  readonly level: PolicyLevel;
  readonly message: string;
  /** Tells apart findings of one rule on one construct; suppressions target it with `appliesTo`. */
  readonly key?: string;
  /** The rule could not decide; the finding is a warning whatever the rule's level. */
  readonly uncertain?: boolean;
  readonly environment: string;
  readonly stack: string;
  /** Construct path of the resource (or stack) the finding is about. */
  readonly constructPath: string;
  /** Terraform address (`signoz_rule.CheckoutCpu_FF651E7C`), for resource findings. */
  readonly address?: string;
  /** The synthesized file, relative to where the check ran. */
  readonly file: string;
  /** Line in the synthesized file, when it was read from disk. */
  readonly line?: number;
  /** Where the construct was declared, when recorded (`stacks/prod.ts`, line 42). */
  readonly source?: { readonly file: string; readonly line: number };
  /** Set on suppressed findings. */
  readonly suppressedBy?: AppliedSuppression;
}

export type { RuleDescriptor } from './rule';

export interface PolicyReport {
  /** Name of the pack that ran. */
  readonly pack: string;
  /** Date suppressions were checked against (`YYYY-MM-DD`). */
  readonly today: string;
  /** Rules of the pack, then the checks the engine itself makes (suppressions, unreadable resources). */
  readonly rules: readonly RuleDescriptor[];
  /** Findings not suppressed, sorted by stack, construct path, rule and key. */
  readonly findings: readonly Finding[];
  /** Suppressed findings, with the suppression that hid each. */
  readonly suppressed: readonly Finding[];
  readonly summary: {
    readonly stacks: number;
    readonly alerts: number;
    readonly errors: number;
    readonly warnings: number;
    readonly suppressed: number;
  };
}

/** Sort order of findings: stack, construct path, rule, key, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.stack.localeCompare(b.stack) ||
    a.constructPath.localeCompare(b.constructPath) ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.key ?? '').localeCompare(b.key ?? '') ||
    a.message.localeCompare(b.message)
  );
}
