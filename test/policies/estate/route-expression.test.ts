import { RouteExpression, RouteExpressionSyntaxError, UNKNOWN, type LabelLookup } from '../../../policies';

/** Labels of a firing alert: known values, `unknown` for run-time labels, absent otherwise. */
function labels(known: Record<string, string>, unknown: string[] = []): LabelLookup {
  return (name) => {
    if (name in known) return known[name]!;
    if (unknown.includes(name)) return UNKNOWN;
    if (Object.keys(known).some((k) => k.startsWith(`${name}.`))) return { group: name };
    return null;
  };
}

const alert = labels({ service: 'checkout', severity: 'critical', 'threshold.name': 'critical', team: 'payments' }, ['host.name', 'ruleId']);

describe('RouteExpression', () => {
  it.each([
    ['service == "checkout" && severity == "critical"', true],
    ['service == "checkout" and severity == "warning"', false],
    ['service == "search" || team == "payments"', true],
    ["threshold.name == 'critical'", true],
    ['threshold["name"] == "critical"', true],
    ['severity in ["critical", "error"]', true],
    ['severity not in ["critical", "error"]', false],
    ['service startsWith "check" and service endsWith "out" and service contains "cko"', true],
    ['service matches "^check(out)?$"', true],
    ['service not matches "^check"', false],
    ['!(team == "payments")', false],
    ['not (team == "search")', true],
    ['missing == nil', true],
    ['missing == "x"', false],
    ['missing != "x"', true],
    ['threshold == "critical"', false],
    ['(service == "checkout")', true],
    ['true', true],
  ])('%s -> %s', (source, expected) => {
    expect(RouteExpression.parse(source).evaluate(alert)).toBe(expected);
  });

  it.each([
    ['host.name == "db-1"'],
    ['ruleId != ""'],
    ['service == "checkout" && host.name startsWith "db"'],
    ['host.name in ["a", "b"]'],
  ])('%s depends on run-time labels', (source) => {
    expect(RouteExpression.parse(source).evaluate(alert)).toBe(UNKNOWN);
  });

  it('decides without the unknown side when the other side settles it', () => {
    expect(RouteExpression.parse('team == "search" && host.name == "db-1"').evaluate(alert)).toBe(false);
    expect(RouteExpression.parse('team == "payments" || host.name == "db-1"').evaluate(alert)).toBe(true);
  });

  it('binds not tighter than comparisons, as expr-lang does, so a type error means no match', () => {
    // `!service == "x"` is `(!service) == "x"`: negating a string fails at run time, and SigNoz skips the policy.
    expect(RouteExpression.parse('!service == "x"').evaluate(alert)).toBe(false);
  });

  it('treats failures at evaluation as no match (SigNoz skips such policies)', () => {
    expect(RouteExpression.parse('service && team').evaluate(alert)).toBe(false);
    expect(RouteExpression.parse('missing contains "x"').evaluate(alert)).toBe(false);
    expect(RouteExpression.parse('service matches "("').evaluate(alert)).toBe(false);
  });

  it.each([
    ['len(service) > 3', /function calls \(len\(\.\.\.\)\) are not supported/],
    ['service == ', /expression ends too early/],
    ['service == "checkout', /unterminated string/],
    ['service ?? "x"', /"\?\?" is not supported/],
    ['(service == "a"', /expected "\)"/],
    ['service == "a" team', /unexpected "team"/],
  ])('rejects %s with a clear reason', (source, reason) => {
    let error: unknown;
    try {
      RouteExpression.parse(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RouteExpressionSyntaxError);
    expect((error as Error).message).toMatch(reason);
  });
});
