import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';

export function recorder(cwd = process.cwd()): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), cwd, env: {} };
}

describe('signoz-alerts CLI', () => {
  it('prints its version and exits 0', async () => {
    const io = recorder();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a one-line message for an unknown command', async () => {
    const io = recorder();
    expect(await main(['no-such-command'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/unknown command 'no-such-command'|too many arguments/);
  });
});
