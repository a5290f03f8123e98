/**
 * Names SigNoz's span metrics use. The SigNoz collector's `signozspanmetrics` processor turns every
 * span into `signoz_calls_total` (a counter with the dimensions `service.name`, `operation`,
 * `span.kind`, `status.code` and `http.status_code`) and the `signoz_latency` histogram in
 * milliseconds (queried as `signoz_latency.bucket`); SigNoz's service overview computes error
 * percentage and latency percentiles from them (frontend MetricsApplication/constant.ts and
 * MetricsPageQueries/OverviewQueries.ts).
 */
import { allOf, quoted } from './preset-props';

export const SPAN_METRICS = {
  calls: 'signoz_calls_total',
  latencyBuckets: 'signoz_latency.bucket',
} as const;

/** Span kinds as the span metrics write them in `span.kind`. */
export type SpanKind = 'SPAN_KIND_SERVER' | 'SPAN_KIND_CONSUMER' | 'SPAN_KIND_CLIENT' | 'SPAN_KIND_PRODUCER' | 'SPAN_KIND_INTERNAL';

export const SPAN_KINDS: readonly SpanKind[] = ['SPAN_KIND_SERVER', 'SPAN_KIND_CONSUMER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_INTERNAL'];

/** Which spans count as failed requests. */
export type ErrorDefinition = 'span-status' | 'http-5xx';

/** Filter for failed calls: span status ERROR (what SigNoz's service overview counts) or HTTP 5xx. */
export function errorFilter(errors: ErrorDefinition): string {
  return errors === 'http-5xx' ? 'http.status_code >= 500' : "status.code = 'STATUS_CODE_ERROR'";
}

/** Filter for the calls of one service (or every service) of the given span kinds. */
export function callsFilter(service: string | undefined, spanKinds: readonly SpanKind[], where?: string): string | undefined {
  const kinds = spanKinds.length === 0 ? undefined : spanKinds.length === 1 ? `span.kind = ${quoted(spanKinds[0]!)}` : `span.kind IN [${spanKinds.map(quoted).join(', ')}]`;
  return allOf(service !== undefined ? `service.name = ${quoted(service)}` : undefined, kinds, where);
}
