/**
 * Chooses how an imported rule is written: as `AlertRule` props with query builders when the props
 * reproduce the rule exactly, else as `AlertRule.fromPayload` with the payload literal and the
 * reason. "Exactly" is checked, not assumed: the props are built with the real builders and the
 * real alert factory, and the resulting payload must equal the imported one after the import
 * normalizations.
 */
import { isDeepStrictEqual } from 'node:util';
import { AlertPropsProblems, buildRulePayload, DEFAULT_RENOTIFY_INTERVAL } from '../constructs/alerts/alert-factory';
import type { AlertRuleProps } from '../constructs/alerts/alert-rule-props';
import { alertRulePropsSchema, describePropsIssues } from '../constructs/alerts/alert-rule-props-schema';
import type { IQuery } from '../constructs/alerts/queries';
import { SEVERITIES } from '../constructs/model/enums';
import type { QueryEnvelope, RulePayload, Threshold } from '../constructs/model/rule-payload';
import { type JsonRecord } from '../constructs/validation/json-value';
import { isPlainObject } from '../constructs/util/json';
import { array, evaluateExpr, literal, object, type BuilderClass, type CodeExpr } from './code-expression';
import { normalizeImportedRule } from '../constructs/codecs/import-normalization';

export type RuleCode = { readonly mode: 'props'; readonly props: CodeExpr } | { readonly mode: 'payload'; readonly reason: string };

type Call = { method: string; args: CodeExpr[] };

const COMMON_BUILDER_KEYS = ['name', 'signal', 'stepInterval', 'disabled', 'filter', 'groupBy', 'order', 'having', 'functions', 'legend', 'limit', 'aggregations'];

function onlyKeys(value: JsonRecord, allowed: readonly string[]): boolean {
  return Object.keys(value).every((k) => allowed.includes(k));
}

function fieldKeyExpr(key: unknown): CodeExpr {
  return isPlainObject(key) && Object.keys(key).length === 1 && typeof key.name === 'string' ? literal(key.name) : literal(key);
}

/** The fluent calls every builder query shares, or `undefined` when a value has no setter. */
function commonCalls(spec: JsonRecord): Call[] | undefined {
  const calls: Call[] = [];
  if (isPlainObject(spec.filter)) calls.push({ method: 'where', args: [literal(spec.filter.expression)] });
  if (Array.isArray(spec.groupBy)) calls.push({ method: 'groupBy', args: spec.groupBy.map(fieldKeyExpr) });
  if (Array.isArray(spec.order)) {
    for (const order of spec.order) {
      if (!isPlainObject(order) || !onlyKeys(order, ['key', 'direction'])) return undefined;
      calls.push({ method: 'orderBy', args: [fieldKeyExpr(order.key), literal(order.direction)] });
    }
  }
  if (Array.isArray(spec.functions)) {
    for (const fn of spec.functions) {
      if (!isPlainObject(fn) || !onlyKeys(fn, ['name', 'args'])) return undefined;
      const args = Array.isArray(fn.args) ? fn.args : [];
      if (!args.every((a) => isPlainObject(a) && onlyKeys(a, ['value']))) return undefined;
      calls.push({ method: 'fn', args: [literal(fn.name), ...args.map((a) => literal((a as JsonRecord).value))] });
    }
  }
  if (isPlainObject(spec.having)) calls.push({ method: 'having', args: [literal(spec.having.expression)] });
  if (spec.stepInterval !== undefined) calls.push({ method: 'stepInterval', args: [literal(spec.stepInterval)] });
  if (spec.disabled === true) calls.push({ method: 'disabled', args: [] });
  if (spec.legend !== undefined) calls.push({ method: 'legend', args: [literal(spec.legend)] });
  if (spec.limit !== undefined) calls.push({ method: 'limit', args: [literal(spec.limit)] });
  return calls;
}

