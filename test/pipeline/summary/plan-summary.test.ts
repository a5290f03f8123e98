import { PipelineInputError } from '../../../pipeline/errors';
import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { renderPlanSummary, stackNameFromPath, summarizePlans } from '../../../pipeline/summary/plan-summary';
import type { StackSummary } from '../../../pipeline/summary/summary-model';
import { planJson, resourceChange, signozAlertAttrs, signozRuleAttrs } from '../fixtures/plan-builders';
import { SEEDED_SECRETS, signozScenarioPlan } from '../fixtures/signoz-scenario';

function scenario(): { stack: StackSummary; markdown: string; text: string } {
  const plan = parsePlanJson(JSON.stringify(signozScenarioPlan()), 'prod.json');
  const { summary, redactor } = summarizePlans([{ stack: 'prod', plan }]);
  return {
    stack: summary.stacks[0]!,
    markdown: renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor }).text,
    text: renderPlanSummary(summary, { format: 'text', maxBytes: 65_536, redactor }).text,
  };
}

function diffsOf(stack: StackSummary, address: string): Record<string, string> {
  const change = stack.changes.find((c) => c.address === address);
  if (!change) throw new Error(`no change for ${address}`);
  return Object.fromEntries(
    change.fieldDiffs.map((d) => [d.field, d.added || d.removed ? `+${(d.added ?? []).join(',')} -${(d.removed ?? []).join(',')}` : `${d.before ?? ''} => ${d.after ?? ''}`]),
  );
}

describe('plan summary: counts and table', () => {
  it('counts the planned changes of each stack, dropping no-ops and counting moves, reads and forgets apart', () => {
    const { stack, markdown } = scenario();
    expect(stack.counts).toEqual({ create: 3, update: 8, replace: 1, delete: 1, read: 1, forget: 1, move: 1, import: 0, outputs: 1, drift: 1 });
    expect(stack.changes.map((c) => c.address)).not.toContain('signoz_rule.unchanged_22222222');
    expect(markdown).toContain('| `prod` | 3 | 8 | 1 | 1 | 3 | 1 |');
  });

  it('lists alerts, channels, routes and windows by name in the changes table, riskiest first', () => {
    const { stack, markdown } = scenario();
    expect(stack.changes[0]!.kind).toBe('delete');
    expect(stack.changes[1]!.kind).toBe('replace');
    expect(markdown).toMatch(/\| update \| alert \| CPU high \| `signoz_rule.cpu_high_1A2B3C4D` \|/);
    expect(markdown).toMatch(/\| update \| channel \| slack-ops \| `restapi_object.slack_ops` \|/);
    expect(markdown).toMatch(/\| update \| route policy \| critical to on-call \|/);
    expect(markdown).toMatch(/\| create \| maintenance window \| weekly deploy window \|/);
    expect(markdown).toMatch(/\| read \(data source\) \| alert \| lookup \|/);
    expect(markdown).toMatch(/\| forget \(kept in SigNoz, no longer managed\) \| alert \| Retired \|/);
    expect(markdown).toContain('`signoz_rule.renamed_new` (from `signoz_rule.renamed_old`)');
  });

  it('lists output changes but not unchanged outputs', () => {
    const { stack, markdown } = scenario();
    expect(stack.outputChanges).toEqual([{ name: 'alert_count', kind: 'update' }]);
    expect(markdown).toContain('- `alert_count`: update');
  });
});

