import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describeYamlError, MAX_NESTING_DEPTH, nestingTooDeep, parseJsonInput, yamlDocumentValue } from '../../constructs/util/parse-input';

/** A secret-looking token in letters no message of the reader uses. */
const secret = fc.stringMatching(/^[QXZKVW]{8,24}$/);

describe('parseJsonInput: the one way input JSON is parsed', () => {
  it.each([
    ['{"password": "QXZKVWQXZK" x}', 'line 1, column 27', "expected ',' or '}' after a property value"],
    ['{"a": QXZKVWQXZK}', 'line 1, column 7', 'unexpected character'],
    ['QXZKVWQXZK', 'line 1, column 1', 'unexpected character'],
    ['{\n  "a": [1, 2,\n  QXZKVW]}', 'line 3, column 3', 'unexpected character'],
    ['{"a": "QXZ\nKVW"}', 'line 1, column 11', 'a control character (such as a line break) inside a string must be escaped'],
    ['{"a": 1', 'line 1, column 8', "expected ',' or '}' after a property value"],
    ['', 'line 1, column 1', 'the text ends before the JSON value is complete'],
  ])('says where %j is not JSON, by line and column, without quoting it', (text, where, reason) => {
    const parsed = parseJsonInput(text);
    expect(parsed).toEqual({ error: `invalid JSON at ${where}: ${reason}` });
  });

  it('never echoes the input around a syntax error (property)', () => {
    const shapes = [
      (s: string, junk: string) => `{"token": "${s}"${junk}`,
      (s: string, junk: string) => `{"token": ${s}${junk}}`,
      (s: string, junk: string) => `[${junk}${s}]`,
      (s: string, junk: string) => `${s}${junk}`,
    ];
    fc.assert(
      fc.property(secret, fc.string({ maxLength: 8 }), fc.nat(shapes.length - 1), (token, junk, shape) => {
        const parsed = parseJsonInput(shapes[shape]!(token, junk));
        if ('error' in parsed) expect(parsed.error).not.toContain(token.slice(0, 4));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts and drops a byte order mark', () => {
    expect(parseJsonInput('\ufeff{"a": 1}')).toEqual({ value: { a: 1 } });
  });

  it(`refuses arrays and objects nested past ${MAX_NESTING_DEPTH} levels, naming where, and reads the limit itself`, () => {
    const deep = (n: number): string => `{"a": ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}}`;
    expect(parseJsonInput(deep(MAX_NESTING_DEPTH))).not.toHaveProperty('error');
    expect(parseJsonInput(deep(MAX_NESTING_DEPTH + 1))).toEqual({
      error: `arrays and objects are nested more than ${MAX_NESTING_DEPTH} levels deep (at /a/0/0/0/0/0/…); that is the limit for any input`,
    });
    expect(nestingTooDeep(JSON.parse(deep(100_000)) as unknown)).toBe('/a/0/0/0/0/0/…');
  });
});

describe('describeYamlError', () => {
  it.each(['token: "QXZKVW\\QXZKVW"\n', 'a: [x\n  b: QXZKVW}\n'])('says line, column and kind of an error in %j, never quoting the input', (text) => {
    const doc = parseDocument(text);
    expect(doc.errors.length).toBeGreaterThan(0);
    const message = describeYamlError(doc.errors[0]!);
    expect(message).toMatch(/^invalid YAML at line \d+, column \d+: \S/);
    expect(message).not.toContain('QXZ');
  });

  it('an alias with no anchor is an answer that does not name the alias, not a thrown error', () => {
    expect(yamlDocumentValue(parseDocument('a: *QXZKVW\n'))).toEqual({ error: 'an alias (*name) refers to no anchor (&name) set before it' });
  });
});
