/**
 * Committed provider lock files, one per stack, kept outside the synth output
 * (`stacks/locks/<stack>/.terraform.lock.hcl`): cdktf writes its lock into `cdktf.out`, which is not
 * committed, so without this the provider checksums would be trusted anew on every run. CI copies
 * the file in and runs `terraform init -lockfile=readonly`; `npm run lock` refreshes the files for
 * every platform that runs Terraform.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PipelineInputError } from '../errors';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { tail } from '../process/run-command';
import { readStackConfig } from '../changes/stack-config';
import type { TerraformCli } from './terraform-cli';

export const LOCK_FILE_NAME = '.terraform.lock.hcl';

export function committedLockFile(locksDir: string, stack: string): string {
  return path.join(locksDir, stack, LOCK_FILE_NAME);
}

/** True when the stack uses providers that need downloading (built-in `terraform_data` needs none). */
export function stackNeedsProviders(stackDir: string): boolean {
  const config = readStackConfig(stackDir) as { terraform?: { required_providers?: Record<string, unknown> } };
  return Object.keys(config.terraform?.required_providers ?? {}).length > 0;
}

/** Copies the committed lock file into the stack folder; false when there is none. */
export function installLockFile(locksDir: string, stack: string, stackDir: string): boolean {
  const source = committedLockFile(locksDir, stack);
  if (!fs.existsSync(source)) return false;
  fs.copyFileSync(source, path.join(stackDir, LOCK_FILE_NAME));
  return true;
}

/**
 * Writes the stack's lock file with checksums for `platforms` (starting from the committed one, so
 * its recorded checksums stay the trust anchor) and commits it back to `locksDir`.
 */
export async function refreshLockFile(
  terraform: TerraformCli,
  locksDir: string,
  stack: string,
  stackDir: string,
  platforms: readonly string[],
): Promise<'updated' | 'no-providers'> {
  if (!stackNeedsProviders(stackDir)) return 'no-providers';
  installLockFile(locksDir, stack, stackDir);
  const result = await terraform.run(['providers', 'lock', '-no-color', ...platforms.map((p) => `-platform=${p}`)], stackDir);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    const unreachable = /could not connect|Failed to query|no such host|timeout|connection refused|could not retrieve|Failed to (download|fetch|install)/i.test(output);
    throw new PipelineInputError(
      unreachable
        ? `cannot refresh the lock file of stack "${stack}": the provider registry is not reachable from here, so checksums for ${platforms.join(', ')} cannot be fetched. Run \`npm run lock\` on a machine with access to the registry (e.g. in CI) and commit ${path.relative(process.cwd(), committedLockFile(locksDir, stack))}.\nterraform said:\n${tail(output, 8)}`
        : `terraform providers lock failed for stack "${stack}":\n${tail(output, 12)}`,
      {},
      'provider lock',
    );
  }
  writeFileAtomic(committedLockFile(locksDir, stack), fs.readFileSync(path.join(stackDir, LOCK_FILE_NAME), 'utf8'));
  return 'updated';
}