describe('plan summary: alert field diffs', () => {
  it('shows thresholds per tier, channels added and removed, window, query filter, labels and renotify', () => {
    const diffs = diffsOf(scenario().stack, 'signoz_rule.cpu_high_1A2B3C4D');
    expect(diffs).toEqual({
      'tier critical: threshold': '80 => 75',
      'tier critical: channels': '+ -pd-oncall',
      'tier warning: threshold': '60 => 70',
      'eval window': '5m => 10m',
      'query A: filter': "service.name = 'checkout' => service.name = 'checkout' AND env = 'prod'",
      'renotify interval': '4h => 30m',
      'label team': 'payments => sre',
    });
  });

  it('shows a disabled alert and a removed tier', () => {
    const { stack } = scenario();
    expect(diffsOf(stack, 'signoz_rule.disk_full_5E6F7A8B')).toEqual({ disabled: 'false => true' });
    expect(diffsOf(stack, 'signoz_rule.queue_depth_3A4B5C6D')['tier critical']).toBe('above 1000 (at_least_once) → pd-oncall => ');
  });

  it('diffs the JSON strings of legacy signoz_alert as structure: real changes show, reformatting does not', () => {
    const { stack } = scenario();
    expect(diffsOf(stack, 'signoz_alert.legacy_errors')).toEqual({
      'tier critical: match type': 'at_least_once => all_the_times',
      'tier critical: threshold': '90 => 95',
      'eval window': '5m0s => 15m0s',
    });
    expect(diffsOf(stack, 'signoz_alert.legacy_reformatted')).toEqual({ 'annotation summary': 'Errors => Errors (reworded)' });
  });

  it('treats operator and match-type aliases as the same value', () => {
    const before = signozRuleAttrs({ alert: 'A', tiers: [{ name: 'critical', target: 1, op: 'above', matchType: 'at_least_once' }] });
    const after = signozRuleAttrs({ alert: 'A', tiers: [{ name: 'critical', target: 1, op: '>', matchType: '1' }] });
    const plan = parsePlanJson(JSON.stringify(planJson({ resourceChanges: [resourceChange({ address: 'signoz_rule.a', actions: ['update'], before, after })] })), 'p');
    expect(summarizePlans([{ stack: 's', plan }]).summary.stacks[0]!.changes[0]!.fieldDiffs).toEqual([]);
  });

  it('reads legacy v1 alerts (top-level op/target) as one tier named after the severity', () => {
    const v1 = (target: number) => ({
      ...signozAlertAttrs({ alert: 'Old', severity: 'critical', target }),
      schema_version: null,
      evaluation: null,
      preferred_channels: ['pd-oncall'],
      condition: JSON.stringify({
        compositeQuery: { queryType: 'promql', panelType: 'graph', queries: [{ type: 'promql', spec: { name: 'A', query: 'up' } }] },
        op: '1',
        target,
        matchType: '1',
      }),
    });
    const plan = parsePlanJson(
      JSON.stringify(planJson({ resourceChanges: [resourceChange({ address: 'signoz_alert.old', actions: ['update'], before: v1(100), after: v1(120) })] })),
      'p',
    );
    const stack = summarizePlans([{ stack: 's', plan }]).summary.stacks[0]!;
    expect(diffsOf(stack, 'signoz_alert.old')).toEqual({ 'tier critical: threshold': '100 => 120' });
    expect(stack.pagingImpact.map((i) => i.detail)).toEqual(['tier critical: threshold 100 → 120 (above) fires later']);
  });

  it('describes created and deleted alerts by their tiers, evaluation, queries and labels', () => {
    const diffs = diffsOf(scenario().stack, 'signoz_rule.latency_p99_9C0D1E2F');
    expect(diffs['tier critical']).toBe('above 500 (at_least_once) → pd-oncall => ');
    expect(diffs.evaluation).toBe('window 5m, every 1m => ');
    expect(diffs.labels).toBe('service=search => ');
  });

  it('falls back to a plain attribute diff when an alert cannot be decoded', () => {
    const before = { ...signozAlertAttrs({ alert: 'Broken', severity: 'warning', target: 1 }), condition: 'not json' };
    const after = { ...before, alert: 'Broken 2' };
    const plan = parsePlanJson(JSON.stringify(planJson({ resourceChanges: [resourceChange({ address: 'signoz_alert.b', actions: ['update'], before, after })] })), 'p');
    expect(diffsOf(summarizePlans([{ stack: 's', plan }]).summary.stacks[0]!, 'signoz_alert.b')).toEqual({ alert: 'Broken => Broken 2' });
  });
});

describe('plan summary: banners, paging impact and drift', () => {
  it('puts deletes and replacements in a caution banner with the reason Terraform gave', () => {
    const { markdown, text } = scenario();
    expect(markdown).toContain('> [!CAUTION]\n> `prod`: 1 delete and 1 replacement. A replaced alert gets a new SigNoz ID');
    expect(markdown).toContain('> - `signoz_rule.error_budget_7E8F9A0B` alert "Error budget": replace (replace\\_because\\_cannot\\_update)');
    expect(text).toContain('CAUTION: prod: 1 delete and 1 replacement.');
  });

  it('reports every kind of paging impact the scenario contains', () => {
    const { stack, markdown } = scenario();
    expect(stack.pagingImpact.map((i) => `${i.address} ${i.reason}`).sort()).toEqual([
      'signoz_alert.legacy_errors match-type-less-sensitive',
      'signoz_alert.legacy_errors threshold-loosened',
      'signoz_route_policy.critical_route route-paging-removed',
      'signoz_rule.cpu_high_1A2B3C4D paging-channel-removed',
      'signoz_rule.cpu_high_1A2B3C4D threshold-loosened',
      'signoz_rule.disk_full_5E6F7A8B alert-disabled',
      'signoz_rule.latency_p99_9C0D1E2F alert-deleted',
      'signoz_rule.queue_depth_3A4B5C6D absent-data-alerting-off',
      'signoz_rule.queue_depth_3A4B5C6D critical-tier-removed',
    ]);
    expect(markdown).toContain('### Paging impact');
    expect(markdown).toContain('tier critical no longer notifies pd-oncall (pagerduty)');
    expect(markdown).toContain('tier warning: threshold 60 → 70 (above) fires later');
  });

  it('judges a tightened threshold as no paging impact (critical 80 -> 75 on "above")', () => {
    const { stack } = scenario();
    expect(stack.pagingImpact.some((i) => i.detail.includes('tier critical: threshold 80'))).toBe(false);
  });

  it('shows drift apart from planned changes and drops drift of server-managed fields', () => {
    const { stack, markdown } = scenario();
    expect(stack.drift.map((d) => d.address)).toEqual(['signoz_rule.cpu_high_1A2B3C4D']);
    expect(markdown).toContain('### prod: 1 object changed outside Terraform (drift)');
    expect(markdown).toMatch(/\| changed outside Terraform \| alert \| CPU high \|.*description: \(none\) → edited in the SigNoz UI/);
    expect(markdown.indexOf('(drift)')).toBeGreaterThan(markdown.indexOf('planned changes'));
  });

  it('says so when a plan errored or is incomplete', () => {
    const errored = parsePlanJson(JSON.stringify(planJson({ errored: true })), 'e');
    const partial = parsePlanJson(JSON.stringify(planJson({ complete: false })), 'p');
    const { summary, redactor } = summarizePlans([
      { stack: 'a', plan: errored },
      { stack: 'b', plan: partial },
    ]);
    const text = renderPlanSummary(summary, { format: 'text', maxBytes: 65_536, redactor }).text;
    expect(text).toContain('CAUTION: Planning failed for a: this plan cannot be applied.');
    expect(text).toContain('NOTE: The plan for b is incomplete');
  });

  it('never says "no changes" when a changed stack was not planned', () => {
    const { summary, redactor } = summarizePlans([], { unplanned: [{ stack: 'prod', reason: 'no committed lock file' }] });
    for (const format of ['markdown', 'text'] as const) {
      const text = renderPlanSummary(summary, { format, maxBytes: 65_536, redactor }).text;
      expect(text).not.toMatch(/no changes\./i);
      expect(text).toContain('0 stacks planned: no planned changes known; not planned: prod.');
      expect(text).toContain('no committed lock file');
    }
  });

  it('says "no changes" for a plan with only no-ops', () => {
    const attrs = signozRuleAttrs({ alert: 'Same', tiers: [{ name: 'critical', target: 1 }] });
    const plan = parsePlanJson(
      JSON.stringify(planJson({ resourceChanges: [resourceChange({ address: 'signoz_rule.same', actions: ['no-op'], before: attrs, after: attrs })] })),
      'p',
    );
    const { summary, redactor } = summarizePlans([{ stack: 'quiet', plan }]);
    expect(renderPlanSummary(summary, { format: 'markdown', maxBytes: 65_536, redactor }).text).toContain('1 stack: no changes.');
  });
});

