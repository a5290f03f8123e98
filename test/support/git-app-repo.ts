import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ENGINE_MODULE, TERRAFORM_DATA_MODULE } from './cdktf-app';

const PROJECT_NODE_MODULES = path.resolve(__dirname, '../../node_modules');

/**
 * A git repository holding a tiny cdktf app: stacks of `terraform_data` "alerts" built by a shared
 * construct function. `node_modules` is a link to this project's (git-ignored, like a real install).
 */
/** Runs git in `dir` as a fixed test identity, unsigned; its trimmed output. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
}

/** Commits everything in `dir`; the new commit's id. */
export function commitAll(dir: string, message: string): string {
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '--quiet', '-m', message);
  return gitIn(dir, 'rev-parse', 'HEAD');
}

export class GitAppRepo {
  constructor(readonly dir: string) {}

  /** A repo whose prod stack changed since its first commit (cpu 80 -> 75, not committed), and that commit. */
  static withOneChange(dir: string): { repo: GitAppRepo; base: string } {
    const repo = GitAppRepo.create(dir, { prod: { cpu: 80 } });
    const base = repo.git('rev-parse', 'HEAD');
    repo.writeStacks({ prod: { cpu: 75 } });
    return { repo, base };
  }

  static create(dir: string, stacks: Record<string, Record<string, number>>): GitAppRepo {
    fs.mkdirSync(dir, { recursive: true });
    const repo = new GitAppRepo(dir);
    repo.git('init', '--quiet', '--initial-branch=main');
    repo.write('.gitignore', 'node_modules\ncdktf.out\n');
    fs.symlinkSync(PROJECT_NODE_MODULES, path.join(dir, 'node_modules'), 'junction');
    repo.write('cdktf.json', JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out' }, null, 2));
    repo.write(
      'shared.ts',
      [
        `import type { Construct } from ${JSON.stringify(ENGINE_MODULE)};`,
        `import { TerraformData } from ${JSON.stringify(TERRAFORM_DATA_MODULE)};`,
        'export function alertStandIn(scope: Construct, id: string, threshold: number): TerraformData {',
        "  return new TerraformData(scope, id, { input: { kind: 'alert', threshold, window: '5m' } });",
        '}',
        '',
      ].join('\n'),
    );
    repo.writeStacks(stacks);
    repo.write(
      'main.ts',
      [
        `import { App, TerraformStack } from ${JSON.stringify(ENGINE_MODULE)};`,
        "import { alertStandIn } from './shared';",
        "import { STACKS } from './stacks';",
        'const app = new App();',
        'for (const [name, alerts] of Object.entries(STACKS)) {',
        '  const stack = new TerraformStack(app, name);',
        '  for (const [id, threshold] of Object.entries(alerts)) alertStandIn(stack, id, threshold);',
        '}',
        'app.synth();',
        '',
      ].join('\n'),
    );
    repo.commit('initial app');
    return repo;
  }

  writeStacks(stacks: Record<string, Record<string, number>>): void {
    this.write('stacks.ts', `export const STACKS: Record<string, Record<string, number>> = ${JSON.stringify(stacks, null, 2)};\n`);
  }

  write(file: string, content: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  git(...args: string[]): string {
    return gitIn(this.dir, ...args);
  }

  commit(message: string): string {
    return commitAll(this.dir, message);
  }
}
