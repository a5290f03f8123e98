import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml } from '../../constructs/report/html-page';
import { runCli } from '../support/cli-recorder';
import { HOSTILE, writeHostileBehaviourTest } from '../support/report-fixtures';
import { tempDir } from '../support/temp-dir';

const fixtures = path.resolve(__dirname, '../fixtures/evaluation');

describe('signoz-alerts test --html', () => {
  const dir = tempDir('behaviour-report-');

  it('writes one self-contained page: no scripts, nothing loaded from elsewhere, the same bytes on every run', async () => {
    const first = path.join(dir, 'first.html');
    const second = path.join(dir, 'second.html');
    expect((await runCli(['test', 'alert-tests', '--html', first], fixtures)).code).toBe(1);
    expect((await runCli(['test', 'alert-tests', '--html', second], fixtures)).code).toBe(1);
    const html = fs.readFileSync(first, 'utf8');
    expect(fs.readFileSync(second, 'utf8')).toBe(html);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // every case that ran has a chart; the broken file and its error are shown as text
    expect(html.match(/<svg data-chart="behaviour-test"/g)).toHaveLength(4);
    expect(html).toContain('bad value &quot;3+x4&quot;');
  });

  it('shows a hostile alert name and labels as text, with the invisible override made visible', async () => {
    const file = path.join(dir, 'hostile.html');
    expect((await runCli(['test', writeHostileBehaviourTest(dir), '--html', file], dir)).code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('\u202E');
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(HOSTILE)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x&lt;U+202E&gt;gnp.exe');
    // attribute values cannot be ended early: every data-tier holds a plain tier name
    expect([...html.matchAll(/data-tier="([^"]*)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['warning', 'critical']));
  });

  it('refuses a folder as the report file with one line, exit 2', async () => {
    const run = await runCli(['test', 'alert-tests/passing', '--html', dir], fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`signoz-alerts: Invalid command line: --html ${dir} is a directory; give a file name such as --html ${dir}/report.html`);
  });
});
