/**
 * Legacy query maps (`version` v3/v4: `compositeQuery.builderQueries`, `promQueries`, `chQueries`)
 * rewritten as v5 query envelopes the way SigNoz's own migration does it
 * (pkg/transition/migrate_alert.go, migrate_common.go and querybuildertypesv5.WrapInV5Envelope):
 * aggregations from `aggregateOperator`/`aggregateAttribute`, filter items into a filter
 * expression, having items into a having expression, `groupBy`/`orderBy`/`selectColumns` into
 * field keys, function args into `{value}` objects. Where that migration gives up or needs the
 * server's metadata, the rule is reported instead of guessed.
 *
 * Differences from SigNoz, on purpose: queries are emitted sorted by name (Go iterates a map in
 * random order), and keys that exist both as attribute and resource in a SigNoz installation are
 * not qualified (SigNoz reads that list from its database; a note says so).
 */
import { ownEntry } from '../util/json';
import { type JsonRecord } from '../validation/json-value';
import { isPlainObject } from '../util/json';

export interface QueryMigration {
  /** Problems that stop the rule from being converted. */
  readonly problems: string[];
  /** What the reader should check by hand. */
  readonly notes: string[];
}

/** Trace fields that SigNoz's migration strips the field context from (tracestelemetryschema). */
const TRACE_FIELDS_WITHOUT_CONTEXT = new Set([
  'trace_id',
  'span_id',
  'trace_state',
  'parent_span_id',
  'flags',
  'name',
  'kind_string',
  'duration_nano',
  'status_code',
  'status_message',
  'status_code_string',
  'traceID',
  'spanID',
  'parentSpanID',
  'spanKind',
  'durationNano',
  'statusCode',
  'statusMessage',
  'statusCodeString',
  'kind',
  'timestamp',
  'response_status_code',
  'external_http_url',
  'http_url',
  'external_http_method',
  'http_method',
  'http_host',
  'db_name',
  'db_operation',
  'has_error',
  'is_remote',
  'responseStatusCode',
  'externalHttpUrl',
  'httpUrl',
  'externalHttpMethod',
  'httpMethod',
  'httpHost',
  'dbName',
  'dbOperation',
  'hasError',
  'isRemote',
  'serviceName',
  'httpRoute',
  'msgSystem',
  'msgOperation',
  'dbSystem',
  'rpcSystem',
  'rpcService',
  'rpcMethod',
  'peerService',
]);

/** v3 metric aggregate operators: [timeAggregation, spaceAggregation, reduceTo]. */
const V3_METRIC_OPERATORS: Readonly<Record<string, readonly [string, string, string]>> = {
  sum_rate: ['rate', 'sum', 'sum'],
  rate_sum: ['rate', 'sum', 'sum'],
  avg_rate: ['rate', 'avg', 'avg'],
  rate_avg: ['rate', 'avg', 'avg'],
  min_rate: ['rate', 'min', 'min'],
  rate_min: ['rate', 'min', 'min'],
  max_rate: ['rate', 'max', 'max'],
  rate_max: ['rate', 'max', 'max'],
  hist_quantile_50: ['', 'p50', 'avg'],
  hist_quantile_75: ['', 'p75', 'avg'],
  hist_quantile_90: ['', 'p90', 'avg'],
  hist_quantile_95: ['', 'p95', 'avg'],
  hist_quantile_99: ['', 'p99', 'avg'],
  rate: ['rate', 'sum', 'sum'],
  p99: ['avg', 'avg', 'avg'],
  p90: ['avg', 'avg', 'avg'],
  p75: ['avg', 'avg', 'avg'],
  p50: ['avg', 'avg', 'avg'],
  p25: ['avg', 'avg', 'avg'],
  p20: ['avg', 'avg', 'avg'],
  p10: ['avg', 'avg', 'avg'],
  p05: ['avg', 'avg', 'avg'],
  min: ['min', 'min', 'min'],
  max: ['max', 'max', 'max'],
  avg: ['avg', 'avg', 'avg'],
  sum: ['sum', 'sum', 'sum'],
  count: ['count', 'sum', 'sum'],
  count_distinct: ['count_distinct', 'sum', 'sum'],
  noop: ['max', 'max', 'max'],
};

