import { clickhouseSqlSyntaxProblem } from '../../constructs/validation/query-syntax/clickhouse-sql-syntax';
import { filterExpressionSyntaxProblem } from '../../constructs/validation/query-syntax/filter-expression-syntax';
import { havingExpressionSyntaxProblem } from '../../constructs/validation/query-syntax/having-expression-syntax';
import { promqlSyntaxProblem } from '../../constructs/validation/query-syntax/promql-syntax';
import { validateRulePayload } from '../../constructs/validation';
import { mutatedRule, ruleFixture, RULE_FIXTURE_NAMES } from '../support/rule-fixtures';
import { describeSyntaxProblem, type SyntaxProblem } from '../../constructs/validation/query-syntax/syntax-problem';

type Check = (text: string) => SyntaxProblem | undefined;
/** [query, where the problem is, words the message must hold]. */
type Broken = readonly [query: string, at: string, says: string];

function described(check: Check, text: string): string | undefined {
  const problem = check(text);
  return problem && describeSyntaxProblem(text, problem);
}

// 24 PromQL queries Prometheus's parser (or SigNoz's engine) refuses.
const BROKEN_PROMQL: Broken[] = [
  ['sum(rate(x[5m])', 'line 1, column 4', '"(" is never closed; add ")"'],
  ['rate(x[5m]', 'line 1, column 5', '"(" is never closed'],
  ['x[5m', 'line 1, column 2', '"[" is never closed; add "]"'],
  ['up{job="api"', 'line 1, column 3', '"{" is never closed; add "}"'],
  ['up{job="api}', 'line 1, column 8', 'the quote " is never closed'],
  ['rate(x[5m]))', 'line 1, column 12', '")" has no matching "(" before it'],
  ['sum(rate(x[5m])]', 'line 1, column 16', '"]" closes "(" opened earlier, which needs ")"'],
  ['x > > 1', 'line 1, column 5', 'unexpected ">"'],
  ['sum by (job) rate(x[5m])', 'line 1, column 14', 'unexpected "rate(x[5m])"'],
  ['x{job=~}', 'line 1, column 8', 'unexpected "}"'],
  ['histogram_quantile(0.9 sum(rate(x[5m])) by (le))', 'line 1, column 24', 'unexpected "sum(rate(x[5m]))"'],
  ['x and', 'line 1, column 6', 'unexpected end of query'],
  ['rate(x[5m]) by (job)', 'line 1, column 13', 'unexpected "by"'],
  ['x{a="b",,}', 'line 1, column 9', 'unexpected ",}"'],
  ['1 +\n* 2', 'line 2, column 1', 'unexpected "*"'],
  ['foo(x)', 'line 1, column 1', 'unknown function "foo"'],
  ['rate(x)', 'line 1, column 6', 'function "rate" expects a range vector such as x[5m], got "x"'],
  ['count_over_time(x)', 'line 1, column 17', 'function "count_over_time" expects a range vector'],
  ['sum(x[5m])', 'line 1, column 5', 'a range vector ("x[5m]") cannot be used in an aggregation'],
  ['absent(x[5m])', 'line 1, column 8', 'function "absent" expects an instant vector or scalar here, got the range vector "x[5m]"'],
  ['x[5m]', 'line 1, column 1', 'the query is a range vector ("x[5m]")'],
  ['{}', 'line 1, column 1', 'a vector selector needs a metric name or at least one label matcher that does not match the empty string'],
  ['rate(x[5m] @ 1700000000)', 'line 1, column 12', 'the @ modifier is disabled in SigNoz\'s PromQL engine ("@ modifier is disabled")'],
  ['x offset -5m', 'line 1, column 10', 'negative offsets are disabled in SigNoz\'s PromQL engine ("negative offset is disabled")'],
];

const VALID_PROMQL = [
  'up',
  'up{job="api"} == 0',
  'sum by (service) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m])) > 0.05',
  'histogram_quantile(0.99, sum by (le) (rate(http_server_duration_bucket[5m])))',
  'quantile_over_time(0.9, x[5m])',
  'max_over_time(rate(x[1m])[5m:1m])',
  'rate((x[5m] offset 1m))',
  'rate(x[1h]) offset 1d',
  'topk(5, sum without (pod) (rate(x[5m])))',
  'x / on(a) group_left(b) y',
  'label_replace(x, "a", "$1", "b", "(.*)")',
  '{__name__="x", "k8s.pod.name"="c"}',
  '{"service.name"}',
  'x{a=""}',
  'scalar(x) > bool 1',
  'time() - x  # seconds since the last push',
  '-x',
];