function expressionAggregationCalls(aggregations: unknown): Call[] | undefined {
  if (!Array.isArray(aggregations)) return [];
  const calls: Call[] = [];
  for (const aggregation of aggregations) {
    if (!isPlainObject(aggregation) || !onlyKeys(aggregation, ['expression', 'alias']) || typeof aggregation.expression !== 'string') return undefined;
    if (aggregation.expression === 'count()' && aggregation.alias === undefined) calls.push({ method: 'count', args: [] });
    else calls.push({ method: 'aggregate', args: [literal(aggregation.expression), ...(aggregation.alias !== undefined ? [literal(aggregation.alias)] : [])] });
  }
  return calls;
}

function chain(className: BuilderClass, args: unknown[], calls: Call[]): CodeExpr {
  return { kind: 'new', className, args: args.map(literal), calls };
}

/** A builder expression for one query, or `undefined` when only the raw envelope can say it. */
function builderFor(envelope: QueryEnvelope): CodeExpr | undefined {
  const spec = envelope.spec as unknown as JsonRecord;
  const name = spec.name;
  switch (envelope.type) {
    case 'builder_query': {
      if (spec.signal === 'metrics') {
        if (!onlyKeys(spec, [...COMMON_BUILDER_KEYS, 'source']) || (spec.source !== undefined && spec.source !== 'meter')) return undefined;
        const aggregations = spec.aggregations;
        if (!Array.isArray(aggregations) || aggregations.length !== 1 || !isPlainObject(aggregations[0])) return undefined;
        const aggregation = aggregations[0];
        if (!onlyKeys(aggregation, ['metricName', 'timeAggregation', 'spaceAggregation', 'temporality', 'reduceTo'])) return undefined;
        const calls: Call[] = [];
        for (const setter of ['timeAggregation', 'spaceAggregation', 'temporality', 'reduceTo'] as const) {
          if (aggregation[setter] !== undefined) calls.push({ method: setter, args: [literal(aggregation[setter])] });
        }
        if (spec.source === 'meter') calls.push({ method: 'fromMeter', args: [] });
        const common = commonCalls(spec);
        return common ? chain('MetricsQuery', [name, aggregation.metricName], [...calls, ...common]) : undefined;
      }
      if (!onlyKeys(spec, COMMON_BUILDER_KEYS)) return undefined;
      const aggregationCalls = expressionAggregationCalls(spec.aggregations);
      const common = commonCalls(spec);
      if (!aggregationCalls || !common) return undefined;
      return chain(spec.signal === 'logs' ? 'LogsQuery' : 'TracesQuery', [name], [...aggregationCalls, ...common]);
    }
    case 'builder_trace_operator': {
      if (!onlyKeys(spec, [...COMMON_BUILDER_KEYS.filter((k) => k !== 'signal'), 'expression'])) return undefined;
      const aggregationCalls = expressionAggregationCalls(spec.aggregations);
      const common = commonCalls(spec);
      if (!aggregationCalls || !common) return undefined;
      return chain('TraceOperatorQuery', [name, spec.expression], [...aggregationCalls, ...common]);
    }
    case 'builder_formula': {
      if (!onlyKeys(spec, ['name', 'expression', 'legend', 'disabled', 'functions'])) return undefined;
      const common = commonCalls({ functions: spec.functions, legend: spec.legend, disabled: spec.disabled });
      return common ? chain('Formula', [name, spec.expression], common) : undefined;
    }
    case 'promql': {
      if (!onlyKeys(spec, ['name', 'query', 'legend', 'step', 'disabled'])) return undefined;
      const calls: Call[] = [];
      if (spec.legend !== undefined) calls.push({ method: 'legend', args: [literal(spec.legend)] });
      if (spec.step !== undefined) calls.push({ method: 'step', args: [literal(spec.step)] });
      if (spec.disabled === true) calls.push({ method: 'disabled', args: [] });
      return chain('PromQLQuery', [name, spec.query], calls);
    }
    case 'clickhouse_sql': {
      if (!onlyKeys(spec, ['name', 'query', 'legend', 'disabled'])) return undefined;
      const calls: Call[] = [];
      if (spec.legend !== undefined) calls.push({ method: 'legend', args: [literal(spec.legend)] });
      if (spec.disabled === true) calls.push({ method: 'disabled', args: [] });
      return chain('ClickHouseQuery', [name, spec.query], calls);
    }
    default:
      return undefined;
  }
}

