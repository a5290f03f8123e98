import { ClickHouseQuery, Formula, LogsQuery, MetricsQuery, PromQLQuery, TraceOperatorQuery, TracesQuery } from '../../constructs/alerts';

describe('query builders', () => {
  it('builds a metrics query with aggregation, filter, group-by, functions and step', () => {
    const q = new MetricsQuery('A', 'k8s.pod.memory.usage', { temporality: 'cumulative' })
      .timeAggregation('avg')
      .spaceAggregation('max')
      .reduceTo('last')
      .where("k8s.namespace.name = 'shop'")
      .groupBy('k8s.pod.name', { name: 'k8s.node.name', fieldContext: 'resource' })
      .fn('clampmin', 0)
      .fn('ewma5')
      .stepInterval('1m')
      .legend('{{k8s.pod.name}}')
      .limit(20)
      .fromMeter();
    expect(q.toEnvelope()).toEqual({
      type: 'builder_query',
      spec: {
        name: 'A',
        signal: 'metrics',
        source: 'meter',
        stepInterval: '1m',
        filter: { expression: "k8s.namespace.name = 'shop'" },
        groupBy: [{ name: 'k8s.pod.name' }, { name: 'k8s.node.name', fieldContext: 'resource' }],
        functions: [{ name: 'clampmin', args: [{ value: 0 }] }, { name: 'ewma5' }],
        legend: '{{k8s.pod.name}}',
        limit: 20,
        aggregations: [{ metricName: 'k8s.pod.memory.usage', temporality: 'cumulative', timeAggregation: 'avg', spaceAggregation: 'max', reduceTo: 'last' }],
      },
    });
  });

  it('builds logs and traces queries from aggregation expressions', () => {
    expect(new LogsQuery('A').count().where("severity_text = 'ERROR'").having('count() > 5').disabled().toEnvelope()).toEqual({
      type: 'builder_query',
      spec: {
        name: 'A',
        signal: 'logs',
        disabled: true,
        filter: { expression: "severity_text = 'ERROR'" },
        having: { expression: 'count() > 5' },
        aggregations: [{ expression: 'count()' }],
      },
    });
    expect(new TracesQuery('B').p99().countDistinct('trace_id').orderBy('p99(duration_nano)').toEnvelope()).toEqual({
      type: 'builder_query',
      spec: {
        name: 'B',
        signal: 'traces',
        order: [{ key: { name: 'p99(duration_nano)' }, direction: 'desc' }],
        aggregations: [{ expression: 'p99(duration_nano)' }, { expression: 'count_distinct(trace_id)' }],
      },
    });
  });

  it('builds formula, PromQL, ClickHouse and trace-operator envelopes', () => {
    expect(new Formula('F1', 'A / B * 100').legend('rate').toEnvelope()).toEqual({ type: 'builder_formula', spec: { name: 'F1', expression: 'A / B * 100', legend: 'rate' } });
    expect(new PromQLQuery('A', 'up == 0').step(60).toEnvelope()).toEqual({ type: 'promql', spec: { name: 'A', query: 'up == 0', step: 60 } });
    expect(new ClickHouseQuery('A', 'SELECT 1 AS value').toEnvelope()).toEqual({ type: 'clickhouse_sql', spec: { name: 'A', query: 'SELECT 1 AS value' } });
    expect(new TraceOperatorQuery('T1', 'A => B').count().toEnvelope()).toEqual({
      type: 'builder_trace_operator',
      spec: { name: 'T1', expression: 'A => B', aggregations: [{ expression: 'count()' }] },
    });
  });

  it('returns a fresh envelope each time, so later edits of one output cannot leak into another', () => {
    const q = new MetricsQuery('A', 'm').groupBy('x');
    const first = q.toEnvelope();
    (first.spec as { groupBy: { name: string }[] }).groupBy[0]!.name = 'changed';
    expect(q.toEnvelope().spec).toMatchObject({ groupBy: [{ name: 'x' }] });
  });
});
