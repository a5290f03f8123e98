import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { cliRecorder } from '../support/cli-recorder';
import { goodPayload, writeCdktfOut } from '../policies/support/estate';

const REPO = path.resolve(__dirname, '../..');
const TODAY = ['--today', '2026-03-01'];
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-cli-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function policy(args: string[], env: Record<string, string> = {}): Promise<{ exit: number; stdout: string; stderr: string }> {
  const io = cliRecorder(dir, env);
  const exit = await main(['policy', ...args], io);
  return { exit, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('signoz-alerts policy', () => {
  it('exits 0 when nothing is wrong, reading ./cdktf.out by default', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    const result = await policy([...TODAY]);
    expect(result.exit).toBe(0);
    expect(result.stdout).toContain('Policy check passed: 0 errors, 0 warnings, 0 suppressed');
  });

  it('exits 0 with warnings only', async () => {
    writeCdktfOut(path.join(dir, 'out'), [
      {
        alerts: [
          {
            id: 'A',
            payload: goodPayload((p) => {
              p.notificationSettings.renotify!.interval = '1m';
            }),
          },
        ],
      },
    ]);
    expect((await policy(['out', ...TODAY])).exit).toBe(0);
  });

  it('exits 1 when a rule finds an error', async () => {
    writeCdktfOut(path.join(dir, 'out'), [
      {
        alerts: [
          {
            id: 'A',
            payload: goodPayload((p) => {
              delete p.labels!.team;
            }),
          },
        ],
      },
    ]);
    const result = await policy(['out', '--format', 'json', ...TODAY]);
    expect(result.exit).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['owner-label']);
  });

  it('writes the report to a file whole, and only a summary to stderr', async () => {
    writeCdktfOut(path.join(dir, 'out'), [{}]);
    const result = await policy(['out', '--format', 'sarif', '--output', 'reports/policy.sarif', ...TODAY]);
    expect(result.exit).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('signoz-alerts policy: 0 errors, 0 warnings, 0 suppressed; report written to reports/policy.sarif');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/policy.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['policy.sarif']);
  });

  it.each([
    [['missing', ...TODAY], /Invalid synth output at missing\/manifest.json: not found; run cdktf synth first/],
    [['--today', '2026-13-01'], /--today must be a date written YYYY-MM-DD or an ISO 8601 date-time with a zone \(2026-12-07T10:00:00Z\), got "2026-13-01"/],
    [['--now', 'tomorrow'], /--now must be a date written YYYY-MM-DD or an ISO 8601 date-time/],
    [['--now', '2026-03-01', '--today', '2026-03-01'], /--now and --today name the same date; give only --now/],
    [['--format', 'xml'], /argument 'xml' is invalid. Allowed choices are text, json, sarif, markdown/],
    [['--pack', 'nope.ts', ...TODAY], /Invalid policy pack at nope.ts: pack module not found/],
  ])('exits 2 for %j', async (args, message) => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    const result = await policy(args);
    expect(result.exit).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  describe('suppressions expiring soon', () => {
    const estate = () =>
      writeCdktfOut(path.join(dir, 'cdktf.out'), [
        {
          alerts: [{ id: 'A', payload: goodPayload((p) => void delete p.labels!.team) }],
          suppressions: [{ path: 'prod/A', id: 'owner-label', reason: 'team label arrives with the org migration', expires: '2026-03-10' }],
        },
      ]);

    it('warns with --now, naming the suppression, its construct, its date and the days left, and still exits 0', async () => {
      estate();
      const result = await policy(['--now', '2026-03-01T18:00:00Z']);
      expect(result.exit).toBe(0);
      expect(result.stdout).toContain('suppression-expiring');
      expect(result.stdout).toContain('prod/A');
      expect(result.stdout).toContain('suppression of owner-label on prod/A expires on 2026-03-10 (9 days left, reference date 2026-03-01;');
    });

    it('takes SOURCE_DATE_EPOCH when --now is not given, and --now wins over it', async () => {
      estate();
      const epoch = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 2, 11) / 1000) }; // 2026-03-11: expired
      const expired = await policy(['--format', 'json'], epoch);
      expect(expired.exit).toBe(1);
      expect(JSON.parse(expired.stdout).today).toBe('2026-03-11');
      expect(JSON.parse(expired.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['suppression-expired', 'owner-label']);
      const fixed = await policy(['--format', 'json', '--now', '2026-02-01'], epoch);
      expect(fixed.exit).toBe(0);
      expect(JSON.parse(fixed.stdout).findings).toEqual([]);
    });

    it('exits 2 for a SOURCE_DATE_EPOCH it cannot read', async () => {
      estate();
      const result = await policy([], { SOURCE_DATE_EPOCH: 'soon' });
      expect(result.exit).toBe(2);
      expect(result.stderr).toMatch(/SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "soon"/);
    });
  });

  it('exits 2 when a stack file is missing or broken', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    fs.writeFileSync(path.join(dir, 'cdktf.out/stacks/prod/cdk.tf.json'), '{ nope');
    const result = await policy([...TODAY]);
    expect(result.exit).toBe(2);
    expect(result.stderr).toMatch(/Invalid synth output at cdktf.out\/stacks\/prod\/cdk.tf.json: not a synthesized stack/);
  });
});

