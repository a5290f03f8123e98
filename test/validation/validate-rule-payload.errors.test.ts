import { validateRulePayload } from '../../constructs/validation';
import { mutatedRule, type AnyJson } from '../support/rule-fixtures';

type Case = readonly [description: string, fixture: string, mutate: (rule: AnyJson) => void, errors: readonly [path: string, message: string][]];

const METRICS = 'metrics-threshold.json';
const LOGS = 'logs-error-rate-formula.json';
const TRACES = 'traces-p99-latency.json';
const PROMQL = 'promql.json';
const CLICKHOUSE = 'clickhouse-sql.json';
const CUMULATIVE = 'cumulative-daily-budget.json';
const ANOMALY = 'anomaly.json';

const Q0 = '/condition/compositeQuery/queries/0/spec';
const T0 = '/condition/thresholds/spec/0';
const OP_ALIASES = '(also accepted, in any letter case: numeric codes 1-7, >, <, eq, =, not_eq, !=, above_or_eq, >=, below_or_eq, <=)';
const metricsQuery = (rule: AnyJson): AnyJson => rule.condition.compositeQuery.queries[0].spec;
const threshold = (rule: AnyJson): AnyJson => rule.condition.thresholds.spec[0];
const schedule = (rule: AnyJson): AnyJson => rule.evaluation.spec.schedule;

const ENVELOPE: Case[] = [
  ['a missing rule name', METRICS, (r) => delete r.alert, [['/alert', 'missing required field "alert"']]],
  ['an empty rule name', METRICS, (r) => (r.alert = ''), [['/alert', 'field is required']]],
  [
    'an unknown alertType',
    METRICS,
    (r) => (r.alertType = 'METRIC'),
    [['/alertType', 'unsupported value "METRIC"; must be one of METRIC_BASED_ALERT, TRACES_BASED_ALERT, LOGS_BASED_ALERT, EXCEPTIONS_BASED_ALERT']],
  ],
  [
    'a lower-case alertType (SigNoz compares it exactly)',
    METRICS,
    (r) => (r.alertType = 'metric_based_alert'),
    [['/alertType', 'unsupported value "metric_based_alert"; must be one of METRIC_BASED_ALERT, TRACES_BASED_ALERT, LOGS_BASED_ALERT, EXCEPTIONS_BASED_ALERT']],
  ],
  ['an unknown ruleType', METRICS, (r) => (r.ruleType = 'slo_rule'), [['/ruleType', 'unsupported value "slo_rule"; must be one of threshold_rule, promql_rule, anomaly_rule']]],
  ['a version other than v5', METRICS, (r) => (r.version = 'v6'), [['/version', 'only v5 is supported, got "v6"']]],
  ['an unsupported schemaVersion', METRICS, (r) => (r.schemaVersion = 'v2'), [['/schemaVersion', 'unsupported value "v2"; must be one of v2alpha1']]],
  ['a missing schemaVersion', METRICS, (r) => delete r.schemaVersion, [['/schemaVersion', 'missing required field "schemaVersion"']]],
  ['a missing evaluation', METRICS, (r) => delete r.evaluation, [['/evaluation', 'missing required field "evaluation"']]],
  ['missing notificationSettings', METRICS, (r) => delete r.notificationSettings, [['/notificationSettings', 'missing required field "notificationSettings"']]],
  ['a condition that is not an object', METRICS, (r) => (r.condition = 'x > 1'), [['/condition', 'must be an object, got string']]],
  ['a numeric label value', METRICS, (r) => (r.labels.team = 7), [['/labels/team', 'must be a string, got number']]],
  ['a boolean description', METRICS, (r) => (r.description = true), [['/description', 'must be a string, got boolean']]],
];

