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

/** How each envelope built by `Evaluation` was written, so errors name the option the user wrote, not the payload field. */
const writtenAs = new WeakMap<object, { readonly factory: string; readonly options: Readonly<Record<string, string>> }>();

function written(envelope: EvaluationEnvelope, factory: string, options: Record<string, string>): EvaluationEnvelope {
  writtenAs.set(envelope, { factory, options });
  return envelope;
}

/**
 * The field as the user wrote it for a problem at `path` under `evaluation`, e.g.
 * `evaluation.spec.evalWindow` of `Evaluation.rolling({ window })` -> `evaluation (Evaluation.rolling option "window")`.
 */
export function evaluationFieldAsWritten(envelope: unknown, path: string): string {
  const how = typeof envelope === 'object' && envelope !== null ? writtenAs.get(envelope) : undefined;
  const inner = path.replace(/^evaluation\.?/, '');
  if (!how || !path.startsWith('evaluation')) return path;
  const option = Object.entries(how.options).find(([payloadPath]) => inner === payloadPath || inner.startsWith(`${payloadPath}.`));
  return option ? `evaluation (${how.factory} option "${option[1]}${inner.slice(option[0].length)}")` : `evaluation (${how.factory})`;
}

export const Evaluation = {
  /** Evaluate the last `window` every `frequency` (SigNoz's default kind). */
  rolling(options: RollingWindowOptions): EvaluationEnvelope {
    return written({ kind: 'rolling', spec: { evalWindow: options.window, frequency: options.frequency ?? '1m' } }, 'Evaluation.rolling', {
      'spec.evalWindow': 'window',
      'spec.frequency': 'frequency',
    });
  },
  /** Evaluate from the last schedule boundary until now, e.g. "errors since the start of the day". */
  cumulative(options: CumulativeWindowOptions): EvaluationEnvelope {
    return written(
      {
        kind: 'cumulative',
        spec: { schedule: { ...options.schedule }, frequency: options.frequency ?? '1m', timezone: options.timezone ?? 'UTC' },
      },
      'Evaluation.cumulative',
      { 'spec.schedule': 'schedule', 'spec.frequency': 'frequency', 'spec.timezone': 'timezone' },
    );
  },
} as const;
