import fc from 'fast-check';
import type { RouteExpressionNode } from '../../constructs/routing/route-expression-ast';
import { parseRouteExpression, RouteExpressionError } from '../../constructs/routing/route-expression-parser';
import { renderRouteExpression } from '../../constructs/routing/route-expression-render';

function errorOf(text: string): RouteExpressionError {
  try {
    parseRouteExpression(text);
  } catch (err) {
    if (err instanceof RouteExpressionError) return err;
    throw err;
  }
  throw new Error(`expected '${text}' to be rejected`);
}

describe('parseRouteExpression', () => {
  it.each([
    ['service == "payments"', { type: 'compare', label: 'service', op: '==', value: 'payments' }],
    [
      "threshold.name == 'auth' && ruleId == 'rule1'",
      {
        type: 'and',
        operands: [
          { type: 'compare', label: 'threshold.name', op: '==', value: 'auth' },
          { type: 'compare', label: 'ruleId', op: '==', value: 'rule1' },
        ],
      },
    ],
    [
      'threshold.name = "x" AND ruleId = "y"',
      {
        type: 'and',
        operands: [
          { type: 'compare', label: 'threshold.name', op: '==', value: 'x' },
          { type: 'compare', label: 'ruleId', op: '==', value: 'y' },
        ],
      },
    ],
    ['service IN ["a", "b",]', { type: 'compare', label: 'service', op: 'in', value: ['a', 'b'] }],
    [
      'host CONTAINS "prod" OR host not contains "qa"',
      {
        type: 'or',
        operands: [
          { type: 'compare', label: 'host', op: 'contains', value: 'prod' },
          { type: 'compare', label: 'host', op: 'not contains', value: 'qa' },
        ],
      },
    ],
    [
      '(service == "auth" && env == "production") || critical == "true"',
      {
        type: 'or',
        operands: [
          {
            type: 'and',
            operands: [
              { type: 'compare', label: 'service', op: '==', value: 'auth' },
              { type: 'compare', label: 'env', op: '==', value: 'production' },
            ],
          },
          { type: 'compare', label: 'critical', op: '==', value: 'true' },
        ],
      },
    ],
    [
      'k8s.namespace.name == "auth" and service in ["auth"]',
      {
        type: 'and',
        operands: [
          { type: 'compare', label: 'k8s.namespace.name', op: '==', value: 'auth' },
          { type: 'compare', label: 'service', op: 'in', value: ['auth'] },
        ],
      },
    ],
    ['not (severity in ["info"])', { type: 'not', operand: { type: 'compare', label: 'severity', op: 'in', value: ['info'] } }],
    ['!!(a == "1")', { type: 'not', operand: { type: 'not', operand: { type: 'compare', label: 'a', op: '==', value: '1' } } }],
    ['$env["k8s-cluster"]?.["node-pool"] matches `^gpu-\\d+$`', { type: 'compare', label: 'k8s-cluster.node-pool', op: 'matches', value: '^gpu-\\d+$' }],
    ['msg == "tab\\there \\u00e9"', { type: 'compare', label: 'msg', op: '==', value: 'tab\there é' }],
    [
      'a startsWith "x" && b endsWith "y" && c != "z" && d not in ["w"]',
      {
        type: 'and',
        operands: [
          { type: 'compare', label: 'a', op: 'startsWith', value: 'x' },
          { type: 'compare', label: 'b', op: 'endsWith', value: 'y' },
          { type: 'compare', label: 'c', op: '!=', value: 'z' },
          { type: 'compare', label: 'd', op: 'not in', value: ['w'] },
        ],
      },
    ],
  ])('accepts %s', (text, expected) => {
    expect(parseRouteExpression(text)).toEqual(expected);
  });

  it.each([
    ['', 'the expression is empty', 1],
    ['\'threshold.name\' == "high-cpu"', "the left side of a comparison must be a label name, but 'threshold.name' is a quoted string, so the comparison never matches", 1],
    ['port == 8080', 'label values are strings; quote the number: "8080"', 9],
    ['enabled == true', 'label values are strings; write "true"', 12],
    ['service == other', "the right side of '==' must be a quoted string; other looks like a label", 12],
    ['latency > "5"', "'>' compares numbers, but label values are strings", 9],
    ['not service == "a"', "'not' must be followed by parentheses: write not(<condition>), because expr-lang applies it to the label before comparing", 1],
    ['service in "a"', `'in' needs a list of strings such as ["a", "b"], found '"a"'`, 12],
    ['service in []', "'in' with an empty list never matches; list at least one value", 12],
    ['service not in []', "'not in' with an empty list always matches; list at least one value", 16],
    ['host contains ""', "'contains' with an empty string is meaningless", 15],
    ['host matches "(?!x)"', "invalid regular expression for 'matches': look-ahead and look-behind", 14],
    ['host matches "(a"', "invalid regular expression for 'matches':", 14],
    ['(service == "a"', "expected ')' to close the '(' at column 1, found the end of the expression", 16],
    ['service == "a" service == "b"', "unexpected 'service'; join conditions with && or ||", 16],
    ['service == "a', 'unterminated string', 12],
    ['service == "a\\q"', 'unknown escape \\q in string', 14],
    ['service ~ "a"', "unexpected character '~'", 9],
    ['service', 'expected a comparison: ==, !=, in, not in, contains, startsWith, endsWith or matches, found the end of the expression', 8],
    ['in == "a"', "expected a label name, found 'in'", 1],
    ['$env.x == "a"', 'expected ["label name"] after $env', 5],
    ['a["b.c"] == "x"', `label name segment "b.c" must contain no '.': SigNoz splits label names on dots into nested maps`, 3],
    ['$env["k8s.pod"] == "x"', 'so "k8s.pod" is never set and the comparison never matches; write k8s?.pod', 6],
    ['service == "a" &&', 'expected a label name, found the end of the expression', 18],
    ['a not equals "b"', "'not' here must be followed by in, contains, startsWith, endsWith or matches", 7],
  ])('rejects %j', (text, problem, column) => {
    const err = errorOf(text);
    expect(err.problem).toContain(problem);
    expect(err.column).toBe(column);
    expect(err.message).toContain(`route expression: ${err.problem} (column ${column})`);
  });

  it('points at the problem under the expression', () => {
    expect(errorOf('service == 8080').message).toBe('Invalid route expression: label values are strings; quote the number: "8080" (column 12)\n  service == 8080\n             ^');
  });

  it('reads back every expression the renderer writes (property)', () => {
    const labelName = fc
      .array(fc.oneof(fc.constantFrom('service', 'severity', 'threshold', 'name', 'in', 'k8s-cluster', 'x_1', 'not'), fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/)), {
        minLength: 1,
        maxLength: 3,
      })
      .map((segments) => segments.join('.'));
    const value = fc.string({ maxLength: 8 }).filter((s) => s.length > 0);
    const comparison = fc.oneof(
      fc.record({
        type: fc.constant('compare' as const),
        label: labelName,
        op: fc.constantFrom('==' as const, '!=' as const, 'contains' as const, 'not startsWith' as const),
        value,
      }),
      fc.record({
        type: fc.constant('compare' as const),
        label: labelName,
        op: fc.constantFrom('in' as const, 'not in' as const),
        value: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
      }),
    );
    const node: fc.Arbitrary<RouteExpressionNode> = fc.letrec<{ node: RouteExpressionNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.record({ type: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(tie('node'), { minLength: 2, maxLength: 3 }) }),
        fc.record({ type: fc.constant('not' as const), operand: tie('node') }),
      ),
    })).node;
    const flatten = (n: RouteExpressionNode): RouteExpressionNode => {
      if (n.type === 'compare') return n;
      if (n.type === 'not') return { type: 'not', operand: flatten(n.operand) };
      return { type: n.type, operands: n.operands.map(flatten).flatMap((o) => (o.type === n.type ? o.operands : [o])) };
    };
    fc.assert(
      fc.property(node, (n) => {
        expect(parseRouteExpression(renderRouteExpression(n))).toEqual(flatten(n));
      }),
      { numRuns: 300 },
    );
  });
});