const CONDITION: Case[] = [
  ['a missing compositeQuery', METRICS, (r) => delete r.condition.compositeQuery, [['/condition/compositeQuery', 'missing required field "compositeQuery"']]],
  ['a missing selectedQueryName', METRICS, (r) => delete r.condition.selectedQueryName, [['/condition/selectedQueryName', 'missing required field "selectedQueryName"']]],
  ['an empty selectedQueryName', METRICS, (r) => (r.condition.selectedQueryName = ''), [['/condition/selectedQueryName', 'field is required']]],
  [
    'a selectedQueryName naming no query',
    METRICS,
    (r) => (r.condition.selectedQueryName = 'B'),
    [['/condition/selectedQueryName', '"B" does not match any query in compositeQuery']],
  ],
  [
    'requireMinPoints without requiredNumPoints',
    METRICS,
    (r) => (r.condition.requireMinPoints = true),
    [['/condition/requiredNumPoints', 'must be greater than 0 when requireMinPoints is enabled']],
  ],
  ['a negative absentFor', METRICS, (r) => (r.condition.absentFor = -1), [['/condition/absentFor', 'must be at least 0, got -1']]],
  ['a fractional absentFor', METRICS, (r) => (r.condition.absentFor = 1.5), [['/condition/absentFor', 'must be an integer, got number']]],
  ['no queries', METRICS, (r) => (r.condition.compositeQuery.queries = []), [['/condition/compositeQuery/queries', 'must have at least one query']]],
  [
    'an unknown queryType',
    METRICS,
    (r) => (r.condition.compositeQuery.queryType = 'sql'),
    [['/condition/compositeQuery/queryType', 'unsupported value "sql"; must be one of builder, clickhouse_sql, promql']],
  ],
  [
    'an unknown panelType',
    METRICS,
    (r) => (r.condition.compositeQuery.panelType = 'list'),
    [['/condition/compositeQuery/panelType', 'unsupported value "list"; must be one of value, table, graph']],
  ],
  ['a missing panelType', METRICS, (r) => delete r.condition.compositeQuery.panelType, [['/condition/compositeQuery/panelType', 'missing required field "panelType"']]],
  [
    'a queryType without a query of its kind',
    METRICS,
    (r) => (r.condition.compositeQuery.queryType = 'clickhouse_sql'),
    [['/condition/compositeQuery/queryType', 'queryType "clickhouse_sql" needs at least one query of type clickhouse_sql in queries']],
  ],
];