/** Logs and traces aggregation expressions for an operator and attribute key (`buildAggregationExpression`). */
function aggregationExpression(operator: string, key: string): string {
  if (operator === 'count') return 'count()';
  if (operator === 'sum_rate') return key !== '' ? `sum(rate(${key}))` : 'sum(rate())';
  return key !== '' ? `${operator}(${key})` : `${operator}()`;
}

function isVariable(text: string): boolean {
  const s = text.trim();
  return /^\{.*\}$/.test(s) || /^\{\{.*\}\}$/.test(s) || /^\$.*$/.test(s) || /^\[\[.*\]\]$/.test(s) || /^\$\{\{.*\}\}$/.test(s);
}

const NUMERIC_TYPES = new Set([
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float',
  'float32',
  'float64',
  'number',
  'numeric',
  'integer',
]);

/** A filter value as SigNoz's migration writes it (`formatValue`); `undefined` for dashboard variables. */
function formatValue(value: unknown, dataType: string): string | undefined {
  if (typeof value === 'string') {
    if (isVariable(value)) return undefined;
    if (NUMERIC_TYPES.has(dataType) && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(value)) return value;
    return `'${value.replace(/'/g, "\\'")}'`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 1) return formatValue(value[0], dataType);
    const parts = value.map((v) => formatValue(v, dataType));
    return parts.some((p) => p === undefined) ? undefined : `[${parts.join(', ')}]`;
  }
  return value === null || value === undefined ? '<nil>' : String(value);
}

function condition(key: string, operator: string, formatted: string): string {
  const list = formatted.startsWith('[');
  switch (operator) {
    case 'in':
    case 'IN':
      return list ? `${key} IN ${formatted}` : `${key} = ${formatted}`;
    case 'nin':
    case 'NOT IN':
      return list ? `${key} NOT IN ${formatted}` : `${key} != ${formatted}`;
    case 'like':
    case 'LIKE':
      return `${key} LIKE ${formatted}`;
    case 'nlike':
    case 'NOT LIKE':
      return `${key} NOT LIKE ${formatted}`;
    case 'contains':
      return `${key} CONTAINS ${formatted}`;
    case 'ncontains':
      return `${key} NOT CONTAINS ${formatted}`;
    case 'regex':
      return `${key} REGEXP ${formatted}`;
    case 'nregex':
      return `${key} NOT REGEXP ${formatted}`;
    case 'exists':
      return `${key} EXISTS`;
    case 'nexists':
      return `${key} NOT EXISTS`;
    case 'has':
      return `has(${key}, ${formatted})`;
    case 'nhas':
      return `NOT has(${key}, ${formatted})`;
    default:
      return `${key} ${operator} ${formatted}`;
  }
}

