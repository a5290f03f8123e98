import { rulesIn, stripServerFields, validateRuleFileText } from '../../constructs/codecs';
import { ruleFixture } from '../support/rule-fixtures';

const rule = (): Record<string, unknown> => ruleFixture('metrics-threshold.json');
const asServerReturnsIt = (r: Record<string, unknown>): Record<string, unknown> => ({
  id: '0196a3c2-7b1e-7c3a-9f10-3d2b1c4e5f60',
  state: 'inactive',
  createdAt: '2026-05-01T10:00:00Z',
  createdBy: 'sre@example.com',
  updatedAt: '2026-05-02T10:00:00Z',
  updatedBy: 'sre@example.com',
  ...r,
});

describe('rule files: SigNoz exports and API payloads', () => {
  it('validates a single rule object', () => {
    expect(validateRuleFileText(JSON.stringify(rule()))).toEqual({ valid: true, rules: 1, errors: [], warnings: [] });
  });

  it('validates every rule of an array and prefixes pointers with the rule index', () => {
    const broken = rule();
    broken.alertType = 'METRIC';
    const result = validateRuleFileText(JSON.stringify([rule(), broken]));
    expect(result).toMatchObject({ valid: false, rules: 2 });
    expect(result.errors.map((e) => e.path)).toEqual(['/1/alertType']);
  });

  it.each([
    ['a v2 GET of one rule', (r: unknown) => ({ status: 'success', data: r }), '/data'],
    ['a v2 list', (r: unknown) => ({ status: 'success', data: [r] }), '/data/0'],
    ['a v1 list', (r: unknown) => ({ status: 'success', data: { rules: [r] } }), '/data/rules/0'],
  ])('reads %s and ignores the server read-only fields', (_shape, wrap, prefix) => {
    // GIVEN a rule as the API returns it, with id, state and audit fields, and one mistake
    const returned = asServerReturnsIt(rule());
    (returned.labels as Record<string, unknown>)['bad-name'] = 'x';

    // WHEN the envelope is validated
    const result = validateRuleFileText(JSON.stringify(wrap(returned)));

    // THEN only the real mistake is reported, under the rule's pointer
    expect(result.rules).toBe(1);
    expect(result.errors).toEqual([{ path: `${prefix}/labels/bad-name`, message: 'invalid label name: bad-name' }]);
    expect(result.warnings).toEqual([]);
  });

  it('strips only the read-only fields and leaves the input alone', () => {
    const returned = asServerReturnsIt({ alert: 'x', createAt: 'old', updateBy: 'old' });
    expect(stripServerFields(returned)).toEqual({ alert: 'x' });
    expect(returned).toHaveProperty('id');
    const plain = { alert: 'x' };
    expect(stripServerFields(plain)).toBe(plain);
  });

  it('lists where each rule sits', () => {
    expect(rulesIn({ status: 'success', data: { rules: [{ alert: 'a' }, { alert: 'b' }] } }).map((r) => r.pointer)).toEqual(['/data/rules/0', '/data/rules/1']);
    expect(rulesIn({ alert: 'a', status: 'x' }).map((r) => r.pointer)).toEqual(['']);
  });

  it('reports JSON syntax errors with line and column', () => {
    const result = validateRuleFileText('{\n  "alert": "x",\n  "labels": {,}\n}');
    expect(result).toMatchObject({ valid: false, rules: 0, warnings: [] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('');
    // the reason after the position is V8's wording, which changes between Node versions
    expect(result.errors[0]?.message).toMatch(/^invalid JSON at line 3, column 14: \S/);
  });

  it('reports truncated JSON', () => {
    expect(validateRuleFileText('{"alert": ').errors).toEqual([{ path: '', message: 'invalid JSON at line 1, column 11: the text ends before the JSON value is complete' }]);
  });

  it('accepts a byte order mark', () => {
    expect(validateRuleFileText(`\ufeff${JSON.stringify(rule())}`).valid).toBe(true);
  });

  it('reports an empty list as holding no rule', () => {
    expect(validateRuleFileText('[]').errors).toEqual([{ path: '', message: 'no rule found: the file holds an empty list' }]);
  });
});
