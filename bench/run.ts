/**
 * `npm run bench`: measures the toolkit against plain cdktf and the JSON floor on synthetic
 * estates of 100, 1,000 and 10,000 alerts in 3 environments, in one run, each case in a fresh
 * process (time and peak memory). Prints a table with ratios and writes bench/results/latest.json.
 *
 *   npm run bench                 all sizes
 *   npm run bench -- --sizes 100,1000
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { terraformSharding } from './terraform-sharding';

interface CaseResult {
  ms: number;
  maxRssMb: number;
  resources: number;
}

export interface Measurement {
  name: string;
  size?: number;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

const root = path.resolve(__dirname, '..', '..');
const caseScript = path.join(__dirname, 'case.js');

function runCase(kind: string, size: number, outdir: string, toolkitOut?: string): CaseResult {
  fs.mkdirSync(outdir, { recursive: true });
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', caseScript, kind, String(size), outdir, ...(toolkitOut ? [toolkitOut] : [])], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Synth cases: toolkit, raw L1, floor; median of `reps` fresh-process runs each. Keeps the first toolkit output in `keep`. */
function synthCases(size: number, work: string, reps: number, keep?: string): Measurement[] {
  const toolkit: CaseResult[] = [];
  const raw: CaseResult[] = [];
  const floor: CaseResult[] = [];
  for (let r = 0; r < reps; r++) {
    const dir = path.join(work, `synth-${size}-${r}`);
    const tk = path.join(dir, 'toolkit');
    toolkit.push(runCase('toolkit', size, tk));
    raw.push(runCase('raw', size, path.join(dir, 'raw'), tk));
    floor.push(runCase('floor', size, path.join(dir, 'floor'), tk));
    if (keep && r === 0) fs.cpSync(tk, keep, { recursive: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const tk = median(toolkit.map((c) => c.ms));
  const rw = median(raw.map((c) => c.ms));
  const fl = median(floor.map((c) => c.ms));
  const rss = Math.max(...toolkit.map((c) => c.maxRssMb));
  const ratio = tk / rw;
  const checkRatio = size >= 1000;
  return [
    { name: 'toolkit synth + validation (3 envs)', size, value: tk, unit: 'ms' },
    { name: 'raw cdktf L1, same resources', size, value: rw, unit: 'ms' },
    { name: 'floor: JSON.stringify to disk', size, value: fl, unit: 'ms' },
    { name: 'toolkit / raw cdktf', size, value: ratio, unit: 'x', ...(checkRatio ? { target: '<= 1.3', met: ratio <= 1.3 } : {}) },
    { name: 'toolkit / floor', size, value: tk / fl, unit: 'x' },
    { name: 'toolkit peak memory', size, value: rss, unit: 'MB', ...(size >= 10000 ? { target: '< 1024', met: rss < 1024 } : {}) },
    { name: 'toolkit time per alert', size, value: tk / (size * 3), unit: 'ms' },
  ];
}

function table(rows: Measurement[]): string {
  const fmt = (m: Measurement): string =>
    m.unit === 'x' ? `${m.value.toFixed(2)}x` : m.unit === 'ms' && m.value < 10 ? `${m.value.toFixed(3)} ms` : `${Math.round(m.value).toLocaleString('en-US')} ${m.unit}`;
  const lines = [
    ['measure', 'alerts', 'value', 'target', 'met'],
    ...rows.map((m) => [m.name, m.size?.toLocaleString('en-US') ?? '', fmt(m), m.target ?? '', m.met === undefined ? '' : m.met ? 'yes' : 'NO']),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) =>
      l
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Wall time of one `signoz-alerts` command, built CLI, fresh process (start-up included). */
function cliWallMs(args: readonly string[]): number {
  const started = performance.now();
  try {
    execFileSync(process.execPath, [path.join(root, 'bin', 'signoz-alerts.js'), ...args], { stdio: 'ignore', maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    // plan-summary and validate exit non-zero only for usage errors here; anything else is a bench bug
    if ((err as { status?: number }).status === 2) throw new Error(`signoz-alerts ${args[0]} failed as used by the bench`);
  }
  return performance.now() - started;
}

/** The CLI and check measures on the 10,000-alert estate (`toolkitOut` holds its synth output). */
function commandCases(size: number, work: string, toolkitOut: string): Measurement[] {
  const dir = path.join(work, 'commands');
  const files = runCase('prepare', size, dir, toolkitOut).resources;
  const validateMs = median([0, 1, 2].map(() => cliWallMs(['validate', '--format', 'json', path.join(dir, 'rules')])));
  const perSecond = files / (validateMs / 1000);
  const policyProd = median([0, 1, 2].map(() => runCase('policy-prod', size, dir, toolkitOut).ms));
  const policyAll = runCase('policy-all', size, dir, toolkitOut).ms;
  const planMs = median([0, 1, 2].map(() => cliWallMs(['plan-summary', path.join(dir, 'plan.json'), '--format', 'markdown', '--overflow-file', path.join(dir, 'overflow.md')])));
  const compareMs = median([0, 1, 2].map(() => runCase('compare', size, dir, toolkitOut).ms));
  return [
    { name: `validate: ${files.toLocaleString('en-US')} rule files, CLI wall`, size: files, value: validateMs, unit: 'ms' },
    { name: 'validate throughput', size: files, value: perSecond, unit: 'files/s', target: '>= 20,000', met: perSecond >= 20000 },
    { name: 'policy: default pack, one environment (read + check)', size, value: policyProd, unit: 'ms', target: '< 1000', met: policyProd < 1000 },
    { name: 'policy: default pack, 3 environments', size: size * 3, value: policyAll, unit: 'ms' },
    { name: 'plan-summary: plan with that many changes, CLI wall', size, value: planMs, unit: 'ms', target: '< 2000', met: planMs < 2000 },
    {
      name: 'changed-stacks: compare synth output, one alert changed',
      size: size * 3,
      value: compareMs,
      unit: 'ms',
      note: 'the command also synthesizes base and head (toolkit synth above)',
    },
  ];
}

function hasTerraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' } });
    return true;
  } catch {
    return false;
  }
}

async function shardingRows(resources: number): Promise<Measurement[]> {
  process.stderr.write(`terraform apply: ${resources.toLocaleString('en-US')} terraform_data stand-ins, one state vs sharded (takes minutes)...\n`);
  const r = await terraformSharding(resources);
  const seq = r.singleStateMs / r.shardedSequentialMs;
  const par = r.singleStateMs / r.shardedParallelMs;
  return [
    { name: 'terraform apply, one state', size: r.resources, value: r.singleStateMs, unit: 'ms' },
    { name: `terraform apply, ${r.shards} shards one after another`, size: r.resources, value: r.shardedSequentialMs, unit: 'ms' },
    { name: `terraform apply, ${r.shards} shards ${r.parallelism} at a time`, size: r.resources, value: r.shardedParallelMs, unit: 'ms' },
    { name: 'speed-up sharded, sequential', size: r.resources, value: seq, unit: 'x', target: '>= 5', met: seq >= 5 },
    { name: 'speed-up sharded, parallel', size: r.resources, value: par, unit: 'x', target: '>= 5', met: par >= 5 },
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [100, 1000, 10000];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-bench-'));
  const rows: Measurement[] = [];
  try {
    const largest = Math.max(...sizes);
    const kept = path.join(work, 'largest-toolkit');
    for (const size of sizes) {
      process.stderr.write(`synth: ${size.toLocaleString('en-US')} alerts x 3 environments...\n`);
      rows.push(...synthCases(size, work, size >= 10000 ? 1 : 3, size === largest ? kept : undefined));
    }
    process.stderr.write(`commands: validate, policy, plan-summary, changed-stacks at ${largest.toLocaleString('en-US')} alerts...\n`);
    rows.push(...commandCases(largest, work, kept));
    const perAlert = rows.filter((r) => r.name === 'toolkit time per alert');
    if (perAlert.length >= 2) {
      const growth = perAlert[perAlert.length - 1]!.value / perAlert[0]!.value;
      rows.push({ name: 'time per alert, largest / smallest estate', value: growth, unit: 'x', target: '<= 1.5 (linear)', met: growth <= 1.5 });
    }
    if (args.includes('--skip-terraform')) {
      process.stderr.write('terraform sharding: skipped (--skip-terraform)\n');
    } else if (!hasTerraform()) {
      process.stderr.write('terraform sharding: skipped, terraform is not on PATH\n');
    } else {
      rows.push(...(await shardingRows(2000)));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
  console.log(table(rows));
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}`);
  const outFile = path.join(root, 'bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify({ machine, measurements: rows }, null, 2)}\n`);
  console.log(`written: ${path.relative(root, outFile)}`);
  if (rows.some((r) => r.met === false)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
