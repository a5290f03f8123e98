/** The queries of a rule's composite query, read defensively from an unchecked payload. */
import { arrayAt, recordAt, stringAt, type JsonRecord } from './json-value';
import { pointer } from './json-pointer';

export const COMPOSITE_QUERY_PATH = '/condition/compositeQuery';

export interface QueryEntry {
  /** Pointer to the envelope's `spec`. */
  readonly specPath: string;
  readonly type: string | undefined;
  readonly spec: JsonRecord | undefined;
  readonly name: string | undefined;
  /** `spec.signal` of builder queries. */
  readonly signal: string | undefined;
}

export function listQueries(payload: unknown): QueryEntry[] {
  const queries = arrayAt(recordAt(recordAt(payload, 'condition'), 'compositeQuery'), 'queries') ?? [];
  return queries.map((envelope, index) => {
    const spec = recordAt(envelope, 'spec');
    return {
      specPath: pointer(COMPOSITE_QUERY_PATH, 'queries', index, 'spec'),
      type: stringAt(envelope, 'type'),
      spec,
      name: stringAt(spec, 'name'),
      signal: stringAt(spec, 'signal'),
    };
  });
}

/** Names of queries of one envelope type (`builder_query`, ...), optionally of one signal. */
export function namesOf(queries: readonly QueryEntry[], type: string, signal?: string): string[] {
  return queries.filter((q) => q.type === type && (signal === undefined || q.signal === signal) && q.name !== undefined).map((q) => q.name as string);
}
