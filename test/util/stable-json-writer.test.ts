import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStableJson, writeStableJsonFile } from '../../constructs/util/stable-json-writer';

// The very copy cdktf writes stack files with (nested under cdktf, not a dependency of this project).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stringify = require(require.resolve('json-stable-stringify', { paths: [path.dirname(require.resolve('cdktf'))] })) as (
  value: unknown,
  options?: { space?: number },
) => string | undefined;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stable-json-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function streamed(value: unknown, space = 2): string | undefined {
  let text = '';
  return writeStableJson(value, (t) => (text += t), space) ? text : undefined;
}

/** JSON-like values plus what JSON leaves out or replaces: undefined, functions, objects with toJSON, dates, odd keys and numbers. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.date({ noInvalidDate: true }),
  fc.string({ unit: 'binary' }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('array'), tie('object'), tie('withToJSON')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__x', '10', '2', 'b', 'B', '')), tie('value'), { maxKeys: 6 }),
  withToJSON: tie('value').map((inner) => ({ ignored: 1, toJSON: () => inner })),
}));

describe('writeStableJson', () => {
  it('writes what json-stable-stringify writes for any value, with 2 spaces as cdktf asks and without', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(streamed(v)).toBe(stringify(v, { space: 2 }));
        expect(streamed(v, 0)).toBe(stringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('opens and closes empty objects and arrays on two lines, as cdktf does', () => {
    const v = { a: {}, b: [], c: [{}, []], d: undefined, e: [undefined, () => 0] };
    expect(streamed(v)).toBe(stringify(v, { space: 2 }));
    expect(streamed(v)).toContain('"a": {\n  }');
  });

  it('refuses a circular object as json-stable-stringify does', () => {
    const v: Record<string, unknown> = { a: 1 };
    v.self = v;
    expect(() => stringify(v, { space: 2 })).toThrow('Converting circular structure to JSON');
    expect(() => streamed(v)).toThrow('Converting circular structure to JSON');
  });
});

describe('writeStableJsonFile', () => {
  it('writes a document larger than its chunks as the same bytes, multi-byte text included', () => {
    const doc = {
      resource: Object.fromEntries(
        Array.from({ length: 3000 }, (_v, i) => [`rule_${i}`, { name: `alert ${i} — ünïcode ✓ 🚨`, threshold: i / 7, tags: [`team-${i % 10}`, null, true] }]),
      ),
    };
    const file = path.join(dir, 'big.json');
    writeStableJsonFile(file, doc);
    const expected = stringify(doc, { space: 2 })!;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 64 * 1024);
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  it('replaces what the file held before', () => {
    const file = path.join(dir, 'replaced.json');
    fs.writeFileSync(file, 'x'.repeat(10_000));
    writeStableJsonFile(file, { a: 1 });
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}');
  });
});