const ENVELOPES_AND_BUILDER: Case[] = [
  ['an unknown key on a query envelope', METRICS, (r) => (r.condition.compositeQuery.queries[0].id = 'q1'), [['/condition/compositeQuery/queries/0/id', 'unknown field "id"']]],
  [
    'an unsupported envelope type',
    METRICS,
    (r) => (r.condition.compositeQuery.queries[0].type = 'builder_subquery'),
    [
      [
        '/condition/compositeQuery/queries/0/type',
        'unsupported value "builder_subquery"; must be one of builder_query, builder_formula, builder_trace_operator, promql, clickhouse_sql, builder_ai_query, builder_sub_query, builder_join',
      ],
    ],
  ],
  ['an envelope without spec', METRICS, (r) => delete r.condition.compositeQuery.queries[0].spec, [['/condition/compositeQuery/queries/0/spec', 'missing required field "spec"']]],
  ['a misspelt builder key', METRICS, (r) => (metricsQuery(r).stepinterval = 60), [[`${Q0}/stepinterval`, 'unknown field "stepinterval"; did you mean "stepInterval"?']]],
  ['a missing signal', METRICS, (r) => delete metricsQuery(r).signal, [[`${Q0}/signal`, 'missing required field "signal"']]],
  ['an unknown signal', METRICS, (r) => (metricsQuery(r).signal = 'profiles'), [[`${Q0}/signal`, 'unsupported value "profiles"; must be one of metrics, logs, traces']]],
  ['a missing query name', METRICS, (r) => delete metricsQuery(r).name, [[`${Q0}/name`, 'missing required field "name"']]],
  ['no aggregation', METRICS, (r) => (metricsQuery(r).aggregations = []), [[`${Q0}/aggregations`, 'at least one aggregation is required']]],
  [
    'a metrics aggregation without metric name',
    METRICS,
    (r) => (metricsQuery(r).aggregations[0].metricName = ''),
    [[`${Q0}/aggregations/0/metricName`, "metric name is required for aggregation #1 in query 'A'"]],
  ],
  [
    'an unknown space aggregation',
    METRICS,
    (r) => (metricsQuery(r).aggregations[0].spaceAggregation = 'p42'),
    [[`${Q0}/aggregations/0/spaceAggregation`, 'unsupported value "p42"; must be one of sum, avg, min, max, count, p50, p75, p90, p95, p99']],
  ],
  [
    'a missing space aggregation',
    METRICS,
    (r) => delete metricsQuery(r).aggregations[0].spaceAggregation,
    [[`${Q0}/aggregations/0/spaceAggregation`, 'missing required field "spaceAggregation"']],
  ],
  [
    'an unknown time aggregation',
    METRICS,
    (r) => (metricsQuery(r).aggregations[0].timeAggregation = 'median'),
    [[`${Q0}/aggregations/0/timeAggregation`, 'unsupported value "median"; must be one of latest, sum, avg, min, max, count, count_distinct, rate, increase, "" (empty)']],
  ],
  [
    'a logs-style aggregation on a metrics query',
    METRICS,
    (r) => (metricsQuery(r).aggregations[0] = { expression: 'count()' }),
    [
      [`${Q0}/aggregations/0/expression`, 'unknown field "expression"'],
      [`${Q0}/aggregations/0/metricName`, "metric name is required for aggregation #1 in query 'A'"],
      [`${Q0}/aggregations/0/spaceAggregation`, 'missing required field "spaceAggregation"'],
    ],
  ],
  [
    'a logs aggregation without expression',
    LOGS,
    (r) => (metricsQuery(r).aggregations = [{ alias: 'errors' }]),
    [[`${Q0}/aggregations/0/expression`, "expression is required for log aggregation #1 in query 'A'"]],
  ],
  [
    'a traces aggregation aliased inside its expression',
    TRACES,
    (r) => (metricsQuery(r).aggregations[0].expression = 'p99(duration_nano) AS p99'),
    [[`${Q0}/aggregations/0/expression`, 'aliasing is not allowed in expression. Use `alias` field instead']],
  ],
  [
    'two aggregations with one alias',
    TRACES,
    (r) => metricsQuery(r).aggregations.push({ expression: 'p95(duration_nano)', alias: 'p99_latency' }),
    [[`${Q0}/aggregations/1/alias`, 'duplicate aggregation alias: p99_latency']],
  ],
  ['a group-by key without name', METRICS, (r) => (metricsQuery(r).groupBy[0].name = ''), [[`${Q0}/groupBy/0/name`, 'invalid empty key name for group by at index 0']]],
  ['a group-by on timestamp', METRICS, (r) => (metricsQuery(r).groupBy[0].name = 'timestamp'), [[`${Q0}/groupBy/0/name`, 'group by on timestamp is not allowed']]],
  [
    'an unknown field context',
    METRICS,
    (r) => (metricsQuery(r).groupBy[0].fieldContext = 'resources'),
    [[`${Q0}/groupBy/0/fieldContext`, 'unsupported value "resources"; must be one of metric, log, span, trace, resource, attribute, body, "" (empty)']],
  ],
  [
    'an order by key that is neither group-by nor aggregation',
    TRACES,
    (r) => (metricsQuery(r).order[0].key.name = 'latency'),
    [
      [
        `${Q0}/order/0/key/name`,
        "invalid order by key 'latency' for order by clause #1 in query 'A'; order by can only reference group by keys, aggregation aliases/expressions, or aggregation indices. Valid keys are: 0, http.route, p99(duration_nano), p99_latency",
      ],
    ],
  ],
  ['an unknown order direction', TRACES, (r) => (metricsQuery(r).order[0].direction = 'up'), [[`${Q0}/order/0/direction`, 'unsupported value "up"; must be one of asc, desc']]],
  ['a limit above 10000', TRACES, (r) => (metricsQuery(r).limit = 20000), [[`${Q0}/limit`, 'limit exceeds maximum allowed value of 10000']]],
  ['a negative limit', TRACES, (r) => (metricsQuery(r).limit = -1), [[`${Q0}/limit`, 'limit must be non-negative, got -1']]],
  ['a negative offset', TRACES, (r) => (metricsQuery(r).offset = -5), [[`${Q0}/offset`, 'offset must be non-negative, got -5']]],
  [
    'an unknown function',
    METRICS,
    (r) => (metricsQuery(r).functions = [{ name: 'movingAvg' }]),
    [
      [
        `${Q0}/functions/0/name`,
        'unsupported value "movingAvg"; must be one of cutoffmin, cutoffmax, clampmin, clampmax, absolute, runningdiff, log2, log10, cumulativesum, ewma3, ewma5, ewma7, median3, median5, median7, timeshift, anomaly, fillzero',
      ],
    ],
  ],
  [
    'clampMin without its threshold',
    METRICS,
    (r) => (metricsQuery(r).functions = [{ name: 'clampMin' }]),
    [[`${Q0}/functions/0/args`, 'threshold value is required for function clampmin']],
  ],
  [
    'timeShift with a non-numeric shift',
    METRICS,
    (r) => (metricsQuery(r).functions = [{ name: 'timeShift', args: [{ value: 'an hour' }] }]),
    [[`${Q0}/functions/0/args/0/value`, 'time shift value must be a floating value for function timeshift']],
  ],
  [
    'ewma5 with a non-numeric alpha',
    METRICS,
    (r) => (metricsQuery(r).functions = [{ name: 'ewma5', args: [{ value: 'x' }] }]),
    [[`${Q0}/functions/0/args/0/value`, 'alpha value must be a floating value for function ewma5']],
  ],
  [
    'an unparsable step interval',
    METRICS,
    (r) => (metricsQuery(r).stepInterval = '1 minute'),
    [[`${Q0}/stepInterval`, 'invalid step, expected a duration string (example: 15s, 1m, 1h), valid time units are ns, u, ms, s, m, h; got "1 minute"']],
  ],
  ['a boolean step interval', METRICS, (r) => (metricsQuery(r).stepInterval = true), [[`${Q0}/stepInterval`, 'must be a number or a string or null, got boolean']]],
  [
    'two queries with one name',
    LOGS,
    (r) => (r.condition.compositeQuery.queries[1].spec.name = 'A'),
    [
      ['/condition/compositeQuery/queries/1/spec/name', "duplicate query name 'A'"],
      ['/condition/compositeQuery/queries/2/spec/expression', 'formula references query "B", which is not a builder query of this rule (builder queries: A, A)'],
    ],
  ],
];

