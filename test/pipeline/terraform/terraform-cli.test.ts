import * as fs from 'node:fs';
import * as path from 'node:path';
import { TerraformCli } from '../../../pipeline/terraform/terraform-cli';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir('terraform-cli-');
/** A stand-in binary that prints the Go runtime settings it was started with. */
const binary = path.join(dir, 'print-go-env');
fs.writeFileSync(binary, '#!/bin/sh\necho "GOGC=${GOGC-unset} GOMEMLIMIT=${GOMEMLIMIT-unset}"\n', { mode: 0o755 });

async function goEnv(env: NodeJS.ProcessEnv): Promise<string> {
  const { GOGC: _gogc, GOMEMLIMIT: _limit, ...rest } = process.env;
  return (await new TerraformCli({ binary, env: { ...rest, ...env } }).run([], dir)).stdout.trim();
}

describe.skipIf(process.platform === 'win32')('TerraformCli Go runtime settings', () => {
  it('runs Terraform with a less eager garbage collector, bounded by half the machine memory', async () => {
    expect(await goEnv({})).toMatch(/^GOGC=400 GOMEMLIMIT=[1-9][0-9]*MiB$/);
  });

  it("keeps the environment's own GOGC or GOMEMLIMIT and adds nothing to it", async () => {
    expect(await goEnv({ GOGC: '50' })).toBe('GOGC=50 GOMEMLIMIT=unset');
    expect(await goEnv({ GOMEMLIMIT: '2GiB' })).toBe('GOGC=unset GOMEMLIMIT=2GiB');
  });
});
