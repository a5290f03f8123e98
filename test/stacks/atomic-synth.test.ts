/**
 * `app.synth()` of an app with alert stacks writes its output folder whole or not at all: a
 * refused synth leaves none, a killed one leaves the previous output, never a mix.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { AlertRule, MetricsQuery, type AlertRuleProps } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { App } from '../../constructs/engine';
import { AlertStack } from '../../constructs/stacks/alert-stack';
import { cliRecorder } from '../support/cli-recorder';
import { tempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = path.join(__dirname, 'fixtures', 'synth-child.ts');

const alert = (name: string, channel: string): AlertRuleProps => ({
  name,
  queries: [new MetricsQuery('A', 'system.cpu.utilization').spaceAggregation('max')],
  tiers: { critical: { target: 90, channels: [channel] } },
});

function app(outdir: string, channel: string): App {
  const a = new App({ outdir });
  const stack = new AlertStack(a, 'prod', { environment: { name: 'prod' } });
  NotificationChannel.fromName(stack, 'slack', 'ops-slack', 'slack');
  new AlertRule(stack, 'Cpu', alert('CPU high', channel));
  return a;
}

/** What a folder holds, relative paths sorted. */
function tree(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort() : [];
}

describe('atomic synth', () => {
  it('replaces the output folder as a whole, keeping what Terraform put in the stack folders', () => {
    // GIVEN an earlier output folder that Terraform has initialised, and a staging folder a killed synth left
    const dir = tempDir('atomic-synth-');
    const outdir = path.join(dir, 'cdktf.out');
    app(outdir, 'ops-slack').synth();
    fs.mkdirSync(path.join(outdir, 'stacks', 'prod', '.terraform'));
    fs.writeFileSync(path.join(outdir, 'stacks', 'prod', '.terraform.lock.hcl'), '# lock');
    fs.mkdirSync(path.join(dir, '.cdktf.out.staging-999999999'));
    // WHEN it synthesizes again
    app(outdir, 'ops-slack').synth();
    // THEN the folder holds the new output and Terraform's files, and nothing else is left beside it
    expect(tree(outdir)).toEqual(['manifest.json', 'stacks', 'stacks/prod', 'stacks/prod/.terraform', 'stacks/prod/.terraform.lock.hcl', 'stacks/prod/cdk.tf.json']);
    expect(fs.readdirSync(dir)).toEqual(['cdktf.out']);
  });

  it('leaves no output folder when synth is refused, not even the previous one', () => {
    const dir = tempDir('atomic-synth-');
    const outdir = path.join(dir, 'cdktf.out');
    app(outdir, 'ops-slack').synth();
    expect(() => app(outdir, 'ops-slak').synth()).toThrow(/did you mean "ops-slack"/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never leaves a mix of two synths when killed at any point: policy sees the old output whole, or none', async () => {
    const dir = tempDir('atomic-synth-kill-');
    const outdir = path.join(dir, 'cdktf.out');
    const run = (mark: string, killAfterMs?: number): Promise<{ synthMs: number; killed: boolean }> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: ROOT, env: { ...process.env, SYNTH_OUTDIR: outdir, SYNTH_MARK: mark } });
        let started = 0;
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (started === 0 && out.includes('synthesizing')) {
            started = Date.now();
            if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          }
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          if (signal === null && code !== 0) reject(new Error(`synth exited ${code}`));
          else resolve({ synthMs: Date.now() - started, killed: signal !== null });
        });
      });
    // GIVEN a complete output (mark "first"), and how long a synth takes here
    const { synthMs } = await run('first');
    const marks = (): Set<string> => {
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
      expect(Object.keys(manifest.stacks).sort()).toEqual(['prod-a', 'prod-b', 'prod-c', 'prod-d']);
      return new Set(
        Object.values(manifest.stacks).flatMap((s) => {
          const doc = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8')) as {
            resource: { signoz_rule: Record<string, { labels: { synth: string } }> };
          };
          return Object.values(doc.resource.signoz_rule).map((r) => r.labels.synth);
        }),
      );
    };
    // WHEN later synths are killed at points spread over the synth
    const seen: string[] = [];
    let killed = 0;
    for (let i = 0; i < 3; i++) {
      const result = await run(`kill-${i}`, Math.round((synthMs * (i + 0.5)) / 3));
      if (result.killed) killed++;
      // THEN the folder is absent or exactly one synth's output, and policy reads it as such
      if (!fs.existsSync(outdir)) continue;
      const found = [...marks()];
      expect(found).toHaveLength(1);
      seen.push(found[0]!);
      const io = cliRecorder(ROOT);
      expect(await main(['policy', outdir, '--format', 'json'], io)).not.toBe(2);
    }
    expect(killed).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
  }, 240_000);
});
