/**
 * The plan/apply flow end to end with real Terraform, offline: stacks of built-in `terraform_data`
 * resources stand in for alerts (no provider download needed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TerraformCli } from '../../pipeline/terraform/terraform-cli';
import { synthStandInApp } from '../support/cdktf-app';
import { runCli } from '../support/cli-recorder';
import { describeWithTerraform } from '../support/terraform';
import { tempDir } from '../support/temp-dir';

const root = tempDir('e2e-terraform-');
const stateDir = path.join(root, 'state');
const env = { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'e2e-salt' };
const terraform = new TerraformCli();

const SLACK_HOOK = 'https://hooks.slack.com/services/T0E2E/B0E2E/E2ESeededWebhookSecret';
const SENSITIVE_TOKEN = 'e2e-sensitive-variable-value';

const ALERTS = {
  cpu_high: { kind: 'alert', name: 'CPU high', threshold: 80, window: '5m', notes: `posts to ${SLACK_HOOK}` },
  disk_full: { kind: 'alert', name: 'Disk full', threshold: 90, window: '5m' },
};

let round = 0;
/** Synthesizes the stack and returns its folder (state is shared across rounds, as in real life). */
function synthRound(resources: Record<string, Record<string, unknown>>, moveFrom?: Record<string, string>): string {
  const outdir = path.join(root, `round-${round++}`, 'cdktf.out');
  synthStandInApp(outdir, { alerts: resources }, { stateDir, sensitiveValue: SENSITIVE_TOKEN, ...(moveFrom ? { moveFrom } : {}) });
  return path.join(outdir, 'stacks', 'alerts');
}

async function planToJson(stackDir: string, name: string): Promise<string> {
  expect((await terraform.init(stackDir, false)).ok).toBe(true);
  const planFile = path.join(stackDir, `${name}.tfplan`);
  const plan = await terraform.plan(stackDir, planFile);
  expect(plan.ok, plan.output).toBe(true);
  const jsonFile = path.join(root, `${name}.plan.json`);
  fs.writeFileSync(jsonFile, await terraform.showJson(stackDir, planFile));
  return jsonFile;
}

describeWithTerraform('end to end with real Terraform: plan, summary, fingerprint, apply, drift', () => {
  let stackDir = '';
  let firstPlan = '';

  it('synthesizes, plans and summarizes a new stack', async () => {
    stackDir = synthRound(ALERTS);
    firstPlan = await planToJson(stackDir, 'first');
    const summary = await runCli(['plan-summary', firstPlan, '--stack', 'alerts', '--format', 'text', '--detailed-exitcode'], root);
    expect(summary.code).toBe(2);
    expect(summary.stdout).toContain('1 stack: 3 to create.');
    expect(summary.stdout).toContain('+ terraform_data.cpu_high [terraform_data "cpu_high"] create: input.kind: alert; input.name: CPU high; +3 more');
  });

  it('never prints the secrets of a real plan (Terraform-marked sensitive values and token patterns)', async () => {
    const plan = fs.readFileSync(firstPlan, 'utf8');
    expect(plan).toContain(SENSITIVE_TOKEN);
    expect(plan).toContain(SLACK_HOOK);
    for (const format of ['markdown', 'text']) {
      const overflow = path.join(root, `first.${format}.overflow`);
      const run = await runCli(['plan-summary', firstPlan, '--format', format, '--overflow-file', overflow], root);
      for (const output of [run.stdout, fs.readFileSync(overflow, 'utf8')]) {
        expect(output).not.toContain(SENSITIVE_TOKEN);
        expect(output).not.toContain('E2ESeededWebhookSecret');
      }
      expect(run.stdout).toContain('(sensitive)');
    }
  });

  it('fingerprints the plan, passes the apply guard and applies exactly the saved plan', async () => {
    const fp = await runCli(['plan-fingerprint', firstPlan, '--synth-dir', stackDir], root, env);
    expect(fp.stdout).toMatch(/^sha256:[0-9a-f]{64}$/);
    const guard = await runCli(['apply-guard', '--plan', firstPlan, '--fingerprint', path.join(root, 'first.plan.fingerprint.json')], root, env);
    expect(guard.code, guard.stderr).toBe(0);
    const apply = await terraform.applySaved(stackDir, path.join(stackDir, 'first.tfplan'));
    expect(apply.ok, apply.output).toBe(true);
    expect(apply.output).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
  });

  it('plans no changes the second time, and a re-plan no longer matches the reviewed fingerprint', async () => {
    const second = await planToJson(synthRound(ALERTS), 'second');
    const summary = await runCli(['plan-summary', second, '--stack', 'alerts', '--detailed-exitcode'], root);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('1 stack: no changes.');
    const guard = await runCli(['apply-guard', '--plan', firstPlan, '--fingerprint', path.join(root, 'first.plan.fingerprint.json'), '--replan', second], root, env);
    expect(guard.code).toBe(1);
    expect(guard.stderr).toContain('REFUSED: a fresh plan differs from the reviewed one');
  });

  it('detects an out-of-band change made with another configuration as drift from the code', async () => {
    const reviewedDir = synthRound(ALERTS);
    const reviewed = await planToJson(reviewedDir, 'reviewed-before-drift');
    const outOfBand = synthRound({ ...ALERTS, cpu_high: { ...ALERTS.cpu_high, threshold: 95 } });
    expect((await terraform.init(outOfBand, false)).ok).toBe(true);
    const sneaky = await terraform.run(['apply', '-auto-approve', '-input=false', '-no-color'], outOfBand);
    expect(sneaky.code, sneaky.stderr).toBe(0);

    const nightly = await planToJson(synthRound(ALERTS), 'nightly');
    const report = await runCli(['plan-summary', nightly, '--stack', 'alerts', '--format', 'text', '--drift-exitcode'], root);
    expect(report.code).toBe(2);
    expect(report.stdout).toContain('~ terraform_data.cpu_high [terraform_data "cpu_high"] update: input.threshold: 95 → 80');
    const stale = await terraform.applySaved(reviewedDir, path.join(reviewedDir, 'reviewed-before-drift.tfplan'));
    expect(stale.ok).toBe(false);
    expect(stale.output).toMatch(/Saved plan is stale/);
    expect(fs.existsSync(reviewed)).toBe(true);
  });

  it('flags a renamed construct as delete + create, and a moved block turns it into a move', async () => {
    const renamed = { disk_full: ALERTS.disk_full, cpu_high_v2: ALERTS.cpu_high };
    await terraform.applySaved(
      ...(await (async () => {
        const dir = synthRound(ALERTS);
        await planToJson(dir, 'realign');
        return [dir, path.join(dir, 'realign.tfplan')] as const;
      })()),
    );
    const naive = await planToJson(synthRound(renamed), 'renamed');
    const guard = await runCli(['refactor-guard', naive, '--fail-on-refactor'], root);
    expect(guard.code).toBe(1);
    expect(guard.stdout).toContain('moved {\n  from = terraform_data.cpu_high\n  to   = terraform_data.cpu_high_v2\n}');
    const moved = await planToJson(synthRound(renamed, { 'terraform_data.cpu_high': 'terraform_data.cpu_high_v2' }), 'moved');
    const summary = await runCli(['plan-summary', moved, '--stack', 'alerts', '--format', 'text'], root);
    expect(summary.stdout).toContain('1 stack: 1 to move.');
    expect((await runCli(['refactor-guard', moved, '--fail-on-refactor'], root)).code).toBe(0);
  });
});
