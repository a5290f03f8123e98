/**
 * The example estate (stacks/): it synthesizes offline, every rule is valid, the default policy
 * pack passes (with its reasoned suppressions), and its alerts behave as their tests say.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alertTestCases, runAlertTestFiles } from '../../constructs/testing';
import { applyPolicies, readCdktfOut } from '../../policies';
import { App } from '../../constructs/engine';
import { policyHook, ruleValidationHook } from '../../pipeline/pr-check/default-hooks';
import { summarizeStacks } from '../../policies/reports/estate-summary';
import { defineEstate } from '../../stacks/estate';
import { tempDir } from '../support/temp-dir';

const root = tempDir('estate-');
const outdir = path.join(root, 'cdktf.out');
// The behaviour tests name ../../cdktf.out; mirror the project layout around this synth.
fs.mkdirSync(path.join(root, 'stacks'), { recursive: true });
fs.cpSync(path.join(__dirname, '..', '..', 'stacks', 'alert-tests'), path.join(root, 'stacks', 'alert-tests'), { recursive: true });

const SECRETS = { TF_VAR_shop_slack_webhook_url: 'https://hooks.slack.com/services/T000/B000/seeded-secret-1', TF_VAR_shop_pagerduty_routing_key: 'seeded-secret-routing-key-2' };
Object.assign(process.env, SECRETS);
const app = new App({ outdir });
defineEstate(app);
const pack = applyPolicies(app);
app.synth();
const stacks = readCdktfOut(outdir, root);
const summaries = summarizeStacks(stacks);

describe('the example estate', () => {
  it('deploys one definition to dev, staging and prod', () => {
    expect(summaries.map((s) => [s.stack, s.environment])).toEqual([
      ['shop-dev', 'dev'],
      ['shop-prod', 'prod'],
      ['shop-staging', 'staging'],
    ]);
  });

  it('holds at least 15 alerts per environment, of every kind the issue names', () => {
    for (const s of summaries) {
      expect(s.alerts).toBeGreaterThanOrEqual(15);
      expect(s.byKind).toMatchObject({ metrics: expect.any(Number), logs: expect.any(Number), traces: expect.any(Number) });
      expect(s.byQuery).toMatchObject({ formula: 3, promql: 3 });
      expect(s.bySeverity).toMatchObject({ critical: expect.any(Number), warning: expect.any(Number) });
    }
  });

  it('has Slack, PagerDuty and webhook channels, route policies and a weekly maintenance window', () => {
    const prod = summaries.find((s) => s.environment === 'prod')!;
    expect(prod.channels.map((c) => c.kind).sort()).toEqual(['pagerduty', 'slack', 'webhook']);
    expect(prod.routes.map((r) => r.name)).toEqual(['payments-critical', 'payments-other']);
    expect(prod.windows).toEqual([{ name: 'search-weekly-reindex', schedule: expect.stringMatching(/^weekly on sunday from .* for 2h \(Europe\/Berlin\)$/), alerts: 2 }]);
  });

  it('reads only the stacks asked for, and the same as reading them all', () => {
    const prod = readCdktfOut(outdir, root, { stacks: ['shop-prod'] });
    expect(prod.map((s) => s.name)).toEqual(['shop-prod']);
    expect(prod[0]!.text).toBe(stacks.find((s) => s.name === 'shop-prod')!.text);
    expect(readCdktfOut(outdir, root, { stacks: [] })).toEqual([]);
  });

  it('differs per environment as its settings say', () => {
    const disabled = Object.fromEntries(summaries.map((s) => [s.environment, s.disabled]));
    expect(disabled).toEqual({ dev: 2, staging: 0, prod: 0 });
    const state = Object.fromEntries(summaries.map((s) => [s.environment, s.state]));
    expect(state).toEqual({ dev: 'local ../../../terraform.shop-dev.tfstate', staging: 's3 acme-signoz-tfstate', prod: 's3 acme-signoz-tfstate' });
  });

  it('pages nobody from dev and staging: channel overrides apply to route policies too', () => {
    const routes = Object.fromEntries(summaries.map((s) => [s.environment, Object.fromEntries(s.routes.map((r) => [r.name, r.channels]))]));
    expect(routes['dev']).toEqual({ 'payments-critical': ['shop-alerts-slack'], 'payments-other': ['shop-alerts-slack'] });
    expect(routes['staging']).toEqual({ 'payments-critical': ['shop-alerts-slack', 'shop-incident-bot'], 'payments-other': ['shop-alerts-slack'] });
    expect(routes['prod']!['payments-critical']).toEqual(['shop-oncall-pagerduty', 'shop-incident-bot', 'shop-alerts-slack']);
    // nobody is on call there, so critical alerts go to Slack without a suppression: the pack exempts
    // onCall: false environments from critical-alert-pages and proves instead that nothing pages
    const unpaged = [...pack.lastReport!.findings, ...pack.lastReport!.suppressed].filter((f) => f.ruleId === 'critical-alert-pages' || f.ruleId === 'no-paging-without-on-call');
    expect(unpaged).toEqual([]);
  });

  it('passes rule validation and the default policy pack', async () => {
    const context = { appDir: root, synthDir: outdir, stacks: [], changedStacks: [] };
    expect(await ruleValidationHook.run(context)).toEqual({ ok: true, lines: ['54 alert rules valid'] });
    expect(pack.lastReport?.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect((await policyHook.run(context)).ok).toBe(true);
  });

  it('keeps every secret out of the synthesized files', () => {
    const all = stacks.map((s) => JSON.stringify(s.document)).join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
    expect(all).toContain('var.shop_slack_webhook_url');
  });

  it('has a behaviour test for every alert', () => {
    const results = runAlertTestFiles([path.join(root, 'stacks', 'alert-tests')], root);
    const tested = new Set(results.map((r) => r.alertName));
    const alerts = new Set(stacks.flatMap((s) => Object.values((s.document.resource as any).signoz_rule).map((r: any) => r.alert)));
    expect([...alerts].filter((a) => !tested.has(a))).toEqual([]);
  });
});

describe('the example estate behaviour tests', () => {
  for (const t of alertTestCases([path.join(root, 'stacks', 'alert-tests')], root)) it(t.title, t.check);
});
