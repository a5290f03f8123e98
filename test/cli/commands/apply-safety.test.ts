import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJson, resourceChange, signozRuleAttrs } from '../../pipeline/fixtures/plan-builders';
import { runCli } from '../../support/cli-recorder';
import { tempDir, writeJson } from '../../support/temp-dir';

const dir = tempDir('apply-safety-cli-');
const rule = (target: number, service = 'api') => signozRuleAttrs({ alert: `R${target}`, tiers: [{ name: 'critical', target }], labels: { service } });
const reviewedFile = writeJson(
  path.join(dir, 'prod.plan.json'),
  planJson({
    resourceChanges: [resourceChange({ address: 'signoz_rule.cpu', actions: ['update'], before: rule(80), after: rule(75) })],
  }),
);
const driftedFile = writeJson(
  path.join(dir, 'prod.replan.json'),
  planJson({
    resourceChanges: [resourceChange({ address: 'signoz_rule.cpu', actions: ['update'], before: rule(80), after: rule(70) })],
  }),
);
const env = { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'test-salt' };

describe('signoz-alerts plan-fingerprint and apply-guard', () => {
  it('records the fingerprint next to the plan and prints it', async () => {
    fs.mkdirSync(path.join(dir, 'synth'), { recursive: true });
    writeJson(path.join(dir, 'synth', 'cdk.tf.json'), { '//': { metadata: { version: '0.21.0' } }, resource: {} });
    const run = await runCli(['plan-fingerprint', reviewedFile, '--synth-dir', 'synth'], dir, env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'prod.plan.fingerprint.json'), 'utf8'));
    expect(record).toMatchObject({ version: 1, fingerprint: run.stdout, resourceChanges: 1, outputChanges: 0, terraformVersion: '1.11.4', formatVersion: '1.2' });
    expect(record.synthHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(record.saltId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('warns when no salt is set', async () => {
    const run = await runCli(['plan-fingerprint', reviewedFile, '--out', 'unsalted.json'], dir, {});
    expect(run.stderr).toContain('SIGNOZ_ALERTS_FINGERPRINT_SALT is not set');
  });

  it('passes the reviewed plan and refuses (exit 1) when the fingerprints differ', async () => {
    await runCli(['plan-fingerprint', reviewedFile], dir, env);
    const fp = path.join(dir, 'prod.plan.fingerprint.json');
    const ok = await runCli(['apply-guard', '--plan', reviewedFile, '--fingerprint', fp], dir, env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok: the plan matches the reviewed fingerprint');
    const replanned = await runCli(['apply-guard', '--plan', reviewedFile, '--fingerprint', fp, '--replan', driftedFile], dir, env);
    expect(replanned.code).toBe(1);
    expect(replanned.stderr).toContain('REFUSED: a fresh plan differs from the reviewed one');
    const swapped = await runCli(['apply-guard', '--plan', driftedFile, '--fingerprint', fp], dir, env);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain('REFUSED: this plan is not the reviewed one');
    const otherSalt = await runCli(['apply-guard', '--plan', reviewedFile, '--fingerprint', fp], dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'other' });
    expect(otherSalt.code).toBe(1);
  });

  it('accepts the reviewed fingerprint given directly', async () => {
    const printed = (await runCli(['plan-fingerprint', reviewedFile, '--out', 'direct.json'], dir, env)).stdout;
    expect((await runCli(['apply-guard', '--plan', reviewedFile, '--expect-fingerprint', printed], dir, env)).code).toBe(0);
    const bad = await runCli(['apply-guard', '--plan', reviewedFile, '--expect-fingerprint', 'abc'], dir, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid expected fingerprint: must look like sha256:<64 hex digits>');
    expect((await runCli(['apply-guard', '--plan', reviewedFile], dir, env)).stderr).toContain('exactly one of --fingerprint');
  });

  it('enforces the destroy budget from flags, the config file and the environment', async () => {
    const deletes = writeJson(
      path.join(dir, 'deletes.plan.json'),
      planJson({
        resourceChanges: [1, 2, 3].map((i) => resourceChange({ address: `signoz_rule.d${i}`, actions: ['delete'], before: rule(i, 'billing') })),
      }),
    );
    const fp = (await runCli(['plan-fingerprint', deletes], dir, env)).stdout;
    const base = ['apply-guard', '--plan', deletes, '--expect-fingerprint', fp];
    const refused = await runCli(base, dir, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the plan deletes every alert of service "billing" (3)');
    expect((await runCli([...base, '--allow-destroy'], dir, env)).code).toBe(0);
    expect((await runCli(base, dir, { ...env, SIGNOZ_ALERTS_ALLOW_DESTROY: '1' })).code).toBe(0);
    writeJson(path.join(dir, 'strict.json'), { maxAlertDeletes: 1 });
    const strict = await runCli([...base, '--config', 'strict.json'], dir, env);
    expect(strict.stderr).toContain('3 alerts deleted, more than the budget of 1 (maxAlertDeletes)');
    writeJson(path.join(dir, 'typo.json'), { maxAlertDelete: 1 });
    const typo = await runCli([...base, '--config', 'typo.json'], dir, env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Invalid pipeline config at \S*typo\.json: Unrecognized key/);
  });
});

describe('signoz-alerts refactor-guard', () => {
  const moveFile = writeJson(
    path.join(dir, 'move.plan.json'),
    planJson({
      resourceChanges: [
        resourceChange({ address: 'signoz_rule.old_1', actions: ['delete'], before: rule(5) }),
        resourceChange({ address: 'signoz_rule.new_2', actions: ['create'], after: { ...rule(5), id: null }, afterUnknown: { id: true } }),
      ],
    }),
  );

  it('prints the moved block and exits 1 only with --fail-on-refactor', async () => {
    const run = await runCli(['refactor-guard', moveFile], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('moved {\n  from = signoz_rule.old_1\n  to   = signoz_rule.new_2\n}');
    expect((await runCli(['refactor-guard', moveFile, '--fail-on-refactor'], dir)).code).toBe(1);
    expect((await runCli(['refactor-guard', reviewedFile, '--fail-on-refactor'], dir)).code).toBe(0);
  });
});
