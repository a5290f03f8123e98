import { spawnSync } from 'node:child_process';

/** True when `terraform` runs here; tests that need it are skipped otherwise. */
export const HAS_TERRAFORM = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

/** `describe` for suites that need the terraform binary: skipped, with one clear line, without it. */
export function describeWithTerraform(name: string, suite: () => void): void {
  if (HAS_TERRAFORM) describe(name, suite);
  else describe.skip(`${name} [skipped: terraform is not on PATH]`, suite);
}
