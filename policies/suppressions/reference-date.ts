/**
 * The date suppressions expire against. A check must give the same answer in the PR and in the
 * apply job the next day, so the date can be fixed instead of read from the runner's clock:
 * an explicit date (`--now`, the `today` option) wins, then `SOURCE_DATE_EPOCH` (seconds since
 * 1970, the reproducible-builds convention), then the clock (UTC).
 */
import { ToolkitError } from '../../constructs/model/toolkit-error';
import { isIsoDate } from './suppression';

/** Suppressions expiring within this many days of the reference date get a warning. */
export const EXPIRY_WARNING_DAYS = 14;

export const SOURCE_DATE_EPOCH = 'SOURCE_DATE_EPOCH';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A reference date that cannot be read: says which source gave it and what is allowed. */
export class ReferenceDateError extends ToolkitError {
  constructor(source: string, message: string) {
    // a flag is a mistake on the command line, like every other bad flag
    super(source.startsWith('--') ? 'command line' : 'reference date', {}, [{ path: '', message: `${source} ${message}` }]);
  }
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function dateOfIso(text: string, source: string): string {
  if (isIsoDate(text)) return text;
  const match = ISO_DATE_TIME.exec(text);
  const time = match && isIsoDate(match[1]!) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(time))
    throw new ReferenceDateError(source, `must be a date written YYYY-MM-DD or an ISO 8601 date-time with a zone (2026-12-07T10:00:00Z), got ${shown(text)}`);
  return new Date(time).toISOString().slice(0, 10);
}

function dateOfEpoch(text: string): string {
  const seconds = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const time = seconds * 1000;
  if (!Number.isFinite(time) || time > 8.64e15) {
    throw new ReferenceDateError(SOURCE_DATE_EPOCH, `must be a whole number of seconds since 1970-01-01 UTC, got ${shown(text)}`);
  }
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The reference date (`YYYY-MM-DD`, UTC): `explicit` when given (a date or an ISO date-time, as
 * `--now` takes it), else `SOURCE_DATE_EPOCH` of `env` when set and not empty, else `clock()`.
 */
export function resolveReferenceDate(
  explicit?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  clock: () => Date = () => new Date(),
  source = '--now',
): string {
  if (explicit !== undefined) return dateOfIso(explicit, source);
  const epoch = env[SOURCE_DATE_EPOCH];
  if (epoch !== undefined && epoch !== '') return dateOfEpoch(epoch);
  return clock().toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
