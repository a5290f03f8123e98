import { definePolicyRule, ruleIdFromFile } from '../rule';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'warning',
  scope: 'stack',
  description: 'Route-policy expressions stay within what the policy checks can evaluate.',
  explanation:
    'The routing rules evaluate route-policy expressions against each alert\'s labels. They read comparisons ' +
    '(`==`, `!=`, `<`, `>`, `in`, `contains`, `startsWith`, `endsWith`, `matches`, their `not` forms), `and`/`&&`, ' +
    '`or`/`||`, `not`/`!`, parentheses, string, number and list literals, and dotted label names ' +
    '(`threshold.name`). An expression using more (function calls, arithmetic, `?.`) is treated as "may match", ' +
    'so routing findings about it become warnings. Rewrite it in the subset to get definite answers.',
  check: ({ routePolicies }) => routePolicies
    .filter((p) => p.parseError !== undefined)
    .map((p) => ({
      resource: p.resource,
      message: `route policy "${p.name}" has an expression the checks cannot evaluate (${p.parseError}): ${p.expression}`,
    })),
});
