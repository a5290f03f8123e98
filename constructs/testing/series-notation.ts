/**
 * promtool's expanding series notation, for writing query results by hand:
 * `1 2 3`, `0+10x5` (0 10 20 30 40 50), `100-5x3` (100 95 90 85), `7x2` (7 7 7),
 * `_` (no point), `_x3` (three missing), `stale` (no point: aggregated results have no staleness
 * markers), `NaN`, `Inf`, `+Inf`, `-Inf`. Points are `interval` apart, the first at the start.
 */
import { ToolkitError } from '../model/toolkit-error';

export class SeriesNotationError extends ToolkitError {
  constructor(
    readonly token: string,
    readonly tokenIndex: number,
    readonly column: number,
    reason: string,
  ) {
    super('series notation', {}, [{ path: '', message: `bad value "${token}" (value ${tokenIndex + 1}, column ${column}): ${reason}` }]);
  }
}

/** `undefined` marks a missing point. */
export type NotationValue = number | undefined;

const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?[Ii]nf|[Nn]a[Nn]';
const SINGLE = new RegExp(`^(?:${NUMBER})$`);
const EXPANDING = new RegExp(`^(${NUMBER})(?:([+-])(${NUMBER}))?x(\\d+)$`);
const MAX_POINTS = 1_000_000;

function toNumber(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  return Number(text);
}

/** Expands the notation into one entry per point; throws `SeriesNotationError` naming the bad token. */
export function parseSeriesNotation(text: string): NotationValue[] {
  const values: NotationValue[] = [];
  const tokenPattern = /\S+/g;
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = tokenPattern.exec(text)) !== null) {
    const token = match[0];
    const fail = (reason: string): never => {
      throw new SeriesNotationError(token, index, match!.index + 1, reason);
    };
    if (token === '_' || token.toLowerCase() === 'stale') {
      values.push(undefined);
    } else if (/^_x\d+$/.test(token)) {
      const count = Number(token.slice(2));
      if (values.length + count > MAX_POINTS) fail(`more than ${MAX_POINTS} points`);
      for (let i = 0; i < count; i++) values.push(undefined);
    } else if (SINGLE.test(token)) {
      values.push(toNumber(token));
    } else {
      const expanding = EXPANDING.exec(token);
      if (!expanding) fail('expected a number, NaN, Inf, "_", "stale", or an expansion such as 1+2x10, 5-1x4, 7x3, _x5');
      const start = toNumber(expanding![1]!);
      const step = expanding![3] === undefined ? 0 : toNumber(expanding![3]) * (expanding![2] === '-' ? -1 : 1);
      const count = Number(expanding![4]);
      if (values.length + count + 1 > MAX_POINTS) fail(`more than ${MAX_POINTS} points`);
      for (let i = 0; i <= count; i++) values.push(start + i * step);
    }
    index++;
  }
  return values;
}