describe('plan summary: masking', () => {
  it('never prints a seeded secret, in markdown or text', () => {
    const { markdown, text } = scenario();
    for (const [name, secret] of Object.entries(SEEDED_SECRETS)) {
      expect(markdown.includes(secret), `${name} leaked into markdown`).toBe(false);
      expect(text.includes(secret), `${name} leaked into text`).toBe(false);
    }
  });

  it('says a masked value changed without showing either value', () => {
    expect(diffsOf(scenario().stack, 'restapi_object.slack_ops')).toEqual({
      'data.slack_configs[0].api_url': '(redacted) => (redacted, changed)',
      'data.slack_configs[0].channel': '#ops => #ops-alerts',
    });
  });

  it('masks values marked sensitive by Terraform and keeps the rest readable', () => {
    const diffs = diffsOf(scenario().stack, 'terraform_data.secret_holder');
    expect(diffs).toEqual({ 'input.name': ' => holder', 'input.token': ' => (sensitive)' });
  });

  it('never leaves a placeholder hash in the output', () => {
    const { markdown, text } = scenario();
    expect(`${markdown}${text}`).not.toMatch(/\u27e6/);
  });
});

describe('plan JSON input', () => {
  it('accepts format 1.x and rejects 2.x and a missing format_version with a clear message', () => {
    expect(parsePlanJson(JSON.stringify(planJson({ formatVersion: '1.0' })), 'a.json').formatVersion).toBe('1.0');
    expect(() => parsePlanJson(JSON.stringify(planJson({ formatVersion: '2.0' })), 'b.json')).toThrow(
      /b\.json: plan format_version 2\.0 is not supported; this tool reads format 1\.x/,
    );
    const { format_version: _drop, ...noVersion } = planJson({});
    expect(() => parsePlanJson(JSON.stringify(noVersion), 'c.json')).toThrow(/c\.json: missing "format_version"/);
    expect(() => parsePlanJson('{"values":{}}', 'state.json')).toThrow(/looks like a state file/);
    expect(() => parsePlanJson('{"@level":"info","@message":"x"}\n{"@level":"info"}', 'log.json')).toThrow(PipelineInputError);
  });

  it('names the field when a plan is malformed', () => {
    const bad = { ...planJson({}), resource_changes: [{ address: 'x.y', type: 'x', change: { actions: 'create' } }] };
    expect(() => parsePlanJson(JSON.stringify(bad), 'bad.json')).toThrow(/Invalid plan JSON at bad\.json:\n {2}- resource_changes\[0\]\.change\.actions:/);
  });

  it('derives the stack name from the plan file path', () => {
    expect(stackNameFromPath('plans/prod.plan.json')).toBe('prod');
    expect(stackNameFromPath('plans/staging.json')).toBe('staging');
    expect(stackNameFromPath('cdktf.out/stacks/prod/plan.json')).toBe('prod');
    expect(stackNameFromPath('cdktf.out/stacks/prod/anything.json', 'dir')).toBe('prod');
  });
});