/** The builder expression for a query when it writes exactly the query, else the envelope literal. */
function queryExpr(envelope: QueryEnvelope): CodeExpr {
  const builder = builderFor(envelope);
  if (builder) {
    try {
      if (isDeepStrictEqual((evaluateExpr(builder) as IQuery).toEnvelope(), envelope)) return builder;
    } catch {
      // a value the builder refuses: keep the envelope as written
    }
  }
  return literal(envelope);
}

/** One value shared by every threshold, or `undefined`. */
function shared<T>(thresholds: readonly Threshold[], pick: (t: Threshold) => T): T | undefined {
  const first = pick(thresholds[0]!);
  return thresholds.every((t) => isDeepStrictEqual(pick(t), first)) ? first : undefined;
}

function tiersAndDefaults(payload: RulePayload, usePolicy: boolean): { entries: [string, CodeExpr][]; reason?: string } {
  const thresholds = payload.condition.thresholds.spec;
  const names = thresholds.map((t) => t.name);
  const unknown = names.filter((n) => !(SEVERITIES as readonly string[]).includes(n));
  if (unknown.length > 0) return { entries: [], reason: `threshold ${JSON.stringify(unknown[0])} is not a severity tier (${SEVERITIES.join(', ')})` };
  const ordered = SEVERITIES.filter((s) => names.includes(s));
  if (new Set(names).size !== names.length) return { entries: [], reason: 'two thresholds have the same name' };
  if (!isDeepStrictEqual(ordered, names)) return { entries: [], reason: `the thresholds are ordered ${names.join(', ')}; AlertRule writes tiers from most to least severe` };

  const op = shared(thresholds, (t) => t.op);
  const matchType = shared(thresholds, (t) => t.matchType);
  const targetUnit = shared(thresholds, (t) => t.targetUnit);
  const channels = shared(thresholds, (t) => t.channels ?? []);
  const ruleChannels = channels !== undefined && channels.length > 0 ? channels : undefined;
  const tiers = thresholds.map((t) => {
    const entries: [string, CodeExpr][] = [['target', literal(t.target)]];
    if (op === undefined) entries.push(['op', literal(t.op)]);
    if (matchType === undefined) entries.push(['matchType', literal(t.matchType)]);
    if (t.recoveryTarget !== undefined && t.recoveryTarget !== null) entries.push(['recoveryTarget', literal(t.recoveryTarget)]);
    if (targetUnit === undefined && t.targetUnit !== undefined) entries.push(['targetUnit', literal(t.targetUnit)]);
    if (ruleChannels === undefined && (t.channels ?? []).length > 0) entries.push(['channels', literal(t.channels)]);
    return [t.name, object(entries)] as [string, CodeExpr];
  });
  const entries: [string, CodeExpr][] = [['tiers', object(tiers)]];
  if (op !== undefined && op !== 'above') entries.push(['op', literal(op)]);
  if (matchType !== undefined && matchType !== 'at_least_once') entries.push(['matchType', literal(matchType)]);
  if (targetUnit !== undefined) entries.push(['targetUnit', literal(targetUnit)]);
  if (ruleChannels !== undefined) entries.push(['channels', literal(ruleChannels)]);
  if (usePolicy) entries.push(['routing', literal('policy')]);
  return { entries };
}

function evaluationExpr(payload: RulePayload): CodeExpr | undefined {
  const evaluation = payload.evaluation;
  if (evaluation.kind === 'rolling') {
    const { evalWindow, frequency } = evaluation.spec;
    if (evalWindow === '5m' && frequency === '1m') return undefined;
    return {
      kind: 'evaluation',
      method: 'rolling',
      options: object([['window', literal(evalWindow)], ...(frequency !== '1m' ? [['frequency', literal(frequency)] as const] : [])]),
    };
  }
  const { schedule, frequency, timezone } = evaluation.spec;
  return {
    kind: 'evaluation',
    method: 'cumulative',
    options: object([
      ['schedule', literal(schedule)],
      ...(frequency !== '1m' ? [['frequency', literal(frequency)] as const] : []),
      ...(timezone !== 'UTC' ? [['timezone', literal(timezone)] as const] : []),
    ]),
  };
}