// 18 filter expressions SigNoz's FilterQuery grammar refuses.
const BROKEN_FILTERS: Broken[] = [
  ["service.name = 'checkout", 'line 1, column 16', "the quote ' is never closed; add the closing '"],
  ['"service.name" = \'x\'', 'line 1, column 1', 'keys cannot be quoted in SigNoz filters; write service.name without quotes'],
  ['a = 1 AND', 'line 1, column 10', 'unexpected end of the expression; expected a condition'],
  ['(a = 1', 'line 1, column 7', 'expected ")" to close the "(" at line 1, column 1'],
  ["a IN ('x', 'y'", 'line 1, column 15', 'expected "," or ")" to close the IN list'],
  ['a IN ()', 'line 1, column 7', 'unexpected ")"; expected a value in the IN list'],
  ['a BETWEEN 1', 'line 1, column 12', 'expected AND between the two BETWEEN bounds'],
  ['has a', 'line 1, column 5', 'unexpected "a"; expected "(" after has'],
  ["hasAny(a, ['x', 'y')", 'line 1, column 20', 'expected "," or "]" to close the array'],
  ['search()', 'line 1, column 8', 'expected a search term'],
  ['a ! = 1', 'line 1, column 3', 'unexpected "!"; use != for "not equal" or NOT before a condition'],
  ['a = ', 'line 1, column 5', 'expected a value after "a ="'],
  ['a = foo*bar', 'line 1, column 5', 'quote values that contain characters such as * or %'],
  ['a = 1)', 'line 1, column 6', '")" has no matching "(" before it'],
  ['a AND OR b', 'line 1, column 7', 'unexpected "OR"'],
  ['NOT NOT a', 'line 1, column 5', 'unexpected "NOT"'],
  ['a LIKE', 'line 1, column 7', 'expected a value after "a LIKE"'],
  ["a = 'x'\nAND b = ", 'line 2, column 9', 'expected a value after "b ="'],
];

const VALID_FILTERS = [
  '',
  "service.name = 'checkout'",
  "service.name = 'checkout' AND http.status_code >= 500",
  "deployment.environment IN ['prod', 'staging'] OR NOT k8s.namespace.name = 'kube-system'",
  "type NOT IN ('tmpfs', 'overlay')",
  "a IN 'x'",
  'a BETWEEN 1 AND 5',
  'a NOT BETWEEN -1.5e3 AND .5',
  'trace_id EXISTS AND parent NOT EXISTS',
  "body LIKE '%timeout%' AND name NOT ILIKE 'health%'",
  "url REGEXP '^/api/' AND url NOT REGEXP 'health'",
  "body CONTAINS 'error' AND body NOT CONTAINS 'retry'",
  "has(tags, 'x') AND hasAny(ids, [1, 2]) AND hasAll(ids, [1]) AND hasToken(body, 'x')",
  "search('connection refused')",
  "search('x', body, attribute)",
  '"Waiting for response" http.status_code=200',
  "a = 'x' b = 'y'",
  'a == 1 AND b <> 2 AND c != "x"',
  "a = 'it\\'s'",
  'proto.user_objects[].name = 1 AND a.b[*].c = 2 AND a.0 = 3',
  'k8s.pod.name = $pod AND service.name = {{.service}}',
  "(a = 'x' OR b = 'y') AND NOT (c = 'z')",
  'true',
];

// ClickHouse SQL: unbalanced quotes, brackets or comments.
const BROKEN_CLICKHOUSE: Broken[] = [
  ["SELECT count() FROM t WHERE a = 'x", 'line 1, column 33', "the quote ' is never closed"],
  ['SELECT count( FROM t', 'line 1, column 13', '"(" is never closed'],
  ['SELECT 1 /* comment', 'line 1, column 10', 'block comment "/*" is never closed; add "*/"'],
  ['SELECT toStartOfMinute(ts)) FROM t', 'line 1, column 27', '")" has no matching "(" before it'],
  ['SELECT "a FROM t', 'line 1, column 8', 'the quote " is never closed'],
  ['SELECT arr[1\nFROM t', 'line 1, column 11', '"[" is never closed'],
];

const VALID_CLICKHOUSE = [
  'SELECT toStartOfMinute(now()) AS ts, count() AS value FROM signoz_logs.distributed_logs_v2 GROUP BY ts',
  "SELECT 1 -- it's a comment\nFROM t",
  "SELECT 'it''s', 'a\\'b' FROM t WHERE ts > {{.start_timestamp_ms}} /* (not closed in here */",
  'SELECT `a` FROM t WHERE x IN (1, [2]) AND y = $start_timestamp # a comment',
];

