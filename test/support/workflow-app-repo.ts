import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ENGINE_MODULE, TERRAFORM_DATA_MODULE } from './cdktf-app';
import { commitAll, gitIn } from './git-app-repo';

const ROOT = path.resolve(__dirname, '../..');
const POLICIES_MODULE = path.join(ROOT, 'policies');
const TSX_LOADER = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

/** The committed launcher of the toolkit, as `bin/signoz-alerts.js` is in a real checkout: runs this project's CLI. */
export const HONEST_LAUNCHER = [
  '#!/usr/bin/env node',
  "const { spawnSync } = require('node:child_process');",
  `const r = spawnSync(process.execPath, ['--import', ${JSON.stringify(`file://${TSX_LOADER}`)}, ${JSON.stringify(path.join(ROOT, 'scripts', 'signoz-alerts.ts'))}, ...process.argv.slice(2)], { stdio: 'inherit' });`,
  'process.exit(r.status ?? 1);',
  '',
].join('\n');

/**
 * A launcher a malicious PR could commit: every summary says "no changes" and every fingerprint is
 * the one of a harmless plan; other commands run honestly.
 */
export const LYING_LAUNCHER = HONEST_LAUNCHER.replace(
  "const { spawnSync } = require('node:child_process');",
  [
    "const { spawnSync } = require('node:child_process');",
    "if (process.argv[2] === 'plan-summary') { console.log('<!-- signoz-alerts:plan-summary -->\\n## SigNoz alerts plan\\n\\nNothing to see here: no changes.'); process.exit(0); }",
    "if (process.argv[2] === 'plan-fingerprint') { console.log('sha256:' + '0'.repeat(64)); process.exit(0); }",
  ].join('\n'),
);

/** Stacks of the sandbox app: stack name to alert stand-ins (id to threshold). */
export type AppStacks = Record<string, Record<string, number>>;

/**
 * A git repository holding a tiny cdktf app shaped like the example estate for the workflows: each
 * stack declares the variables the workflows provide (`signoz_endpoint`, `signoz_access_token`, a
 * channel secret), has a "channel" whose URL is that sensitive variable, and `terraform_data`
 * "alerts"; state lives in `stateDir`, shared by every job, like a remote backend.
 */
export class WorkflowAppRepo {
  private constructor(readonly dir: string) {}

  static create(dir: string, stateDir: string, stacks: AppStacks): WorkflowAppRepo {
    fs.mkdirSync(dir, { recursive: true });
    const repo = new WorkflowAppRepo(dir);
    repo.git('init', '--quiet', '--initial-branch=main');
    repo.write('.gitignore', 'node_modules\ncdktf.out\n');
    repo.write('cdktf.json', JSON.stringify({ language: 'typescript', app: `node --import ${JSON.stringify(`file://${TSX_LOADER}`)} main.ts`, output: 'cdktf.out' }, null, 2));
    repo.write('bin/signoz-alerts.js', HONEST_LAUNCHER);
    repo.write(
      'main.ts',
      [
        `import { App, LocalBackend, TerraformStack, TerraformVariable } from ${JSON.stringify(ENGINE_MODULE)};`,
        `import { TerraformData } from ${JSON.stringify(TERRAFORM_DATA_MODULE)};`,
        `import { Suppressions } from ${JSON.stringify(POLICIES_MODULE)};`,
        "import { STACKS } from './stacks';",
        'const app = new App();',
        'for (const [name, alerts] of Object.entries(STACKS)) {',
        '  const stack = new TerraformStack(app, name);',
        `  new LocalBackend(stack, { path: ${JSON.stringify(stateDir)} + '/' + name + '.tfstate' });`,
        "  stack.addOverride('terraform.required_version', '1.11.4');",
        "  Suppressions.add(stack, [{ id: 'remote-state-locking', reason: 'the sandbox has no remote backend; its state folder stands in for one', owner: 'tests' }]);",
        "  const endpoint = new TerraformVariable(stack, 'signoz_endpoint', { type: 'string', nullable: false });",
        "  new TerraformVariable(stack, 'signoz_access_token', { type: 'string', sensitive: true, nullable: false });",
        "  const hook = new TerraformVariable(stack, 'shop_slack_webhook_url', { type: 'string', sensitive: true, nullable: false });",
        "  new TerraformData(stack, 'slack_channel', { input: { kind: 'channel', name: 'shop-alerts-slack', url: hook.stringValue, signoz: endpoint.stringValue } });",
        "  for (const [id, threshold] of Object.entries(alerts)) new TerraformData(stack, id, { input: { kind: 'alert', threshold, window: '5m' } });",
        '}',
        'app.synth();',
        '',
      ].join('\n'),
    );
    repo.writeStacks(stacks);
    repo.commit('initial app');
    return repo;
  }

  writeStacks(stacks: AppStacks): void {
    this.write('stacks.ts', `export const STACKS: Record<string, Record<string, number>> = ${JSON.stringify(stacks, null, 2)};\n`);
  }

  write(file: string, content: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
  }

  git(...args: string[]): string {
    return gitIn(this.dir, ...args);
  }

  commit(message: string): string {
    return commitAll(this.dir, message);
  }

  /** `actions/checkout` of `ref` with full history into an empty workspace (dependencies linked, as `npm ci` would install them). */
  checkout(workspace: string, ref: string): void {
    execFileSync('git', ['clone', '--quiet', '--no-checkout', this.dir, workspace]);
    execFileSync('git', ['checkout', '--quiet', '--detach', ref], { cwd: workspace });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'junction');
  }
}
