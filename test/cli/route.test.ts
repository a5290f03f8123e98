import * as path from 'node:path';
import { App } from '../../constructs/engine';
import { dstEstate } from '../notify/dst-estate';
import { synthEstate } from '../notify/routing-estate';
import { runCli } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';

const work = tempDir('route-cli-');
synthEstate(path.join(work, 'head'), { paymentsCriticalChannels: ['slack-payments'] });
synthEstate(path.join(work, 'base'));
const dst = new App({ outdir: path.join(work, 'dst'), stackTraces: false });
dstEstate(dst);
dst.synth();

describe('signoz-alerts route', () => {
  it('answers for one alert at a local time in a time zone, naming the path and the muting window', async () => {
    const run = await runCli(
      ['route', 'base', '--env', 'prod', '--alert', 'Payments errors', '--tier', 'critical', '--at', '2026-03-29T04:15', '--time-zone', 'Europe/Berlin'],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'If it fires at 2026-03-29 04:15 (Europe/Berlin):',
      'prod "Payments errors" critical: nobody: muted by maintenance',
      '  routing: the channels of tier "critical" (usePolicy: false)',
      '  pages payments-pager (pagerduty) via tier "critical"',
      '  muted by maintenance "sunday-deploy" (names this rule), 2026-03-29 03:30 to 2026-03-29 04:30 (Europe/Berlin)',
    ]);
  });

  it('lists the route policies that match and why, and pages through them', async () => {
    const run = await runCli(['route', 'base', '--env', 'prod', '--alert', 'Checkout latency', '--tier', 'critical', '--at', '2026-03-23T15:00:00+01:00'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('prod "Checkout latency" critical: PAGED');
    expect(run.stdout).toContain('    matches    checkout-pager: service == "checkout" && severity == "critical" -> payments-pager');
    expect(run.stdout).toContain('  pages payments-pager (pagerduty) via route policy "checkout-pager"');
  });

  it('prints the answers as JSON', async () => {
    const run = await runCli(['route', 'base', '--env', 'dev', '--alert', 'Payments errors', '--at', '2026-03-23T15:00:00Z', '--format', 'json'], work);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.answers.map((a: { tier: string; paged: string; channels: { name: string }[] }) => [a.tier, a.paged, a.channels.map((c) => c.name)])).toEqual([
      ['critical', 'no', ['slack-dev']],
      ['warning', 'no', ['slack-payments']],
    ]);
  });

  it('prints what changes between two synth outputs', async () => {
    const run = await runCli(['route', 'head', '--base', 'base', '--env', 'prod', '--at', '2026-03-23T03:00', '--time-zone', 'Europe/Berlin'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('prod "Payments errors" critical, at 2026-03-23 03:00 (Europe/Berlin): paged (payments-pager) before, slack-payments only after');
    const same = await runCli(['route', 'base', '--base', 'base', '--at', '2026-03-23T03:00Z', '--week'], work);
    expect(same.stdout).toBe('No routing change.');
  });

  it('--week prints the table and fails when an alert can never notify anyone', async () => {
    const run = await runCli(['route', 'base', '--env', 'prod', '--at', '2026-03-23T00:00', '--time-zone', 'Europe/Berlin', '--week'], work);
    expect(run.code).toBe(1);
    const out = run.stdout.split('\n');
    expect(out[0]).toBe('Routing from 2026-03-23 00:00 to 2026-03-30 01:00 (Europe/Berlin)');
    expect(out.find((l) => l.includes('Payments errors') && l.includes('critical'))).toMatch(/tier channels\s+payments-pager \(pages\)\s+99\.4% of the time\s+sunday-deploy/);
    expect(out.slice(-2)).toEqual(['never notifies anyone: prod "Batch lag" (alerts-prod)', 'never pages: prod "Queue depth" (alerts-prod)']);
  });

  it("--no-data answers for the no-data alert: every tier's channels, with its conditions", async () => {
    const run = await runCli(['route', 'dst', '--alert', 'API errors', '--no-data', '--at', '2026-04-15T12:00:00Z'], work);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'If it fires at 2026-04-15 12:00 (UTC):',
      'prod "API errors" [no data]: PAGED',
      '  the no-data alert "[No data] API errors" fires after 15m without data; labels: the rule\'s, nodata="true", no threshold.name or severity',
      '  routing: the channels of every tier (usePolicy: false)',
      '  pages ops-pager (pagerduty) via tier "critical"',
      '  posts team-slack (slack) via tier "warning"',
      '  posts ops-email (email) via tier "info"',
    ]);
    expect(run.stderr).toContain('warning: maintenance "month-end" (alerts-prod) repeats monthly on day 31');
  });

  it('says a lower tier is inhibited while the higher one fires, and answers so with --also-firing', async () => {
    const alone = await runCli(['route', 'dst', '--alert', 'API errors', '--tier', 'warning', '--at', '2026-04-15T12:00:00Z'], work);
    expect(alone.stdout).toContain('prod "API errors" warning: notified, nobody paged');
    expect(alone.stdout).toContain(
      '  inhibited while "critical" fires: SigNoz\'s inhibit rule silences this tier then (same rule and group-by labels); --also-firing critical asks that',
    );
    const both = await runCli(['route', 'dst', '--alert', 'API errors', '--tier', 'warning', '--also-firing', 'critical', '--at', '2026-04-15T12:00:00Z'], work);
    expect(both.stdout).toContain('prod "API errors" warning: nobody: inhibited while "critical" fires');
  });

  it('names the monthly misreading of a day-31 window in the answer, and the no-data rows in the week', async () => {
    const march = await runCli(['route', 'dst', '--alert', 'Disk free', '--tier', 'critical', '--at', '2026-03-15T12:00', '--time-zone', 'Europe/Berlin'], work);
    expect(march.stdout).toContain(
      '  muted by maintenance "month-end" (every alert), 2026-03-01 00:00 to 2026-03-31 23:00 (Europe/Berlin); SigNoz misreads this monthly window on day 29-31 as active since the 1st',
    );
    const week = await runCli(['route', 'dst', '--at', '2026-04-13T00:00Z', '--week'], work);
    const lines = week.stdout.split('\n');
    expect(lines.find((l) => l.includes('API errors') && l.includes('[no data]'))).toMatch(
      /tier channels\s+ops-pager \(pages\), team-slack, ops-email\s+98\.8% of the time\s+ny-sunday$/,
    );
    expect(lines.find((l) => l.includes('API errors') && l.includes(' info '))).toMatch(/silenced while warning fires$/);
  });

  it.each([
    [['--at', '2026-03-29T04:15Z', '--tier', 'critical', '--no-data'], '--no-data asks about the no-data alert; it cannot be combined with --tier'],
    [['--at', '2026-03-29T04:15Z', '--no-data'], 'no selected alert has a no-data alert'],
    [['--at', '2026-03-29T04:15Z', '--also-firing', 'critcal'], 'also-firing tier "critcal" is not a tier of the selected alerts'],
    [['--at', '2026-03-29T04:15'], '--at "2026-03-29T04:15" has no UTC offset'],
    [['--at', '2026-02-30T04:15:00Z'], '--at must be an ISO 8601 date and time'],
    [['--at', '2026-03-29T04:15', '--time-zone', 'Europe/Berln'], "--time-zone 'Europe/Berln' is not an IANA time zone"],
    [['--at', '2026-03-29T04:15Z', '--env', 'staging'], 'environment "staging" is not in the synthesized stacks; environments: "dev", "prod"'],
    [['--at', '2026-03-29T04:15Z', '--label', 'service'], '--label must be name=value'],
  ])('refuses %j with one clear line, exit 2', async (args, message) => {
    const run = await runCli(['route', 'base', ...args], work);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});
