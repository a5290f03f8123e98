import type { ValidationIssue } from './validation-issue';

/** Where checks report what they find: errors make a payload invalid, warnings do not. */
export class IssueCollector {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** A warning for what SigNoz accepts but stores differently: constructs refuse it, `validate` warns. */
  drift(path: string, message: string): void {
    this.warnings.push({ path, message, drift: true });
  }
}
