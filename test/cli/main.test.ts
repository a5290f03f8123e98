import { main } from '../../cli/program';
import { cliRecorder as recorder } from '../support/cli-recorder';

describe('signoz-alerts CLI', () => {
  it('prints its version and exits 0', async () => {
    const io = recorder();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a one-line message for an unknown command', async () => {
    const io = recorder();
    expect(await main(['no-such-command'], io)).toBe(2);
    expect(io.stderr).toEqual(["error: unknown command 'no-such-command'", '(run with --help for usage)']);
  });
});