/** Filter or having items joined into one expression (`buildExpression`); problems for variables. */
function itemsExpression(items: unknown[], op: string, where: string, out: QueryMigration): string {
  const conditions: string[] = [];
  for (const item of items) {
    if (!isPlainObject(item) || !isPlainObject(item.key) || typeof item.op !== 'string' || !('value' in item)) continue;
    const key = item.key.key;
    if (typeof key !== 'string') continue;
    const formatted = formatValue(item.value, typeof item.key.dataType === 'string' ? item.key.dataType : '');
    if (formatted === undefined) {
      out.problems.push(`${where}: the value of ${key} is a dashboard variable (${JSON.stringify(item.value)}); alerts have no variables, put the real value in the rule`);
      continue;
    }
    conditions.push(condition(key, item.op, formatted));
  }
  if (conditions.length === 0) return '';
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(` ${op} `)})`;
}

function groupByKeys(query: JsonRecord): string[] {
  return (Array.isArray(query.groupBy) ? query.groupBy : []).flatMap((g) => (isPlainObject(g) && typeof g.key === 'string' ? [g.key] : []));
}

/** The `orderBy`/`having` column name of the aggregate (`orderByExpr`). */
function aggregateColumn(query: JsonRecord, aggregations: JsonRecord[] | undefined): string | undefined {
  const operator = typeof query.aggregateOperator === 'string' ? query.aggregateOperator : undefined;
  const attribute = isPlainObject(query.aggregateAttribute) ? query.aggregateAttribute : undefined;
  if (operator === undefined || operator === 'noop' || attribute === undefined) return undefined;
  const key = typeof attribute.key === 'string' ? attribute.key : '';
  if (query.dataSource === 'metrics') {
    const space = aggregations?.[0]?.spaceAggregation;
    return typeof space === 'string' ? `${space}(${key})` : undefined;
  }
  if (query.dataSource === 'logs' || query.dataSource === 'traces') return aggregationExpression(operator, key);
  return undefined;
}

function migrateAggregations(query: JsonRecord, version: string, panelType: string, where: string, out: QueryMigration): JsonRecord[] | undefined {
  const operator = typeof query.aggregateOperator === 'string' ? query.aggregateOperator : undefined;
  const attribute = isPlainObject(query.aggregateAttribute) ? query.aggregateAttribute : undefined;
  const dataSource = query.dataSource;
  if (operator === undefined || attribute === undefined) return undefined;
  if (operator === 'noop' && dataSource !== 'metrics') return undefined;
  const key = attribute.key;
  if (dataSource === 'metrics') {
    if (version === 'v4') {
      return [
        {
          metricName: key,
          temporality: query.temporality,
          timeAggregation: query.timeAggregation,
          spaceAggregation: query.spaceAggregation ?? operator,
          ...(typeof query.reduceTo === 'string' ? { reduceTo: query.reduceTo } : {}),
        },
      ];
    }
    const mapped = ownEntry(V3_METRIC_OPERATORS, operator);
    if (!mapped) {
      out.problems.push(`${where}: v3 metric aggregate operator ${JSON.stringify(operator)} has no v5 equivalent in SigNoz's migration`);
      return undefined;
    }
    const [timeAggregation, spaceAggregation, reduceTo] = mapped;
    if (operator.startsWith('p') && !operator.startsWith('hist'))
      out.notes.push(`${where}: v3 operator ${operator} on a metric is not a percentile; SigNoz's migration turns it into avg/avg`);
    const reduce = panelType === 'table' ? reduceTo : typeof query.reduceTo === 'string' ? query.reduceTo : undefined;
    return [{ metricName: key, temporality: query.temporality, timeAggregation, spaceAggregation, ...(reduce !== undefined ? { reduceTo: reduce } : {}) }];
  }
  if (dataSource === 'logs' || dataSource === 'traces') {
    return [{ expression: aggregationExpression(operator, typeof key === 'string' ? key : '') }];
  }
  out.problems.push(`${where}: unknown dataSource ${JSON.stringify(dataSource)} (expected metrics, logs or traces)`);
  return undefined;
}

function migrateOrder(query: JsonRecord, aggregations: JsonRecord[] | undefined, where: string, out: QueryMigration): unknown[] | undefined {
  if (!Array.isArray(query.orderBy)) return undefined;
  const operator = typeof query.aggregateOperator === 'string' ? query.aggregateOperator : '';
  const aggregated = operator !== '' && operator !== 'noop';
  const groups = groupByKeys(query);
  const kept: JsonRecord[] = [];
  for (const order of query.orderBy) {
    if (!isPlainObject(order)) continue;
    const column = typeof order.columnName === 'string' ? order.columnName : '';
    if (aggregated) {
      if (column === 'timestamp' || column === 'samples' || column === 'id') continue;
      if (column === '#SIGNOZ_VALUE') {
        const expression = aggregateColumn(query, aggregations);
        kept.push(expression !== undefined ? { ...order, columnName: expression } : order);
        continue;
      }
      if (!Array.isArray(query.groupBy)) {
        out.problems.push(`${where}: orders by ${column} without any groupBy; SigNoz's migration stops on such a query`);
        return undefined;
      }
      if (!groups.includes(column)) {
        out.notes.push(`${where}: dropped the order by ${column}, which is not grouped by (as SigNoz's migration does)`);
        continue;
      }
    } else if ((column === 'id' || column === 'timestamp') && (query.dataSource === 'traces' || query.dataSource === 'logs')) {
      continue;
    }
    kept.push(order);
  }
  return kept.map((order) => ({
    key: { name: order.columnName, fieldDataType: order.dataType, fieldContext: order.type },
    direction: order.order,
  }));
}

