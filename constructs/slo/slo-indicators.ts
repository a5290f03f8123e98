/**
 * Ready-made indicators on the data SigNoz has for every instrumented service: its span metrics
 * (`signoz_calls_total`, see presets/span-metrics.ts) for availability, and its spans
 * (`duration_nano`, `kind_string`, intrinsic span fields of SigNoz's traces) for latency.
 */
import { MetricsQuery, TracesQuery } from '../alerts/queries';
import { allOf, quoted } from '../presets/preset-props';
import { callsFilter, errorFilter, SPAN_METRICS, type ErrorDefinition, type SpanKind } from '../presets/span-metrics';
import type { BadTotalIndicator, GoodTotalIndicator } from './slo-indicator';
import { PropsError } from '../model/props-error';

export interface SpanMetricsAvailabilityOptions {
  /** The service (`service.name`). */
  readonly service: string;
  /** `span-status`: spans with status ERROR fail; `http-5xx`: `http.status_code >= 500` fails. @default 'span-status' */
  readonly errors?: ErrorDefinition;
  /** Span kinds that count as requests. @default ['SPAN_KIND_SERVER'] */
  readonly spanKinds?: readonly SpanKind[];
  /** Extra filter, e.g. `deployment.environment = 'prod'`. @default - none */
  readonly where?: string;
}

export interface TracesLatencyOptions {
  /** The service (`service.name`). */
  readonly service: string;
  /** Requests at or under this many milliseconds are good. */
  readonly thresholdMs: number;
  /** `kind_string` values that count as requests. @default ['Server'] */
  readonly spanKinds?: readonly ('Server' | 'Consumer' | 'Client' | 'Producer' | 'Internal')[];
  /** Extra filter, e.g. `http.route = '/checkout'`. @default - none */
  readonly where?: string;
}

function requireService(service: string, what: string): void {
  if (typeof service !== 'string' || service.trim() === '') throw new PropsError(what, '', [{ field: 'service', message: 'must name a service.name' }]);
}

export const SloIndicators = {
  /** Failed calls over all calls of a service, from SigNoz's span metrics. */
  spanMetricsAvailability(options: SpanMetricsAvailabilityOptions): BadTotalIndicator {
    requireService(options.service, 'SloIndicators.spanMetricsAvailability');
    const base = callsFilter(options.service, options.spanKinds ?? ['SPAN_KIND_SERVER'], options.where)!;
    const calls = (where: string) => new MetricsQuery('calls', SPAN_METRICS.calls).timeAggregation('increase').spaceAggregation('sum').where(where);
    return { bad: calls(allOf(base, errorFilter(options.errors ?? 'span-status'))!), total: calls(base) };
  },

  /** Spans of a service at or under a duration over all its spans, from its traces. */
  tracesLatency(options: TracesLatencyOptions): GoodTotalIndicator {
    requireService(options.service, 'SloIndicators.tracesLatency');
    if (!(Number.isFinite(options.thresholdMs) && options.thresholdMs > 0)) {
      throw new PropsError('SloIndicators.tracesLatency', '', [{ field: 'thresholdMs', message: `must be a positive number of milliseconds, got ${String(options.thresholdMs)}` }]);
    }
    const kinds = options.spanKinds ?? ['Server'];
    const kindFilter = kinds.length === 0 ? undefined : kinds.length === 1 ? `kind_string = ${quoted(kinds[0]!)}` : `kind_string IN [${kinds.map(quoted).join(', ')}]`;
    const base = allOf(`service.name = ${quoted(options.service)}`, kindFilter, options.where)!;
    const nanos = Math.round(options.thresholdMs * 1_000_000);
    return {
      good: new TracesQuery('fast').count().where(allOf(base, `duration_nano <= ${nanos}`)!),
      total: new TracesQuery('all').count().where(base),
    };
  },
} as const;
