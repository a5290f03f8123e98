/**
 * The one place that turns validated alert props into a canonical rule payload: naming, alert
 * type, tiers into thresholds, channels, evaluation, notification settings, labels and annotations.
 * Presets, SLOs and the importer all build their rules through it.
 */
import { SEVERITIES, normalizeCompareOp, normalizeMatchType, type AlertType, type CompositeQueryType, type RenotifyState } from '../model/enums';
import { channelName } from '../model/channel-ref';
import type { NotificationSettings, QueryEnvelope, RulePayload, Threshold } from '../model/rule-payload';
import type { AlertKind, AlertRuleProps } from './alert-rule-props';
import type { IQuery } from './queries';
import { ToolkitError, type Problem } from '../model/toolkit-error';

export const DEFAULT_SUMMARY = 'The value {{$value}} crossed the threshold {{$threshold}}';
export const DEFAULT_DESCRIPTION = 'This alert fires when the observed value ({{$value}}) crosses the threshold ({{$threshold}}). Labels: {{$labels}}';
export const DEFAULT_RENOTIFY_INTERVAL = '4h';

const ALERT_TYPE_OF: Record<AlertKind, AlertType> = {
  metrics: 'METRIC_BASED_ALERT',
  logs: 'LOGS_BASED_ALERT',
  traces: 'TRACES_BASED_ALERT',
  exceptions: 'EXCEPTIONS_BASED_ALERT',
};

/** Props that pass the schema but cannot build a rule together; each problem names the prop it is about. */
export class AlertPropsProblems extends ToolkitError {
  constructor(problems: readonly Problem[]) {
    super('AlertRule props', {}, problems);
  }
}

function envelopeOf(query: IQuery | QueryEnvelope): QueryEnvelope {
  return 'toEnvelope' in query && typeof query.toEnvelope === 'function' ? query.toEnvelope() : structuredClone(query as QueryEnvelope);
}

function compositeQueryType(queries: readonly QueryEnvelope[], problems: Problem[]): CompositeQueryType {
  const kinds = new Set(queries.map((q) => (q.type === 'promql' ? 'promql' : q.type === 'clickhouse_sql' ? 'clickhouse_sql' : 'builder')));
  if (kinds.size > 1) {
    problems.push({ path: 'queries', message: `cannot mix ${[...kinds].sort().join(' and ')} queries in one alert; use one kind (builder queries may be combined with formulas)` });
  }
  return [...kinds][0] as CompositeQueryType;
}

function inferKind(props: AlertRuleProps, queries: readonly QueryEnvelope[], problems: Problem[]): AlertKind {
  if (props.kind) return props.kind;
  const signals = new Set<string>();
  for (const q of queries) {
    if (q.type === 'builder_query') signals.add(q.spec.signal);
    else if (q.type === 'promql') signals.add('metrics');
    else if (q.type === 'builder_trace_operator') signals.add('traces');
  }
  if (signals.size === 1) return [...signals][0] as AlertKind;
  problems.push({
    path: 'kind',
    message:
      signals.size === 0
        ? 'cannot infer the alert kind from ClickHouse SQL queries; set kind to metrics, logs, traces or exceptions'
        : `queries read ${[...signals].sort().join(' and ')}; set kind to say which alert type this is`,
  });
  return 'metrics';
}

function selectQuery(props: AlertRuleProps, queries: readonly QueryEnvelope[], problems: Problem[]): string {
  const names = queries.map((q) => q.spec.name);
  if (props.selectQuery !== undefined) {
    if (!names.includes(props.selectQuery)) problems.push({ path: 'selectQuery', message: `"${props.selectQuery}" is not one of the queries (${names.join(', ')})` });
    return props.selectQuery;
  }
  const formulas = queries.filter((q) => q.type === 'builder_formula');
  if (formulas.length === 1) return formulas[0]!.spec.name;
  const enabled = queries.filter((q) => !q.spec.disabled);
  if (formulas.length === 0 && enabled.length === 1) return enabled[0]!.spec.name;
  problems.push({ path: 'selectQuery', message: `several queries (${names.join(', ')}); say which one the thresholds apply to` });
  return names[0] ?? 'A';
}

