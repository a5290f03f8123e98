import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Whether a `terraform` binary is on PATH; suites that need it use {@link describeWithTerraform}. */
const hasTerraform: boolean = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

/** What Terraform needs to stay quiet and offline in tests. */
export const TERRAFORM_TEST_ENV: Readonly<Record<string, string>> = { CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A working directory for one Terraform configuration, kept across synths so state carries over. */
export class TerraformWorkdir {
  constructor(
    /** The configuration folder: a fresh temporary one unless given. */
    readonly dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-work-')),
  ) {}

  /** Replaces the configuration with `config` (a cdk.tf.json object). */
  write(config: unknown): void {
    fs.writeFileSync(path.join(this.dir, 'cdk.tf.json'), JSON.stringify(config, null, 2));
  }

  run(args: readonly string[], env: Record<string, string> = {}): TerraformRun {
    const result = spawnSync('terraform', [...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...TERRAFORM_TEST_ENV, ...env },
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs and fails with Terraform's output when the exit code is not `expected`. */
  mustRun(args: readonly string[], env: Record<string, string> = {}, expected = 0): TerraformRun {
    const run = this.run(args, env);
    if (run.code !== expected) throw new Error(`terraform ${args.join(' ')} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    return run;
  }

  /** Every file under the working directory, contents concatenated (state and plan files included). */
  allFileContents(): string {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== '.terraform') walk(file);
        } else out.push(fs.readFileSync(file, 'latin1'));
      }
    };
    walk(this.dir);
    return out.join('\n');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `describe` for suites that need the terraform binary: skipped, with one clear line, without it. */
export function describeWithTerraform(name: string, suite: () => void): void {
  if (hasTerraform) {
    describe(name, suite);
    return;
  }
  console.log(`skipping "${name}": terraform is not on PATH`);
  describe.skip(`${name} [skipped: terraform is not on PATH]`, suite);
}