describe('PromQL, checked with the Prometheus grammar and SigNoz engine limits', () => {
  test.each(BROKEN_PROMQL)('refuses %j at %s', (query, at, says) => {
    const message = described(promqlSyntaxProblem, query);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(VALID_PROMQL)('accepts %j', (query) => {
    expect(described(promqlSyntaxProblem, query)).toBeUndefined();
  });

  test('says SigNoz does not substitute variables when one breaks the query', () => {
    expect(described(promqlSyntaxProblem, 'rate(x[$__rate_interval])')).toContain('does not substitute variables ($var, {{.var}})');
  });

  it('refuses brackets nested over 100 deep at the first one too deep, before the parser spends seconds on them', () => {
    expect(described(promqlSyntaxProblem, `${'sum('.repeat(50_000)}up${')'.repeat(50_000)}`)).toBe(
      'line 1, column 404: brackets nested more than 100 levels deep; simplify the query',
    );
    expect(described(clickhouseSqlSyntaxProblem, `SELECT ${'('.repeat(101)}1${')'.repeat(101)}`)).toContain('brackets nested more than 100 levels deep');
    expect(described(promqlSyntaxProblem, `${'sum('.repeat(100)}up${')'.repeat(100)}`)).toBeUndefined();
  });
});

// Matcher strings Prometheus refuses: regexes Go's regexp (RE2) does not compile, escapes its lexer does not know.
const BROKEN_MATCHERS: Broken[] = [
  ['up{job=~"(?=api)"}', 'line 1, column 9', 'invalid regular expression "(?=api)" (Prometheus compiles it with Go\'s regexp, RE2): look-ahead'],
  ['up{job!~"(a)\\\\1"}', 'line 1, column 9', 'back-references (\\1 ...) are not supported'],
  ['sum(rate(x{"k8s.pod.name"=~"x{1001}"}[5m]))', 'line 1, column 28', 'invalid repeat count'],
  ["up{job=~'(?<!a)b'}", 'line 1, column 9', 'look-ahead and look-behind'],
  ['up{path=~"/api/\\d+"}', 'line 1, column 10', 'invalid escape in the string "/api/\\d+"; PromQL strings take Go\'s escapes'],
  ['up{job="a\\q"}', 'line 1, column 8', 'invalid escape in the string'],
  ['label_replace(up, "dst", "$1", "src", "(a)\\\\1")', 'line 1, column 39', 'invalid regular expression "(a)\\\\1"'],
  ['label_join(up, "dst", "\\.", "a")', 'line 1, column 23', 'invalid escape in the string "\\."'],
];

const VALID_MATCHERS = [
  'up{job=~"(?i)prod.*"}',
  'up{path=~"/api/\\\\d+"}',
  'up{path=~`/api/\\d+`}',
  'up{job=~"\\\\pL+|[[:alpha:]]"}',
  "up{job!~'it\\'s'}",
  '{"k8s.pod.name"=~"api-.*", job="x"}',
  'label_replace(up, "dst", "$1", "src", "(?i)(.*)\\\\pL")',
];

describe('PromQL label matcher strings, read as Prometheus reads them', () => {
  test.each(BROKEN_MATCHERS)('refuses %j at %s', (query, at, says) => {
    const message = described(promqlSyntaxProblem, query);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(VALID_MATCHERS)('accepts %j', (query) => {
    expect(described(promqlSyntaxProblem, query)).toBeUndefined();
  });

  test('a selector whose only matcher is a regex matching the empty string is refused, read with RE2', () => {
    expect(described(promqlSyntaxProblem, '{job=~"(?s:.)*"}')).toContain('needs a metric name or at least one label matcher that does not match the empty string');
    expect(described(promqlSyntaxProblem, '{job=~"(?i)x*"}')).toContain('does not match the empty string');
    expect(described(promqlSyntaxProblem, '{job=~"(?i)x+"}')).toBeUndefined();
  });
});

describe('filter expressions, checked as SigNoz FilterQuery.g4 reads them', () => {
  test.each([
    ["body REGEXP '(?=timeout)'", 'line 1, column 13', "invalid regular expression '(?=timeout)' (ClickHouse's match() compiles it with RE2): look-ahead"],
    ["a = 1 AND body NOT REGEXP '(x)\\\\1'", 'line 1, column 27', 'back-references'],
    ['url regexp "x{1001}"', 'line 1, column 12', 'invalid repeat count'],
  ] as Broken[])('refuses the REGEXP pattern of %j at %s', (expression, at, says) => {
    const message = described(filterExpressionSyntaxProblem, expression);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(["body REGEXP '(?i)timeout'", "url REGEXP '^/api/\\\\d+$'", "body REGEXP 'it\\'s'", 'body REGEXP "\\\\pL+"'])('accepts the RE2 pattern of %j', (expression) => {
    expect(described(filterExpressionSyntaxProblem, expression)).toBeUndefined();
  });

  test.each(BROKEN_FILTERS)('refuses %j at %s', (expression, at, says) => {
    const message = described(filterExpressionSyntaxProblem, expression);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(VALID_FILTERS)('accepts %j', (expression) => {
    expect(described(filterExpressionSyntaxProblem, expression)).toBeUndefined();
  });

  test('refuses brackets nested deeper than 100 levels with a message, not a stack overflow', () => {
    expect(described(filterExpressionSyntaxProblem, `${'('.repeat(5000)}a = 1${')'.repeat(5000)}`)).toBe(
      'line 1, column 101: brackets nested more than 100 levels deep; simplify the expression',
    );
    expect(described(filterExpressionSyntaxProblem, `${'('.repeat(100)}a = 1${')'.repeat(100)}`)).toBeUndefined();
  });

  test('reads keywords in any letter case and keys that merely start with one as keys', () => {
    expect(described(filterExpressionSyntaxProblem, "notification = 'x' and India in ('y') oR hasty = 1")).toBeUndefined();
  });
});

// having expressions SigNoz's HavingExpression grammar refuses.
const BROKEN_HAVING: Broken[] = [
  ["count() > 'x'", 'line 1, column 11', 'a quoted string cannot be compared in having: aggregation results are numbers'],
  ['count()-10 > 0', 'line 1, column 8', 'unexpected "-10"; expected a comparison'],
  ['count() >', 'line 1, column 10', 'unexpected end of the expression; expected an aggregation such as count()'],
  ['count(', 'line 1, column 7', 'expected an argument of count('],
  ['count() > 10 AND', 'line 1, column 17', 'unexpected end of the expression'],
  ['count() IN [1, 2]', 'line 1, column 12', 'unexpected "["; write an IN list in parentheses: IN (1, 2)'],
  ['count() IN (a)', 'line 1, column 13', 'expected a number in the IN list'],
  ['(count() > 1', 'line 1, column 13', 'expected ")" to close the "(" at line 1, column 1'],
  ['count() > 1)', 'line 1, column 12', '")" has no matching "(" before it'],
  ['avg(quantile(0.9, x)) > 1', 'line 1, column 17', 'commas are allowed only between the arguments of the outer call'],
  ['count() ! 1', 'line 1, column 9', 'unexpected "!"'],
  ['count()', 'line 1, column 8', 'expected a comparison (>, >=, <, <=, =, !=) or IN'],
  ["count() > 'abc", 'line 1, column 11', "the quote ' is never closed"],
  ['count() > 1 AND\nsum(x) > true', 'line 2, column 10', 'unexpected "true"'],
  ['(count() > 1) > 2', 'line 1, column 10', 'unexpected ">"; expected ")" to close the operand'],
  [`${'('.repeat(101)}count() > 1${')'.repeat(101)}`, 'line 1, column 101', 'brackets nested more than 100 levels deep'],
];

const VALID_HAVING = [
  '',
  'count() > 10',
  'total_logs > 1000 AND sum(bytes) > 1024000',
  '__result > 500',
  '__result0 > 100 and __result_1 < 1000',
  'count() > 1 count() < 5',
  'NOT (count() > 100 AND sum(bytes) < 500) OR p99(duration_nano) <> 3',
  'NOT count() > 100',
  'count() IN (1, 2, 3) AND sum(bytes) not in (0, -1)',
  '(sum(a) + sum(b)) * 2 > 100',
  '-count() > 0 AND -(avg(x) + 1) > 0',
  "countIf(level='error') > 5 AND sumIf(bytes, status > 400) >= 1e6",
  'avg(sum(cpu_usage)) > .5 AND count() % 2 == 0',
  '((count() > 1))',
  '(count() > 1) NOT (sum(x) < 2) OR (count()) NOT IN (3) AND (count() + 1) IN (4)',
  'sum(system.cpu.time) - 10 > 0',
];

describe('having expressions, checked as SigNoz HavingExpression.g4 reads them', () => {
  test.each(BROKEN_HAVING)('refuses %j at %s', (expression, at, says) => {
    const message = described(havingExpressionSyntaxProblem, expression);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(VALID_HAVING)('accepts %j', (expression) => {
    expect(described(havingExpressionSyntaxProblem, expression)).toBeUndefined();
  });
});

describe('ClickHouse SQL, checked for balanced quotes, comments and brackets', () => {
  test.each(BROKEN_CLICKHOUSE)('refuses %j at %s', (query, at, says) => {
    const message = described(clickhouseSqlSyntaxProblem, query);
    expect(message).toContain(`${at}: `);
    expect(message).toContain(says);
  });

  test.each(VALID_CLICKHOUSE)('accepts %j', (query) => {
    expect(described(clickhouseSqlSyntaxProblem, query)).toBeUndefined();
  });
});

describe('query text inside a rule payload', () => {
  const Q0 = '/condition/compositeQuery/queries/0/spec';

  test('a broken PromQL query is an error at the query, with line and column', () => {
    const rule = mutatedRule('promql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = 'sum(rate(x[5m])'));
    expect(validateRulePayload(rule).errors).toEqual([{ path: `${Q0}/query`, message: 'invalid PromQL at line 1, column 4: "(" is never closed; add ")"' }]);
  });

  test('the same broken query in several rules (one per environment) is reported in each, at its own place', () => {
    const broken = 'sum(rate(y[5m])';
    const inPromql = mutatedRule('promql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = broken));
    const message = 'invalid PromQL at line 1, column 4: "(" is never closed; add ")"';
    for (let i = 0; i < 3; i++) expect(validateRulePayload(inPromql).errors).toEqual([{ path: `${Q0}/query`, message }]);
    // the same text as ClickHouse SQL is judged as SQL, not by the PromQL verdict
    const inSql = mutatedRule('clickhouse-sql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = broken));
    expect(validateRulePayload(inSql).errors).toEqual([{ path: `${Q0}/query`, message: 'invalid ClickHouse SQL at line 1, column 4: "(" is never closed; add ")"' }]);
  });

  test('a broken filter expression is an error at filter/expression', () => {
    const rule = mutatedRule('metrics-threshold.json', (r) => (r.condition.compositeQuery.queries[0].spec.filter = { expression: "service.name = 'checkout" }));
    expect(validateRulePayload(rule).errors).toEqual([
      { path: `${Q0}/filter/expression`, message: "invalid filter expression at line 1, column 16: the quote ' is never closed; add the closing '" },
    ]);
  });

  test('a broken having expression is an error at having/expression', () => {
    const rule = mutatedRule('metrics-threshold.json', (r) => (r.condition.compositeQuery.queries[0].spec.having = { expression: 'count() >' }));
    expect(validateRulePayload(rule).errors).toEqual([
      {
        path: `${Q0}/having/expression`,
        message: 'invalid having expression at line 1, column 10: unexpected end of the expression; expected an aggregation such as count(), an alias, __result or a number',
      },
    ]);
  });

  test('a PromQL regex Go cannot compile is an error at the query', () => {
    const rule = mutatedRule('promql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = 'up{job=~"(?=api)"} == 0'));
    expect(validateRulePayload(rule).errors).toEqual([
      {
        path: `${Q0}/query`,
        message:
          'invalid PromQL at line 1, column 9: invalid regular expression "(?=api)" (Prometheus compiles it with Go\'s regexp, RE2): look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not supported by Go regular expressions',
      },
    ]);
  });

  test('a broken ClickHouse query is an error at the query', () => {
    const rule = mutatedRule('clickhouse-sql.json', (r) => (r.condition.compositeQuery.queries[0].spec.query = 'SELECT count( FROM t'));
    expect(validateRulePayload(rule).errors).toEqual([{ path: `${Q0}/query`, message: 'invalid ClickHouse SQL at line 1, column 13: "(" is never closed; add ")"' }]);
  });

  test('a disabled query is checked too: the formula still runs it', () => {
    const rule = mutatedRule('logs-error-rate-formula.json', (r) => {
      r.condition.compositeQuery.queries[1].spec.disabled = true;
      r.condition.compositeQuery.queries[1].spec.filter = { expression: 'a = ' };
    });
    expect(validateRulePayload(rule).errors).toEqual([
      {
        path: '/condition/compositeQuery/queries/1/spec/filter/expression',
        message: 'invalid filter expression at line 1, column 5: unexpected end of the expression; expected a value after "a =": a quoted string, number, true/false or key',
      },
    ]);
  });

  test.each(RULE_FIXTURE_NAMES)('every query of the fixture %s passes', (name) => {
    expect(validateRulePayload(ruleFixture(name)).errors).toEqual([]);
  });
});
