import * as fs from 'node:fs';
import { main } from '../../cli/program';
import { Aspects, type App, type IConstruct } from '../../constructs/engine';
import { applyPolicies, PolicyPack, Suppressions, type Finding } from '../../policies';
import { cliRecorder } from '../support/cli-recorder';
import { readStackFile } from '../support/synth';
import { AlertRule, alertProps, compliantStack, newApp, readManifest, synthesize } from './support/app';

const TODAY = '2026-03-01';

function annotationsOf(construct: IConstruct): { level: string; message: string }[] {
  return construct.node.metadata.filter((m) => m.type.startsWith('@cdktf/')).map((m) => ({ level: m.type, message: String(m.data) }));
}

/** The line of this file that holds `marker`, to check recorded source locations. */
function lineOf(marker: string): number {
  return (
    fs
      .readFileSync(__filename, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(marker)) + 1
  );
}

describe('policies at synth', () => {
  it('annotates warnings on the construct that owns the resource and lets synth pass', () => {
    // GIVEN a compliant app whose alert has a rule-level severity over one tier only
    const app = newApp();
    const stack = compliantStack(app, 'prod');
    const rule = new AlertRule(stack, 'CheckoutCpu', alertProps({ notifications: { renotify: { every: '10m' } } }));
    const pack = applyPolicies(app, {}, { today: TODAY });
    // WHEN it synthesizes
    expect(synthesize(app)).toBeUndefined();
    // THEN the warning is an annotation on the resource, in the manifest too, and in the report
    const warning = '[renotify-interval] alert "Checkout CPU high" re-notifies every 10m, more often than the floor of 30m';
    expect(annotationsOf(rule.resource)).toEqual([{ level: '@cdktf/warn', message: warning }]);
    expect(readManifest(app).stacks.prod!.annotations).toContainEqual({ constructPath: 'prod/CheckoutCpu/Resource', level: '@cdktf/warn', message: warning });
    expect(pack.lastReport!.summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('fails synth on errors, naming construct path, rule and message, and leaves no output Terraform could apply', () => {
    const app = newApp();
    const stack = compliantStack(app, 'prod');
    const rule = new AlertRule(stack, 'CheckoutCpu', alertProps({ labels: {} }));
    applyPolicies(app, {}, { today: TODAY });
    const error = synthesize(app);
    expect(error).toContain('[prod/CheckoutCpu/Resource] [owner-label] alert "Checkout CPU high" has no owner label; set labels.team or labels.owner');
    expect(annotationsOf(rule.resource)).toContainEqual({
      level: '@cdktf/error',
      message: '[owner-label] alert "Checkout CPU high" has no owner label; set labels.team or labels.owner',
    });
    // The pack runs after cdktf has written every stack: the refused output is removed, not left for `terraform apply`.
    expect(fs.existsSync(app.outdir)).toBe(false);
  });

  it('honours construct suppressions and writes them into the synthesized file for audit', () => {
    const app = newApp();
    const stack = compliantStack(app, 'prod');
    const rule = new AlertRule(stack, 'CheckoutCpu', alertProps({ labels: {} }));
    Suppressions.add(rule, [{ id: 'owner-label', reason: 'ownership moves to the new payments team in April', owner: 'sre-lead', expires: '2026-04-30' }]);
    const pack = applyPolicies(app, {}, { today: TODAY });
    expect(synthesize(app)).toBeUndefined();
    expect(pack.lastReport!.suppressed.map((f) => f.ruleId)).toEqual(['owner-label']);
    expect(readStackFile(app, 'prod')['//']['signoz-alerts'].suppressions).toEqual([
      { path: 'prod/CheckoutCpu', id: 'owner-label', reason: 'ownership moves to the new payments team in April', owner: 'sre-lead', expires: '2026-04-30' },
    ]);
  });

  it('records the TypeScript line that declared the alert', () => {
    const app = newApp();
    const stack = compliantStack(app, 'prod');
    new AlertRule(stack, 'CheckoutCpu', alertProps({ labels: {} })); // SOURCE-MARKER
    const pack = applyPolicies(app, {}, { today: TODAY });
    synthesize(app);
    const finding = pack.lastReport!.findings.find((f) => f.ruleId === 'owner-label')!;
    expect(finding.source).toEqual({ file: 'test/policies/synth-check.test.ts', line: lineOf('// SOURCE-MARKER') });
    expect(finding.file).toMatch(/^(\.\.\/)*.*stacks\/prod\/cdk\.tf\.json$/);
    expect(finding.line).toBeGreaterThan(1);
  });

  it('as an Aspect on one stack, judges only that stack', () => {
    const app = newApp();
    const checked = compliantStack(app, 'prod');
    const other = compliantStack(app, 'prod-eu');
    new AlertRule(checked, 'A', alertProps({ labels: {} }));
    const unchecked = new AlertRule(other, 'B', alertProps({ name: 'Other', labels: {} }));
    Aspects.of(checked).add(new PolicyPack());
    const error = synthesize(app);
    expect(error).toContain('[prod/A/Resource] [owner-label]');
    expect(error).not.toContain('prod-eu');
    expect(annotationsOf(unchecked.resource)).toEqual([]);
  });
});

describe('synth-time check and policy command', () => {
  it('give the same findings on the same app', async () => {
    // GIVEN an app with errors, warnings, a suppression and two environments
    const build = (app: App): void => {
      const prod = compliantStack(app, 'prod');
      const staging = compliantStack(app, 'staging');
      new AlertRule(prod, 'NoOwner', alertProps({ name: 'No owner', labels: {} }));
      new AlertRule(prod, 'Chatty', alertProps({ name: 'Chatty', notifications: { renotify: { every: '5m' } } }));
      const disabled = new AlertRule(prod, 'Disabled', alertProps({ name: 'Disabled', disabled: true }));
      Suppressions.add(disabled, [{ id: 'disabled-in-production', reason: 'noisy until the exporter fix ships', expires: '2026-03-31' }]);
      new AlertRule(staging, 'NoOwner', alertProps({ name: 'No owner', labels: {} }));
      prod.addOverride('terraform.required_version', '>= 1.5');
    };
    const checked = newApp();
    build(checked);
    const pack = applyPolicies(checked, {}, { today: TODAY });
    // WHEN it synthesizes with the pack (which refuses it and writes nothing), and the policy command reads the same app synthesized without it
    expect(synthesize(checked)).toBeDefined();
    const app = newApp();
    build(app);
    expect(synthesize(app)).toBeUndefined();
    const io = cliRecorder();
    const exit = await main(['policy', app.outdir, '--format', 'json', '--today', TODAY], io);
    const cli = JSON.parse(io.stdout.join('\n'));
    // THEN both report exactly the same findings and suppressions
    expect(exit).toBe(1);
    // (each app has its own output folder; everything but the folder name is the same)
    const inFolder = (findings: readonly { file?: string }[]) => findings.map((f) => ({ ...f, file: f.file?.replace(/cdktf\.outdir\.[^/]+/, 'OUT') }));
    expect(inFolder(cli.findings)).toEqual(inFolder(pack.lastReport!.findings));
    expect(inFolder(cli.suppressed)).toEqual(inFolder(pack.lastReport!.suppressed));
    expect(cli.findings.map((f: Finding) => `${f.constructPath} ${f.ruleId}`)).toEqual([
      'prod terraform-version-pinned',
      'prod/Chatty/Resource renotify-interval',
      'prod/NoOwner/Resource owner-label',
      'staging/NoOwner/Resource owner-label',
    ]);
    // AND the annotations on the constructs are those findings
    const annotated = checked.node
      .findAll()
      .flatMap((c) => annotationsOf(c).map((a) => `${c.node.path} ${a.message}`))
      .sort();
    expect(annotated).toEqual(cli.findings.map((f: Finding) => `${f.constructPath} [${f.ruleId}] ${f.message}`).sort());
  });
});
