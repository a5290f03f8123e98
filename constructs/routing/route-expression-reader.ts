/**
 * Evaluates route-policy expressions over what can be known about an alert's labels before it
 * fires. The text is parsed by the routing module's parser (the one `RoutePolicy` validates every
 * expression with), so the checks read exactly the language the constructs write.
 *
 * Evaluation is three-valued (Kleene): a label whose value only exists at run time (a group-by
 * label, the rule id) is `UNKNOWN`, and so is anything that depends on it unless the other side of
 * an `and`/`or` settles it. SigNoz skips a policy whose evaluation fails (a string operator on an
 * absent label), so a failure counts as "does not match".
 */
import type { ComparisonNode, RouteExpressionNode } from './route-expression-ast';
import { parseRouteExpression } from './route-expression-parser';
import { re2Matches } from './re2-pattern';

export const UNKNOWN: unique symbol = Symbol('unknown');

/** The value of a dotted prefix such as `threshold` when labels `threshold.name`... exist. */
export interface LabelGroup {
  readonly group: string;
}

/** What is known about one label: its value, `null` when absent, or `UNKNOWN`. */
export type LabelLookup = (name: string) => string | null | LabelGroup | typeof UNKNOWN;

/** The value of an expression: true, false, or UNKNOWN when it depends on run-time labels. */
export type Truth = boolean | typeof UNKNOWN;

/** A run-time error in expr-lang: SigNoz skips the policy. */
class EvaluationFailure extends Error {}

/** A parsed route-policy expression, ready to evaluate against many alerts. */
export class RouteExpressionReader {
  /** Parses with the routing parser; throws its `RouteExpressionError` for text it refuses. */
  static parse(source: string): RouteExpressionReader {
    return new RouteExpressionReader(source, parseRouteExpression(source));
  }

  private constructor(
    readonly source: string,
    /** The syntax tree, as the routing module builds it. */
    readonly node: RouteExpressionNode,
  ) {}

  /** `true` when the policy matches, `false` when it cannot, `UNKNOWN` when it depends on run-time labels. */
  evaluate(lookup: LabelLookup): Truth {
    try {
      return evaluateNode(this.node, lookup);
    } catch (err) {
      if (err instanceof EvaluationFailure) return false;
      throw err;
    }
  }
}

function evaluateNode(node: RouteExpressionNode, lookup: LabelLookup): Truth {
  switch (node.type) {
    case 'compare':
      return compare(node, lookup(node.label));
    case 'not': {
      const value = evaluateNode(node.operand, lookup);
      return value === UNKNOWN ? UNKNOWN : !value;
    }
    case 'and':
    case 'or': {
      // Left to right, stopping where expr-lang stops: a failure after the deciding operand never happens.
      const settles = node.type === 'or';
      let unknown = false;
      for (const operand of node.operands) {
        const value = evaluateNode(operand, lookup);
        if (value === settles) return settles;
        if (value === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : !settles;
    }
  }
}

function compare(node: ComparisonNode, label: ReturnType<LabelLookup>): Truth {
  if (label === UNKNOWN) return UNKNOWN;
  const value = typeof label === 'string' ? label : null;
  switch (node.op) {
    case '==':
      return value === node.value;
    case '!=':
      return value !== node.value;
    case 'in':
      return value !== null && (node.value as readonly string[]).includes(value);
    case 'not in':
      return !(value !== null && (node.value as readonly string[]).includes(value));
    case 'contains':
      return text(label).includes(node.value as string);
    case 'not contains':
      return !text(label).includes(node.value as string);
    case 'startsWith':
      return text(label).startsWith(node.value as string);
    case 'not startsWith':
      return !text(label).startsWith(node.value as string);
    case 'endsWith':
      return text(label).endsWith(node.value as string);
    case 'not endsWith':
      return !text(label).endsWith(node.value as string);
    // The parser accepted the pattern only if Go's regexp compiles it; re2js reads it the same way.
    case 'matches':
      return re2Matches(node.value as string, text(label));
    case 'not matches':
      return !re2Matches(node.value as string, text(label));
  }
}

/** The label as a string; expr-lang fails on string operators applied to nil or a map. */
function text(label: string | null | LabelGroup): string {
  if (typeof label === 'string') return label;
  throw new EvaluationFailure('not a string');
}
