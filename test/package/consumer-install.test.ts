/**
 * SLOW (about two minutes): the toolkit as a user gets it. Packs this repository with `npm pack`,
 * installs the tarball into a fresh cdktf TypeScript app on the lowest supported `constructs`
 * (10.4.2), then upgrades the app to the newest (the version this repository builds with). On each:
 * `tsc` with the tsconfig `cdktf init` writes (strict; `skipLibCheck` turned off so every
 * declaration the toolkit ships is compiled), `cdktf synth`, and the app's own vitest test with
 * cdktf's `Testing` helpers. The app uses AlertEstate, AlertStack environments, channels, a route
 * policy, a maintenance window, a preset and an SLO, and a plain TerraformStack. Needs the npm
 * registry (or a warm npm cache) for the toolkit's dependencies; downloads no binaries.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/temp-dir';

const REPO = path.resolve(__dirname, '..', '..');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const CDKTF_CLI = path.join(REPO, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
const CDKTF_INIT_TSCONFIG = path.join(REPO, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json');
const repoPackage = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const LOWEST_CONSTRUCTS = '10.4.2';
const NEWEST_CONSTRUCTS = repoPackage.devDependencies['constructs']!;

/** The environment of a child process: this test run's own vitest variables left out. */
const childEnv = Object.fromEntries(
  Object.entries({ ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' }).filter(
    ([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'FORCE_COLOR',
  ),
);

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
}

const ESTATE = `import { S3Backend, TerraformStack, type App } from 'cdktf';
import {
  AlertEstate,
  AlertRule,
  Evaluation,
  HostCpuAlert,
  Labels,
  MaintenanceSchedule,
  MaintenanceWindow,
  MetricsQuery,
  NotificationChannel,
  RoutePolicy,
  Secret,
  ServiceLevelObjective,
  SloIndicators,
  type AlertRuleProps,
  type EnvironmentSettings,
} from 'cdktf-signoz-alerts';

export const environments: EnvironmentSettings[] = [
  { name: 'dev', channelOverrides: { 'shop-oncall-pagerduty': 'shop-alerts-slack' }, onCall: false },
  { name: 'prod', backend: { type: 's3', bucket: 'acme-tfstate', region: 'eu-west-1', useLockfile: true }, labels: { tier: 'production' } },
];

export const checkoutCpu: AlertRuleProps = {
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').groupBy('host.name')],
  tiers: { critical: { target: 0.9, channels: ['shop-oncall-pagerduty'] }, warning: { target: 0.8 } },
  evaluation: Evaluation.rolling({ window: '5m' }),
  channels: ['shop-alerts-slack'],
  labels: { team: 'payments', service: 'checkout' },
  runbook: 'https://runbooks.example.com/checkout/cpu',
};

/** The shop's alerts in dev and prod: channels and a route policy shared, a maintenance window, one alert. */
export function defineShop(app: App): AlertEstate {
  const estate = new AlertEstate(app, { name: 'shop', environments }, (estate) => {
    const slack = NotificationChannel.slack(estate.shared, 'slack', {
      name: 'shop-alerts-slack',
      webhookUrl: Secret.fromVariable(estate.shared, 'shop_slack_webhook_url'),
      channel: '#shop-alerts',
    });
    const pager = NotificationChannel.pagerDuty(estate.shared, 'pager', {
      name: 'shop-oncall-pagerduty',
      routingKey: Secret.fromVariable(estate.shared, 'shop_pagerduty_routing_key'),
    });
    new RoutePolicy(estate.shared, 'payments-critical', {
      name: 'payments-critical',
      expression: Labels.service.eq('payments').and(Labels.severity.eq('critical')),
      channels: [pager, slack],
    });
    const cpu = estate.alert('checkout/cpu', checkoutCpu);
    new MaintenanceWindow(estate.maintenance, 'reindex', {
      name: 'checkout-weekly-reindex',
      timezone: 'Europe/Berlin',
      schedule: MaintenanceSchedule.weekly({ start: '2026-01-04T02:00:00+01:00', duration: '2h', on: ['sunday'] }),
      alerts: [cpu],
    });
  });
  return estate;
}

/** A plain TerraformStack (no AlertStack): a preset and an SLO, checked by default all the same. */
export function definePlatform(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'platform');
  stack.addOverride('terraform.required_version', '1.11.4');
  new S3Backend(stack, { bucket: 'acme-tfstate', key: 'platform.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' });
  const pager = NotificationChannel.fromName(stack, 'pager', 'platform-oncall', 'pagerduty');
  const slack = NotificationChannel.fromName(stack, 'slack', 'platform-alerts', 'slack');
  new HostCpuAlert(stack, 'HostCpu', { channels: [slack], tiers: { critical: { channels: [pager] } }, labels: { team: 'platform' }, runbook: 'https://runbooks.example.com/host/cpu' });
  new ServiceLevelObjective(stack, 'CheckoutAvailability', {
    name: 'Checkout availability',
    objective: 0.999,
    period: '30d',
    indicator: SloIndicators.spanMetricsAvailability({ service: 'checkout' }),
    channels: { page: [pager], ticket: [slack] },
    labels: { team: 'platform' },
    runbook: 'https://runbooks.example.com/checkout/availability',
  });
  new AlertRule(stack, 'DiskFull', {
    name: 'Disk almost full',
    queries: [new MetricsQuery('A', 'system.filesystem.utilization').spaceAggregation('max').groupBy('host.name')],
    tiers: { critical: { target: 0.95, channels: [pager] }, warning: { target: 0.9 } },
    channels: [slack],
    labels: { team: 'platform' },
    runbook: 'https://runbooks.example.com/host/disk',
  });
  return stack;
}
`;

const MAIN = `import { App } from 'cdktf';
import { applyPolicies } from 'cdktf-signoz-alerts/policies';
import { definePlatform, defineShop } from './estate';

const app = new App();
defineShop(app);
definePlatform(app);
applyPolicies(app);
app.synth();
`;

// The app's own test. Vitest transpiles it; vitest 4's declarations need moduleResolution node16 or
// bundler, which cdktf init's tsconfig does not set, so the app's tsc leaves *.test.ts out.
const MAIN_TEST = String.raw`import { App, TerraformStack, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { AlertRule, MetricsQuery, NotificationChannel, SynthError } from 'cdktf-signoz-alerts';
import { expectAlertBehaviour } from 'cdktf-signoz-alerts/testing';
import { checkoutCpu, definePlatform, defineShop } from './estate';

describe('shop alerts', () => {
  it('pages on-call in prod, and only Slack in dev (the channel override reaches the route policy)', () => {
    const estate = defineShop(Testing.app());
    const prod = Testing.synth(estate.stacks.get('prod')![0]!);
    const dev = Testing.synth(estate.stacks.get('dev')![0]!);
    expect(Testing.toHaveResourceWithProperties(prod, 'signoz_rule', { alert: 'Checkout CPU high' })).toBe(true);
    expect(Testing.toHaveResourceWithProperties(prod, 'signoz_route_policy', { name: 'payments-critical', channels: ['shop-oncall-pagerduty', 'shop-alerts-slack'] })).toBe(true);
    expect(Testing.toHaveResourceWithProperties(dev, 'signoz_route_policy', { name: 'payments-critical', channels: ['shop-alerts-slack'] })).toBe(true);
  });

  it('synthesizes the preset, the SLO and the rule of a plain TerraformStack', () => {
    const synthesized = Testing.synth(definePlatform(Testing.app()));
    expect(Testing.toHaveResource(synthesized, 'signoz_rule')).toBe(true);
    expect(Testing.toHaveResourceWithProperties(synthesized, 'signoz_rule', { alert: 'Disk almost full' })).toBe(true);
  });

  it('refuses a channel nobody declared, in a plain TerraformStack too', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'team');
    NotificationChannel.fromName(stack, 'slack', 'team-alerts', 'slack');
    new AlertRule(stack, 'Cpu', { ...checkoutCpu, tiers: { critical: { target: 0.9 } }, channels: ['team-alert'] });
    const synth = (target: App) => () => target.synth();
    expect(synth(app)).toThrow(SynthError);
    expect(synth(app)).toThrow(/'team\/Cpu' tiers\.critical\.channels: names channel "team-alert".*team-alerts/);
  });

  it('fires the critical tier on a sustained spike', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const rule = new AlertRule(new TerraformStack(app, 'behaviour'), 'Cpu', {
      ...checkoutCpu,
      queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max')],
    });
    expectAlertBehaviour(rule, {
      series: { A: [{ labels: {}, values: '0.5x4 0.95x10' }] },
      expectations: [{ at: '12m', alerts: [{ labels: { 'threshold.name': 'critical' } }, { labels: { 'threshold.name': 'warning' } }] }],
    });
  });
});
`;

describe('the packed toolkit in a fresh cdktf app (slow: npm pack + npm install)', () => {
  let app: string;

  beforeAll(() => {
    // GIVEN the toolkit built and packed as npm would publish it
    const work = tempDir('consumer-');
    run(process.execPath, [TSC, '-p', 'tsconfig.json', '--incremental'], REPO);
    const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO)) as { filename: string }[];
    const tarball = path.join(work, packed!.filename);

    // AND an ordinary cdktf TypeScript app: cdktf init's tsconfig, with library checking on
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    const tsconfig = JSON.parse(fs.readFileSync(CDKTF_INIT_TSCONFIG, 'utf8')) as { compilerOptions: Record<string, unknown>; exclude: string[] };
    tsconfig.compilerOptions['skipLibCheck'] = false;
    tsconfig.exclude.push('**/*.test.ts');
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js', terraformProviders: [], terraformModules: [], context: {} }));
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, license: 'MPL-2.0', dependencies: { cdktf: '0.21.0', constructs: LOWEST_CONSTRUCTS } }),
    );
    fs.writeFileSync(path.join(app, 'estate.ts'), ESTATE);
    fs.writeFileSync(path.join(app, 'main.ts'), MAIN);
    fs.writeFileSync(path.join(app, 'main.test.ts'), MAIN_TEST);

    // WHEN the user installs the toolkit (with the test tools they chose)
    const devTools = ['@types/node', 'vitest'].map((name) => `${name}@${repoPackage.devDependencies[name]!}`);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...devTools], app);
  }, 300_000);

  /** Compiles, synthesizes and tests the app; `constructs` is the version installed. */
  function compilesSynthesizesAndPassesItsTests(constructs: string): void {
    // THEN there is one constructs in the tree (the app's)
    const tree = JSON.parse(run('npm', ['ls', 'constructs', '--all', '--json'], app)) as { dependencies: Record<string, { version: string }> };
    expect(tree.dependencies['constructs']!.version).toBe(constructs);
    expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf-signoz-alerts', 'node_modules', 'constructs'))).toBe(false);
    expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf-signoz-alerts', 'node_modules', 'cdktf'))).toBe(false);

    // AND the app compiles with no error (run throws with tsc's output otherwise)
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);

    // AND `cdktf synth` writes every stack, the dev route policy sending to Slack only
    fs.rmSync(path.join(app, 'cdktf.out'), { recursive: true, force: true });
    run(process.execPath, [CDKTF_CLI, 'synth'], app);
    expect(fs.readdirSync(path.join(app, 'cdktf.out', 'stacks')).sort()).toEqual(['platform', 'shop-dev', 'shop-prod']);
    type Synthesized = { resource: Record<string, Record<string, { alert?: string; channels?: string[] }>> };
    const stack = (name: string): Synthesized => JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), 'utf8')) as Synthesized;
    const alerts = (name: string): string[] => Object.values(stack(name).resource['signoz_rule'] ?? {}).map((rule) => rule.alert!);
    expect(alerts('shop-prod')).toEqual(['Checkout CPU high']);
    expect(alerts('platform')).toEqual(expect.arrayContaining(['Host CPU high', 'Disk almost full']));
    expect(alerts('platform').length).toBeGreaterThan(3); // the SLO's burn-rate alerts too
    expect(Object.values(stack('shop-dev').resource['signoz_route_policy']!).map((p) => p.channels)).toEqual([['shop-alerts-slack']]);

    // AND the app's own vitest test passes
    const report = run(process.execPath, [path.join(app, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'main.test.ts'], app);
    expect(report).toMatch(/Tests\s+4 passed \(4\)/);
  }

  test(`installs next to constructs@${LOWEST_CONSTRUCTS}, compiles with cdktf init's tsconfig, synthesizes and passes its tests`, { timeout: 240_000 }, () => {
    compilesSynthesizesAndPassesItsTests(LOWEST_CONSTRUCTS);
  });

  test(`does the same after the app upgrades to constructs@${NEWEST_CONSTRUCTS}`, { timeout: 240_000 }, () => {
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `constructs@${NEWEST_CONSTRUCTS}`], app);
    compilesSynthesizesAndPassesItsTests(NEWEST_CONSTRUCTS);
  });
});
