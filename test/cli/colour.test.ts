import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { colourEnabled, painter } from '../../cli/colour';
import { main } from '../../cli/program';
import { cliRecorder } from '../support/cli-recorder';

describe('colour only on a terminal', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ])('env %o on a terminal=%s: colour %s', (env, terminal, expected) => {
    expect(colourEnabled(env, terminal)).toBe(expected);
  });

  it('paints only when enabled', () => {
    expect(painter(true)('green', 'PASS')).toBe('\u001b[32mPASS\u001b[39m');
    expect(painter(false)('green', 'PASS')).toBe('PASS');
  });

  it('test marks PASS, FAIL and ERROR in colour for a terminal, and prints plain text otherwise', async () => {
    const fixtures = path.resolve(__dirname, '../fixtures/evaluation');
    const coloured = { ...cliRecorder(fixtures), colour: true };
    await main(['test', 'alert-tests'], coloured);
    const text = coloured.stdout.join('\n');
    expect(text).toContain('\u001b[32mPASS\u001b[39m  alert-tests/passing/cpu-tiers.alert-test.yaml');
    expect(text).toContain('\u001b[31mFAIL\u001b[39m  alert-tests/failing/wrong-expectations.alert-test.yaml');
    expect(text).toContain('\u001b[31mERROR\u001b[39m alert-tests/failing/bad-notation.alert-test.yaml');

    const plain = cliRecorder(fixtures);
    await main(['test', 'alert-tests'], plain);
    expect(plain.stdout.join('\n')).not.toContain('\u001b[');
    expect(plain.stdout.join('\n')).toBe(stripVTControlCharacters(text));
  });
});
