/**
 * Drives the `terraform` binary for the pipeline: init with the committed lock file, plan to a
 * saved plan file, `show -json`, apply of the saved plan. cdktf's own `diff`/`deploy` never apply a
 * reviewed plan, so the toolkit uses cdktf only to synthesize. `TERRAFORM_BINARY_NAME` selects
 * another binary (e.g. `tofu`), as it does for cdktf.
 */
import * as os from 'node:os';
import { runCommand, tail, type CommandResult, type RunOptions } from '../process/run-command';

export interface TerraformOptions {
  /** The binary (default: `$TERRAFORM_BINARY_NAME`, else `terraform`). */
  readonly binary?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Output of `terraform init` that means providers could not be downloaded (registry unreachable). */
const PROVIDER_DOWNLOAD_FAILURE =
  /Failed to query available provider packages|Failed to install provider|could not connect to registry|registry\.terraform\.io.*(timeout|no such host|connection refused)|Error while installing/i;

/**
 * Go runtime settings Terraform runs with, unless the environment sets its own (GOGC or GOMEMLIMIT):
 * the garbage collector lets the heap grow to five times what is live before collecting (GOGC=400,
 * not 100), which takes about a fifth off the CPU of planning a stack of 1,000 rules for about twice
 * the memory, and collects harder as the process nears half the machine's memory (GOMEMLIMIT).
 */
export function terraformRuntimeEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return {};
  return { GOGC: '400', GOMEMLIMIT: `${Math.floor(os.totalmem() / 2 / 1024 / 1024)}MiB` };
}

export class TerraformCli {
  readonly binary: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: TerraformOptions = {}) {
    const env = options.env ?? process.env;
    this.binary = options.binary ?? env.TERRAFORM_BINARY_NAME ?? 'terraform';
    this.env = { ...terraformRuntimeEnv(env), ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  }

  run(args: readonly string[], cwd: string, capture: Pick<RunOptions, 'stdoutFile' | 'fullStdout'> = {}): Promise<CommandResult> {
    // Stopped with this process when it is interrupted, except an apply: never cut short (SIGKILL could lose state), it stops itself.
    return runCommand(this.binary, args, { cwd, env: this.env, processGroup: args[0] !== 'apply', ...capture });
  }

  /** The version (`1.11.4`), or `undefined` when the binary is not on PATH. */
  async version(): Promise<string | undefined> {
    const result = await this.run(['version', '-json'], process.cwd());
    if (result.code !== 0) return undefined;
    try {
      return (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
    } catch {
      return undefined;
    }
  }

  /** `terraform init`; with `readonlyLock`, a lock file that does not cover the providers fails instead of changing. */
  async init(stackDir: string, readonlyLock: boolean): Promise<{ ok: boolean; providersUnavailable: boolean; output: string }> {
    const args = ['init', '-input=false', '-no-color', ...(readonlyLock ? ['-lockfile=readonly'] : [])];
    const result = await this.run(args, stackDir);
    const output = `${result.stdout}\n${result.stderr}`;
    return { ok: result.code === 0, providersUnavailable: result.code !== 0 && PROVIDER_DOWNLOAD_FAILURE.test(output), output: tail(output) };
  }

  async validate(stackDir: string): Promise<{ ok: boolean; output: string }> {
    const result = await this.run(['validate', '-no-color'], stackDir);
    return { ok: result.code === 0, output: tail(`${result.stdout}\n${result.stderr}`) };
  }

  /** `terraform plan -out=<planFile>`; extra flags such as `-refresh-only` or `-destroy` pass through. */
  async plan(stackDir: string, planFile: string, extra: readonly string[] = []): Promise<{ ok: boolean; output: string }> {
    const result = await this.run(['plan', '-input=false', '-no-color', '-lock-timeout=2m', `-out=${planFile}`, ...extra], stackDir);
    return { ok: result.code === 0, output: tail(`${result.stdout}\n${result.stderr}`) };
  }

  /** The JSON of a saved plan (`terraform show -json`), whole whatever its size. */
  async showJson(stackDir: string, planFile: string): Promise<string> {
    const result = await this.run(['show', '-json', '-no-color', planFile], stackDir, { fullStdout: true });
    if (result.code !== 0) throw new Error(`terraform show -json ${planFile} failed:\n${tail(result.stderr)}`);
    return result.stdout;
  }

  /**
   * Streams the JSON of a saved plan into `jsonFile` (mode 0600), whole whatever its size, without
   * holding it in memory. The file holds secrets in clear text: the caller removes it.
   */
  async showJsonToFile(stackDir: string, planFile: string, jsonFile: string): Promise<void> {
    const result = await this.run(['show', '-json', '-no-color', planFile], stackDir, { stdoutFile: jsonFile });
    if (result.code !== 0) throw new Error(`terraform show -json ${planFile} failed:\n${tail(result.stderr)}`);
  }

  /** Applies exactly a saved plan (no re-planning, no prompt). */
  async applySaved(stackDir: string, planFile: string): Promise<{ ok: boolean; output: string }> {
    const result = await this.run(['apply', '-input=false', '-no-color', planFile], stackDir);
    return { ok: result.code === 0, output: tail(`${result.stdout}\n${result.stderr}`) };
  }
}
