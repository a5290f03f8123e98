import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const TSX_LOADER = `file://${path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')}`;
const OWN_MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

/**
 * Makes the scaffolded app's dependencies resolvable offline: the CDK engine and vitest are this
 * repository's copies; the toolkit is its TypeScript sources behind a package shim kept outside
 * node_modules, so vitest and tsx compile it as they would the built package's JavaScript.
 */
function linkDependencies(appDir: string, shimDir: string): void {
  fs.mkdirSync(shimDir, { recursive: true });
  const exports = { '.': './index.ts', './policies': './policies.ts' };
  fs.writeFileSync(path.join(shimDir, 'package.json'), JSON.stringify({ name: 'cdktf-signoz-alerts', version: OWN_MANIFEST.version, exports }));
  fs.writeFileSync(path.join(shimDir, 'index.ts'), `export * from ${JSON.stringify(path.join(ROOT, 'constructs'))};\n`);
  fs.writeFileSync(path.join(shimDir, 'policies.ts'), `export * from ${JSON.stringify(path.join(ROOT, 'policies'))};\n`);
  fs.mkdirSync(path.join(appDir, 'node_modules'));
  fs.symlinkSync(shimDir, path.join(appDir, 'node_modules', 'cdktf-signoz-alerts'), 'dir');
  for (const dependency of ['cdktf', 'constructs', 'vitest']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', dependency), path.join(appDir, 'node_modules', dependency), 'dir');
  }
}

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('signoz-alerts init', () => {
  const base = tempDir('signoz-init-');
  const appDir = path.join(base, 'my-alerts');

  beforeAll(async () => {
    // GIVEN a scaffolded app whose dependencies resolve offline
    const { code, stdout, stderr } = await runCli(['init', 'my-alerts'], base);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('Wrote the app my-alerts');
    linkDependencies(appDir, path.join(base, 'toolkit-shim'));
  });

  it('writes the app files, with the toolkit at this version and the engine and tools pinned as this repository pins them', () => {
    for (const file of ['package.json', 'tsconfig.json', 'cdktf.json', 'README.md', 'main.ts', 'estate.ts', 'test/estate.test.ts', '.gitignore', 'stacks/locks/README.md']) {
      expect(fs.existsSync(path.join(appDir, file)), file).toBe(true);
    }
    expect(fs.readdirSync(path.join(appDir, 'alert-tests'))).toEqual(['checkout-cpu.alert-test.yaml']);
    expect(fs.readdirSync(path.join(appDir, '.github', 'workflows')).sort()).toEqual(['apply.yml', 'drift.yml', 'pr-plan.yml']);
    const manifest = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-alerts');
    expect(manifest.dependencies).toEqual({ cdktf: '0.21.0', 'cdktf-signoz-alerts': OWN_MANIFEST.version, constructs: OWN_MANIFEST.devDependencies.constructs });
    for (const tool of ['cdktf-cli', 'tsx', 'typescript', 'vitest']) expect(manifest.devDependencies[tool]).toBe(OWN_MANIFEST.devDependencies[tool]);
    expect(Object.keys(manifest.scripts).sort()).toEqual(['lock', 'policy', 'pr-check', 'synth', 'test']);
    expect(JSON.parse(fs.readFileSync(path.join(appDir, 'cdktf.json'), 'utf8'))).toMatchObject({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out' });
    expect(JSON.parse(fs.readFileSync(path.join(appDir, 'tsconfig.json'), 'utf8')).compilerOptions).toMatchObject({ strict: true, module: 'CommonJS' });
  });

  it("has workflows that run the app's installed toolkit and its own scripts, not this repository's launcher", () => {
    for (const workflow of ['apply.yml', 'drift.yml', 'pr-plan.yml']) {
      const text = fs.readFileSync(path.join(appDir, '.github', 'workflows', workflow), 'utf8');
      expect(text, workflow).not.toMatch(/bin\/signoz-alerts\.js|TF_VAR_shop_/);
      expect(text, workflow).toContain('npx --no-install signoz-alerts');
      expect(text, workflow).toContain('TF_VAR_slack_webhook_url');
    }
    expect(fs.readFileSync(path.join(appDir, '.github', 'workflows', 'pr-plan.yml'), 'utf8')).toContain('npm run --silent policy');
  });

  it.each(['apply.yml', 'drift.yml', 'pr-plan.yml'])("writes %s valid against GitHub's workflow schema", async (workflow) => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const content = fs.readFileSync(path.join(appDir, '.github', 'workflows', workflow), 'utf8');
    const parsed = parseWorkflow({ name: workflow, content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });

  it('synthesizes offline, with the alert in every environment and the pager only in prod', () => {
    // WHEN the app runs as `cdktf synth` runs it
    const synth = run(process.execPath, ['--import', TSX_LOADER, 'main.ts'], appDir, { CDKTF_OUTDIR: path.join(appDir, 'cdktf.out') });
    expect(synth.output).toBe('');
    expect(synth.code).toBe(0);
    // THEN
    for (const stack of ['alerts-dev', 'alerts-prod']) {
      const json = JSON.parse(fs.readFileSync(path.join(appDir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      const rules = Object.values(json.resource.signoz_rule ?? {}) as { alert: string }[];
      expect(rules.map((r) => r.alert)).toEqual(['checkout: CPU high']);
    }
    const prod = fs.readFileSync(path.join(appDir, 'cdktf.out', 'stacks', 'alerts-prod', 'cdk.tf.json'), 'utf8');
    const dev = fs.readFileSync(path.join(appDir, 'cdktf.out', 'stacks', 'alerts-dev', 'cdk.tf.json'), 'utf8');
    expect(prod).toContain('oncall-pagerduty');
    expect(dev).not.toContain('oncall-pagerduty');
    // every variable a stack declares (provider settings, channel secrets) is given by the workflows that plan
    const variables = new Set([prod, dev].flatMap((text) => Object.keys((JSON.parse(text) as { variable?: object }).variable ?? {})));
    expect([...variables].sort()).toEqual(['pagerduty_routing_key', 'signoz_access_token', 'signoz_endpoint', 'slack_webhook_url']);
    for (const workflow of ['apply.yml', 'drift.yml', 'pr-plan.yml']) {
      const text = fs.readFileSync(path.join(appDir, '.github', 'workflows', workflow), 'utf8');
      for (const variable of variables) expect(text, `${workflow} gives TF_VAR_${variable}`).toContain(`TF_VAR_${variable}:`);
    }
  });

  it('passes its behaviour test against the synthesized stack', async () => {
    const { code, stdout } = await runCli(['test', 'alert-tests', '--coverage', 'cdktf.out'], appDir);
    expect(stdout).toMatch(/2 passed/);
    expect(code).toBe(0);
  });

  it('passes the default policy pack its PR workflow runs (`npm run policy`)', async () => {
    const { code, stdout } = await runCli(['policy', 'cdktf.out'], appDir);
    expect(stdout).toContain('0 errors, 0 warnings, 0 suppressed');
    expect(code).toBe(0);
  });

  it('passes its own unit tests (vitest with cdktf Testing)', () => {
    const vitest = run(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], appDir);
    expect(vitest.output).toMatch(/Tests\s+2 passed/);
    expect(vitest.code).toBe(0);
  });
});

describe('signoz-alerts init refusals', () => {
  const base = tempDir('signoz-init-refusal-');

  it('refuses a folder that is not empty, exit 2, and writes nothing; --force writes', async () => {
    const dir = path.join(base, 'existing');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const refused = await runCli(['init', dir], base);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty (1 entry, e.g. notes.txt)');
    expect(refused.stderr).toContain('--force');
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);

    const forced = await runCli(['init', dir, '--force', '--name', 'forced-app'], base);
    expect(forced.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name).toBe('forced-app');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('takes a folder that holds only a git repository as empty', async () => {
    const dir = path.join(base, 'cloned');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    const run = await runCli(['init', '.'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name).toBe('cloned');
  });

  it('refuses a name npm would not accept, naming --name', async () => {
    const refused = await runCli(['init', path.join(base, 'Upper Case')], base);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"upper case" is not a valid npm package name');
    expect(refused.stderr).toContain('--name');
    expect(fs.existsSync(path.join(base, 'Upper Case'))).toBe(false);
  });
});