function migrateFunctions(functions: unknown): unknown[] | undefined {
  if (!Array.isArray(functions)) return undefined;
  return (functions as unknown[]).map((fn) => {
    if (!isPlainObject(fn)) return fn;
    const args = Array.isArray(fn.args) ? (fn.args as unknown[]).map((value) => ({ name: '', value })) : undefined;
    const named = isPlainObject(fn.namedArgs) ? Object.entries(fn.namedArgs).map(([name, value]) => ({ name, value })) : [];
    const all = [...(args ?? []), ...named];
    return { name: fn.name, ...(args !== undefined || named.length > 0 ? { args: all } : {}) };
  });
}

/** One builder query (or formula) as a v5 envelope. */
function migrateBuilderQuery(name: string, query: JsonRecord, version: string, panelType: string, where: string, out: QueryMigration): JsonRecord | undefined {
  const before = out.problems.length;
  if (name !== query.expression) {
    return {
      type: 'builder_formula',
      spec: {
        name,
        disabled: query.disabled,
        legend: query.legend,
        expression: query.expression,
        ...(query.functions !== undefined ? { functions: migrateFunctions(query.functions) } : {}),
      },
    };
  }
  const aggregations = migrateAggregations(query, version, panelType, where, out);
  let filter: JsonRecord | undefined = isPlainObject(query.filter) ? query.filter : undefined;
  const filters = isPlainObject(query.filters) ? query.filters : undefined;
  if (filters && Array.isArray(filters.items) && filters.items.length > 0) {
    let expression = itemsExpression(filters.items, typeof filters.op === 'string' ? filters.op : 'AND', `${where} filters`, out);
    if (expression !== '') {
      const exists = groupByKeys(query)
        .map((k) => `${k} EXISTS`)
        .join(' AND ');
      if (exists !== '' && query.dataSource !== 'metrics') expression += ` ${exists}`;
      filter = { expression };
    }
  }
  let having: JsonRecord = { expression: '' };
  if (Array.isArray(query.having) && query.having.length > 0) {
    const column = aggregateColumn(query, aggregations);
    const items = (query.having as unknown[]).map((h) => (isPlainObject(h) && column !== undefined ? { ...h, columnName: column, key: { key: column } } : h));
    having = { expression: itemsExpression(items, 'AND', `${where} having`, out) };
  }
  const order = migrateOrder(query, aggregations, where, out);
  if (out.problems.length > before) return undefined;

  const signal = query.dataSource === 'traces' || query.dataSource === 'logs' || query.dataSource === 'metrics' ? query.dataSource : undefined;
  const groupBy = Array.isArray(query.groupBy)
    ? query.groupBy.filter(isPlainObject).map((g) => ({
        name: g.key,
        fieldDataType: g.dataType,
        fieldContext: typeof g.key === 'string' && TRACE_FIELDS_WITHOUT_CONTEXT.has(g.key) ? undefined : g.type,
      }))
    : undefined;
  const selectFields = Array.isArray(query.selectColumns)
    ? query.selectColumns.filter(isPlainObject).map((c) => ({ name: c.key, fieldDataType: c.dataType, fieldContext: c.type }))
    : undefined;
  return {
    type: 'builder_query',
    spec: {
      name,
      disabled: query.disabled,
      legend: query.legend,
      ...(signal !== undefined ? { signal } : {}),
      ...(typeof query.source === 'string' && query.source !== '' ? { source: query.source } : {}),
      ...(query.stepInterval !== undefined ? { stepInterval: query.stepInterval } : {}),
      ...(aggregations !== undefined ? { aggregations } : {}),
      ...(filter !== undefined ? { filter } : {}),
      ...(groupBy !== undefined ? { groupBy } : {}),
      ...(order !== undefined ? { order } : {}),
      ...(selectFields !== undefined ? { selectFields } : {}),
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.offset !== undefined ? { offset: query.offset } : {}),
      having,
      ...(query.functions !== undefined ? { functions: migrateFunctions(query.functions) } : {}),
    },
  };
}

