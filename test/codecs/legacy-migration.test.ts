import { migrateLegacyQueries, migrateSchemaV1 } from '../../constructs/codecs';

function builderRule(queries: Record<string, unknown>, version = 'v4', panelType = 'graph'): any {
  return { alert: 'x', version, condition: { compositeQuery: { queryType: 'builder', panelType, builderQueries: queries } } };
}

function migrated(queries: Record<string, unknown>, version = 'v4', panelType = 'graph'): { specs: any[]; problems: string[]; notes: string[] } {
  const rule = builderRule(queries, version, panelType);
  const { problems, notes } = migrateLegacyQueries(rule, '');
  return { specs: rule.condition.compositeQuery.queries.map((q: any) => ({ type: q.type, ...q.spec })), problems, notes };
}

const item = (key: string, op: string, value: unknown, dataType = 'string', type = 'tag') => ({ key: { key, dataType, type }, op, value });

describe("legacy query migration (SigNoz's pkg/transition)", () => {
  it('v4 metrics: aggregation from time/space aggregation, space defaulting to the operator', () => {
    const { specs, problems } = migrated({
      A: {
        expression: 'A',
        dataSource: 'metrics',
        aggregateOperator: 'sum',
        aggregateAttribute: { key: 'http.server.requests' },
        timeAggregation: 'rate',
        temporality: 'Cumulative',
      },
    });
    expect(problems).toEqual([]);
    expect(specs[0]).toMatchObject({
      type: 'builder_query',
      name: 'A',
      signal: 'metrics',
      aggregations: [{ metricName: 'http.server.requests', temporality: 'Cumulative', timeAggregation: 'rate', spaceAggregation: 'sum' }],
      having: { expression: '' },
    });
  });

  it('v3 metrics: operator table, reduceTo for table panels', () => {
    const { specs } = migrated({ A: { expression: 'A', dataSource: 'metrics', aggregateOperator: 'sum_rate', aggregateAttribute: { key: 'calls' } } }, 'v3', 'table');
    expect(specs[0].aggregations).toEqual([{ metricName: 'calls', temporality: undefined, timeAggregation: 'rate', spaceAggregation: 'sum', reduceTo: 'sum' }]);
    const histogram = migrated({ A: { expression: 'A', dataSource: 'metrics', aggregateOperator: 'hist_quantile_99', aggregateAttribute: { key: 'latency_bucket' } } }, 'v3');
    expect(histogram.specs[0].aggregations[0]).toMatchObject({ timeAggregation: '', spaceAggregation: 'p99' });
    expect(migrated({ A: { expression: 'A', dataSource: 'metrics', aggregateOperator: 'bogus', aggregateAttribute: { key: 'm' } } }, 'v3').problems).toEqual([
      '/condition/compositeQuery/builderQueries/A: v3 metric aggregate operator "bogus" has no v5 equivalent in SigNoz\'s migration',
    ]);
  });

  it('logs and traces: aggregation expressions, filter expression with EXISTS for group-by keys', () => {
    const { specs, notes } = migrated({
      A: {
        expression: 'A',
        dataSource: 'traces',
        aggregateOperator: 'p99',
        aggregateAttribute: { key: 'durationNano' },
        filters: {
          op: 'AND',
          items: [
            item('service.name', '=', 'checkout', 'string', 'resource'),
            item('http.status_code', '>=', '500', 'int64'),
            item('route', 'nin', ['/a', '/b']),
            item('team', 'in', ['x']),
          ],
        },
        groupBy: [
          { key: 'serviceName', dataType: 'string', type: 'tag' },
          { key: 'region', dataType: 'string', type: 'resource' },
        ],
      },
      B: {
        expression: 'B',
        dataSource: 'logs',
        aggregateOperator: 'count',
        aggregateAttribute: { key: '' },
        filters: { op: 'OR', items: [item('body', 'contains', "it's down"), item('level', 'exists', '')] },
      },
    });
    expect(specs[0]).toMatchObject({
      signal: 'traces',
      aggregations: [{ expression: 'p99(durationNano)' }],
      filter: { expression: "(service.name = 'checkout' AND http.status_code >= 500 AND route NOT IN ['/a', '/b'] AND team = 'x') serviceName EXISTS AND region EXISTS" },
      groupBy: [
        { name: 'serviceName', fieldDataType: 'string', fieldContext: undefined },
        { name: 'region', fieldDataType: 'string', fieldContext: 'resource' },
      ],
    });
    expect(specs[1]).toMatchObject({ signal: 'logs', aggregations: [{ expression: 'count()' }], filter: { expression: "(body CONTAINS 'it\\'s down' OR level EXISTS)" } });
    expect(notes[0]).toMatch(/left unqualified/);
  });

  it('having, order by the aggregate, order keys that are not grouped, functions and formulas', () => {
    const { specs, notes } = migrated({
      A: {
        expression: 'A',
        dataSource: 'logs',
        aggregateOperator: 'count',
        aggregateAttribute: { key: '' },
        having: [{ columnName: 'x', op: '>', value: 10 }],
        groupBy: [{ key: 'service.name', dataType: 'string', type: 'resource' }],
        orderBy: [
          { columnName: '#SIGNOZ_VALUE', order: 'desc' },
          { columnName: 'timestamp', order: 'asc' },
          { columnName: 'host', order: 'asc' },
        ],
        functions: [
          { name: 'timeShift', args: [3600] },
          { name: 'ewma5', namedArgs: { alpha: 0.3 } },
        ],
      },
      F1: { expression: 'A * 2', functions: [{ name: 'clampMin', args: [0] }], legend: 'x' },
    });
    expect(specs.map((s) => s.name)).toEqual(['A', 'F1']);
    expect(specs[0]).toMatchObject({
      having: { expression: 'count() > 10' },
      order: [{ key: { name: 'count()' }, direction: 'desc' }],
      functions: [
        { name: 'timeShift', args: [{ name: '', value: 3600 }] },
        { name: 'ewma5', args: [{ name: 'alpha', value: 0.3 }] },
      ],
    });
    expect(notes).toContain("/condition/compositeQuery/builderQueries/A: dropped the order by host, which is not grouped by (as SigNoz's migration does)");
    expect(specs[1]).toEqual({
      type: 'builder_formula',
      name: 'F1',
      expression: 'A * 2',
      disabled: undefined,
      legend: 'x',
      functions: [{ name: 'clampMin', args: [{ name: '', value: 0 }] }],
    });
  });

  it('reports what the migration cannot do: dashboard variables, ordering without group-by', () => {
    expect(
      migrated({ A: { expression: 'A', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: {}, filters: { items: [item('env', '=', '$environment')] } } }).problems,
    ).toEqual([
      '/condition/compositeQuery/builderQueries/A filters: the value of env is a dashboard variable ("$environment"); alerts have no variables, put the real value in the rule',
    ]);
    expect(
      migrated({ A: { expression: 'A', dataSource: 'logs', aggregateOperator: 'count', aggregateAttribute: {}, orderBy: [{ columnName: 'host', order: 'asc' }] } }).problems,
    ).toEqual(["/condition/compositeQuery/builderQueries/A: orders by host without any groupBy; SigNoz's migration stops on such a query"]);
  });

  it('PromQL and ClickHouse maps, only for their query type; queries sorted by name; version v5', () => {
    const rule: any = {
      version: 'v3',
      condition: {
        compositeQuery: { queryType: 'clickhouse_sql', chQueries: { B: { query: 'select 2' }, A: { query: 'select 1', disabled: true } }, promQueries: { A: { query: 'up' } } },
      },
    };
    migrateLegacyQueries(rule, '');
    expect(rule.version).toBe('v5');
    expect(rule.condition.compositeQuery).toEqual({
      queryType: 'clickhouse_sql',
      queries: [
        { type: 'clickhouse_sql', spec: { name: 'A', query: 'select 1', disabled: true, legend: undefined } },
        { type: 'clickhouse_sql', spec: { name: 'B', query: 'select 2', disabled: undefined, legend: undefined } },
      ],
    });
  });
});

