/** Suppressions: a recorded decision to accept one policy finding, with a reason and an end. */
import { ToolkitError, type Problem } from '../../constructs/model/toolkit-error';

/** Suppresses findings of one rule on a construct and everything below it. */
export interface Suppression {
  /** The rule ID, e.g. `runbook-link`. */
  readonly id: string;
  /** Why the finding is accepted; at least 10 characters a reviewer can judge. */
  readonly reason: string;
  /** Who owns the decision (team or person). @default - none */
  readonly owner?: string;
  /** Last day the suppression holds, `YYYY-MM-DD`; from the next day on it is an error. @default - never expires */
  readonly expires?: string;
  /** Only the finding with this key (a tier name, a team, a JSON pointer; shown in reports). @default - every finding of the rule */
  readonly appliesTo?: string;
}

/** A suppression by construct path, for pack options: `prod/checkout/HighCpu`; `*` matches one path segment, `**` any number. */
export interface PathSuppression extends Suppression {
  readonly path: string;
}

export const MIN_REASON_LENGTH = 10;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KNOWN_KEYS = new Set(['id', 'reason', 'owner', 'expires', 'appliesTo', 'path']);

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** What is wrong with a suppression (empty when it is usable). */
export function suppressionProblems(value: unknown, requirePath: boolean): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['must be an object { id, reason, owner?, expires?, appliesTo? }'];
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof s.id !== 'string' || s.id.trim() === '') problems.push('id must name the rule to suppress');
  if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_LENGTH) {
    problems.push(`reason must explain the decision in at least ${MIN_REASON_LENGTH} characters`);
  }
  if (s.owner !== undefined && (typeof s.owner !== 'string' || s.owner.trim() === '')) problems.push('owner, when given, must be a non-empty string');
  if (s.expires !== undefined && (typeof s.expires !== 'string' || !isIsoDate(s.expires))) problems.push('expires must be a date written YYYY-MM-DD');
  if (s.appliesTo !== undefined && (typeof s.appliesTo !== 'string' || s.appliesTo === '')) problems.push('appliesTo, when given, must be a non-empty string');
  if (requirePath && (typeof s.path !== 'string' || s.path.trim() === '')) problems.push('path must be a construct path such as prod/checkout/HighCpu');
  for (const key of Object.keys(s)) if (!KNOWN_KEYS.has(key)) problems.push(`unknown field "${key}"`);
  return problems;
}

/** A suppression that cannot be used; names the construct and every problem (`path` is `[i]`, the suppression's index). */
export class SuppressionError extends ToolkitError {
  constructor(constructPath: string, problems: readonly Problem[]) {
    super('Suppressions.add', { constructPath }, problems);
  }
}

/** Whether a suppression path covers a construct path: the same construct or one below it. */
export function pathCovers(pattern: string, constructPath: string): boolean {
  if (!pattern.includes('*')) return constructPath === pattern || constructPath.startsWith(`${pattern}/`);
  const source = pattern
    .split('/')
    .map((segment) => (segment === '**' ? '.*' : segment.split('*').map(escapeRegExp).join('[^/]*')))
    .join('/');
  return new RegExp(`^${source}(?:/.*)?$`).test(constructPath);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