describe('route expression strings, read as expr-lang reads them', () => {
  const valueOf = (text: string): unknown => (parseRouteExpression(`service == ${text}`) as { value: unknown }).value;

  it.each([
    ['"\\101\\060\\377"', 'A0\u00ff'],
    ['"\\x41\\xff"', 'A\u00ff'],
    ['"\\u00e9\\u{1F600}\\u{41}"', '\u00e9\u{1F600}A'],
    ['"\\U0001F600"', '\u{1F600}'],
    ['"\\uD800"', '\ufffd'],
    ['"say \\"hi\\""', 'say "hi"'],
    ["'it\\'s'", "it's"],
    ['"\\a\\b\\f\\v\\\\"', '\x07\b\f\v\\'],
    ['"a\rb"', 'a\nb'],
    ['`a``b`', 'a`b'],
    ['`no \\escapes`', 'no \\escapes'],
  ])('decodes %s', (literal, decoded) => {
    expect(valueOf(literal)).toBe(decoded);
  });

  it.each([
    ['"\\400"', 'invalid octal escape \\400 in string: three octal digits up to \\377'],
    ['"\\19"', 'invalid octal escape'],
    ['"\\xg0"', 'invalid \\x escape in string: 2 hexadecimal digits'],
    ['"\\X41"', 'unknown escape \\X in string'],
    ['"\\u12"', 'invalid \\u escape in string: 4 hexadecimal digits up to 10FFFF'],
    ['"\\U00110000"', 'invalid \\U escape'],
    ['"\\u{}"', 'invalid \\u{...} escape'],
    ['"\\u{1234567}"', 'invalid \\u{...} escape'],
    ['"\\\'"', "unknown escape \\' in string"],
    ["'\\\"'", 'unknown escape \\" in string'],
    ['"\\?"', 'unknown escape \\? in string'],
    ['"\\`"', 'unknown escape \\` in string'],
  ])('refuses %s', (literal, problem) => {
    expect(() => valueOf(literal)).toThrow(problem);
  });
});

describe('NOT in capitals', () => {
  it.each(['NOT (service == "a")', 'NOT(service == "a") && env == "prod"', 'service NOT IN ["a"]', 'service NOT contains "a"'])(
    'is refused as the unknown function expr-lang reads: %s',
    (text) => {
      expect(() => parseRouteExpression(text)).toThrow("NOT is not an operator in SigNoz's expression language: expr-lang reads it as a call to a function named NOT");
    },
  );

  it('keeps the aliases SigNoz tests use, and lower-case not', () => {
    expect(parseRouteExpression('service = "a" AND env IN ["x"] OR not (team CONTAINS "core")')).toEqual({
      type: 'or',
      operands: [
        {
          type: 'and',
          operands: [
            { type: 'compare', label: 'service', op: '==', value: 'a' },
            { type: 'compare', label: 'env', op: 'in', value: ['x'] },
          ],
        },
        { type: 'not', operand: { type: 'compare', label: 'team', op: 'contains', value: 'core' } },
      ],
    });
  });
});
