import { hideErrorFields, ToolkitError, type Problem } from '../model/toolkit-error';

/** A mistake in an alert definition, reported with the construct path and every offending field. */
export class AlertRuleError extends ToolkitError {
  /** Construct path of the alert, e.g. `prod/checkout/HighCpu`. */
  declare readonly constructPath: string;

  /** `problems`: one entry per problem, `{ path: field, message }`; `''` is the whole props. */
  constructor(constructPath: string, problems: readonly Problem[]) {
    super('AlertRule', { constructPath }, problems);
    hideErrorFields(this, { constructPath });
  }
}
