import { ToolkitError, type Problem } from '../model/toolkit-error';

/** A mistake in an alert definition, reported with the construct path and every offending field. */
export class AlertRuleError extends ToolkitError {
  constructor(
    /** Construct path of the alert, e.g. `prod/checkout/HighCpu`. */
    readonly constructPath: string,
    /** One entry per problem: `{ path: field, message }`; `''` is the whole props. */
    problems: readonly Problem[],
  ) {
    super('AlertRule', { constructPath }, problems);
  }
}
