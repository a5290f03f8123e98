import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { cliRecorder as recorder, lines } from '../support/cli-recorder';
import { IMPORT_FIXTURES_DIR, importFixture } from '../support/import-fixtures';

let workdir: string;

function write(relative: string, content: unknown): void {
  const file = path.join(workdir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string[] }> {
  const io = recorder(workdir);
  const code = await main(['import', ...args], io);
  return { code, stdout: io.stdout.join('\n'), stderr: lines(io.stderr) };
}

beforeEach(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
});

afterEach(() => {
  fs.rmSync(workdir, { recursive: true, force: true });
});

describe('signoz-alerts import', () => {
  it('exits 0 and prints the module when every rule imports', async () => {
    write('rules/api.json', importFixture('api-response.json'));
    const result = await run('rules/api.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("import { AlertRule, Evaluation, Formula, LogsQuery, MetricsQuery } from 'cdktf-signoz-alerts';");
    expect(result.stdout).toContain("checkoutCpuHigh.resource.importFrom('0196b3f2-8c4e-7a1d-9b2f-3c5d7e9f1a2b');");
    expect(result.stderr).toEqual(['3 rules imported (2 as props, 1 as payloads; 3 with import blocks); 0 could not be imported']);
  });

  it('writes --out whole, with the given stack variable, import module and function name', async () => {
    write('rules/api.json', importFixture('api-response.json'));
    const result = await run('rules', '--out', 'src/imported.ts', '--stack-var', 'scope', '--import-from', '../lib', '--function-name', 'legacyAlerts');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const code = fs.readFileSync(path.join(workdir, 'src', 'imported.ts'), 'utf8');
    expect(code).toContain("from '../lib';");
    expect(code).toContain('export function legacyAlerts(scope: Construct): AlertRule[] {');
    expect(code).toContain("new AlertRule(scope, 'CheckoutCpuHigh', {");
    expect(fs.readdirSync(path.join(workdir, 'src'))).toEqual(['imported.ts']);
    expect(result.stderr.at(-1)).toBe('3 rules imported (2 as props, 1 as payloads; 3 with import blocks) into src/imported.ts; 0 could not be imported');
  });

  it('exits 1 when a rule cannot be imported: reports it and still writes the others', async () => {
    fs.cpSync(IMPORT_FIXTURES_DIR, path.join(workdir, 'export'), { recursive: true });
    write('export/broken.json', '{"alert": "half');
    const result = await run('export', '--out', 'imported.ts');
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      expect.stringMatching(/^export\/broken\.json: invalid JSON at line \d+, column \d+: /),
      'export/v1-list.json#/data/rules/1 "Dashboard copy with a variable": /condition/compositeQuery/builderQueries/A: filters: the value of service.name is a dashboard variable ("{{.service}}"); alerts have no variables, put the real value in the rule',
      '6 rules imported (5 as props, 1 as payloads; 5 with import blocks) into imported.ts; 2 could not be imported',
    ]);
    const code = fs.readFileSync(path.join(workdir, 'imported.ts'), 'utf8');
    expect(code).toContain('// Not imported (2; the import command reported why):');
    expect(code).toContain('return [checkoutCpuHigh, checkoutErrorRate, kafkaConsumerLag, paymentsApiLatencyLegacy, searchApiP99Latency, scrapeTargetsDown];');
  });

  it.each([
    [['missing.json'], 'signoz-alerts: Invalid command line: no such file or directory: missing.json'],
    [
      ['rules', '--stack-var', 'my-stack'],
      'signoz-alerts: Invalid command line: --stack-var must be a TypeScript identifier that is not a keyword or a library name, got "my-stack"',
    ],
    [
      ['rules', '--function-name', 'AlertRule'],
      'signoz-alerts: Invalid command line: --function-name must be a TypeScript identifier that is not a keyword or a library name, got "AlertRule"',
    ],
    [['rules', '--out', 'rules'], 'signoz-alerts: Invalid command line: rules is a directory; give a file name such as rules/imported-alerts.ts'],
  ])('exits 2 for usage errors: %j', async (args, message) => {
    write('rules/api.json', importFixture('api-response.json'));
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([message]);
  });

  it('exits 2 without a path', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/missing required argument 'paths'/);
  });
});
