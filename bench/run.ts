/**
 * `npm run bench`: every figure is a ratio to a floor or a reference measured in the same run, on
 * the same input, so a slower machine moves both sides. Each case runs in a fresh process.
 *
 *   npm run bench                        synth at 1,000 and 10,000 alerts x 3 environments; commands,
 *                                        pr-check and evaluation at the largest size
 *   npm run bench -- --quick             the same at 100 and 1,000 (the checked figures are at 10,000)
 *   npm run bench -- --sizes 1000,10000
 *   npm run bench -- --terraform-sharding   also times `terraform apply` one state vs sharded (minutes)
 *   npm run bench -- --only commands,pr-check   only these groups (synth, commands, evaluate, pr-check);
 *                                        commands then synthesizes their input untimed
 *
 * Exits 1 only when a ratio (unit `x`) misses its target. Absolute times are recorded as information.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { terraformSharding } from './terraform-sharding';

export interface Measurement {
  name: string;
  size?: number;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

interface CaseResult {
  ms: number;
  maxRssMb: number;
  [key: string]: unknown;
}

const root = path.resolve(__dirname, '..', '..');
const caseScript = path.join(__dirname, 'case.js');
const floorScript = path.join(__dirname, 'floors.js');
const cliScript = path.join(root, 'bin', 'signoz-alerts.js');
const NODE_ARGS = ['--max-old-space-size=4096'];
const ENV = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

function caseArgs(kind: string, args: readonly (string | number)[]): string[] {
  return [...NODE_ARGS, caseScript, kind, ...args.map(String)];
}

function runCase(kind: string, ...args: (string | number)[]): CaseResult {
  const out = execFileSync(process.execPath, caseArgs(kind, args), { encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

/** Wall time of a fresh node process (start-up included); its stdout. */
function wall(script: string, args: readonly string[], allowExit: readonly number[] = [0]): { ms: number; stdout: string } {
  const started = performance.now();
  try {
    const stdout = execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', env: ENV, maxBuffer: 256 * 1024 * 1024 });
    return { ms: performance.now() - started, stdout };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    if (e.status !== undefined && allowExit.includes(e.status)) return { ms: performance.now() - started, stdout: e.stdout ?? '' };
    throw new Error(`${path.basename(script)} ${args[0]} failed as used by the bench (exit ${e.status}): ${String(e.stderr ?? '').slice(0, 500)}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ratio(name: string, size: number | undefined, value: number, max: number, note?: string): Measurement {
  return { name, ...(size !== undefined ? { size } : {}), value, unit: 'x', target: `<= ${max}`, met: value <= max, ...(note ? { note } : {}) };
}

/** toolkit, raw L1 and floor synths of the same estate; median of `reps` fresh-process runs. Keeps the first toolkit output in `keep`. */
function synthCases(size: number, work: string, reps: number, keep?: string): { rows: Measurement[]; perAlertMs: number } {
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
  const rows: Measurement[] = [
    size >= 1000
      ? ratio('toolkit / raw cdktf', size, tk / rw, 0.5, 'synth of the same signoz_rule resources, toolkit construct vs the generated L1 class')
      : { name: 'toolkit / raw cdktf', size, value: tk / rw, unit: 'x', note: 'below 1,000 alerts start-up costs dominate; checked at 1,000 and up' },
    { name: 'toolkit / floor (JSON.stringify to disk)', size, value: tk / fl, unit: 'x' },
    {
      name: 'toolkit peak memory',
      size,
      value: rss,
      unit: 'MB',
      ...(size >= 10000 ? { target: '<= 500', met: rss <= 500 } : {}),
      note: 'peak resident memory of the synth process, start-up to the end of app.synth()',
    },
    { name: 'toolkit synth (3 environments)', size, value: tk, unit: 'ms' },
    { name: 'raw cdktf L1 synth, same resources', size, value: rw, unit: 'ms' },
    { name: 'floor: JSON.stringify to disk', size, value: fl, unit: 'ms' },
  ];
  return { rows, perAlertMs: tk / (size * 3) };
}

/** validate, policy and plan-summary at `size`, each against its floor on the same input. */
function commandCases(size: number, work: string, toolkitOut: string): Measurement[] {
  const dir = path.join(work, 'commands');
  const files = runCase('prepare', size, dir, toolkitOut).resources as number;
  const rules = path.join(dir, 'rules');
  const validateMs = median([0, 1, 2].map(() => wall(cliScript, ['validate', '--format', 'json', rules]).ms));
  const validateFloorMs = median([0, 1, 2].map(() => wall(floorScript, ['validate', rules]).ms));

  const policy = [0, 1, 2].map(() => runCase('policy', size, dir, toolkitOut));
  const policyMs = median(policy.map((p) => p.ms));
  const policyFloorMs = median(policy.map((p) => p.floorMs as number));

  const plan = path.join(dir, 'plan.json');
  const overflow = path.join(dir, 'overflow.md');
  let bytes = 0;
  const planMs = median(
    [0, 1, 2].map(() => {
      const run = wall(cliScript, ['plan-summary', plan, '--format', 'markdown', '--overflow-file', overflow], [0, 1]);
      bytes = Buffer.byteLength(run.stdout) + fs.statSync(overflow).size;
      return run.ms;
    }),
  );
  const planFloorMs = median([0, 1, 2].map(() => wall(floorScript, ['plan', plan, path.join(dir, 'floor.md'), String(bytes)]).ms));
  return [
    ratio(
      'validate / floor',
      files,
      validateMs / validateFloorMs,
      3,
      'CLI vs one process reading, parsing and checking the same files with the compiled schemas; both fresh processes',
    ),
    ratio('policy / floor', size, policyMs / policyFloorMs, 3, 'default pack on the prod stack (read + check) vs reading and parsing the same cdk.tf.json'),
    ratio('plan-summary / floor', size, planMs / planFloorMs, 3, `CLI vs parsing the same plan and writing the same ${bytes.toLocaleString('en-US')} bytes; both fresh processes`),
    { name: `validate: ${files.toLocaleString('en-US')} rule files, CLI wall`, size: files, value: validateMs, unit: 'ms' },
    { name: 'validate floor, process wall', size: files, value: validateFloorMs, unit: 'ms' },
    { name: 'policy: default pack, prod stack', size, value: policyMs, unit: 'ms' },
    { name: 'policy floor: parse the same file', size, value: policyFloorMs, unit: 'ms' },
    { name: 'plan-summary: plan with that many changes, CLI wall', size, value: planMs, unit: 'ms' },
    { name: 'plan-summary floor, process wall', size, value: planFloorMs, unit: 'ms' },
  ];
}

function evaluateCases(): Measurement[] {
  const small = median([0, 1, 2].map(() => runCase('evaluate', 10_000).perPointUs as number));
  const large = runCase('evaluate', 1_000_000).perPointUs as number;
  return [
    ratio('evaluate per point, 1,000,000 / 10,000', 1_000_000, large / small, 2, 'one rule, 10 series, one point a minute, evaluated every minute'),
    { name: 'evaluate per point, 10,000 points', size: 10_000, value: small, unit: 'us' },
    { name: 'evaluate per point, 1,000,000 points', size: 1_000_000, value: large, unit: 'us' },
  ];
}

function hasTerraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: ENV });
    return true;
  } catch {
    return false;
  }
}

/** pr-check on the estate sharded by team (30 stacks), one alert changed, against one synth of that estate. */
async function prCheckCases(size: number, work: string): Promise<Measurement[]> {
  const dir = path.join(work, 'pr-check');
  const one = runCase('estate', size, path.join(dir, 'one'));
  const oneMs = wall(caseScript, ['estate', String(size), path.join(dir, 'one-wall')]).ms;
  const started = performance.now();
  const synth = (out: string, changed?: number) =>
    promisify(execFile)(process.execPath, caseArgs('estate', [size, out, ...(changed !== undefined ? [changed] : [])]), { env: ENV });
  // pr-check synthesizes base and head side by side (changed-stacks), then works on the head.
  await Promise.all([synth(path.join(dir, 'base')), synth(path.join(dir, 'head'), 0)]);
  const synthsMs = performance.now() - started;
  const rest = wall(caseScript, ['pr-rest', String(size), dir, path.join(dir, 'base'), path.join(dir, 'head')]);
  const coldMs = performance.now() - started;
  const changed = (JSON.parse(rest.stdout.trim().split('\n').pop()!) as { changed: string[] }).changed;
  if (changed.join() !== 'prod-payments') throw new Error(`pr-check bench: expected only prod-payments to change, got ${changed.join(', ') || 'none'}`);
  // Warm: the base synth is in the base synth cache (stored untimed, as an earlier check against the
  // same base leaves it); the check synthesizes the head, then looks up and verifies the cached base.
  const cache = path.join(dir, 'cache');
  runCase('cache-store', size, cache, path.join(dir, 'base'));
  const warmStarted = performance.now();
  await synth(path.join(dir, 'head-warm'), 0);
  const warmHeadMs = performance.now() - warmStarted;
  const warmRest = wall(caseScript, ['pr-rest', String(size), path.join(dir, 'warm'), '-', path.join(dir, 'head-warm'), cache]);
  const warmMs = performance.now() - warmStarted;
  return [
    ratio(
      'pr-check / one synth',
      size,
      warmMs / oneMs,
      1.5,
      'warm base synth cache: head synth, cached base looked up and verified, compare, rule validation and default pack over every head stack, terraform plan of the changed stack (1 of 30) on terraform_data stand-ins, comment and summary; one synth = the same estate in a fresh process',
    ),
    {
      name: 'pr-check, cold cache / one synth',
      size,
      value: coldMs / oneMs,
      unit: 'x',
      note: 'base and head synthesized side by side (no cache entry for the base), then the same as the warm case',
    },
    { name: 'one synth of the estate sharded by team (30 stacks), process wall', size, value: oneMs, unit: 'ms' },
    { name: 'one synth, in-process', size, value: one.ms, unit: 'ms' },
    { name: 'pr-check, cold: base and head synths side by side', size, value: synthsMs, unit: 'ms' },
    { name: 'pr-check, cold: compare, checks, plan of the changed stack, summary', size, value: rest.ms, unit: 'ms' },
    { name: 'pr-check, warm: head synth', size, value: warmHeadMs, unit: 'ms' },
    { name: 'pr-check, warm: cached base verified, compare, checks, plan of the changed stack, summary', size, value: warmRest.ms, unit: 'ms' },
  ];
}

async function shardingRows(resources: number): Promise<Measurement[]> {
  process.stderr.write(`terraform apply: ${resources.toLocaleString('en-US')} terraform_data stand-ins, one state vs sharded (takes minutes)...\n`);
  const r = await terraformSharding(resources);
  return [
    {
      name: 'terraform apply speed-up, sharded one after another',
      size: r.resources,
      value: r.singleStateMs / r.shardedSequentialMs,
      unit: 'x',
      target: '>= 5',
      met: r.singleStateMs / r.shardedSequentialMs >= 5,
    },
    {
      name: `terraform apply speed-up, sharded ${r.parallelism} at a time`,
      size: r.resources,
      value: r.singleStateMs / r.shardedParallelMs,
      unit: 'x',
      target: '>= 5',
      met: r.singleStateMs / r.shardedParallelMs >= 5,
    },
    { name: 'terraform apply, one state', size: r.resources, value: r.singleStateMs, unit: 'ms' },
    { name: `terraform apply, ${r.shards} shards one after another`, size: r.resources, value: r.shardedSequentialMs, unit: 'ms' },
  ];
}

function table(rows: Measurement[]): string {
  const fmt = (m: Measurement): string =>
    m.unit === 'x' ? `${m.value.toFixed(2)}x` : m.value < 10 ? `${m.value.toFixed(3)} ${m.unit}` : `${Math.round(m.value).toLocaleString('en-US')} ${m.unit}`;
  const lines = [
    ['measure', 'size', 'value', 'target', 'met'],
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

const USAGE = [
  'usage: npm run bench -- [--quick] [--sizes N,N] [--only GROUP,GROUP] [--terraform-sharding]',
  '  --quick               sizes 100 and 1,000 instead of 1,000 and 10,000',
  '  --sizes N,N           the estate sizes (alerts per environment), positive integers',
  '  --only G,G            only these groups: synth, commands, evaluate, pr-check',
  '  --terraform-sharding  also time terraform apply, one state vs sharded (minutes)',
].join('\n');

/** The command line, or `undefined` after printing the usage for --help; a bad flag exits 2 with one line. */
function benchFlags(argv: readonly string[]): { sizes: number[]; only?: string[]; sharding: boolean } | undefined {
  let parsed: ReturnType<typeof parseBenchArgs>;
  try {
    parsed = parseBenchArgs(argv);
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    return undefined;
  }
  const sizes = v.sizes !== undefined ? v.sizes.split(',').map((n) => Number(n)) : v.quick ? [100, 1000] : [1000, 10000];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`bench: --sizes takes positive integers separated by commas, got "${v.sizes}"\n${USAGE}`);
    process.exit(2);
  }
  return { sizes, ...(v.only !== undefined ? { only: v.only.split(',') } : {}), sharding: v['terraform-sharding'] === true };
}

function parseBenchArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      sizes: { type: 'string' },
      only: { type: 'string' },
      'terraform-sharding': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<void> {
  const flags = benchFlags(process.argv.slice(2));
  if (flags === undefined) return;
  const args = flags.sharding ? ['--terraform-sharding'] : [];
  const sizes = flags.sizes;
  const groups = ['synth', 'commands', 'evaluate', 'pr-check'];
  const only = flags.only ?? groups;
  const unknown = only.filter((g) => !groups.includes(g));
  if (unknown.length > 0) {
    console.error(`bench: --only: unknown group ${unknown.join(', ')}; the groups are ${groups.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-bench-'));
  const rows: Measurement[] = [];
  try {
    const largest = Math.max(...sizes);
    const kept = path.join(work, 'largest-toolkit');
    const perAlert: number[] = [];
    for (const size of only.includes('synth') ? sizes : []) {
      process.stderr.write(`synth: ${size.toLocaleString('en-US')} alerts x 3 environments (toolkit, raw cdktf, floor)...\n`);
      const synth = synthCases(size, work, size >= 10000 ? 1 : 3, size === largest ? kept : undefined);
      rows.push(...synth.rows);
      perAlert.push(synth.perAlertMs);
    }
    if (perAlert.length >= 2) {
      rows.push({
        name: 'toolkit synth time per alert, largest / smallest estate',
        value: perAlert[perAlert.length - 1]! / perAlert[0]!,
        unit: 'x',
        target: '<= 1.5 (linear)',
        met: perAlert[perAlert.length - 1]! / perAlert[0]! <= 1.5,
      });
    }
    if (only.includes('commands')) {
      if (!fs.existsSync(kept)) runCase('toolkit', largest, kept);
      process.stderr.write(`commands: validate, policy, plan-summary at ${largest.toLocaleString('en-US')}, each against its floor...\n`);
      rows.push(...commandCases(largest, work, kept));
    }
    if (only.includes('evaluate')) {
      process.stderr.write('evaluate: 10,000 and 1,000,000 points...\n');
      rows.push(...evaluateCases());
    }
    if (only.includes('pr-check') && hasTerraform()) {
      process.stderr.write(`pr-check: ${largest.toLocaleString('en-US')} alerts x 3 environments in 30 stacks, one alert changed...\n`);
      rows.push(...(await prCheckCases(largest, work)));
    } else if (only.includes('pr-check')) {
      process.stderr.write('pr-check: skipped, terraform is not on PATH (it plans the changed stack)\n');
    }
    if (args.includes('--terraform-sharding')) rows.push(...(await shardingRows(2000)));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  // Ratios first, then the figures they come from.
  const ordered = [...rows.filter((r) => r.unit === 'x'), ...rows.filter((r) => r.unit !== 'x')];
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
  console.log(table(ordered));
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}, load ${machine.loadAverage.join(' ')}`);
  // A partial run (--only) does not replace the full run's results.
  const outFile = path.join(root, 'bench', 'results', flags.only !== undefined ? 'partial.json' : 'latest.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify({ machine, measurements: ordered }, null, 2)}\n`);
  console.log(`written: ${path.relative(root, outFile)}`);
  const missed = ordered.filter((r) => r.unit === 'x' && r.met === false);
  if (missed.length > 0) {
    console.log(`missed: ${missed.map((m) => `${m.name}${m.size ? ` at ${m.size.toLocaleString('en-US')}` : ''}`).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
