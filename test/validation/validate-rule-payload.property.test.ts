import fc from 'fast-check';
import { COMPARE_OP_ALIASES, MATCH_TYPE_ALIASES } from '../../constructs/model/enums';
import { validateRulePayload, type RuleValidationResult } from '../../constructs/validation';
import { RULE_FIXTURE_NAMES, ruleFixture, type AnyJson } from '../support/rule-fixtures';

type Token = string | number;

/** Every location inside a JSON value, as token lists. */
function locations(value: AnyJson, prefix: Token[] = []): Token[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => locations(item, [...prefix, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.keys(value).map((k) => locations(value[k], [...prefix, k])));
  return here;
}

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

function mutate(root: AnyJson, at: Token[], mutation: Mutation): AnyJson {
  if (at.length === 0) return mutation.kind === 'replace' ? mutation.value : root;
  const parent = at.slice(0, -1).reduce((node, token) => node[token], root);
  const last = at[at.length - 1] as Token;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) parent[last][mutation.key] = mutation.value;
  return root;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.constantFrom('', ' ', '0', '-1m', 'v4', null, 0, -1, true, [], {}) }),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'builderQueries', 'op', 'id')),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
);

/** A result is well-formed: pointers are RFC 6901 pointers, messages are non-empty, payload only when valid. */
function expectWellFormed(result: RuleValidationResult<unknown>): void {
  expect(typeof result.valid).toBe('boolean');
  expect(result.valid).toBe(result.errors.length === 0);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(issue.path).toMatch(/^(\/([^~]|~[01])*)*$/);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(result.payload !== undefined).toBe(result.valid);
}

describe('validateRulePayload never crashes', () => {
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateRulePayload(value);
        expectWellFormed(result);
        expect(result.valid).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }), (value) => {
        expectWellFormed(validateRulePayload(value));
      }),
      { numRuns: 300 },
    );
  });

  it('on valid rules with one random change, and what it accepts is stable', () => {
    const fixtures = RULE_FIXTURE_NAMES.map((name) => ruleFixture(name));
    const cases = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((index) => {
      const all = locations(fixtures[index]);
      return fc.tuple(fc.constant(index), fc.constantFrom(...all), mutationArbitrary);
    });
    fc.assert(
      fc.property(cases, ([index, at, mutation]) => {
        const rule = mutate(structuredClone(fixtures[index]), at, mutation);
        const result = validateRulePayload(rule);
        expectWellFormed(result);
        if (result.valid) {
          // a normalized payload is a fixed point: it validates again, unchanged
          const again = validateRulePayload(result.payload);
          expect(again.valid).toBe(true);
          expect(again.payload).toEqual(result.payload);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('normalization is idempotent', () => {
  const opSpellings = Object.values(COMPARE_OP_ALIASES).flat();
  const matchSpellings = Object.values(MATCH_TYPE_ALIASES).flat();
  const casing = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.toUpperCase(),
    (s: string) => ` ${s}\t`,
  );

  it('a rule with any accepted spellings normalizes to a payload that re-validates to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_FIXTURE_NAMES), fc.constantFrom(...opSpellings), fc.constantFrom(...matchSpellings), casing, (name, op, matchType, style) => {
        const rule = ruleFixture(name);
        for (const threshold of rule.condition.thresholds.spec) {
          threshold.op = style(op);
          threshold.matchType = style(matchType);
        }
        const first = validateRulePayload(rule);
        expect(first.errors).toEqual([]);
        const second = validateRulePayload(first.payload);
        expect(second.errors).toEqual([]);
        expect(second.payload).toEqual(first.payload);
      }),
      { numRuns: 300 },
    );
  });
});
