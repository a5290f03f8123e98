/**
 * Terraform apply time of one large state versus the same resources sharded into small states.
 * Terraform's apply time grows quadratically with the resources in one state, so an estate split
 * into states of ~200 resources applies much faster, sequentially and more so in parallel.
 *
 * Stand-ins: built-in `terraform_data` resources (no provider download needed) carrying a rule
 * payload of realistic size, in the shards `AlertEstate` would make (one per team).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { buildRulePayload } from '../constructs/alerts';
import { App, DataResource, LocalBackend, TerraformStack } from '../constructs/engine';
import { goJsonStringify } from '../constructs/util/json';
import { syntheticEstate } from './synthetic-estate';

const run = promisify(execFile);

export interface ShardingResult {
  resources: number;
  shards: number;
  singleStateMs: number;
  shardedSequentialMs: number;
  shardedParallelMs: number;
  parallelism: number;
}

function synthesize(outdir: string, resources: number): { single: string; shards: string[] } {
  const app = new App({ outdir, skipValidation: true });
  const alerts = syntheticEstate(resources);
  const single = new TerraformStack(app, 'single');
  new LocalBackend(single, { path: 'terraform.tfstate' });
  const shards = new Map<string, TerraformStack>();
  for (const alert of alerts) {
    const input = { rule: goJsonStringify(buildRulePayload(alert.props())) };
    new DataResource(single, alert.id, { input });
    let shard = shards.get(alert.team);
    if (!shard) {
      shard = new TerraformStack(app, `shard-${alert.team}`);
      new LocalBackend(shard, { path: 'terraform.tfstate' });
      shards.set(alert.team, shard);
    }
    new DataResource(shard, alert.id, { input });
  }
  app.synth();
  const dir = (name: string) => path.join(outdir, 'stacks', name);
  return { single: dir('single'), shards: [...shards.keys()].map((team) => dir(`shard-${team}`)) };
}

const tfEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

async function apply(dir: string): Promise<number> {
  await run('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: tfEnv, maxBuffer: 64 * 1024 * 1024 });
  const started = performance.now();
  await run('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env: tfEnv, maxBuffer: 256 * 1024 * 1024 });
  return performance.now() - started;
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function terraformSharding(resources: number): Promise<ShardingResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-shard-bench-'));
  try {
    const sequential = synthesize(path.join(work, 'seq'), resources);
    const parallel = synthesize(path.join(work, 'par'), resources);
    const singleStateMs = await apply(sequential.single);
    let shardedSequentialMs = 0;
    for (const dir of sequential.shards) shardedSequentialMs += await apply(dir);
    const parallelism = Math.max(2, os.cpus().length);
    for (const dir of parallel.shards) await run('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: tfEnv });
    const started = performance.now();
    await inPool(parallel.shards, parallelism, (dir) =>
      run('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env: tfEnv, maxBuffer: 256 * 1024 * 1024 }),
    );
    const shardedParallelMs = performance.now() - started;
    return { resources, shards: sequential.shards.length, singleStateMs, shardedSequentialMs, shardedParallelMs, parallelism };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
