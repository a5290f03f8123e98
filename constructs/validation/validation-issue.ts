/** One problem found in a rule payload. */
export interface ValidationIssue {
  /** RFC 6901 JSON Pointer to the most specific offending location, e.g. `/condition/thresholds/spec/0/op`; `""` is the whole payload. */
  readonly path: string;
  /** What is wrong and what is allowed, in SigNoz's own wording where it has one. */
  readonly message: string;
  /** Set on warnings for what SigNoz accepts but stores in another form, which Terraform would show as a permanent diff. */
  readonly drift?: true;
}

/** The outcome of validating one rule payload. */
export interface RuleValidationResult<Payload> {
  /** `true` when there are no errors (warnings do not make a payload invalid). */
  readonly valid: boolean;
  readonly errors: ValidationIssue[];
  /** Accepted but suspicious: keys SigNoz ignores, settings without effect. */
  readonly warnings: ValidationIssue[];
  /** `true` when the payload uses a pre-v2alpha1 / pre-v5 shape; `errors` says what was found and how to migrate. */
  readonly legacy: boolean;
  /** The normalized canonical copy (aliases replaced by canonical literals), present only when `valid`. */
  readonly payload?: Payload;
}
