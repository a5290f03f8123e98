/**
 * SLOW (about a minute): the toolkit as a user gets it. Packs this repository with `npm pack`,
 * installs the tarball into a fresh cdktf TypeScript app on the lowest supported `constructs`
 * (10.4.2) with `cdktf init`'s own tsconfig, compiles the app with `tsc`, runs it and reads the
 * synthesized rule. Needs the npm registry (or a warm npm cache) for the toolkit's dependencies;
 * downloads no binaries.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/temp-dir';

const REPO = path.resolve(__dirname, '..', '..');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const CDKTF_INIT_TSCONFIG = path.join(REPO, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json');
const LOWEST_CONSTRUCTS = '10.4.2';

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
}

const APP = `import { App, S3Backend, TerraformStack } from 'cdktf';
import { AlertRule, MetricsQuery, NotificationChannel } from 'cdktf-signoz-alerts';
import { applyPolicies } from 'cdktf-signoz-alerts/policies';

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'prod');
new S3Backend(stack, { bucket: 'acme-tfstate', key: 'prod.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' });
stack.addOverride('terraform.required_version', '1.11.4');
const slack = NotificationChannel.fromName(stack, 'slack', 'shop-alerts-slack', 'slack');
const pager = NotificationChannel.fromName(stack, 'pager', 'shop-oncall-pagerduty', 'pagerduty');

new AlertRule(stack, 'CheckoutCpu', {
  name: 'Checkout CPU high',
  queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').groupBy('host.name')],
  tiers: { critical: { target: 0.9, channels: [pager] }, warning: { target: 0.8 } },
  channels: [slack],
  labels: { team: 'payments', service: 'checkout' },
  runbook: 'https://runbooks.example.com/checkout/cpu',
});

applyPolicies(app);
app.synth();
`;

describe('the packed toolkit in a fresh cdktf app (slow: npm pack + npm install)', () => {
  test(`installs next to constructs@${LOWEST_CONSTRUCTS}, compiles with cdktf init's tsconfig, and synthesizes the rule`, { timeout: 240_000 }, () => {
    // GIVEN the toolkit built and packed as npm would publish it
    const work = tempDir('consumer-');
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], REPO);
    const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO)) as { filename: string }[];
    const tarball = path.join(work, packed!.filename);

    // AND an ordinary cdktf TypeScript app on the lowest constructs cdktf 0.21 accepts
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.copyFileSync(CDKTF_INIT_TSCONFIG, path.join(app, 'tsconfig.json'));
    fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node main.js', terraformProviders: [], terraformModules: [], context: {} }));
    fs.writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, license: 'MPL-2.0', dependencies: { cdktf: '0.21.0', constructs: LOWEST_CONSTRUCTS } }),
    );
    fs.writeFileSync(path.join(app, 'main.ts'), APP);

    // WHEN the user installs the toolkit, compiles and runs the app
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
    run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    run(process.execPath, ['main.js'], app);

    // THEN there is one constructs in the tree (the app's), and the rule is in the synthesized stack
    const tree = JSON.parse(run('npm', ['ls', 'constructs', '--all', '--json'], app)) as { dependencies: Record<string, { version: string }> };
    expect(tree.dependencies['constructs']!.version).toBe(LOWEST_CONSTRUCTS);
    expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf-signoz-alerts', 'node_modules', 'constructs'))).toBe(false);
    expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf-signoz-alerts', 'node_modules', 'cdktf'))).toBe(false);
    const synthesized = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'stacks', 'prod', 'cdk.tf.json'), 'utf8')) as {
      resource: Record<string, Record<string, { alert?: string }>>;
    };
    const rules = Object.values(synthesized.resource['signoz_rule'] ?? synthesized.resource['signoz_alert'] ?? {});
    expect(rules.map((rule) => rule.alert)).toEqual(['Checkout CPU high']);
  });
});
