import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli-recorder';
import { tempDir, writeJson } from '../support/temp-dir';
import { planJson } from '../pipeline/fixtures/plan-builders';

// One meaning per exit code for every command: 0 success, 1 findings, 2 bad input, usage or environment.
const dir = tempDir('exit-codes-');
const missing = path.join(dir, 'missing.json');
const rule = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'evaluation', 'rules', 'cpu-tiers.json'), 'utf8');

describe('exit codes mean one thing in every command', () => {
  const good = (): string => {
    fs.writeFileSync(path.join(dir, 'rule.json'), rule);
    return path.join(dir, 'rule.json');
  };
  const plan = (): string => writeJson(path.join(dir, 'empty.plan.json'), planJson({}));
  const series = (): string => writeJson(path.join(dir, 'series.json'), { A: [{ labels: { host: 'a' }, points: [[0, 1]] }] });
  const unwritable = (): string => path.join(writeJson(path.join(dir, 'a-file.json'), {}), 'out.txt');

  const table: [string, () => string[], number][] = [
    ['validate a valid rule', () => ['validate', good()], 0],
    ['validate a missing file', () => ['validate', missing], 2],
    ['import to stdout', () => ['import', good()], 0],
    ['import a missing file', () => ['import', missing], 2],
    ['import to an unwritable path', () => ['import', good(), '--out', unwritable()], 2],
    ['evaluate', () => ['evaluate', '--rule', good(), '--series', series()], 0],
    ['evaluate a missing series file', () => ['evaluate', '--rule', good(), '--series', missing], 2],
    ['plan-summary', () => ['plan-summary', plan()], 0],
    ['plan-summary a missing plan', () => ['plan-summary', missing], 2],
    ['plan-summary to an unwritable path', () => ['plan-summary', plan(), '--overflow-file', unwritable()], 2],
    ['plan-fingerprint', () => ['plan-fingerprint', plan(), '--out', path.join(dir, 'fp.json')], 0],
    ['plan-fingerprint to an unwritable path', () => ['plan-fingerprint', plan(), '--out', unwritable()], 2],
    ['plan-fingerprint a missing plan', () => ['plan-fingerprint', missing], 2],
    ['apply-guard with another fingerprint (a finding)', () => ['apply-guard', '--plan', plan(), '--expect-fingerprint', `sha256:${'0'.repeat(64)}`], 1],
    ['apply-guard a missing plan', () => ['apply-guard', '--plan', missing, '--expect-fingerprint', `sha256:${'0'.repeat(64)}`], 2],
    ['refactor-guard', () => ['refactor-guard', plan()], 0],
    ['refactor-guard a missing plan', () => ['refactor-guard', missing], 2],
    ['test a missing file', () => ['test', missing], 2],
    ['an unknown command', () => ['no-such-command'], 2],
    ['an unknown flag', () => ['validate', '--no-such-flag'], 2],
  ];

  it.each(table)('%s', async (_what, argv, code) => {
    const run = await runCli(argv(), dir);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBe(code);
  });
});