const F = '/condition/compositeQuery/queries/2/spec';
const formula = (r: AnyJson): AnyJson => r.condition.compositeQuery.queries[2].spec;

const OTHER_QUERIES: Case[] = [
  ['a blank formula expression', LOGS, (r) => (formula(r).expression = ' '), [[`${F}/expression`, 'formula expression cannot be blank']]],
  [
    'a blank formula name',
    LOGS,
    (r) => {
      formula(r).name = ' ';
      r.condition.selectedQueryName = 'A';
    },
    [[`${F}/name`, 'formula name cannot be blank']],
  ],
  [
    'a formula referencing an unknown query',
    LOGS,
    (r) => (formula(r).expression = 'A / C * 100'),
    [[`${F}/expression`, 'formula references query "C", which is not a builder query of this rule (builder queries: A, B)']],
  ],
  [
    'a formula with unbalanced parentheses',
    LOGS,
    (r) => (formula(r).expression = '(A / B * 100'),
    [[`${F}/expression`, 'failed to parse expression for formula query "F1": expected ")" at the end']],
  ],
  [
    'a formula calling an unknown function',
    LOGS,
    (r) => (formula(r).expression = 'round(A / B * 100)'),
    [
      [
        `${F}/expression`,
        'failed to parse expression for formula query "F1": unknown function round() at column 1; SigNoz formulas allow abs, acos, asin, atan, cbrt, cos, degrees, erf, erfc, exp, exp10, exp2, lgamma, ln, log, log10, log2, now, radians, sin, sqrt, tan, tgamma',
      ],
    ],
  ],
  ['an unknown formula key', LOGS, (r) => (formula(r).queries = ['A', 'B']), [[`${F}/queries`, 'unknown field "queries"']]],
  ['an empty PromQL query', PROMQL, (r) => (metricsQuery(r).query = ''), [[`${Q0}/query`, 'PromQL query is required']]],
  ['a PromQL key from another tool', PROMQL, (r) => (metricsQuery(r).expr = 'up'), [[`${Q0}/expr`, 'unknown field "expr"']]],
  ['promql_rule on builder queries', METRICS, (r) => (r.ruleType = 'promql_rule'), [['/ruleType', '"promql_rule" needs compositeQuery.queryType "promql", got "builder"']]],
  ['an empty ClickHouse query', CLICKHOUSE, (r) => (metricsQuery(r).query = ' '), [[`${Q0}/query`, 'ClickHouse SQL query is required']]],
  ['a ClickHouse query without query', CLICKHOUSE, (r) => delete metricsQuery(r).query, [[`${Q0}/query`, 'missing required field "query"']]],
  [
    'a trace operator without expression',
    TRACES,
    (r) => r.condition.compositeQuery.queries.push({ type: 'builder_trace_operator', spec: { name: 'T1', expression: '' } }),
    [['/condition/compositeQuery/queries/1/spec/expression', 'trace operator expression is required']],
  ],
  [
    'a trace operator referencing a non-trace query',
    TRACES,
    (r) => r.condition.compositeQuery.queries.push({ type: 'builder_trace_operator', spec: { name: 'T1', expression: 'A => B' } }),
    [['/condition/compositeQuery/queries/1/spec/expression', "query 'B' referenced in trace operator expression does not exist or is not a trace query"]],
  ],
  [
    'anomaly_rule on a logs query',
    ANOMALY,
    (r) => {
      metricsQuery(r).signal = 'logs';
      metricsQuery(r).aggregations = [{ expression: 'count()' }];
      delete metricsQuery(r).functions;
    },
    [[`${Q0}/signal`, 'anomaly_rule supports only builder metrics queries; query \'A\' uses signal "logs"']],
  ],
  [
    'anomaly_rule with an unknown seasonality',
    ANOMALY,
    (r) => (r.condition.seasonality = 'monthly'),
    [['/condition/seasonality', 'unsupported value "monthly"; must be one of hourly, daily, weekly']],
  ],
];

