import { RouteExpressionError } from '../../constructs/routing/route-expression-parser';
import { RouteExpressionReader, UNKNOWN, type LabelLookup } from '../../constructs/routing/route-expression-reader';

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

describe('RouteExpressionReader', () => {
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
    ['missing == "x"', false],
    ['missing != "x"', true],
    ['missing in ["x"]', false],
    ['missing not in ["x"]', true],
    ['threshold == "critical"', false],
    ['(service == "checkout")', true],
  ])('%s -> %s', (source, expected) => {
    expect(RouteExpressionReader.parse(source).evaluate(alert)).toBe(expected);
  });

  it.each([['host.name == "db-1"'], ['ruleId != ""'], ['service == "checkout" && host.name startsWith "db"'], ['host.name in ["a", "b"]'], ['not (host.name == "db-1")']])(
    '%s depends on run-time labels',
    (source) => {
      expect(RouteExpressionReader.parse(source).evaluate(alert)).toBe(UNKNOWN);
    },
  );

  it('decides without the unknown side when the other side settles it', () => {
    expect(RouteExpressionReader.parse('team == "search" && host.name == "db-1"').evaluate(alert)).toBe(false);
    expect(RouteExpressionReader.parse('team == "payments" || host.name == "db-1"').evaluate(alert)).toBe(true);
  });

  it('treats failures at evaluation as no match (SigNoz skips such policies)', () => {
    // A string operator on an absent label or a label group is a run-time error in expr-lang, negated or not.
    expect(RouteExpressionReader.parse('missing contains "x"').evaluate(alert)).toBe(false);
    expect(RouteExpressionReader.parse('not (missing not startsWith "x")').evaluate(alert)).toBe(false);
    expect(RouteExpressionReader.parse('threshold matches "."').evaluate(alert)).toBe(false);
    expect(RouteExpressionReader.parse('host.name == "db-1" or missing endsWith "x"').evaluate(alert)).toBe(false);
  });

  it('stops at the operand that decides, as expr-lang does, so a later failure does not count', () => {
    expect(RouteExpressionReader.parse('team == "payments" or missing contains "x"').evaluate(alert)).toBe(true);
    expect(RouteExpressionReader.parse('team == "search" and missing contains "x"').evaluate(alert)).toBe(false);
  });

  it.each([
    // `!service == "x"` is `(!service) == "x"` in expr-lang: the routing parser asks for parentheses.
    ['!service == "x"', 1, /'!' must be followed by parentheses/],
    ['missing == nil', 12, /comparing with nil is not supported/],
    ['true', 1, /expected a label name, found 'true'/],
    ['service && team', 9, /expected a comparison: ==, !=, in/],
    ['service matches "("', 17, /invalid regular expression for 'matches'/],
    ['service matches "(?=x)"', 17, /look-ahead and look-behind/],
    ['len(service) > 3', 4, /expected a comparison: .*, found '\('/],
    ['service == ', 12, /expected a quoted string after '==', found the end of the expression/],
    ['service == "checkout', 12, /unterminated string/],
    ['service ?? "x"', 9, /found '\?\?'/],
    ['(service == "a"', 16, /expected '\)' to close the '\(' at column 1/],
    ['service == "a" team', 16, /unexpected 'team'; join conditions with && or \|\|/],
  ])("is unreadable for %s, with the routing parser's reason", (source, column, reason) => {
    let error: unknown;
    try {
      RouteExpressionReader.parse(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RouteExpressionError);
    expect((error as RouteExpressionError).column).toBe(column);
    expect((error as RouteExpressionError).problem).toMatch(reason);
  });
});