function thresholds(props: AlertRuleProps, problems: Problem[]): Threshold[] {
  const out: Threshold[] = [];
  for (const severity of SEVERITIES) {
    const tier = props.tiers[severity];
    if (!tier) continue;
    const op = normalizeCompareOp(tier.op ?? props.op ?? 'above');
    const matchType = normalizeMatchType(tier.matchType ?? props.matchType ?? 'at_least_once');
    if (!op || !matchType) continue; // reported by the props schema
    const channels = (tier.channels ?? props.channels ?? []).map(channelName);
    if (channels.length === 0 && props.routing !== 'policy') {
      problems.push({ path: `tiers.${severity}.channels`, message: "no channel to notify; give the tier (or the rule) channels, or set routing: 'policy'" });
    }
    const targetUnit = tier.targetUnit ?? props.targetUnit;
    out.push({
      name: severity,
      target: tier.target,
      op,
      matchType,
      ...(targetUnit !== undefined ? { targetUnit } : {}),
      ...(tier.recoveryTarget !== undefined ? { recoveryTarget: tier.recoveryTarget } : {}),
      channels: [...new Set(channels)],
    });
  }
  return out;
}

function notificationSettings(props: AlertRuleProps): NotificationSettings {
  const options = props.notifications ?? {};
  const defaultStates: RenotifyState[] = props.absentFor ? ['firing', 'nodata'] : ['firing'];
  const renotify =
    options.renotify === false
      ? { enabled: false, interval: DEFAULT_RENOTIFY_INTERVAL, alertStates: defaultStates }
      : { enabled: true, interval: options.renotify?.every ?? DEFAULT_RENOTIFY_INTERVAL, alertStates: [...(options.renotify?.states ?? defaultStates)] };
  return {
    groupBy: [...(options.groupBy ?? [])],
    usePolicy: props.routing === 'policy',
    ...(options.newGroupEvalDelay !== undefined ? { newGroupEvalDelay: options.newGroupEvalDelay } : {}),
    renotify,
  };
}

function minutes(duration: string): number {
  const [, h = '0', m = '0', s = '0'] = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration) ?? [];
  return Math.max(1, Math.ceil(Number(h) * 60 + Number(m) + Number(s) / 60));
}

/**
 * The canonical payload for props already checked by `alertRulePropsSchema`. Throws
 * `AlertPropsProblems` for combinations the schema cannot see (unknown selected query, ...).
 */
export function buildRulePayload(props: AlertRuleProps): RulePayload {
  const problems: Problem[] = [];
  const queries = props.queries.map(envelopeOf);
  const queryType = compositeQueryType(queries, problems);
  const kind = inferKind(props, queries, problems);
  const selected = selectQuery(props, queries, problems);
  const spec = thresholds(props, problems);
  if (props.anomaly && !queries.some((q) => q.type === 'builder_query' && q.spec.signal === 'metrics')) {
    problems.push({ path: 'anomaly', message: 'anomaly rules need a metrics builder query (MetricsQuery)' });
  }
  if (problems.length > 0) throw new AlertPropsProblems(problems);

  const ruleType = queryType === 'promql' ? 'promql_rule' : props.anomaly ? 'anomaly_rule' : 'threshold_rule';
  // No rule-level `severity` label: SigNoz applies rule labels after the tier's own labels, so one
  // would make every tier fire with that severity. Each tier's name becomes its alerts' severity.
  const labels: Record<string, string> = { ...(props.labels ?? {}) };
  const annotations: Record<string, string> = {
    ...(props.annotations ?? {}),
    summary: props.summary ?? props.annotations?.summary ?? DEFAULT_SUMMARY,
    description: props.description ?? props.annotations?.description ?? DEFAULT_DESCRIPTION,
    ...(props.runbook !== undefined ? { runbook_url: props.runbook } : {}),
  };

  return {
    alert: props.name,
    alertType: ALERT_TYPE_OF[kind],
    ruleType,
    condition: {
      compositeQuery: {
        queryType,
        panelType: props.panelType ?? 'graph',
        ...(props.unit !== undefined ? { unit: props.unit } : {}),
        queries,
      },
      selectedQueryName: selected,
      thresholds: { kind: 'basic', spec },
      ...(props.absentFor !== undefined ? { alertOnAbsent: true, absentFor: minutes(props.absentFor) } : {}),
      ...(props.minPoints !== undefined ? { requireMinPoints: true, requiredNumPoints: props.minPoints } : {}),
      ...(props.anomaly ? { algorithm: props.anomaly.algorithm ?? 'standard', seasonality: props.anomaly.seasonality ?? 'daily' } : {}),
    },
    labels,
    annotations,
    disabled: props.disabled ?? false,
    version: 'v5',
    schemaVersion: 'v2alpha1',
    evaluation: props.evaluation ? structuredClone(props.evaluation) : { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
    notificationSettings: notificationSettings(props),
  };
}
