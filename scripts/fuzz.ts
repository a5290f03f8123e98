/**
 * `npm run fuzz [-- --runs N] [--seed S] [--only name]`: long fuzz runs of every command's input
 * readers, in-process through the CLI entry. Prints, per command: inputs, crashes (exit outside
 * 0/1/2 or "internal error"), hangs (a run over 5 s) and the slowest run. Exits 1 on any crash or hang.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FUZZ_TARGETS, HANG_MS, fuzzInput, prepareFuzzDir, runFuzzCase } from './fuzz-inputs';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

async function fuzz(): Promise<number> {
  const runs = Number(flag('--runs', '100000'));
  const seed = Number(flag('--seed', String(Date.now() % 1_000_000)));
  const only = flag('--only', '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-fuzz-'));
  prepareFuzzDir(dir);
  let failed = false;
  console.log(`fuzz: seed ${seed}, ${runs} inputs per command, hang = over ${HANG_MS} ms`);
  for (const target of FUZZ_TARGETS.filter((t) => only === '' || t.name === only)) {
    let crashes = 0;
    let hangs = 0;
    let slowest = 0;
    const codes = [0, 0, 0];
    const started = Date.now();
    const samples = fc.sample(fuzzInput(target.seed), { numRuns: runs, seed });
    for (const text of samples) {
      const outcome = await runFuzzCase(target, text, dir);
      slowest = Math.max(slowest, outcome.ms);
      if (outcome.code >= 0 && outcome.code <= 2) codes[outcome.code]!++;
      if (outcome.ms > HANG_MS) hangs++;
      if (outcome.crashed) {
        crashes++;
        if (crashes <= 3) {
          const saved = path.join(dir, `crash-${target.name.replace(/\W+/g, '-')}-${crashes}.txt`);
          fs.writeFileSync(saved, text);
          console.log(`  crash in ${target.name} (input saved to ${saved}): ${outcome.output.split('\n').find((l) => /internal error/i.test(l)) ?? `exit ${outcome.code}`}`);
        }
      }
    }
    failed ||= crashes > 0 || hangs > 0;
    console.log(
      `${target.name}: ${samples.length} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s; exit 0/1/2: ${codes.join('/')}; ` +
        `crashes ${crashes}; hangs over ${HANG_MS / 1000} s ${hangs}; slowest ${slowest.toFixed(0)} ms`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

void fuzz().then((code) => {
  process.exitCode = code;
});
