/** How often and over which window SigNoz evaluates a rule. */
import type { CumulativeSchedule, EvaluationEnvelope } from '../model/rule-payload';

/** Options of a rolling window: evaluate the last `window` every `frequency`. */
export interface RollingWindowOptions {
  /** How far back each evaluation looks, e.g. `5m`. */
  readonly window: string;
  /** How often the rule is evaluated, e.g. `1m`. @default '1m' */
  readonly frequency?: string;
}

/** Options of a cumulative window: from a schedule boundary (start of hour/day/week/month) until now. */
export interface CumulativeWindowOptions {
  readonly schedule: CumulativeSchedule;
  /** How often the rule is evaluated, e.g. `5m`. @default '1m' */
  readonly frequency?: string;
  /** IANA time zone of the schedule, e.g. `Europe/Berlin`. @default 'UTC' */
  readonly timezone?: string;
}

export const Evaluation = {
  /** Evaluate the last `window` every `frequency` (SigNoz's default kind). */
  rolling(options: RollingWindowOptions): EvaluationEnvelope {
    return { kind: 'rolling', spec: { evalWindow: options.window, frequency: options.frequency ?? '1m' } };
  },
  /** Evaluate from the last schedule boundary until now, e.g. "errors since the start of the day". */
  cumulative(options: CumulativeWindowOptions): EvaluationEnvelope {
    return {
      kind: 'cumulative',
      spec: { schedule: { ...options.schedule }, frequency: options.frequency ?? '1m', timezone: options.timezone ?? 'UTC' },
    };
  },
} as const;
