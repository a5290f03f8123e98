/**
 * Benchmark: `plan-summary` on a plan of N alert updates (default 10,000), end to end in-process:
 * parse the plan JSON, summarize, render the comment and the job summary. Prints JSON timings.
 * Usage: npm run bench:plan-summary -- [changes] [runs]
 */
import { parsePlanJson } from '../pipeline/plan/plan-json';
import { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT } from '../pipeline/render/render-summary';
import { renderPlanSummary, summarizePlans } from '../pipeline/summary/plan-summary';

function rule(name: string, target: number, channels: string[]): Record<string, unknown> {
  return {
    id: `id-${name}`,
    alert: name,
    alert_type: 'METRIC_BASED_ALERT',
    rule_type: 'threshold_rule',
    schema_version: 'v2alpha1',
    description: null,
    disabled: false,
    labels: { service: 'checkout' },
    annotations: { summary: `${name} fired` },
    condition: {
      selected_query_name: 'A',
      alert_on_absent: null,
      absent_for: null,
      composite_query: {
        query_type: 'builder',
        panel_type: 'graph',
        unit: 'percent',
        queries: [
          {
            builder_query: {
              type: 'builder_query',
              spec: {
                metrics: {
                  name: 'A',
                  signal: 'metrics',
                  step_interval: '60',
                  filter: { expression: "service.name = 'checkout'" },
                  aggregations: [{ metric_name: 'system.cpu.utilization', time_aggregation: 'avg', space_aggregation: 'max' }],
                },
                logs: null,
                traces: null,
              },
            },
            builder_formula: null,
            promql: null,
            clickhouse_sql: null,
            builder_trace_operator: null,
          },
        ],
      },
      thresholds: { basic: { kind: 'basic', spec: [{ name: 'critical', target, op: 'above', match_type: 'at_least_once', channels }] } },
    },
    evaluation: { rolling: { kind: 'rolling', spec: { eval_window: '5m', frequency: '1m' } }, cumulative: null },
    notification_settings: { group_by: [], use_policy: false, renotify: { enabled: true, interval: '4h', alert_states: ['firing'] } },
  };
}

/** A plan JSON text with `changes` alert updates (threshold and channels changed). */
export function planText(changes: number): string {
  const resourceChanges = Array.from({ length: changes }, (_v, i) => ({
    address: `signoz_rule.alert_${i}`,
    mode: 'managed',
    type: 'signoz_rule',
    name: `alert_${i}`,
    change: {
      actions: ['update'],
      before: rule(`Alert ${i}`, 80, ['pd-oncall']),
      after: rule(`Alert ${i}`, 85, ['slack']),
      after_unknown: {},
      before_sensitive: {},
      after_sensitive: {},
    },
  }));
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: resourceChanges, output_changes: {} });
}

if (require.main === module) {
  const changes = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const text = planText(changes);
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const plan = parsePlanJson(text, 'bench.json');
    const { summary, redactor } = summarizePlans([{ stack: 'bench', plan }]);
    renderPlanSummary(summary, { format: 'markdown', maxBytes: GITHUB_COMMENT_LIMIT, redactor });
    renderPlanSummary(summary, { format: 'markdown', maxBytes: JOB_SUMMARY_LIMIT, redactor });
    timings.push(Math.round(performance.now() - start));
  }
  console.log(JSON.stringify({ benchmark: 'plan-summary', changes, planBytes: text.length, runsMs: timings, bestMs: Math.min(...timings) }));
}
