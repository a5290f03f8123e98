import fc from 'fast-check';
import { SECRET_SHAPES, replaceSecretShapes } from '../../constructs/model/secret-patterns';
import { stackSafeRegex } from '../../constructs/util/stack-safe-regex';

describe('stackSafeRegex', () => {
  it('writes an unbounded count of one class or escape as a fixed count and a star', () => {
    expect(stackSafeRegex(/\bBearer\s+[A-Za-z0-9._~+/=-]{20,}/i)).toEqual(/\bBearer\s+[A-Za-z0-9._~+/=-]{20}[A-Za-z0-9._~+/=-]*/i);
    expect(stackSafeRegex(/x\d{3,}[^\]a]{2,}/g)).toEqual(/x\d{3}\d*[^\]a]{2}[^\]a]*/g);
  });

  it('matches exactly what the pattern as written matches (property, every secret shape)', () => {
    const alphabet = fc.constantFrom(...'aZ09_-./:?&=@ \n"xoxb-Bearer token eyJ ghp_ AKIA https://hooks.slack.com/services/'.split(''));
    const written = SECRET_SHAPES.map(
      (s) =>
        new RegExp(
          s.pattern.source.replace(/\{(\d+)\}(\\.|\[[^\]]*\])\*/g, (_, n: string) => `{${n},}`),
          s.pattern.flags,
        ),
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }).map((a) => a.join('')),
        (text) => {
          SECRET_SHAPES.forEach((shape, i) => expect(shape.pattern.exec(text)?.[0]).toBe(written[i]!.exec(text)?.[0]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('masks a secret-looking run of 6,000,000 characters without a stack overflow', () => {
    for (const [prefix, suffix] of [
      ['Bearer ', ''],
      ['xoxb-', ''],
      ['ghp_', ''],
      ['?token=', ''],
      ['eyJ', '.abcdefghij.abcdefghij'],
    ]) {
      expect(replaceSecretShapes(`${prefix}${'a'.repeat(6_000_000)}${suffix}`, () => '***')).toBe('***');
    }
  });
});
