import { definePolicyRule, ruleIdFromFile } from '../rule';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'warning',
  scope: 'stack',
  description: 'Route-policy expressions stay within what the policy checks can evaluate.',
  explanation:
    "The routing rules evaluate route-policy expressions against each alert's labels, reading them with the " +
    'parser the RoutePolicy construct validates with: comparisons of a label with quoted strings (`==`, `!=`, ' +
    '`in`, `contains`, `startsWith`, `endsWith`, `matches`, their `not` forms), `and`/`&&`, `or`/`||`, ' +
    '`not(...)`/`!(...)`, parentheses and dotted label names (`threshold.name`, `threshold["name"]`). An expression ' +
    'it refuses (written by hand or imported: function calls, numbers, `<`, `nil`, a bare `!label`) is treated as ' +
    '"may match", so routing findings about it become warnings. The warning quotes the parser\'s reason; rewrite ' +
    'the expression in the subset to get definite answers.',
  check: ({ routePolicies }) =>
    routePolicies
      .filter((p) => p.parseError !== undefined)
      .map((p) => ({
        resource: p.resource,
        message: `route policy "${p.name}" has an expression the checks cannot evaluate (${p.parseError}): ${p.expression}`,
      })),
});
