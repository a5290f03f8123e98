import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';
import { planJson } from '../pipeline/fixtures/plan-builders';

// Every file argument of every command, given a file it cannot use: an answer with a clear message
// and the exit code that means "bad input" (2), never an internal error, a stack trace or a hang.
// validate, import and test take many files: one they cannot read or parse is a finding (1) and the
// others are still checked (docs/validation.md, docs/import.md, docs/behaviour-tests.md); a path
// that is not there, or a folder without their files, is a usage error (2) for them too.
const dir = tempDir('unusable-files-');
const rule = path.join(dir, 'rule.json');
fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), rule);
const series = writeJson(path.join(dir, 'series.json'), { A: [{ labels: { host: 'a' }, points: [[0, 1]] }] });
const plan = writeJson(path.join(dir, 'plan.json'), planJson({}));
const unusable = {
  'not JSON': path.join(dir, 'not-json.json'),
  empty: path.join(dir, 'empty.json'),
  'a directory': path.join(dir, 'a-directory'),
  missing: path.join(dir, 'missing.json'),
  'a FIFO': path.join(dir, 'named.fifo'),
} as const;
type Kind = keyof typeof unusable;
fs.writeFileSync(unusable['not JSON'], 'not json at all');
fs.writeFileSync(unusable.empty, '');
fs.mkdirSync(unusable['a directory']);
execFileSync('mkfifo', [unusable['a FIFO']]);

const BATCH_CODES: Record<Kind, number> = { 'not JSON': 1, empty: 1, 'a directory': 2, missing: 2, 'a FIFO': 1 };
const commands: [string, (file: string) => string[], Record<Kind, number> | 2][] = [
  ['validate', (f) => ['validate', f], BATCH_CODES],
  ['import', (f) => ['import', f], BATCH_CODES],
  ['test', (f) => ['test', f], BATCH_CODES],
  ['evaluate --rule', (f) => ['evaluate', '--rule', f, '--series', series], 2],
  ['evaluate --series', (f) => ['evaluate', '--rule', rule, '--series', f], 2],
  ['plan-summary', (f) => ['plan-summary', f], 2],
  ['plan-summary --config', (f) => ['plan-summary', '--config', f, plan], 2],
  ['plan-fingerprint', (f) => ['plan-fingerprint', f, '--out', path.join(dir, 'fp.json')], 2],
  ['apply-guard --plan', (f) => ['apply-guard', '--plan', f, '--expect-fingerprint', `sha256:${'0'.repeat(64)}`], 2],
  ['apply-guard --fingerprint', (f) => ['apply-guard', '--plan', plan, '--fingerprint', f], 2],
  ['refactor-guard', (f) => ['refactor-guard', f], 2],
  ['policy --pack', (f) => ['policy', '--pack', f, '--today', '2026-03-01'], 2],
];

const cases = commands.flatMap(([name, argv, codes]) => (Object.keys(unusable) as Kind[]).map((kind) => [name, kind, codes === 2 ? 2 : codes[kind], argv] as const));

describe('a file a command cannot use', () => {
  it.each(cases)('%s given %s: exit %i', async (_name, kind, code, argv) => {
    const file = unusable[kind];
    const run = await runCli(argv(file), dir, { SIGNOZ_ALERTS_FINGERPRINT_SALT: 'salt' });
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code, run.stderr).toBe(code);
    // the message names the file it could not use
    expect(run.stdout + run.stderr).toContain(path.basename(file));
    if (code === 2) expect(run.stderr.split('\n')).toHaveLength(1);
  });
});
