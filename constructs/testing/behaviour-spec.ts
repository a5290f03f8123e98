/**
 * One alert behaviour test: series given by hand, and what the rule must do over time. The YAML
 * test files (`*.alert-test.yaml`) and the TypeScript helper `expectAlertBehaviour` both read
 * into this model.
 */
import type { ReportedAlertState } from '../evaluation';

/** A duration as text (`90s`, `5m`, `1h30m`) or milliseconds. */
export type DurationInput = string | number;

export interface SeriesSpec {
  /** Labels of the series, as the query service returns them (group-by keys). */
  readonly labels?: Readonly<Record<string, string>>;
  /** promtool notation (`0+10x5 _ 100x3`), or one entry per point (`null` = no point). */
  readonly values: string | readonly (number | null | 'NaN' | 'Inf' | '+Inf' | '-Inf')[];
}

/** An alert that must be active; unspecified fields are not checked. */
export interface ExpectedAlert {
  /** With `match: 'subset'` (default) these labels must be present; with `'exact'` they must be all of them (ruleId and ruleSource aside). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Default `firing`. */
  readonly state?: ReportedAlertState;
  /** Compared with a relative tolerance of 1e-9. */
  readonly value?: number;
}

export interface AlertExpectation {
  /** Time after the test's start (`10m`); the state is the one after the last evaluation at or before it. */
  readonly at: DurationInput;
  /** Exactly these alerts are active; `[]` asserts silence. */
  readonly alerts: readonly ExpectedAlert[];
  readonly match?: 'subset' | 'exact';
}

export interface ResolveExpectation {
  /** Labels (subset) of the alert that must resolve. */
  readonly labels: Readonly<Record<string, string>>;
  /** When its first resolution happens (time after start), or `never` within the test. */
  readonly at: DurationInput | 'never';
}

export interface BehaviourTestCase {
  readonly name?: string;
  /** Spacing of the series points; default `1m`. */
  readonly interval?: DurationInput;
  /** Absolute time of t=0: unix ms or ISO 8601 with zone; default 0 (1970-01-01T00:00:00Z). */
  readonly start?: string | number;
  /** First evaluation, after start; default `0s`. */
  readonly firstEvalTime?: DurationInput;
  /** The server's evaluation delay; default `2m` (SigNoz's `ruler.eval_delay`). */
  readonly evalDelay?: DurationInput;
  /** Series per query name (`A`, `B`, or a formula's name to give its result directly). */
  readonly series: Readonly<Record<string, readonly SeriesSpec[]>>;
  readonly expectations?: readonly AlertExpectation[];
  readonly resolves?: readonly ResolveExpectation[];
}