const THRESHOLDS: Case[] = [
  ['an unknown threshold kind', METRICS, (r) => (r.condition.thresholds.kind = 'advanced'), [['/condition/thresholds/kind', 'unsupported value "advanced"; must be one of basic']]],
  ['no thresholds', METRICS, (r) => (r.condition.thresholds.spec = []), [['/condition/thresholds/spec', 'must have at least one threshold']]],
  ['missing thresholds', METRICS, (r) => delete r.condition.thresholds, [['/condition/thresholds', 'missing required field "thresholds"']]],
  ['a threshold without name', METRICS, (r) => (threshold(r).name = ''), [[`${T0}/name`, 'threshold name cannot be empty']]],
  ['a threshold without target', METRICS, (r) => delete threshold(r).target, [[`${T0}/target`, 'missing required field "target"']]],
  ['a target given as text', METRICS, (r) => (threshold(r).target = '85'), [[`${T0}/target`, 'target value must be a number']]],
  [
    'an unknown op',
    METRICS,
    (r) => (threshold(r).op = 'bigger'),
    [[`${T0}/op`, `unsupported value "bigger"; must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds ${OP_ALIASES}`]],
  ],
  [
    'an unknown numeric op',
    METRICS,
    (r) => (threshold(r).op = '8'),
    [[`${T0}/op`, `unsupported value "8"; must be one of above, below, equal, not_equal, above_or_equal, below_or_equal, outside_bounds ${OP_ALIASES}`]],
  ],
  ['an op given as a number', METRICS, (r) => (threshold(r).op = 1), [[`${T0}/op`, 'must be a string, got number']]],
  [
    'an unknown matchType',
    METRICS,
    (r) => (threshold(r).matchType = 'sometimes'),
    [
      [
        `${T0}/matchType`,
        'unsupported value "sometimes"; must be one of at_least_once, all_the_times, on_average, in_total, last (also accepted, in any letter case: numeric codes 1-5, avg, sum)',
      ],
    ],
  ],
  ['an empty channel name', METRICS, (r) => (threshold(r).channels = ['']), [[`${T0}/channels/0`, 'channel name cannot be empty']]],
  ['a text recovery target', METRICS, (r) => (threshold(r).recoveryTarget = 'x'), [[`${T0}/recoveryTarget`, 'must be a number or null, got string']]],
];

