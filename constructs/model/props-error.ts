import { hideErrorFields, ToolkitError, type Problem } from './toolkit-error';

/** One problem as constructs report it: `field` is the props path (`tiers.critical.target`), `''` the whole props. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A construct was given props it cannot build from. The message names the construct kind, its
 * construct path and every offending field, so the user can fix all of them in one pass.
 * `problems` hold `{ path: field, message }`, as every {@link ToolkitError} does.
 */
export class PropsError extends ToolkitError {
  declare readonly constructKind: string;
  declare readonly constructPath: string;

  constructor(constructKind: string, constructPath: string, problems: readonly (FieldProblem | Problem)[]) {
    super(
      constructKind,
      { constructPath },
      problems.map((p) => ({ path: 'field' in p ? p.field : p.path, message: p.message })),
    );
    hideErrorFields(this, { constructKind, constructPath });
  }
}
