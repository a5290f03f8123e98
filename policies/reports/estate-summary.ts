/**
 * What a synthesized estate holds, stack by stack: alerts by severity, kind and query, channels,
 * route policies and maintenance windows. Read from `cdk.tf.json` (the same reader the policy
 * checks use), so it describes exactly what Terraform will apply.
 */
import { ownEntry } from '../../constructs/util/json';
import { readStack } from '../stack-reading/read-stack';
import { resolvePolicyOptions } from '../options';
import type { SynthesizedStack } from '../stack-reading/read-stack';
import type { AlertSubject } from '../subjects';
import { SEVERITIES } from '../../constructs/model/enums';

export interface EstateStackSummary {
  readonly stack: string;
  readonly environment: string;
  /** Backend type and its bucket/path, e.g. `s3 acme-tfstate`. */
  readonly state: string;
  readonly alerts: number;
  readonly disabled: number;
  /** Alerts by their most severe tier. */
  readonly bySeverity: Readonly<Record<string, number>>;
  /** Alerts by telemetry kind: metrics, logs, traces, exceptions. */
  readonly byKind: Readonly<Record<string, number>>;
  /** Alerts by what they evaluate: builder, formula, promql, clickhouse, anomaly, trace operator. */
  readonly byQuery: Readonly<Record<string, number>>;
  readonly channels: readonly { readonly name: string; readonly kind?: string; readonly managed: boolean }[];
  readonly routes: readonly { readonly name: string; readonly expression: string; readonly channels: readonly string[] }[];
  readonly windows: readonly { readonly name: string; readonly schedule: string; readonly alerts: number | 'all' }[];
}

const KIND: Record<string, string> = {
  METRIC_BASED_ALERT: 'metrics',
  LOGS_BASED_ALERT: 'logs',
  TRACES_BASED_ALERT: 'traces',
  EXCEPTIONS_BASED_ALERT: 'exceptions',
};

function count(values: readonly string[]): Record<string, number> {
  // keys are input (severities, kinds): no prototype, so `__proto__` or `constructor` count like any other
  const out = Object.create(null) as Record<string, number>;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function topSeverity(alert: AlertSubject): string {
  const names = alert.payload.condition.thresholds.spec.map((t) => t.name.toLowerCase());
  return SEVERITIES.find((s) => names.includes(s)) ?? names[0] ?? 'none';
}

function queryKind(alert: AlertSubject): string {
  if (alert.payload.ruleType === 'anomaly_rule') return 'anomaly';
  const { compositeQuery, selectedQueryName } = alert.payload.condition;
  const selected = compositeQuery.queries.find((q) => q.spec.name === selectedQueryName) ?? compositeQuery.queries[0];
  switch (selected?.type) {
    case 'builder_formula':
      return 'formula';
    case 'promql':
      return 'promql';
    case 'clickhouse_sql':
      return 'clickhouse';
    case 'builder_trace_operator':
      return 'trace operator';
    default:
      return 'builder';
  }
}

function stateOf(document: Record<string, unknown>): string {
  const terraform = (document.terraform ?? {}) as { backend?: Record<string, Record<string, unknown>>; cloud?: Record<string, unknown> };
  if (terraform.cloud) return `HCP Terraform ${String(terraform.cloud.organization ?? '')}`.trim();
  const [type, config] = Object.entries(terraform.backend ?? {})[0] ?? ['local (default)', {}];
  const where = config.bucket ?? config.path ?? config.storage_account_name ?? config.organization;
  return where === undefined ? type : `${type} ${String(where)}`;
}

function windowsOf(document: Record<string, unknown>): EstateStackSummary['windows'] {
  const windows = ((document.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>).signoz_planned_maintenance ?? {};
  return Object.values(windows)
    .map((w) => {
      const schedule = (w.schedule ?? {}) as { timezone?: string; start_time?: string; recurrence?: { repeat_type?: string; duration?: string; repeat_on?: string[] } };
      const recurrence = schedule.recurrence;
      const text = recurrence
        ? `${recurrence.repeat_type ?? 'recurring'}${recurrence.repeat_on ? ` on ${recurrence.repeat_on.join(', ')}` : ''} from ${schedule.start_time} for ${recurrence.duration} (${schedule.timezone})`
        : `once from ${schedule.start_time} (${schedule.timezone})`;
      return { name: String(w.name), schedule: text, alerts: Array.isArray(w.alert_ids) ? w.alert_ids.length : ('all' as const) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A summary of each synthesized stack. */
export function summarizeStacks(stacks: readonly SynthesizedStack[]): EstateStackSummary[] {
  const options = resolvePolicyOptions();
  return stacks.map((input) => {
    const { subject } = readStack(input, options);
    return {
      stack: input.name,
      environment: subject.environment,
      state: stateOf(input.document),
      alerts: subject.alerts.length,
      disabled: subject.alerts.filter((a) => a.payload.disabled).length,
      bySeverity: count(subject.alerts.map(topSeverity)),
      byKind: count(subject.alerts.map((a) => ownEntry(KIND, a.payload.alertType) ?? a.payload.alertType)),
      byQuery: count(subject.alerts.map(queryKind)),
      channels: subject.channels.map((c) => ({ name: c.name, ...(c.kind ? { kind: c.kind } : {}), managed: !c.imported })),
      routes: subject.routePolicies.map((p) => ({ name: p.name, expression: p.expression, channels: p.channels })),
      windows: windowsOf(input.document),
    };
  });
}

function tally(counts: Readonly<Record<string, number>>, order: readonly string[] = []): string {
  const keys = [
    ...order.filter((k) => counts[k]),
    ...Object.keys(counts)
      .filter((k) => !order.includes(k))
      .sort(),
  ];
  return keys.map((k) => `${k} ${counts[k]}`).join(', ') || 'none';
}

/** The summary as text for a terminal. */
export function renderStackSummaries(summaries: readonly EstateStackSummary[]): string {
  const out: string[] = [];
  for (const s of summaries) {
    out.push(`${s.stack}  (environment ${s.environment}; state: ${s.state})`);
    out.push(`  alerts    ${String(s.alerts).padStart(3)}  by severity: ${tally(s.bySeverity, SEVERITIES)}${s.disabled ? `; disabled ${s.disabled}` : ''}`);
    out.push(
      `                 by kind: ${tally(s.byKind, ['metrics', 'logs', 'traces', 'exceptions'])}; by query: ${tally(s.byQuery, ['builder', 'formula', 'promql', 'clickhouse', 'anomaly'])}`,
    );
    out.push(
      `  channels  ${String(s.channels.length).padStart(3)}  ${s.channels.map((c) => `${c.name} (${c.kind ?? 'kind unknown'}${c.managed ? '' : ', managed elsewhere'})`).join(', ')}`,
    );
    out.push(`  routes    ${String(s.routes.length).padStart(3)}${s.routes.map((r) => `\n            ${r.name}: ${r.expression} -> ${r.channels.join(', ')}`).join('')}`);
    out.push(
      `  windows   ${String(s.windows.length).padStart(3)}${s.windows.map((w) => `\n            ${w.name}: ${w.schedule}, ${w.alerts === 'all' ? 'all alerts' : `${w.alerts} alerts`}`).join('')}`,
    );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