describe('signoz-alerts policy --pack', () => {
  it('loads a TypeScript pack with a custom rule through tsx', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    fs.writeFileSync(
      path.join(dir, 'pack.ts'),
      [
        `import { definePolicyRule, defaultRules, PolicyPack } from ${JSON.stringify(path.join(REPO, 'policies'))};`,
        'const serviceLabel = definePolicyRule({',
        "  id: 'acme/service-label', level: 'error', description: 'Alerts name their service.',",
        "  explanation: 'Dashboards group alerts by service.',",
        '  check: (alert) => (alert.labels.tier ? undefined : `${alert.payload.alert} has no tier label`),',
        '});',
        "export default new PolicyPack({ name: 'acme', rules: [...defaultRules, serviceLabel], options: { pagingBudget: 10 } });",
      ].join('\n'),
    );
    const result = await policy(['--pack', './pack.ts', '--format', 'json', ...TODAY]);
    expect(result.exit).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.pack).toBe('acme');
    expect(report.findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message])).toEqual([['acme/service-label', 'Checkout CPU high has no tier label']]);
  });

  it('loads a JavaScript module that exports pack props', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    fs.writeFileSync(
      path.join(dir, 'pack.cjs'),
      [
        'module.exports = { name: "js-pack", rules: [{',
        '  id: "acme/no-formulas", level: "warning", scope: "alert", description: "No formula alerts.", explanation: "Formulas are hard to read at 3am.",',
        '  check: (alert) => alert.payload.condition.compositeQuery.queries.some((q) => q.type === "builder_formula") ? "uses a formula" : undefined,',
        '}] };',
      ].join('\n'),
    );
    const result = await policy(['--pack', 'pack.cjs', ...TODAY]);
    expect(result.exit).toBe(0);
    expect(result.stdout).toContain('Policy pack "js-pack": 1 stack, 1 alert');
  });

  it('exits 2 for a module without a pack, or a pack with a broken rule', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    fs.writeFileSync(path.join(dir, 'empty.cjs'), 'module.exports = { hello: 1 };');
    fs.writeFileSync(path.join(dir, 'broken.cjs'), 'module.exports = { rules: [{ id: "Bad Id", level: "fatal", check: 1 }] };');
    const empty = await policy(['--pack', 'empty.cjs', ...TODAY]);
    expect(empty.exit).toBe(2);
    expect(empty.stderr).toMatch(/Invalid policy pack at empty.cjs: the module does not provide a policy pack; export a PolicyPack/);
    const broken = await policy(['--pack', 'broken.cjs', ...TODAY]);
    expect(broken.exit).toBe(2);
    expect(broken.stderr).toMatch(/rules\[0\]: id must be lowercase words joined by "-".*level must be one of error, warning.*check must be a function/);
  });

  it('reports a custom rule that throws as a finding instead of crashing', async () => {
    writeCdktfOut(path.join(dir, 'cdktf.out'), [{}]);
    fs.writeFileSync(
      path.join(dir, 'throws.cjs'),
      'module.exports = { rules: [{ id: "acme/boom", level: "warning", description: "Boom.", explanation: "Throws.", check: () => { throw new Error("kaput"); } }] };',
    );
    const result = await policy(['--pack', 'throws.cjs', '--format', 'json', ...TODAY]);
    expect(result.exit).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message])).toEqual([
      ['rule-failed', 'rule "acme/boom" failed on alert "Checkout CPU high": kaput'],
    ]);
  });
});
