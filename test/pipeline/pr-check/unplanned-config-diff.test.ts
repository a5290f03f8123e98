/**
 * With no usable plan (no lock file, no Terraform, an errored plan), the comment still says what
 * the change does to the configuration: alerts added, removed and changed, field by field per tier,
 * from the base and head synth. The check still fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlertRule, MetricsQuery, type AlertRuleProps } from '../../../constructs/alerts';
import { Redactor } from '../../../pipeline/masking/redactor';
import { markdownFormat } from '../../../pipeline/render/markdown-format';
import { renderSummary } from '../../../pipeline/render/render-summary';
import { textFormat } from '../../../pipeline/render/text-format';
import { stackConfigDiff } from '../../../pipeline/summary/config-diff';
import { summarizePlans } from '../../../pipeline/summary/plan-summary';
import { runCli } from '../../support/cli-recorder';
import { FAKE_TF_MODE, writeFakeTerraform } from '../../support/fake-terraform';
import { GitAppRepo } from '../../support/git-app-repo';
import { newStack, synth } from '../../support/synth';
import { tempDir } from '../../support/temp-dir';

const cpu = (target: number, channels: string[]): AlertRuleProps => ({
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max')],
  tiers: { critical: { target, channels }, warning: { target: 0.7 } },
  channels: ['slack-alerts'],
  labels: { service: 'checkout' },
});

const memory = (): AlertRuleProps => ({
  name: 'Checkout memory high',
  queries: [new MetricsQuery('A', 'system.memory.utilization').timeAggregation('avg').spaceAggregation('max')],
  tiers: { warning: { target: 0.8 } },
  channels: ['slack-alerts'],
});

function estate(build: (stack: ReturnType<typeof newStack>['stack']) => void): unknown {
  const { stack } = newStack('prod');
  build(stack);
  return synth(stack);
}

describe('stackConfigDiff', () => {
  // GIVEN base: CPU (critical 0.9 -> pagerduty) and memory; head: CPU at 0.85 -> opsgenie, memory removed, disk added, CPU disabled
  const base = estate((stack) => {
    new AlertRule(stack, 'Cpu', cpu(0.9, ['pagerduty-oncall']));
    new AlertRule(stack, 'Memory', memory());
  });
  const head = estate((stack) => {
    new AlertRule(stack, 'Cpu', { ...cpu(0.85, ['opsgenie-oncall']), disabled: true });
    new AlertRule(stack, 'Disk', { ...memory(), name: 'Checkout disk full' });
  });

  it('lists added, removed and changed alerts by name, with the changed fields per tier', () => {
    // WHEN
    const diff = stackConfigDiff('prod', base, head, new Redactor());
    // THEN
    const byName = Object.fromEntries(diff.changes.map((c) => [c.name, c]));
    expect(diff.changes.map((c) => [c.kind, c.category, c.name])).toEqual([
      ['delete', 'alert', 'Checkout memory high'],
      ['update', 'alert', 'Checkout CPU high'],
      ['create', 'alert', 'Checkout disk full'],
    ]);
    const fields = byName['Checkout CPU high']!.fieldDiffs;
    expect(fields).toContainEqual({ field: 'tier critical: threshold', before: '0.9', after: '0.85' });
    expect(fields).toContainEqual(expect.objectContaining({ field: 'tier critical: channels', removed: ['pagerduty-oncall'], added: ['opsgenie-oncall'] }));
    expect(fields).toContainEqual({ field: 'disabled', before: 'false', after: 'true' });
    expect(fields.find((f) => f.field === 'tier warning: threshold')).toBeUndefined();
  });

  it('is empty when the configs differ only in cdktf metadata', () => {
    const withMetadata = JSON.parse(JSON.stringify(base)) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    for (const block of Object.values(withMetadata.resource.signoz_rule!)) block['//'] = { metadata: { path: 'prod/Elsewhere' } };
    expect(stackConfigDiff('prod', base, withMetadata, new Redactor()).changes).toEqual([]);
  });

  it('treats every block as added for a stack new at head', () => {
    expect(stackConfigDiff('prod', undefined, head, new Redactor()).changes.map((c) => c.kind)).toEqual(['create', 'create']);
  });

  it('masks secret values of the configuration as a plan summary does', () => {
    const secret = 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopqrstuvwx';
    const config = (url: string) => ({ resource: { terraform_data: { hook: { input: { kind: 'slack', webhook_url: url } } } } });
    const redactor = new Redactor();
    const { summary } = summarizePlans([], { redactor, configDiffs: [stackConfigDiff('prod', config('https://old.example'), config(secret), redactor)] });
    const markdown = renderSummary(summary, markdownFormat, { maxBytes: 65_536, redactor }).text;
    expect(markdown).toContain('webhook\\_url');
    expect(markdown).not.toContain('abcdefghijklmnopqrstuvwx');
  });

  it('is rendered in its own section of the comment and of the text report, after the planned stacks', () => {
    const redactor = new Redactor();
    const configDiffs = [stackConfigDiff('prod', base, head, redactor)];
    const { summary } = summarizePlans([], { redactor, unplanned: [{ stack: 'prod', reason: 'no committed lock file' }], configDiffs });
    const markdown = renderSummary(summary, markdownFormat, { maxBytes: 65_536, redactor }).text;
    expect(markdown).toContain('### prod: no usable plan; 3 resources changed in the configuration');
    expect(markdown).toMatch(/\| changed in config \| alert \| Checkout CPU high \|/);
    expect(markdown).toMatch(/\| removed from config \| alert \| Checkout memory high \|/);
    expect(markdown).toMatch(/\| added to config \| alert \| Checkout disk full \|/);
    expect(markdown).toMatch(/\| tier critical: threshold \| `0.9` \| `0.85` \|/);
    expect(markdown).toContain('What this change does is NOT fully known.');
    const text = renderSummary(summary, textFormat, { maxBytes: 65_536, redactor }).text;
    expect(text).toMatch(/signoz_rule\.Cpu_\w+ \(changed in config\):\n(.*\n)*? +tier critical: threshold: 0\.9 → 0\.85\n/);
  });
});

describe('pr-check without a usable plan', () => {
  const root = tempDir('pr-check-config-diff-');
  const fakeTerraform = writeFakeTerraform(path.join(root, 'bin'));

  it.each([
    ['terraform is missing', { TERRAFORM_BINARY_NAME: path.join(root, 'no-such-terraform') }, 'not planned: prod'],
    ['the plan errored', { TERRAFORM_BINARY_NAME: fakeTerraform, [FAKE_TF_MODE]: 'errored' }, 'plan errored: prod'],
  ])('shows the config diff of the changed stack when %s, and fails', async (name, env, outcome) => {
    // GIVEN a stack whose alert threshold changed from 80 to 75, and one alert added
    const repo = GitAppRepo.create(path.join(root, name.replace(/\W+/g, '-')), { prod: { cpu: 80 }, staging: { cpu: 80 } });
    const base = repo.git('rev-parse', 'HEAD');
    repo.writeStacks({ prod: { cpu: 75, disk: 90 }, staging: { cpu: 80 } });
    // WHEN
    const run = await runCli(['pr-check', '--no-checks', '--base', base], repo.dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 's', ...env });
    // THEN
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(outcome);
    expect(run.stdout).toContain('changes: unknown');
    const comment = fs.readFileSync(path.join(repo.dir, '.pr-check', 'comment.md'), 'utf8');
    expect(comment).toContain('### prod: no usable plan; 2 resources changed in the configuration');
    expect(comment).toMatch(/\| added to config \| terraform\\_data \| disk \|/);
    expect(comment).toMatch(/\| input\.threshold \| `80` \| `75` \|/);
    expect(comment).not.toContain('### staging');
  });
});
