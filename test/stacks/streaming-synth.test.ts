/**
 * A toolkit stack's `cdk.tf.json` is written in chunks by the toolkit, not as one string by cdktf:
 * the same bytes, and nothing else in cdktf's synth changes for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlertRule, MetricsQuery } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { App, type TerraformStack } from '../../constructs/engine';
import { AlertStack } from '../../constructs/stacks/alert-stack';
import { tempDir } from '../support/temp-dir';

// The very copy cdktf writes stack files with.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stringify = require(require.resolve('json-stable-stringify', { paths: [path.dirname(require.resolve('cdktf'))] })) as (value: unknown, options: { space: number }) => string;

const root = tempDir('streaming-synth-');

function estate(outdir: string): { app: App; stacks: TerraformStack[]; seenByValidation: Record<string, unknown>[] } {
  const app = new App({ outdir });
  const seenByValidation: Record<string, unknown>[] = [];
  const stacks = ['dev', 'prod'].map((env) => {
    const stack = new AlertStack(app, env, { environment: { name: env } });
    NotificationChannel.fromName(stack, 'slack', 'ops-slack', 'slack');
    for (let i = 0; i < 20; i++) {
      new AlertRule(stack, `Cpu${i}`, {
        name: `CPU high ${i}`,
        queries: [new MetricsQuery('A', 'system.cpu.utilization').spaceAggregation('max')],
        tiers: { critical: { target: 80 + i, channels: ['ops-slack'] } },
      });
    }
    // A validation that reads the stack's document, as a policy check on an in-memory stack would.
    stack.node.addValidation({ validate: () => (seenByValidation.push(stack.toTerraform()), []) });
    return stack;
  });
  return { app, stacks, seenByValidation };
}

describe('streaming stack output', () => {
  it("writes each stack's file as the same bytes cdktf's writer gives its document", () => {
    // GIVEN an app of two alert stacks
    const outdir = path.join(root, 'out');
    const { app, stacks, seenByValidation } = estate(outdir);
    // WHEN it is synthesized
    app.synth();
    // THEN each file is json-stable-stringify of the stack's document with 2 spaces, and validations saw the whole document
    for (const stack of stacks) {
      const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      const expected = stringify(stack.toTerraform(), { space: 2 });
      expect(fs.readFileSync(file, 'utf8')).toBe(expected);
      expect(Object.keys((JSON.parse(expected) as { resource: { signoz_rule: object } }).resource.signoz_rule)).toHaveLength(20);
    }
    expect(seenByValidation.map((doc) => Object.keys((doc as { resource: { signoz_rule: object } }).resource.signoz_rule).length)).toEqual([20, 20]);
  });

  it('gives the same files when synthesized twice', () => {
    const { app } = estate(path.join(root, 'twice'));
    app.synth();
    const first = fs.readFileSync(path.join(root, 'twice', 'stacks', 'prod', 'cdk.tf.json'), 'utf8');
    app.synth();
    expect(fs.readFileSync(path.join(root, 'twice', 'stacks', 'prod', 'cdk.tf.json'), 'utf8')).toBe(first);
  });
});
