import { RESERVED_WORDS, type RouteExpressionNode } from './route-expression-ast';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isBareIdentifier(segment: string): boolean {
  return IDENTIFIER.test(segment) && !RESERVED_WORDS.has(segment);
}

/** An expr-lang string literal. JSON's escapes are a subset of expr-lang's. */
export function exprString(text: string): string {
  return JSON.stringify(text);
}

/**
 * How SigNoz sees a label in an expression: it splits label names on '.' into nested maps, so
 * `threshold.name` is member access. Later segments use `?.` so a missing parent yields nil (and
 * the comparison is simply false) instead of an evaluation error that skips the whole policy.
 * Segments that are not identifiers use `$env["..."]` / `["..."]`.
 */
export function exprLabel(name: string): string {
  const [first, ...rest] = name.split('.');
  let out = isBareIdentifier(first!) ? first! : `$env[${exprString(first!)}]`;
  for (const segment of rest) out += isBareIdentifier(segment) ? `?.${segment}` : `?.[${exprString(segment)}]`;
  return out;
}

const PRECEDENCE = { or: 1, and: 2, not: 3, compare: 4 } as const;

/** Renders a node in the expr-lang syntax SigNoz evaluates, with the fewest parentheses. */
export function renderRouteExpression(node: RouteExpressionNode): string {
  switch (node.type) {
    case 'compare': {
      const value = typeof node.value === 'string' ? exprString(node.value) : `[${node.value.map(exprString).join(', ')}]`;
      return `${exprLabel(node.label)} ${node.op} ${value}`;
    }
    case 'not':
      return `!(${renderRouteExpression(node.operand)})`;
    case 'and':
    case 'or': {
      const joiner = node.type === 'and' ? ' && ' : ' || ';
      return node.operands
        .map((operand) => {
          const text = renderRouteExpression(operand);
          return PRECEDENCE[operand.type] < PRECEDENCE[node.type] ? `(${text})` : text;
        })
        .join(joiner);
    }
  }
}
