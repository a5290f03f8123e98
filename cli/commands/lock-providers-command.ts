/**
 * `signoz-alerts lock-providers` (`npm run lock`): synthesizes the app and refreshes each stack's
 * committed `.terraform.lock.hcl` with provider checksums for every configured platform.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { refreshLockFile } from '../../pipeline/terraform/provider-locks';
import { TerraformCli } from '../../pipeline/terraform/terraform-cli';
import { EXIT, UsageError, type CliIO } from '../io';
import type { RegisterCommand } from './register-command';
import { collect } from './option-parsers';

interface LockOptions {
  appDir: string;
  platform?: string[];
  config?: string;
}

export const registerLockProviders: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('lock-providers')
    .description("Refresh each stack's committed provider lock file (stacks/locks/<stack>/.terraform.lock.hcl) for all platforms.")
    .option('--app-dir <dir>', 'folder of cdktf.json', '.')
    .option('--platform <os_arch>', 'platform to record checksums for (repeatable; default: config, else linux/darwin amd64/arm64)', collect)
    .option('--config <path>', 'pipeline config file (default: signoz-alerts.pipeline.json if present)')
    .action(async (options: LockOptions) => {
      const appDir = path.resolve(io.cwd, options.appDir);
      // Loaded when the command runs, not at the top: `--help` and the other commands do not pay for them.
      const [{ listAllStacks }, { listSynthStacks }, { loadPipelineConfig }] = await Promise.all([
        import('../../pipeline/changes/changed-stacks.js'),
        import('../../pipeline/changes/compare-synth-dirs.js'),
        import('../../pipeline/config/pipeline-config.js'),
      ]);
      const config = loadPipelineConfig(appDir, options.config);
      const platforms = options.platform ?? config.lockPlatforms;
      const terraform = new TerraformCli({ env: { ...process.env, ...io.env } });
      if (!(await terraform.version())) throw new UsageError(`${terraform.binary} is not on PATH; install the Terraform version the workflows pin and retry.`);
      const { headOutdir } = await listAllStacks(appDir);
      try {
        for (const [stack, stackDir] of listSynthStacks(headOutdir)) {
          const outcome = await refreshLockFile(terraform, config.locksDir, stack, stackDir, platforms);
          io.out(outcome === 'updated' ? `${stack}: lock file updated for ${platforms.join(', ')}` : `${stack}: uses no downloadable providers, no lock file needed`);
        }
      } finally {
        fs.rmSync(path.dirname(headOutdir), { recursive: true, force: true });
      }
      setExitCode(EXIT.ok);
    });
};
