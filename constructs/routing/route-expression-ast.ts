/** Operators a route-policy comparison can use (expr-lang, as SigNoz evaluates it). */
export const COMPARISON_OPERATORS = [
  '==',
  '!=',
  'in',
  'not in',
  'contains',
  'not contains',
  'startsWith',
  'not startsWith',
  'endsWith',
  'not endsWith',
  'matches',
  'not matches',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** `label <op> value`: the only leaf of a route expression. Label names are dotted (`threshold.name`). */
export interface ComparisonNode {
  readonly type: 'compare';
  readonly label: string;
  readonly op: ComparisonOperator;
  /** A list for `in` / `not in`, a string otherwise. */
  readonly value: string | readonly string[];
}

export interface LogicalNode {
  readonly type: 'and' | 'or';
  readonly operands: readonly RouteExpressionNode[];
}

export interface NotNode {
  readonly type: 'not';
  readonly operand: RouteExpressionNode;
}

export type RouteExpressionNode = ComparisonNode | LogicalNode | NotNode;

/** Words expr-lang reserves: they cannot be written as a bare label name. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'contains',
  'matches',
  'startsWith',
  'endsWith',
  'true',
  'false',
  'nil',
  'let',
  'if',
  'else',
  'AND',
  'OR',
  'NOT',
  'IN',
  'CONTAINS',
]);

/** Every label the expression reads, sorted, each once. */
export function labelsOf(node: RouteExpressionNode): string[] {
  const out = new Set<string>();
  const visit = (n: RouteExpressionNode): void => {
    if (n.type === 'compare') out.add(n.label);
    else if (n.type === 'not') visit(n.operand);
    else n.operands.forEach(visit);
  };
  visit(node);
  return [...out].sort();
}