const EVALUATION: Case[] = [
  ['an unknown evaluation kind', METRICS, (r) => (r.evaluation.kind = 'sliding'), [['/evaluation/kind', 'unsupported value "sliding"; must be one of rolling, cumulative']]],
  ['a zero evalWindow', METRICS, (r) => (r.evaluation.spec.evalWindow = '0s'), [['/evaluation/spec/evalWindow', 'evalWindow must be greater than zero']]],
  ['a negative frequency', METRICS, (r) => (r.evaluation.spec.frequency = '-1m'), [['/evaluation/spec/frequency', 'frequency must be greater than zero']]],
  [
    'an evalWindow in words',
    METRICS,
    (r) => (r.evaluation.spec.evalWindow = '5 minutes'),
    [['/evaluation/spec/evalWindow', 'invalid duration "5 minutes"; expected a Go duration such as "5m", "1h30m" or "90s" (units: ns, us, ms, s, m, h)']],
  ],
  [
    'an evalWindow as a number',
    METRICS,
    (r) => (r.evaluation.spec.evalWindow = 300),
    [['/evaluation/spec/evalWindow', 'must be a Go duration string such as "5m" or "1h30m" (SigNoz reads a number as nanoseconds)']],
  ],
  ['a rolling window without frequency', METRICS, (r) => delete r.evaluation.spec.frequency, [['/evaluation/spec/frequency', 'missing required field "frequency"']]],
  ['a cumulative window without timezone', CUMULATIVE, (r) => delete r.evaluation.spec.timezone, [['/evaluation/spec/timezone', 'missing required field "timezone"']]],
  [
    'an hourly schedule without minute',
    CUMULATIVE,
    (r) => (r.evaluation.spec.schedule = { type: 'hourly' }),
    [['/evaluation/spec/schedule/minute', 'minute must be specified for hourly schedule']],
  ],
  ['minute 60', CUMULATIVE, (r) => (schedule(r).minute = 60), [['/evaluation/spec/schedule/minute', 'minute must be between 0 and 59']]],
  ['a daily schedule without hour', CUMULATIVE, (r) => delete schedule(r).hour, [['/evaluation/spec/schedule/hour', 'hour and minute must be specified for daily schedule']]],
  ['hour 24', CUMULATIVE, (r) => (schedule(r).hour = 24), [['/evaluation/spec/schedule/hour', 'hour must be between 0 and 23']]],
  [
    'a weekly schedule on weekday 7',
    CUMULATIVE,
    (r) => (r.evaluation.spec.schedule = { type: 'weekly', weekday: 7, hour: 9, minute: 0 }),
    [['/evaluation/spec/schedule/weekday', 'weekday must be between 0 and 6 (Sunday=0)']],
  ],
  [
    'a weekly schedule without weekday',
    CUMULATIVE,
    (r) => (r.evaluation.spec.schedule = { type: 'weekly', hour: 9, minute: 0 }),
    [['/evaluation/spec/schedule/weekday', 'weekday, hour and minute must be specified for weekly schedule']],
  ],
  [
    'a monthly schedule on day 0',
    CUMULATIVE,
    (r) => (r.evaluation.spec.schedule = { type: 'monthly', day: 0, hour: 9, minute: 0 }),
    [['/evaluation/spec/schedule/day', 'day must be between 1 and 31']],
  ],
  [
    'a monthly schedule without day',
    CUMULATIVE,
    (r) => (r.evaluation.spec.schedule = { type: 'monthly', hour: 9, minute: 0 }),
    [['/evaluation/spec/schedule/day', 'day, hour and minute must be specified for monthly schedule']],
  ],
  [
    'an unknown schedule type',
    CUMULATIVE,
    (r) => (schedule(r).type = 'yearly'),
    [['/evaluation/spec/schedule/type', 'unsupported value "yearly"; must be one of hourly, daily, weekly, monthly']],
  ],
  [
    'an unknown time zone',
    CUMULATIVE,
    (r) => (r.evaluation.spec.timezone = 'Mars/Olympus_Mons'),
    [['/evaluation/spec/timezone', 'timezone is invalid: "Mars/Olympus_Mons"; use an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC"']],
  ],
  [
    'a time zone in the wrong letter case',
    CUMULATIVE,
    (r) => (r.evaluation.spec.timezone = 'europe/berlin'),
    [['/evaluation/spec/timezone', 'timezone is invalid: "europe/berlin"; use an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC"']],
  ],
];

