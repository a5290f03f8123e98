import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJson, resourceChange, signozRuleAttrs } from '../../pipeline/fixtures/plan-builders';
import { SEEDED_SECRETS, signozScenarioPlan } from '../../pipeline/fixtures/signoz-scenario';
import { runCli } from '../../support/cli-recorder';
import { tempDir, writeJson } from '../../support/temp-dir';

const dir = tempDir('plan-summary-cli-');
const scenarioFile = writeJson(path.join(dir, 'plans', 'prod.plan.json'), signozScenarioPlan());
const attrs = signozRuleAttrs({ alert: 'Same', tiers: [{ name: 'critical', target: 1 }] });
const quietFile = writeJson(
  path.join(dir, 'plans', 'quiet.plan.json'),
  planJson({
    resourceChanges: [resourceChange({ address: 'signoz_rule.same', actions: ['no-op'], before: attrs, after: attrs })],
  }),
);

function bigPlan(changes: number): unknown {
  const resourceChanges = [];
  for (let i = 0; i < changes; i++) {
    const before = signozRuleAttrs({ alert: `Alert ${i}`, tiers: [{ name: 'critical', target: 80, channels: ['pd-oncall'] }] });
    const after = signozRuleAttrs({ alert: `Alert ${i}`, tiers: [{ name: 'critical', target: 90, channels: ['slack'] }], evalWindow: '10m' });
    resourceChanges.push(resourceChange({ address: `signoz_rule.alert_${i}`, actions: ['update'], before, after }));
  }
  return planJson({ resourceChanges });
}

describe('signoz-alerts plan-summary', () => {
  it('prints the markdown summary of each plan, naming stacks after the files', async () => {
    const run = await runCli(['plan-summary', scenarioFile, quietFile], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!-- signoz-alerts:plan-summary -->\n## SigNoz alerts plan/);
    expect(run.stdout).toContain('| `prod` | 3 | 8 | 1 | 1 | 3 | 1 |');
    expect(run.stdout).toContain('No changes: `quiet`.');
  });

  it('takes stack names from --stack, one per plan file', async () => {
    const run = await runCli(['plan-summary', scenarioFile, '--stack', 'production', '--format', 'text'], dir);
    expect(run.stdout).toContain('production: 16 planned changes');
    const mismatch = await runCli(['plan-summary', scenarioFile, quietFile, '--stack', 'only-one'], dir);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--stack was given 1 times for 2 plan files');
  });

  it('never prints a seeded secret on stdout or into the overflow file, in either format', async () => {
    for (const format of ['markdown', 'text']) {
      const overflow = path.join(dir, `overflow.${format}`);
      const run = await runCli(['plan-summary', scenarioFile, '--format', format, '--overflow-file', overflow], dir);
      const written = fs.readFileSync(overflow, 'utf8');
      for (const secret of Object.values(SEEDED_SECRETS)) {
        expect(run.stdout).not.toContain(secret);
        expect(written).not.toContain(secret);
      }
      expect(written).toContain('CPU high');
    }
  });

  it('exits 2 with --detailed-exitcode when a plan changes something and 0 when it does not', async () => {
    expect((await runCli(['plan-summary', scenarioFile, '--detailed-exitcode'], dir)).code).toBe(2);
    expect((await runCli(['plan-summary', quietFile, '--detailed-exitcode'], dir)).code).toBe(0);
  });

  it('exits 2 with --drift-exitcode when objects drifted, and 0 on a clean plan', async () => {
    const driftOnly = writeJson(
      path.join(dir, 'plans', 'drifted.plan.json'),
      planJson({
        resourceDrift: [resourceChange({ address: 'signoz_rule.same', actions: ['update'], before: attrs, after: { ...attrs, disabled: true } })],
      }),
    );
    expect((await runCli(['plan-summary', driftOnly, '--drift-exitcode'], dir)).code).toBe(2);
    expect((await runCli(['plan-summary', driftOnly, '--detailed-exitcode'], dir)).code).toBe(0);
    expect((await runCli(['plan-summary', quietFile, '--drift-exitcode'], dir)).code).toBe(0);
  });

  it('reports bad input as a usage error (2), or as 1 when an exit-code mode gives 2 another meaning', async () => {
    const v2 = writeJson(path.join(dir, 'v2.json'), planJson({ formatVersion: '2.0' }));
    const usage = await runCli(['plan-summary', v2], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('plan format_version 2.0 is not supported');
    expect((await runCli(['plan-summary', v2, '--detailed-exitcode'], dir)).code).toBe(1);
    const missing = await runCli(['plan-summary', 'nope.json'], dir);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    expect((await runCli(['plan-summary', scenarioFile, '--format', 'html'], dir)).stderr).toContain('--format must be one of markdown, text');
  });

  it('reports an errored plan (Terraform\'s plan-error shape) as an error, never as "no changes" or "in sync"', async () => {
    // The shape `terraform show -json` prints for a plan that failed: no resource_changes, errored: true.
    const erroredFile = writeJson(path.join(dir, 'plans', 'broken.plan.json'), {
      format_version: '1.2',
      applyable: false,
      complete: false,
      planned_values: { root_module: {} },
      prior_state: {},
      configuration: { root_module: { resources: [{ address: 'signoz_rule.cpu', mode: 'managed', type: 'signoz_rule', name: 'cpu' }] } },
      errored: true,
    });
    for (const flags of [[], ['--detailed-exitcode'], ['--drift-exitcode'], ['--format', 'text', '--drift-exitcode']]) {
      const run = await runCli(['plan-summary', erroredFile, ...flags], dir);
      expect(run.code, flags.join(' ')).toBe(1);
      expect(run.stdout).not.toMatch(/no changes\./i);
      expect(run.stdout).toContain('planning failed for broken');
      expect(run.stderr).toContain('planning failed for broken');
    }
    // One errored stack among clean ones still fails, and the clean one is not reported as the whole truth.
    const mixed = await runCli(['plan-summary', quietFile, erroredFile, '--drift-exitcode'], dir);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain('NOT fully known');
  });

  it('keeps a 10,000-change plan under the comment limit and sends the overflow to the file', async () => {
    const file = writeJson(path.join(dir, 'big.json'), bigPlan(10_000));
    const overflow = path.join(dir, 'big-overflow.md');
    const run = await runCli(['plan-summary', file, '--overflow-file', overflow, '--overflow-note', 'See run 42 for the rest.'], dir);
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.stdout, 'utf8')).toBeLessThanOrEqual(65_536);
    expect(run.stdout).toContain('1 stack: 10,000 to update.');
    expect(run.stdout).toMatch(/_[\d,]+ more changes not listed here \(see the full report\)\._/);
    expect(run.stdout.trimEnd().endsWith('See run 42 for the rest.')).toBe(true);
    const full = fs.readFileSync(overflow, 'utf8');
    expect(Buffer.byteLength(full, 'utf8')).toBeLessThanOrEqual(1_000_000);
    const rowsIn = (text: string): number => (text.match(/^\| update \| alert \|/gm) ?? []).length;
    expect(rowsIn(full)).toBeGreaterThan(rowsIn(run.stdout));
  });

  it('honours a smaller --max-chars budget', async () => {
    const run = await runCli(['plan-summary', scenarioFile, '--max-chars', '4000'], dir);
    expect(Buffer.byteLength(run.stdout, 'utf8')).toBeLessThanOrEqual(4000);
    expect(run.stdout).toContain('### Paging impact');
  });
});
