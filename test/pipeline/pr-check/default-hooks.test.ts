import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { policyHook, policyPackHook, ruleValidationHook } from '../../../pipeline/pr-check/default-hooks';
import { PolicyPack } from '../../../policies';

const estate = path.join(__dirname, '..', '..', 'fixtures', 'evaluation', 'estate', 'cdktf.out');

function copyWith(change: (doc: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-'));
  fs.cpSync(estate, dir, { recursive: true });
  const file = path.join(dir, 'stacks', 'prod', 'cdk.tf.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(doc);
  fs.writeFileSync(file, JSON.stringify(doc));
  return dir;
}

const context = (synthDir: string) => ({ appDir: process.cwd(), synthDir, stacks: ['prod'], changedStacks: ['prod'] });

describe('pr-check default hooks', () => {
  it('validates every alert rule of the synthesized stacks', async () => {
    expect(await ruleValidationHook.run(context(estate))).toEqual({ ok: true, lines: ['2 alert rules valid'] });
  });

  it('reports an invalid rule with its stack, address, pointer and message', async () => {
    const dir = copyWith((doc) => {
      const rule = Object.values(doc.resource.signoz_rule)[0] as any;
      rule.evaluation.rolling.spec.eval_window = '0m';
    });
    const result = await ruleValidationHook.run(context(dir));
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([expect.stringMatching(/^prod: signoz_rule\.\S+: \/evaluation\/spec\/evalWindow: evalWindow must be greater than zero/)]);
  });

  it('runs the default policy pack and fails on its errors', async () => {
    const result = await policyHook.run(context(estate));
    expect(result.lines[result.lines.length - 1]).toMatch(/^\d+ errors, \d+ warnings, \d+ suppressed$/);
    expect(result.ok).toBe(!result.lines.some((l) => l.startsWith('error ')));
  });

  it("runs the app's own pack in place of the default one (pr-check --pack)", async () => {
    const pack = new PolicyPack({
      name: 'acme',
      rules: [{ id: 'acme/always', level: 'error', scope: 'alert', description: 'Always fails.', explanation: 'For the test.', check: () => 'acme says no' }],
    });
    const hook = policyPackHook(pack);
    expect(hook.name).toBe(policyHook.name);
    const result = await hook.run(context(estate));
    expect(result.ok).toBe(false);
    expect(result.lines.filter((l) => l.includes('[acme/always]') && l.includes('acme says no'))).toHaveLength(2);
    expect(result.lines[result.lines.length - 1]).toBe('2 errors, 0 warnings, 0 suppressed (policy pack "acme")');
  });

  it('warns in the comment lines about a suppression expiring within 14 days of the reference date (pr-check --now)', async () => {
    const pack = new PolicyPack({
      name: 'acme',
      rules: [{ id: 'acme/always', level: 'error', scope: 'stack', description: 'Always fails.', explanation: 'For the test.', check: () => 'acme says no' }],
      suppressions: [{ path: 'prod', id: 'acme/always', reason: 'accepted until the migration ends', expires: '2026-03-05' }],
    });
    const hook = policyPackHook(pack);
    const soon = await hook.run({ ...context(estate), today: '2026-03-01' });
    expect(soon.ok).toBe(true);
    expect(soon.lines).toContain(
      'warning [suppression-expiring] prod: suppression of acme/always on prod expires on 2026-03-05 (4 days left, reference date 2026-03-01; reason: "accepted until the migration ends"); renew it or fix the finding before it lapses',
    );
    const later = await hook.run({ ...context(estate), today: '2026-03-06' });
    expect(later.ok).toBe(false);
    expect(later.lines.some((l) => l.startsWith('error [suppression-expired] prod: '))).toBe(true);
  });
});