function notificationsExpr(payload: RulePayload, absent: boolean): { expr?: CodeExpr; reason?: string } {
  const settings = payload.notificationSettings;
  const renotify = settings.renotify;
  if (!renotify) return { reason: 'the rule has no renotify settings; AlertRule always writes them' };
  const defaultStates = absent ? ['firing', 'nodata'] : ['firing'];
  const entries: [string, CodeExpr][] = [];
  if (settings.groupBy !== undefined) entries.push(['groupBy', literal(settings.groupBy)]);
  if (renotify.enabled === false) {
    entries.push(['renotify', literal(false)]);
  } else {
    if (renotify.interval === undefined) return { reason: 'renotify has no interval; AlertRule always writes one' };
    const states = renotify.alertStates !== undefined && !isDeepStrictEqual(renotify.alertStates, defaultStates) ? [['states', literal(renotify.alertStates)] as const] : [];
    if (renotify.interval !== DEFAULT_RENOTIFY_INTERVAL || states.length > 0) entries.push(['renotify', object([['every', literal(renotify.interval)], ...states])]);
    if (renotify.alertStates === undefined) return { reason: 'renotify lists no alert states; AlertRule always writes them' };
  }
  if (settings.newGroupEvalDelay !== undefined) entries.push(['newGroupEvalDelay', literal(settings.newGroupEvalDelay)]);
  return entries.length > 0 ? { expr: object(entries) } : {};
}

const KNOWN_CONDITION_KEYS = [
  'compositeQuery',
  'selectedQueryName',
  'thresholds',
  'alertOnAbsent',
  'absentFor',
  'requireMinPoints',
  'requiredNumPoints',
  'algorithm',
  'seasonality',
];

/** The props expression for `payload` (normalized), or why there is none. */
function propsFor(payload: RulePayload): { props?: CodeExpr; reason?: string } {
  if (payload.description !== undefined) return { reason: 'the rule has a top-level description, which AlertRuleProps has no field for' };
  const condition = payload.condition as unknown as JsonRecord;
  const extra = Object.keys(condition).filter((k) => !KNOWN_CONDITION_KEYS.includes(k));
  if (extra.length > 0) return { reason: `condition.${extra[0]} has no AlertRule prop` };
  const thresholds = payload.condition.thresholds.spec;
  if (thresholds.length === 0) return { reason: 'the rule has no thresholds' };
  const usePolicy = payload.notificationSettings.usePolicy === true;
  const tiers = tiersAndDefaults(payload, usePolicy);
  if (tiers.reason) return { reason: tiers.reason };
  const labels = { ...(payload.labels ?? {}) };
  const annotations = { ...(payload.annotations ?? {}) };
  if (annotations.summary === undefined || annotations.description === undefined) {
    return { reason: 'the rule lacks a summary or description annotation; AlertRule writes default ones' };
  }
  const absent = payload.condition.alertOnAbsent === true;
  if (absent !== (payload.condition.absentFor !== undefined)) return { reason: 'alertOnAbsent and absentFor are not set together' };
  const minPoints = payload.condition.requireMinPoints === true;
  if (minPoints !== (payload.condition.requiredNumPoints !== undefined)) return { reason: 'requireMinPoints and requiredNumPoints are not set together' };
  const notifications = notificationsExpr(payload, absent);
  if (notifications.reason) return { reason: notifications.reason };

  const entries: [string, CodeExpr][] = [['name', literal(payload.alert)]];
  entries.push(['queries', array(payload.condition.compositeQuery.queries.map(queryExpr))]);
  entries.push(['selectQuery', literal(payload.condition.selectedQueryName)]);
  if (payload.condition.compositeQuery.unit !== undefined) entries.push(['unit', literal(payload.condition.compositeQuery.unit)]);
  if (payload.condition.compositeQuery.panelType !== 'graph') entries.push(['panelType', literal(payload.condition.compositeQuery.panelType)]);
  entries.push(...tiers.entries);
  const evaluation = evaluationExpr(payload);
  if (evaluation) entries.push(['evaluation', evaluation]);
  if (absent) entries.push(['absentFor', literal(`${payload.condition.absentFor}m`)]);
  if (minPoints) entries.push(['minPoints', literal(payload.condition.requiredNumPoints)]);
  if (payload.ruleType === 'anomaly_rule') {
    const anomaly: [string, CodeExpr][] = [];
    if (payload.condition.seasonality !== undefined && payload.condition.seasonality !== 'daily') anomaly.push(['seasonality', literal(payload.condition.seasonality)]);
    if (payload.condition.algorithm !== undefined && payload.condition.algorithm !== 'standard') anomaly.push(['algorithm', literal(payload.condition.algorithm)]);
    entries.push(['anomaly', object(anomaly)]);
  }
  if (notifications.expr) entries.push(['notifications', notifications.expr]);
  if (Object.keys(labels).length > 0) entries.push(['labels', literal(labels)]);
  entries.push(['summary', literal(annotations.summary)], ['description', literal(annotations.description)]);
  delete annotations.summary;
  delete annotations.description;
  if (annotations.runbook_url !== undefined && /^https?:\/\/\S+$/.test(annotations.runbook_url)) {
    entries.push(['runbook', literal(annotations.runbook_url)]);
    delete annotations.runbook_url;
  }
  if (Object.keys(annotations).length > 0) entries.push(['annotations', literal(annotations)]);
  if (payload.disabled === true) entries.push(['disabled', literal(true)]);
  return { props: object(entries) };
}

