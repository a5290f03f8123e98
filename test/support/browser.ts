/**
 * A real headless browser for the HTML reports: Debian's `chromium` (`.ci/run` installs it where
 * apt can), driven by playwright-core, which downloads no browser of its own. Without the binary
 * the tests that need it are skipped with one line saying why.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

/** The browser binary: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !fs.existsSync(CHROMIUM);
export const browserSkipReason = missing ? `${CHROMIUM} is not installed (apt-get install chromium, or set CHROMIUM_PATH)` : undefined;

let said = false;
/** `it` for tests that need the browser: skipped without it, the reason printed once per test file. */
export function itWithBrowser(name: string, test: () => Promise<void>): void {
  if (missing && !said) {
    said = true;
    console.log(`skipping browser tests: ${browserSkipReason}`);
  }
  it.skipIf(missing)(missing ? `${name} [skipped: ${browserSkipReason}]` : name, test);
}

/** What a page did while it was open: errors it reported, and every request other than its own file. */
export interface OpenedPage {
  readonly page: Page;
  /** Uncaught errors (`pageerror`) and console messages of type error. */
  readonly errors: string[];
  /** URLs the page tried to fetch other than `file://` ones; all of them were refused. */
  readonly networkRequests: string[];
  /** A full-page PNG in `dir` (`REPORT_SCREENSHOT_DIR` when set, to look at it); its path. */
  screenshot(dir: string, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens `file` in a fresh headless Chromium with no network: every request that is not a
 * `file://` URL is recorded and aborted. Background connections of the browser itself are off.
 */
export async function openInBrowser(file: string, width = 1000): Promise<OpenedPage> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  // a persistent context is how playwright takes a --user-data-dir; it adds --headless from `headless`
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];
  const networkRequests: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.route('**', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    networkRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return {
    page,
    errors,
    networkRequests,
    async screenshot(dir: string, name: string): Promise<string> {
      const shot = path.join(process.env.REPORT_SCREENSHOT_DIR ?? dir, name);
      await page.screenshot({ path: shot, fullPage: true });
      return shot;
    },
    async close(): Promise<void> {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