function queryMapEntries(value: unknown): [string, JsonRecord][] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value)
    .filter((e): e is [string, JsonRecord] => isPlainObject(e[1]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a rule still holds v3/v4 queries that SigNoz's migration would convert. */
export function hasLegacyQueries(rule: JsonRecord): boolean {
  const version = typeof rule.version === 'string' ? rule.version : '';
  if (version === 'v5') return false;
  const compositeQuery = isPlainObject(rule.condition) && isPlainObject(rule.condition.compositeQuery) ? rule.condition.compositeQuery : undefined;
  const maps = compositeQuery ? ['builderQueries', 'promQueries', 'chQueries'].some((k) => compositeQuery[k] !== undefined && compositeQuery[k] !== null) : false;
  return maps || /^v[0-4]$/.test(version);
}

/**
 * Rewrites the legacy query maps of `rule` (a copy the caller owns) into `compositeQuery.queries`
 * and sets `version` to v5, as SigNoz's alert migration does.
 */
export function migrateLegacyQueries(rule: JsonRecord, where: string): QueryMigration {
  const out: QueryMigration = { problems: [], notes: [] };
  const version = typeof rule.version === 'string' ? rule.version : '';
  const compositeQuery = isPlainObject(rule.condition) && isPlainObject(rule.condition.compositeQuery) ? rule.condition.compositeQuery : undefined;
  if (!compositeQuery) {
    out.problems.push(`${where}/condition/compositeQuery: missing, so there are no queries to migrate`);
    return out;
  }
  const queries: unknown[] = Array.isArray(compositeQuery.queries) ? [...(compositeQuery.queries as unknown[])] : [];
  const queryType = compositeQuery.queryType;
  const panelType = typeof compositeQuery.panelType === 'string' ? compositeQuery.panelType : '';
  const at = `${where}/condition/compositeQuery`;
  if (queryType === 'builder') {
    let textFilters = false;
    for (const [name, query] of queryMapEntries(compositeQuery.builderQueries)) {
      const envelope = migrateBuilderQuery(name, query, version, panelType, `${at}/builderQueries/${name}`, out);
      if (envelope) queries.push(envelope);
      textFilters ||=
        (query.dataSource === 'logs' || query.dataSource === 'traces') && isPlainObject(query.filters) && Array.isArray(query.filters.items) && query.filters.items.length > 0;
    }
    if (textFilters) {
      out.notes.push(
        `${at}: logs/traces filter keys that exist both as attribute and as resource in your SigNoz are left unqualified; SigNoz's migration prefixes them (attribute./resource.) from its metadata`,
      );
    }
  } else if (queryType === 'promql') {
    for (const [name, query] of queryMapEntries(compositeQuery.promQueries)) {
      queries.push({ type: 'promql', spec: { name, query: query.query, disabled: query.disabled, legend: query.legend } });
    }
  } else if (queryType === 'clickhouse_sql') {
    for (const [name, query] of queryMapEntries(compositeQuery.chQueries)) {
      queries.push({ type: 'clickhouse_sql', spec: { name, query: query.query, disabled: query.disabled, legend: query.legend } });
    }
  }
  delete compositeQuery.builderQueries;
  delete compositeQuery.promQueries;
  delete compositeQuery.chQueries;
  compositeQuery.queries = queries;
  rule.version = 'v5';
  return out;
}