/** Drops the entries whose absence builds the same payload (kind, selectQuery), for shorter code. */
function withInferredKind(props: CodeExpr, payload: RulePayload): CodeExpr {
  if (props.kind !== 'object') return props;
  const kind = { METRIC_BASED_ALERT: 'metrics', LOGS_BASED_ALERT: 'logs', TRACES_BASED_ALERT: 'traces', EXCEPTIONS_BASED_ALERT: 'exceptions' }[payload.alertType];
  const withKind = object([...props.entries.slice(0, 1), ['kind', literal(kind)], ...props.entries.slice(1)]);
  const candidates = [props, withKind];
  const trimmed = candidates.map((candidate) => {
    if (candidate.kind !== 'object') return candidate;
    const withoutSelect = object(candidate.entries.filter(([k]) => k !== 'selectQuery'));
    return buildsExactly(withoutSelect, payload) ? withoutSelect : candidate;
  });
  return trimmed.find((candidate) => buildsExactly(candidate, payload)) ?? withKind;
}

function buildsExactly(props: CodeExpr, payload: RulePayload): boolean {
  try {
    const built = buildRulePayload(evaluateExpr(props) as AlertRuleProps);
    return isDeepStrictEqual(normalizeImportedRule(built), payload);
  } catch {
    return false;
  }
}

/** The first JSON Pointer at which two JSON values differ. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${at}/${i}`);
      if (found !== undefined) return found;
    }
    return at;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], `${at}/${key}`);
      if (found !== undefined) return found;
    }
    return at;
  }
  return at || '/';
}

/** How to write `payload` (already normalized by `normalizeImportedRule`). */
export function ruleToCode(payload: RulePayload): RuleCode {
  const found = propsFor(payload);
  if (!found.props) return { mode: 'payload', reason: found.reason! };
  const props = withInferredKind(found.props, payload);
  const value = evaluateExpr(props) as AlertRuleProps;
  const parsed = alertRulePropsSchema.safeParse(value);
  if (!parsed.success) return { mode: 'payload', reason: `the props would be refused (${describePropsIssues(parsed.error)[0]})` };
  let built: RulePayload;
  try {
    built = normalizeImportedRule(buildRulePayload(value));
  } catch (err) {
    if (err instanceof AlertPropsProblems) return { mode: 'payload', reason: `the props would be refused (${err.problems[0]!.path}: ${err.problems[0]!.message})` };
    throw err;
  }
  const difference = firstDifference(built, payload);
  if (difference !== undefined) return { mode: 'payload', reason: `props would write ${difference} differently` };
  return { mode: 'props', props };
}
