/**
 * `npm run fuzz [-- --runs N] [--seed S] [--only name]`: long fuzz runs of every command's input
 * readers, in-process through the CLI entry (100,000 inputs per command unless --runs says
 * otherwise). Prints, per command: inputs, crashes (exit outside 0/1/2 or "internal error"), hangs
 * (a run over 5 s), the slowest run and the throughput; then the totals. Exits 1 on any crash or hang.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FUZZ_TARGETS, HANG_MS, fuzzInput, prepareFuzzDir, runFuzzCase, runFuzzCaseAsProcess } from './fuzz-inputs';

/** Inputs generated at a time: a long run never holds all of them in memory. */
const BATCH = 1_000;

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

async function fuzz(): Promise<number> {
  const runs = Number(flag('--runs', '100000'));
  const seed = Number(flag('--seed', String(Date.now() % 1_000_000)));
  const only = flag('--only', '');
  // every this many inputs, one also runs as its own process (the way CI runs it), whose exit code must agree
  const processEvery = Number(flag('--process-every', '10000'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-fuzz-'));
  prepareFuzzDir(dir);
  // crashing inputs are kept after the run (the work folder is removed)
  const savedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-fuzz-crashes-'));
  let failed = false;
  const total = { inputs: 0, crashes: 0, hangs: 0, slowest: 0, started: Date.now(), cpu: process.cpuUsage() };
  console.log(`fuzz: seed ${seed}, ${runs} inputs per command, hang = over ${HANG_MS} ms`);
  for (const target of FUZZ_TARGETS.filter((t) => only === '' || t.name === only)) {
    // once untimed: the first run of a command loads its modules and compiles its schemas, which is no hang
    await runFuzzCase(target, target.seed, dir);
    let crashes = 0;
    let hangs = 0;
    let slowest = 0;
    const codes = [0, 0, 0];
    const started = Date.now();
    const cpu = process.cpuUsage();
    let inputs = 0;
    let spawned = 0;
    for (let batch = 0; inputs < runs; batch++) {
      const samples = fc.sample(fuzzInput(target.seed), { numRuns: Math.min(BATCH, runs - inputs), seed: seed + batch * 7919 });
      for (const text of samples) {
        const asProcess = processEvery > 0 && inputs % processEvery === 0;
        inputs++;
        let outcome = await runFuzzCase(target, text, dir);
        if (asProcess) {
          spawned++;
          const run = runFuzzCaseAsProcess(target, text, dir);
          if (run.code !== outcome.code || run.crashed) {
            outcome = { ...outcome, crashed: true, output: `as a process: exit ${run.code} (in-process ${outcome.code}): ${run.output}` };
          }
        }
        slowest = Math.max(slowest, outcome.ms);
        if (outcome.code >= 0 && outcome.code <= 2) codes[outcome.code]!++;
        if (outcome.ms > HANG_MS) hangs++;
        if (outcome.crashed) {
          crashes++;
          if (crashes <= 3) {
            const saved = path.join(savedDir, `crash-${target.name.replace(/\W+/g, '-')}-${crashes}.txt`);
            fs.writeFileSync(saved, text);
            console.log(`  crash in ${target.name} (input saved to ${saved}): ${outcome.output.split('\n').find((l) => /internal error/i.test(l)) ?? `exit ${outcome.code}`}`);
          }
        }
      }
    }
    failed ||= crashes > 0 || hangs > 0;
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(
      `${target.name}: ${inputs} inputs (${spawned} as a process) in ${seconds.toFixed(0)} s (${(inputs / Math.max(seconds, 0.001)).toFixed(0)} inputs/s, ` +
        `${((used.user + used.system) / 1e6).toFixed(0)} s CPU); exit 0/1/2: ${codes.join('/')}; ` +
        `crashes ${crashes}; hangs over ${HANG_MS / 1000} s ${hangs}; slowest ${slowest.toFixed(0)} ms`,
    );
    total.inputs += inputs;
    total.crashes += crashes;
    total.hangs += hangs;
    total.slowest = Math.max(total.slowest, slowest);
  }
  const used = process.cpuUsage(total.cpu);
  console.log(
    `total: ${total.inputs} inputs in ${((Date.now() - total.started) / 1000).toFixed(0)} s (${((used.user + used.system) / 1e6).toFixed(0)} s CPU); ` +
      `crashes ${total.crashes}; hangs over ${HANG_MS / 1000} s ${total.hangs}; slowest ${total.slowest.toFixed(0)} ms; seed ${seed}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (total.crashes === 0) fs.rmSync(savedDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

void fuzz().then((code) => {
  process.exitCode = code;
});
