/**
 * What a command loads: each command imports what its action needs when it runs, so `--version`,
 * `--help` and the everyday commands do not pay for the CDK engine and the construct library
 * (issue 17). Each case runs the CLI from the sources in a fresh Node process and lists the
 * packages that process loaded.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { signozScenarioPlan } from '../pipeline/fixtures/signoz-scenario';
import { tempDir, writeJson } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const TSX_LOADER = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const dir = tempDir('start-up-');
const planFile = writeJson(path.join(dir, 'prod.plan.json'), signozScenarioPlan());
const loadedFile = path.join(dir, 'loaded.json');
const probe = path.join(dir, 'probe.ts');
fs.writeFileSync(
  probe,
  [
    "import * as fs from 'node:fs';",
    `import { main } from ${JSON.stringify(path.join(ROOT, 'cli', 'program'))};`,
    'void main(process.argv.slice(2)).then((code) => {',
    '  // every package the run loaded: node_modules/<name>/ or node_modules/@scope/<name>/ of each module in the require cache',
    '  const names = Object.keys(require.cache).map((file) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file)?.[1]?.replace(/\\\\/g, "/"));',
    `  fs.writeFileSync(${JSON.stringify(loadedFile)}, JSON.stringify([...new Set(names.filter(Boolean))].sort()));`,
    '  process.exitCode = code;',
    '});',
    '',
  ].join('\n'),
);

/** Runs `signoz-alerts <argv>` in a fresh process: its exit code, output and the packages it loaded. */
function run(argv: readonly string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  fs.rmSync(loadedFile, { force: true });
  const result = spawnSync(process.execPath, ['--import', `file://${TSX_LOADER}`, probe, ...argv], { cwd: ROOT, encoding: 'utf8' });
  const loaded = fs.existsSync(loadedFile) ? (JSON.parse(fs.readFileSync(loadedFile, 'utf8')) as string[]) : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
}

/** The CDK engine, the construct library and what only some commands need. */
const ENGINE = ['cdktf', 'constructs'];
const HEAVY = [...ENGINE, 'zod', 'yaml', 'luxon', 'ajv', 're2js', '@lezer/lr', 'playwright-core'];

describe('signoz-alerts start-up', () => {
  it('--version loads no command and none of the heavy packages', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.loaded).toContain('commander');
    expect(r.loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('--help lists every command without loading what their actions need', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['validate', 'policy', 'plan-summary', 'pr-check', 'import', 'route', 'test', 'evaluate']) expect(r.stdout).toContain(`  ${command} `);
    expect(r.loaded).toContain('commander');
    expect(r.loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('validate checks a rule file without the CDK engine or zod', () => {
    const r = run(['validate', path.join('test', 'fixtures', 'rules', 'promql.json')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 file checked (1 rule): 1 valid, 0 invalid');
    expect(r.loaded).toContain('ajv');
    expect(r.loaded.filter((p) => [...ENGINE, 'zod', 'yaml', 'playwright-core'].includes(p))).toEqual([]);
  });

  it('plan-summary summarizes a plan without the CDK engine', () => {
    const r = run(['plan-summary', planFile, '--format', 'text']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('prod');
    expect(r.loaded).toContain('@streamparser/json');
    expect(r.loaded.filter((p) => [...ENGINE, 'yaml', 'playwright-core'].includes(p))).toEqual([]);
  });

  it('route reads a synth output without the CDK engine', () => {
    const r = run(['route', path.join('test', 'fixtures', 'evaluation', 'estate', 'cdktf.out'), '--at', '2026-03-29T03:00:00Z']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('If it fires at 2026-03-29 03:00 (UTC):');
    expect(r.loaded.filter((p) => [...ENGINE, 'zod', 'yaml', 'playwright-core'].includes(p))).toEqual([]);
  });
});
