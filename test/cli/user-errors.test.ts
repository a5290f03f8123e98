import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';
import { planJson } from '../pipeline/fixtures/plan-builders';

const dir = tempDir('user-errors-');
const write = (name: string, text: string): string => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return name;
};
const cpuRule = path.resolve(__dirname, '../fixtures/evaluation/rules/cpu-tiers.json');

// A bug stands in for "anything else": the refactor check throws a TypeError on any readable plan.
import type * as RefactorGuard from '../../pipeline/refactor/refactor-guard';

vi.mock('../../pipeline/refactor/refactor-guard', async (importOriginal) => ({
  ...(await importOriginal<typeof RefactorGuard>()),
  findRefactorMoves: (): never => {
    throw new TypeError('boom');
  },
}));

write('plan.json', JSON.stringify(planJson({})));
write('series.json', JSON.stringify({ A: [{ labels: { host: 'web-1' }, points: [[0, 1]] }] }));
write('broken-plan.json', '{ "format_version": ');
write('bad-plan.json', JSON.stringify({ ...planJson({}), resource_changes: [{ address: 'x.y', type: 'x', change: { actions: 'create' } }] }));
write('state.json', JSON.stringify({ values: {} }));
write('typo-config.json', JSON.stringify({ maxAlertDelets: 3 }));
write('broken-pack.cjs', 'module.exports = { rules: [{ id: "Bad Id", level: "fatal", check: 1 }, { id: "Bad Too", level: "error", check: 1 }] };');
fs.mkdirSync(path.join(dir, 'rules-dir'), { recursive: true });

/** Each case: arguments, the first line of stderr, and the problem lines that follow it (if any). */
const cases: [string, string[], RegExp, RegExp[]][] = [
  [
    'a rule file that does not exist',
    ['evaluate', '--rule', 'missing.json', '--series', 'series.json'],
    /^signoz-alerts: Invalid command line: cannot read rule file missing\.json: no such file$/,
    [],
  ],
  [
    'a rule file that is a directory',
    ['evaluate', '--rule', 'rules-dir', '--series', 'series.json'],
    /^signoz-alerts: Invalid command line: cannot read rule file rules-dir: it is a directory$/,
    [],
  ],
  ['rule files that are not there', ['validate', 'nowhere.json'], /^signoz-alerts: Invalid command line: no such file or directory: nowhere\.json$/, []],
  [
    'plan JSON that does not parse',
    ['plan-summary', 'broken-plan.json'],
    /^signoz-alerts: Invalid plan JSON at \S*broken-plan\.json: invalid JSON at line \d+, column \d+: .+\.$/,
    [],
  ],
  [
    'plan JSON with a malformed field',
    ['plan-summary', 'bad-plan.json'],
    /^signoz-alerts: Invalid plan JSON at \S*bad-plan\.json:$/,
    [/^ {2}- resource_changes\[0\]\.change\.actions: .+$/],
  ],
  [
    'a state file given as a plan',
    ['refactor-guard', 'state.json'],
    /^signoz-alerts: Invalid plan JSON at \S*state\.json: missing "format_version" \(it looks like a state file/,
    [],
  ],
  [
    'a pipeline config with a typo',
    ['plan-summary', '--config', 'typo-config.json', 'bad-plan.json'],
    /^signoz-alerts: Invalid pipeline config at \S*typo-config\.json: Unrecognized key/,
    [],
  ],
  [
    'a policy pack with broken rules',
    ['policy', '--pack', 'broken-pack.cjs', '--today', '2026-03-01'],
    /^signoz-alerts: Invalid policy pack "broken-pack\.cjs":$/,
    [/^ {2}- rules\[0\]: id must be lowercase/, /^ {2}- rules\[1\]: id must be lowercase/],
  ],
  [
    'a bad option value',
    ['evaluate', '--rule', cpuRule, '--series', 'series.json', '--format', 'xml'],
    /^signoz-alerts: Invalid command line: --format must be text or json, got "xml"$/,
    [],
  ],
  [
    'a bad number option',
    ['plan-summary', '--max-chars', 'many', 'bad-plan.json'],
    /^signoz-alerts: Invalid command line: --max-chars must be a whole number of at least 1000, got "many"$/,
    [],
  ],
  [
    'a bad date option',
    ['policy', '--today', 'tomorrow'],
    /^signoz-alerts: Invalid command line: --today must be a date written YYYY-MM-DD or an ISO 8601 date-time with a zone \(2026-12-07T10:00:00Z\), got "tomorrow"$/,
    [],
  ],
  [
    'an expected fingerprint of the wrong shape',
    ['apply-guard', '--plan', 'bad-plan.json', '--expect-fingerprint', 'abc'],
    /^signoz-alerts: Invalid expected fingerprint: must look like sha256:<64 hex digits>, got "abc"\.$/,
    [],
  ],
  ['an alert test path that does not exist', ['test', 'no-such-dir'], /^signoz-alerts: Invalid test path at no-such-dir: no such file or directory$/, []],
];

describe('user mistakes through the CLI', () => {
  it.each(cases)('%s: exit 2, one line per problem, no stack trace', async (_what, argv, head, problems) => {
    const result = await runCli(argv, dir);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(head);
    expect(lines).toHaveLength(1 + problems.length);
    problems.forEach((problem, i) => expect(lines[i + 1]).toMatch(problem));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('reports anything else as an internal error, exit 1, without the stack unless asked', async () => {
    const result = await runCli(['refactor-guard', 'plan.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('signoz-alerts: internal error: boom');
    const debug = await runCli(['refactor-guard', 'plan.json'], dir, { SIGNOZ_ALERTS_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^signoz-alerts: internal error: boom\nTypeError: boom\n\s+at /);
  });
});
