import { re2Matches, regexProblem } from '../../constructs/routing/re2-pattern';
import { label } from '../../constructs';
import { RouteExpressionReader } from '../../policies';

describe('RE2 patterns, as Go regexp.Compile reads them', () => {
  it.each([
    '(?i)prod',
    '(?i:prod)-eu',
    '(?s).+',
    '\\pL+',
    '\\p{Greek}',
    '\\PN',
    '[[:alpha:]]+',
    '[^[:space:]]',
    '(?P<name>x)',
    '(?<name>x)',
    '(?P<x>a)(?P<x>b)',
    '\\Q.*+\\E',
    '\\z',
    'x{1000}',
    'x{2,}?',
    '^[a-z]+(-[a-z0-9]+)*$',
  ])('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['x{1001}', 'invalid repeat count'],
    ['x{2,1001}', 'invalid repeat count'],
    ['(a)\\1', 'back-references (\\1 ...) are not supported'],
    ['(?<n>a)\\k<n>', 'named back-references'],
    ['a(?=b)', 'look-ahead and look-behind'],
    ['(?<!a)b', 'look-ahead and look-behind'],
    ['(a', 'missing closing )'],
    ['a**', 'invalid nested repetition operator'],
    ['[[:word:]', 'missing closing ]'],
    ['[[:foo:]]', 'invalid character class range'],
    ['\\pX', 'invalid character class range'],
    ['(?P<n!>x)', 'invalid named capture'],
    ['\\8', 'back-references'],
    ['a++', 'invalid nested repetition operator'],
  ])('refuses %s', (pattern, message) => {
    expect(regexProblem(pattern)).toContain(message);
  });

  it('does not mistake an escaped backslash for a back-reference', () => {
    expect(regexProblem('a\\\\1')).toBeUndefined();
  });

  it('matches unanchored, with Go semantics', () => {
    expect(re2Matches('(?i)prod', 'eu-PROD-1')).toBe(true);
    expect(re2Matches('^\\pL+$', 'ħello')).toBe(true);
    expect(re2Matches('[[:digit:]]', 'abc')).toBe(false);
    expect(re2Matches('\\Q.\\E', 'a')).toBe(false);
    expect(re2Matches('(?P<x>a)(?P<x>b)', 'ab')).toBe(true);
  });

  it('lets the constructs and the route reader use Go-only syntax', () => {
    expect(label('env').matches('(?i)^prod$').toString()).toContain('matches');
    expect(() => label('env').matches('x{1001}')).toThrow('invalid repeat count');
    expect(RouteExpressionReader.parse('env matches "(?i)^prod$"').evaluate(() => 'PROD')).toBe(true);
    expect(RouteExpressionReader.parse('env not matches "[[:digit:]]"').evaluate(() => 'prod')).toBe(true);
  });
});
