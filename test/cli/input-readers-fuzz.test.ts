import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FUZZ_TARGETS, fuzzInput, prepareFuzzDir, runFuzzCase } from '../../scripts/fuzz-inputs';

// A few runs per command on every `npm test`; `npm run fuzz` runs the same inputs by the hundred thousand.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signoz-alerts-fuzz-test-'));
beforeAll(() => prepareFuzzDir(dir));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('every command answers hostile input with exit 0, 1 or 2 and never an internal error (property)', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s', async (_name, target) => {
    await fc.assert(
      fc.asyncProperty(fuzzInput(target.seed), async (text) => {
        const outcome = await runFuzzCase(target, text, dir);
        expect(outcome.output).not.toMatch(/internal error/i);
        expect([0, 1, 2]).toContain(outcome.code);
      }),
      { numRuns: 10 },
    );
  });
});
