import { ToolkitError } from '../model/toolkit-error';

/**
 * The series file of `signoz-alerts evaluate`: `{"A": [{"labels": {...}, "points": [[unixMillis, value], ...]}]}`.
 * JSON has no NaN or infinities, so those values are the strings "NaN", "+Inf" (or "Inf") and "-Inf".
 */
import type { QueryResults, ResultSeries, SeriesPoint } from './series';
import { MAX_TIMESTAMP_MS } from './evaluation-limits';

export class SeriesDocumentError extends ToolkitError {
  constructor(
    /** JSON Pointer into the series document. */
    readonly path: string,
    message: string,
  ) {
    super('series document', { pointer: path }, [{ path, message }]);
  }
}

const NON_FINITE: Readonly<Record<string, number>> = { nan: Number.NaN, '+inf': Infinity, inf: Infinity, '-inf': -Infinity };

function pointValue(raw: unknown, path: string): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim().toLowerCase() in NON_FINITE) return NON_FINITE[raw.trim().toLowerCase()]!;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  throw new SeriesDocumentError(path, `value must be a number or one of "NaN", "+Inf", "-Inf"; got ${JSON.stringify(raw)}`);
}

/** Checks and reads a parsed series document; throws `SeriesDocumentError` with a JSON Pointer. */
export function parseSeriesDocument(doc: unknown): QueryResults {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new SeriesDocumentError('', 'expected an object keyed by query name, e.g. {"A": [{"labels": {}, "points": [[0, 1]]}]}');
  }
  const results: Record<string, ResultSeries[]> = {};
  for (const [query, list] of Object.entries(doc)) {
    const at = `/${query.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!Array.isArray(list)) throw new SeriesDocumentError(at, 'expected a list of series');
    results[query] = list.map((raw: unknown, i: number): ResultSeries => {
      const sAt = `${at}/${i}`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SeriesDocumentError(sAt, 'expected {"labels": {...}, "points": [...]}');
      const { labels = {}, points } = raw as { labels?: unknown; points?: unknown };
      if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) throw new SeriesDocumentError(`${sAt}/labels`, 'expected an object of label names to values');
      const labelMap: Record<string, string> = {};
      for (const [k, v] of Object.entries(labels)) {
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new SeriesDocumentError(`${sAt}/labels/${k}`, 'label values must be strings');
        labelMap[k] = String(v);
      }
      if (!Array.isArray(points)) throw new SeriesDocumentError(`${sAt}/points`, 'expected a list of [unixMillis, value] pairs');
      const parsed = points.map((p: unknown, j: number): SeriesPoint => {
        const pAt = `${sAt}/points/${j}`;
        if (!Array.isArray(p) || p.length !== 2) throw new SeriesDocumentError(pAt, 'expected [unixMillis, value]');
        if (typeof p[0] !== 'number' || !Number.isInteger(p[0])) throw new SeriesDocumentError(`${pAt}/0`, 'timestamp must be whole unix milliseconds');
        if (Math.abs(p[0]) > MAX_TIMESTAMP_MS) throw new SeriesDocumentError(`${pAt}/0`, `timestamp must be within ±${MAX_TIMESTAMP_MS} unix milliseconds (the range of a date)`);
        return [p[0], pointValue(p[1], `${pAt}/1`)];
      });
      return { labels: labelMap, points: parsed };
    });
  }
  return results;
}