describe('schema v1 to v2alpha1 (SigNoz processRuleDefaults)', () => {
  const v1 = (extra: Record<string, unknown> = {}): any => ({
    alert: 'x',
    ruleType: 'threshold_rule',
    preferredChannels: ['ops'],
    condition: {
      compositeQuery: {
        queryType: 'builder',
        queries: [
          { type: 'builder_query', spec: { name: 'A' } },
          { type: 'builder_query', spec: { name: 'B', disabled: true } },
        ],
      },
      op: '2',
      target: 5,
      matchType: '1',
    },
    ...extra,
  });

  it('one threshold named after the severity label, notifying the preferred channels; default windows and renotify', () => {
    const rule = v1({ labels: { severity: 'warning' } });
    expect(migrateSchemaV1(rule, '')).toEqual([]);
    expect(rule).toEqual({
      alert: 'x',
      ruleType: 'threshold_rule',
      schemaVersion: 'v2alpha1',
      labels: { severity: 'warning' },
      condition: {
        compositeQuery: rule.condition.compositeQuery,
        selectedQueryName: 'A',
        thresholds: { kind: 'basic', spec: [{ name: 'warning', target: 5, op: '2', matchType: '1', channels: ['ops'] }] },
      },
      evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
      notificationSettings: { renotify: { enabled: true, interval: '4h', alertStates: ['firing'] } },
    });
  });

  it('critical without a severity label; nodata renotify for absent-data alerts; anomaly below negates the target; F1 selected', () => {
    const rule = v1({ ruleType: 'anomaly_rule', evalWindow: '15m', frequency: '5m' });
    rule.condition.alertOnAbsent = true;
    rule.condition.compositeQuery.queries.push({ type: 'builder_formula', spec: { name: 'F1' } });
    migrateSchemaV1(rule, '');
    expect(rule.condition.thresholds.spec[0]).toMatchObject({ name: 'critical', target: -5 });
    expect(rule.condition.selectedQueryName).toBe('F1');
    expect(rule.evaluation.spec).toEqual({ evalWindow: '15m', frequency: '5m' });
    expect(rule.notificationSettings.renotify.alertStates).toEqual(['firing', 'nodata']);
  });
});