const NOTIFICATIONS_AND_METADATA: Case[] = [
  [
    'renotify enabled without interval',
    METRICS,
    (r) => delete r.notificationSettings.renotify.interval,
    [['/notificationSettings/renotify/interval', 'must be a positive duration when renotify is enabled']],
  ],
  [
    'renotify enabled with a zero interval',
    METRICS,
    (r) => (r.notificationSettings.renotify.interval = '0s'),
    [['/notificationSettings/renotify/interval', 'must be a positive duration when renotify is enabled']],
  ],
  [
    'an unparsable renotify interval',
    METRICS,
    (r) => (r.notificationSettings.renotify.interval = '4 hours'),
    [['/notificationSettings/renotify/interval', 'invalid duration "4 hours"; expected a Go duration such as "5m", "1h30m" or "90s" (units: ns, us, ms, s, m, h)']],
  ],
  [
    'a renotify state other than firing/nodata',
    METRICS,
    (r) => (r.notificationSettings.renotify.alertStates = ['firing', 'pending']),
    [['/notificationSettings/renotify/alertStates/1', 'invalid alert state: "pending"; must be one of firing, nodata']],
  ],
  [
    'an unparsable newGroupEvalDelay',
    METRICS,
    (r) => (r.notificationSettings.newGroupEvalDelay = 'soon'),
    [['/notificationSettings/newGroupEvalDelay', 'invalid duration "soon"; expected a Go duration such as "5m", "1h30m" or "90s" (units: ns, us, ms, s, m, h)']],
  ],
  ['groupBy as a string', METRICS, (r) => (r.notificationSettings.groupBy = 'host.name'), [['/notificationSettings/groupBy', 'must be an array or null, got string']]],
  ['a label name with a dash', METRICS, (r) => (r.labels['team-name'] = 'checkout'), [['/labels/team-name', 'invalid label name: team-name']]],
  ['a label name starting with a digit', METRICS, (r) => (r.labels['1st'] = 'x'), [['/labels/1st', 'invalid label name: 1st']]],
  ['an annotation name with a slash', METRICS, (r) => (r.annotations['runbook/url'] = 'https://x'), [['/annotations/runbook~1url', 'invalid annotation name: runbook/url']]],
  ['an unclosed template action', METRICS, (r) => (r.annotations.summary = 'CPU of {{ .Labels.host'), [['/annotations/summary', 'template parsing error: unclosed action']]],
  [
    'a template calling an unknown function',
    METRICS,
    (r) => (r.annotations.summary = '{{ $value | round }}'),
    [['/annotations/summary', 'template parsing error: function "round" not defined']],
  ],
  ['an if without end', METRICS, (r) => (r.annotations.description = '{{ if gt $value 90.0 }}very high'), [['/annotations/description', 'template parsing error: unexpected EOF']]],
  ['a stray end', METRICS, (r) => (r.labels.team = 'checkout{{end}}'), [['/labels/team', 'template parsing error: unexpected {{end}}']]],
  [
    'an undefined variable in a pipeline',
    METRICS,
    (r) => (r.annotations.summary = '{{ $host | toUpper }}'),
    [['/annotations/summary', 'template parsing error: undefined variable "$host"']],
  ],
  [
    'a template error on line 2',
    METRICS,
    (r) => (r.annotations.description = 'line one\n{{ nope }}'),
    [['/annotations/description', 'template parsing error: line 2: function "nope" not defined']],
  ],
];

describe('validateRulePayload reports each mistake with its JSON Pointer and message', () => {
  describe.each([
    ['rule envelope', ENVELOPE],
    ['condition and composite query', CONDITION],
    ['query envelopes and builder queries', ENVELOPES_AND_BUILDER],
    ['formulas, PromQL, ClickHouse, trace operators, rule types', OTHER_QUERIES],
    ['thresholds', THRESHOLDS],
    ['evaluation', EVALUATION],
    ['notification settings, labels and annotations', NOTIFICATIONS_AND_METADATA],
  ])('%s', (_group, cases) => {
    it.each(cases)('%s', (_description, fixture, mutate, expected) => {
      // GIVEN a valid fixture with one mistake
      const rule = mutatedRule(fixture, mutate);

      // WHEN it is validated
      const result = validateRulePayload(rule);

      // THEN exactly the expected issues are reported, and no payload is returned
      expect(result.errors).toEqual(expected.map(([path, message]) => ({ path, message })));
      expect(result.valid).toBe(false);
      expect(result.legacy).toBe(false);
      expect(result.payload).toBeUndefined();
    });
  });
});
