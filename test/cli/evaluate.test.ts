import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../cli/program';
import { validateRulePayload } from '../../constructs/validation';
import { cliRecorder as recorder } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';

const fixtures = resolve(__dirname, '../fixtures/evaluation');
const workDir = tempDir('evaluate-cli-');
const write = (name: string, content: unknown): string => {
  writeFileSync(join(workDir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};
// host web-1: 95 at minutes 0-1, NaN at 2, 50 from 3; cpu-tiers fires both tiers while the window's last finite point is 95
const series = write('series.json', {
  A: [
    {
      labels: { host: 'web-1' },
      points: [
        [0, 95],
        [60_000, 95],
        [120_000, 'NaN'],
        [180_000, 50],
        [240_000, 50],
      ],
    },
  ],
});

describe('signoz-alerts evaluate', () => {
  it('prints the active alerts per tick as JSON', async () => {
    const io = recorder(workDir);
    const code = await main(
      ['evaluate', '--rule', join(fixtures, 'rules/cpu-tiers.json'), '--series', series, '--format', 'json', '--eval-delay', '0s', '--from', '0', '--to', '240000'],
      io,
    );
    expect(code).toBe(0);
    const ticks = JSON.parse(io.stdout.join('\n')) as { time: number; alerts: { labels: Record<string, string>; state: string; value: number; threshold: number }[] }[];
    expect(ticks.map((t) => [t.time, t.alerts.map((a) => `${a.labels['threshold.name']}:${a.state}:${a.value}/${a.threshold}`)])).toEqual([
      [0, []],
      [60_000, ['critical:firing:95/90', 'warning:firing:95/70']],
      [120_000, ['critical:firing:95/90', 'warning:firing:95/70']],
      [180_000, ['critical:firing:95/90', 'warning:firing:95/70']], // NaN is skipped: the last finite point is still 95
      [240_000, []],
    ]);
    expect(Object.keys(ticks[1]!.alerts[0]!)).toEqual(['labels', 'state', 'value', 'threshold']);
  });

  it('prints a readable table by default', async () => {
    const io = recorder(workDir);
    expect(
      await main(
        ['evaluate', '--rule', join(fixtures, 'rules/cpu-tiers.json'), '--series', series, '--eval-delay', '0s', '--from', '1970-01-01T00:00:00Z', '--to', '1970-01-01T00:05:00Z'],
        io,
      ),
    ).toBe(0);
    expect(io.stdout.join('\n')).toBe(
      [
        'Rule "Host CPU high" (threshold_rule), query A, every 1m over the last 5m, evaluation delay 0s',
        'time (UTC)            state     value  threshold  labels',
        '1970-01-01 00:00:00Z  -                           no active alerts',
        '1970-01-01 00:01:00Z  firing    95     90         host="web-1" severity="critical" team="platform" threshold.name="critical"',
        '1970-01-01 00:01:00Z  firing    95     70         host="web-1" severity="warning" team="platform" threshold.name="warning"',
        '1970-01-01 00:02:00Z  firing    95     90         host="web-1" severity="critical" team="platform" threshold.name="critical"',
        '1970-01-01 00:02:00Z  firing    95     70         host="web-1" severity="warning" team="platform" threshold.name="warning"',
        '1970-01-01 00:03:00Z  firing    95     90         host="web-1" severity="critical" team="platform" threshold.name="critical"',
        '1970-01-01 00:03:00Z  firing    95     70         host="web-1" severity="warning" team="platform" threshold.name="warning"',
        '1970-01-01 00:04:00Z  resolved                    host="web-1" severity="critical" team="platform" threshold.name="critical"',
        '1970-01-01 00:04:00Z  resolved                    host="web-1" severity="warning" team="platform" threshold.name="warning"',
        '1970-01-01 00:05:00Z  -                           no active alerts',
      ].join('\n'),
    );
  });

  it('exits 1 with the reasons for an invalid rule', async () => {
    const io = recorder(workDir);
    const cpu = JSON.parse(readFileSync(join(fixtures, 'rules/cpu-tiers.json'), 'utf8'));
    cpu.condition.thresholds.spec[0].op = 'bigger';
    const rule = write('bad-rule.json', cpu);
    expect(await main(['evaluate', '--rule', rule, '--series', series], io)).toBe(1);
    expect(io.stderr[0]).toBe(`signoz-alerts: bad-rule.json: invalid rule: /condition/thresholds/spec/0/op: ${validateRulePayload(cpu).errors[0]!.message}`);
  });

  it('exits 2 for a rule file that is not JSON (bad input, like a series file that is not JSON), in one line', async () => {
    const io = recorder(workDir);
    expect(await main(['evaluate', '--rule', write('broken.json', '{"alert": '), '--series', series], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/^signoz-alerts: Invalid command line: broken.json: invalid JSON at line 1, column 11: [^\n]+$/);
  });

  const usage: [string, string[], RegExp][] = [
    ['a missing rule file', ['--rule', 'nope.json', '--series', 'series.json'], /cannot read rule file nope.json: no such file/],
    ['a bad format', ['--rule', join(fixtures, 'rules/cpu-tiers.json'), '--series', 'series.json', '--format', 'yaml'], /--format must be text or json, got "yaml"/],
    [
      'a bad time',
      ['--rule', join(fixtures, 'rules/cpu-tiers.json'), '--series', 'series.json', '--from', 'yesterday'],
      /--from must be unix milliseconds or an ISO 8601 time with a zone/,
    ],
    [
      'a bad series value',
      ['--rule', join(fixtures, 'rules/cpu-tiers.json'), '--series', write('bad-series.json', { A: [{ labels: {}, points: [[0, 'lots']] }] })],
      /bad-series.json: \/A\/0\/points\/0\/1: value must be a number or one of "NaN", "\+Inf", "-Inf"; got "lots"/,
    ],
    ['a missing --series', ['--rule', 'x.json'], /required option '--series <file>' not specified/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 with one line for ${what}`, async () => {
      const io = recorder(workDir);
      expect(await main(['evaluate', ...args], io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(message);
      expect(io.stderr.join('\n')).not.toMatch(/\n\s+at /);
    });
  }
});
