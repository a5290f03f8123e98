/** A mistake in an alert definition, reported with the construct path and the offending fields. */
export class AlertRuleError extends Error {
  constructor(
    /** Construct path of the alert, e.g. `prod/checkout/HighCpu`. */
    readonly constructPath: string,
    /** One entry per problem: `field: what is wrong`. */
    readonly problems: readonly string[],
  ) {
    super(`AlertRule ${constructPath}: ${problems.length === 1 ? problems[0] : `\n${problems.map((p) => `  - ${p}`).join('\n')}`}`);
    this.name = 'AlertRuleError';
  }
}
