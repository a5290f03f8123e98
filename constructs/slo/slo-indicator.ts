/**
 * The service level indicator of an SLO: a ratio of event counts, either good events over all
 * events or bad events over all events, each given as a builder query. Burn-rate alerts add up
 * these counts over windows, so each query must count additively, and the SLO owns the step
 * interval and the query functions.
 */
import type { IQuery } from '../alerts/queries';
import type { BuilderQuerySpec, QueryEnvelope } from '../model/rule-payload';

export type SloQuery = IQuery | QueryEnvelope;

/** Good events over all events (availability: successful requests; latency: fast requests). */
export interface GoodTotalIndicator {
  readonly good: SloQuery;
  readonly total: SloQuery;
}

/** Bad events over all events (e.g. failed requests). */
export interface BadTotalIndicator {
  readonly bad: SloQuery;
  readonly total: SloQuery;
}

export type SloIndicator = GoodTotalIndicator | BadTotalIndicator;

/** The indicator's queries as plain builder specs, checked. */
export interface PreparedIndicator {
  /** Whether the first query counts good or bad events. */
  readonly counts: 'good' | 'bad';
  readonly events: BuilderQuerySpec;
  readonly total: BuilderQuerySpec;
}

const ADDITIVE_TIME_AGGREGATIONS = ['rate', 'increase', 'count'];

function envelopeOf(query: SloQuery): QueryEnvelope {
  return typeof (query as IQuery).toEnvelope === 'function' ? (query as IQuery).toEnvelope() : structuredClone(query as QueryEnvelope);
}

function isQuery(value: unknown): value is SloQuery {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as IQuery).toEnvelope === 'function' || (typeof (value as QueryEnvelope).type === 'string' && typeof (value as QueryEnvelope).spec === 'object');
}

/** Problems with one indicator query, as `field: message`. */
function checkSpec(envelope: QueryEnvelope, field: string, problems: string[]): BuilderQuerySpec | undefined {
  if (envelope.type !== 'builder_query') {
    problems.push(`${field}: must be a MetricsQuery, LogsQuery or TracesQuery (burn-rate formulas add up builder query counts), got a ${envelope.type} query`);
    return undefined;
  }
  const spec = envelope.spec;
  const before = problems.length;
  if (!Array.isArray(spec.aggregations) || spec.aggregations.length !== 1) {
    problems.push(`${field}: needs exactly one aggregation`);
  } else if (spec.signal === 'metrics') {
    const aggregation = spec.aggregations[0]!;
    if (!ADDITIVE_TIME_AGGREGATIONS.includes(aggregation.timeAggregation ?? '')) {
      problems.push(
        `${field}: timeAggregation must be rate, increase or count (event counts that add up over time and default to zero when absent), got ${JSON.stringify(aggregation.timeAggregation ?? '(none)')}`,
      );
    }
    if (aggregation.spaceAggregation !== 'sum') {
      problems.push(`${field}: spaceAggregation must be sum (counts of several series add up), got ${JSON.stringify(aggregation.spaceAggregation ?? '(none)')}`);
    }
  } else {
    const expression = (spec.aggregations[0]!.expression ?? '').trim().toLowerCase();
    if (!/^(count|sum)\(/.test(expression)) {
      problems.push(`${field}: the aggregation must be count() or sum(...) (event counts that add up over time), got ${JSON.stringify(spec.aggregations[0]!.expression)}`);
    }
  }
  for (const [key, why] of [
    ['stepInterval', 'the SLO sets the step to the short window'],
    ['functions', 'the SLO adds the functions that sum the long window'],
    ['having', 'dropping series would change the ratio'],
    ['limit', 'dropping series would change the ratio'],
  ] as const) {
    if (spec[key] !== undefined) problems.push(`${field}: must not set ${key} (${why})`);
  }
  return problems.length > before ? undefined : spec;
}

function groupNames(spec: BuilderQuerySpec): string {
  return (spec.groupBy ?? [])
    .map((k) => k.name)
    .sort()
    .join(', ');
}

/** Checks and unwraps an indicator; problems are `field: message` strings. */
export function prepareIndicator(indicator: SloIndicator, problems: string[]): PreparedIndicator | undefined {
  if (typeof indicator !== 'object' || indicator === null) {
    problems.push('indicator: must be { good, total } or { bad, total }');
    return undefined;
  }
  const hasGood = 'good' in indicator && indicator.good !== undefined;
  const hasBad = 'bad' in indicator && indicator.bad !== undefined;
  if (hasGood === hasBad) {
    problems.push('indicator: give exactly one of good and bad, and total');
    return undefined;
  }
  const counts = hasGood ? 'good' : 'bad';
  const events = hasGood ? (indicator as GoodTotalIndicator).good : (indicator as BadTotalIndicator).bad;
  const before = problems.length;
  if (!isQuery(events)) problems.push(`indicator.${counts}: must be a query builder or a v5 query envelope`);
  if (!isQuery(indicator.total)) problems.push('indicator.total: must be a query builder or a v5 query envelope');
  if (problems.length > before) return undefined;
  const eventsSpec = checkSpec(envelopeOf(events), `indicator.${counts}`, problems);
  const totalSpec = checkSpec(envelopeOf(indicator.total), 'indicator.total', problems);
  if (!eventsSpec || !totalSpec) return undefined;
  if (eventsSpec.signal !== totalSpec.signal) {
    problems.push(`indicator: ${counts} reads ${eventsSpec.signal} but total reads ${totalSpec.signal}; both must read the same signal`);
    return undefined;
  }
  if (groupNames(eventsSpec) !== groupNames(totalSpec)) {
    problems.push(`indicator: ${counts} groups by [${groupNames(eventsSpec)}] but total by [${groupNames(totalSpec)}]; group both by the same attributes`);
    return undefined;
  }
  return { counts, events: eventsSpec, total: totalSpec };
}
