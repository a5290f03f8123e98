/**
 * The HTML report as a person sees it: opened from disk in headless Chromium with the network cut
 * off, it raises no error, fetches nothing, and draws every part of each chart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { itWithBrowser, openInBrowser } from '../support/browser';
import { runCli } from '../support/cli-recorder';
import { synthEstate } from '../notify/routing-estate';
import { HOSTILE, writeHostileBehaviourTest } from '../support/report-fixtures';
import { tempDir } from '../support/temp-dir';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the behaviour test report in a browser', () => {
  const dir = tempDir('report-browser-');

  itWithBrowser('draws each series, the tiers, and where alerts fire and resolve, with no error and no network', async () => {
    const report = path.join(dir, 'report.html');
    expect((await runCli(['test', writeHostileBehaviourTest(dir), '--html', report], dir)).code).toBe(0);
    const opened = await openInBrowser(report);
    try {
      const { page } = opened;
      const chart = page.locator('svg[data-chart="behaviour-test"]');
      expect(await chart.count()).toBe(1);
      // one polyline per series, each drawn with a size
      const series = chart.locator('g.series');
      expect(await series.count()).toBe(2);
      for (const i of [0, 1]) expect((await series.nth(i).locator('polyline').boundingBox())?.width).toBeGreaterThan(100);
      // the tiers' targets and the critical tier's recovery target
      const thresholds = await chart.locator('line.threshold').evaluateAll((lines) => lines.map((l) => `${l.getAttribute('data-tier')} ${l.getAttribute('data-kind')}`));
      expect(thresholds.sort()).toEqual(['critical recovery', 'critical target', 'warning target']);
      // fired at 8m (warning) and 12m (critical), both resolved at 21m, as the test file expects
      const markers = await chart
        .locator('.marker')
        .evaluateAll((found) => found.map((m) => `${m.getAttribute('class')} ${m.getAttribute('data-tier')} ${Number(m.getAttribute('data-time')) / 60_000}m`));
      expect(markers.sort()).toEqual(['marker firing critical 12m', 'marker firing warning 8m', 'marker resolving critical 21m', 'marker resolving warning 21m']);
      expect(await chart.locator('rect.state.firing').count()).toBeGreaterThanOrEqual(2);
      expect(await chart.locator('rect.state.recovering').count()).toBe(1);
      // axes name what they show; the legend names every series and tier
      expect(await chart.locator('.axis-label').allTextContents()).toEqual(['value (percent)', 'time after the start, 2026-01-05T10:00:00Z']);
      expect(await page.locator('ul.legend [data-legend="series"]').count()).toBe(2);
      // hostile text is text: no script ran, the override shows as <U+202E>
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('h2').textContent()).toContain(HOSTILE.replace('\u202E', '<U+202E>'));

      const shot = fs.readFileSync(await opened.screenshot(dir, 'behaviour-report.png'));
      expect(shot.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(shot.readUInt32BE(16)).toBe(1000); // IHDR width: the viewport
      expect(shot.length).toBeGreaterThan(10_000);
      expect(opened.errors).toEqual([]);
      expect(opened.networkRequests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  itWithBrowser('records (and refuses) a request when a page makes one, so an empty list means none was tried', async () => {
    const page = path.join(dir, 'fetches.html');
    fs.writeFileSync(page, '<!DOCTYPE html><html><body><img src="http://example.invalid/pixel.png" alt=""></body></html>');
    const opened = await openInBrowser(page);
    try {
      expect(opened.networkRequests).toEqual(['http://example.invalid/pixel.png']);
    } finally {
      await opened.close();
    }
  });
});

describe('the routing report in a browser', () => {
  const dir = tempDir('routing-browser-');

  itWithBrowser('draws per environment the table and the week: windows, paged, notified, muted, nobody', async () => {
    const outdir = path.join(dir, 'cdktf.out');
    synthEstate(outdir);
    const report = path.join(dir, 'routing.html');
    await runCli(['route', outdir, '--at', '2026-03-23T00:00', '--time-zone', 'Europe/Berlin', '--week', '--html', report]);
    const opened = await openInBrowser(report);
    try {
      const { page } = opened;
      expect(await page.locator('svg[data-chart="routing-week"]').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-environment')))).toEqual(['dev', 'prod']);
      const prod = page.locator('section[data-environment="prod"]');
      expect(await prod.locator('table.routing tbody tr').count()).toBe(6);
      // the New York window mutes warnings every night (7 times), the Berlin one once, on Sunday
      expect(await prod.locator('rect.window[data-window="quiet-warnings"]').count()).toBe(7);
      expect(await prod.locator('rect.window[data-window="sunday-deploy"]').count()).toBe(1);
      const pager = prod.locator('rect.slot[data-alert="Payments errors"][data-tier="critical"]');
      expect(await pager.evaluateAll((slots) => slots.map((s) => s.getAttribute('class')))).toEqual(['slot paged', 'slot muted', 'slot paged']);
      expect((await pager.nth(0).boundingBox())?.width).toBeGreaterThan(500);
      expect(await prod.locator('rect.slot.notified').count()).toBeGreaterThan(0);
      expect(await prod.locator('rect.slot.nobody[data-alert="Batch lag"]').count()).toBeGreaterThan(0);
      expect(await page.locator('ul.legend li').count()).toBe(14);

      const shot = fs.readFileSync(await opened.screenshot(dir, 'routing-report.png'));
      expect(shot.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(shot.length).toBeGreaterThan(10_000);
      expect(opened.errors).toEqual([]);
      expect(opened.networkRequests).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
