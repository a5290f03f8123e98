import * as fs from 'node:fs';
import * as path from 'node:path';
import { readNotificationSetups, routingTable } from '../../constructs/notify';
import { escapeHtml } from '../../constructs/report/html-page';
import { routingReport } from '../../constructs/report/routing-report';
import { synthEstate } from '../notify/routing-estate';
import { runCli } from '../support/cli-recorder';
import { HOSTILE } from '../support/report-fixtures';
import { tempDir } from '../support/temp-dir';

describe('signoz-alerts route --week --html', () => {
  const dir = tempDir('routing-report-');
  const outdir = path.join(dir, 'cdktf.out');
  synthEstate(outdir);
  const week = ['route', outdir, '--at', '2026-03-23T00:00', '--time-zone', 'Europe/Berlin', '--week'];

  it('writes the week per environment as a table and a timeline, the same bytes on every run', async () => {
    const first = path.join(dir, 'first.html');
    // exit 1: "Batch lag" reaches nobody all week, as the text table says; the report is written all the same
    expect((await runCli([...week, '--html', first])).code).toBe(1);
    expect((await runCli([...week, '--html', path.join(dir, 'second.html')])).code).toBe(1);
    const html = fs.readFileSync(first, 'utf8');
    expect(fs.readFileSync(path.join(dir, 'second.html'), 'utf8')).toBe(html);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);
    expect(html.match(/<svg data-chart="routing-week" data-environment="(\w+)"/g)).toEqual([
      '<svg data-chart="routing-week" data-environment="dev"',
      '<svg data-chart="routing-week" data-environment="prod"',
    ]);
    expect(html).toContain('From 2026-03-23 00:00 to 2026-03-30 01:00 (Europe/Berlin).');
  });

  it('tells paged, notified-only, muted and nobody apart, in the table and on the timeline', () => {
    const setups = readNotificationSetups(outdir);
    const html = routingReport(routingTable(setups, { from: Date.parse('2026-03-22T23:00:00Z'), environment: 'prod' }), 'Europe/Berlin');
    const row = (alert: string, tier: string): string => html.match(new RegExp(`<tr data-alert="${alert}" data-tier="${tier}">.*</tr>`))![0];
    // the pager is muted one hour of the week: the Sunday window, an hour later on the daylight-saving night
    expect(row('Payments errors', 'critical')).toContain('<td>99.4%</td><td>99.4%</td><td>0.6% <span class="muted">(sunday-deploy)</span></td>');
    expect(row('Batch lag', 'warning')).toContain('<strong>never notifies anyone</strong>');
    const slots = [...html.matchAll(/<rect class="slot (\S+)" data-alert="Payments errors" data-tier="critical" data-from="(\d+)"/g)].map((m) => [
      m[1],
      new Date(Number(m[2])).toISOString(),
    ]);
    expect(slots).toEqual([
      ['paged', '2026-03-22T23:00:00.000Z'],
      ['muted', '2026-03-29T01:30:00.000Z'],
      // SigNoz counts a window's end as inside it: paging returns a millisecond later
      ['paged', '2026-03-29T02:30:00.001Z'],
    ]);
    expect(html).toMatch(/<rect class="slot nobody" data-alert="Batch lag"/);
  });

  it('needs --week and one synth output; a wrong call is one line, exit 2', async () => {
    const noWeek = await runCli(['route', outdir, '--at', '2026-03-23T00:00:00Z', '--html', path.join(dir, 'x.html')]);
    expect([noWeek.code, noWeek.stderr]).toEqual([2, "signoz-alerts: Invalid command line: --html draws the week's routing: add --week"]);
    const withBase = await runCli([...week, '--base', outdir, '--html', path.join(dir, 'x.html')]);
    expect([withBase.code, withBase.stderr]).toEqual([2, 'signoz-alerts: Invalid command line: --html draws one synth output; it cannot be combined with --base']);
    expect(fs.existsSync(path.join(dir, 'x.html'))).toBe(false);
  });

  it('shows hostile environment, alert, tier, channel and window names as text', () => {
    const from = Date.parse('2026-03-23T00:00:00Z');
    const html = routingReport({
      from,
      to: from + 7 * 86_400_000,
      environments: [
        {
          name: HOSTILE,
          rows: [
            {
              stack: HOSTILE,
              alert: HOSTILE,
              address: 'signoz_rule.x',
              tier: HOSTILE,
              noData: false,
              inhibited: false,
              routing: 'tier channels',
              disabled: false,
              policies: [],
              channels: [{ name: HOSTILE, kind: HOSTILE, pages: true, reached: 'yes', via: [HOSTILE] }],
              segments: [
                { from, to: from + 3_600_000, channels: [], paging: [], notified: 'no', paged: 'no', mutedBy: [HOSTILE] },
                { from: from + 3_600_000, to: from + 7 * 86_400_000, channels: [HOSTILE], paging: [HOSTILE], notified: 'yes', paged: 'yes', mutedBy: [] },
              ],
            },
          ],
          flags: [{ alert: HOSTILE, address: 'signoz_rule.x', stack: HOSTILE, flag: 'never-pages' }],
        },
      ],
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('\u202E');
    expect(html.split(escapeHtml(HOSTILE)).length - 1).toBeGreaterThanOrEqual(10);
    expect(html).toContain(`<rect class="window" data-window="${escapeHtml(HOSTILE)}"`);
  });
});
