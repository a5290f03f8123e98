import { labelsOf, type ComparisonOperator, type RouteExpressionNode } from './route-expression-ast';
import { parseRouteExpression, RouteExpressionError } from './route-expression-parser';
import { renderRouteExpression } from './route-expression-render';
import { regexProblem } from './re2-pattern';

/**
 * A boolean condition over alert labels, in the expr-lang syntax SigNoz evaluates for route
 * policies. Build it with {@link label} / {@link Labels} and combine with `and`, `or`, `not`, or
 * parse existing text with {@link RouteExpression.parse} (errors: RouteExpressionError). Every instance is valid by construction.
 */
export class RouteExpression {
  /** Parses and validates expression text (throws a RouteExpressionError pointing at the problem). */
  static parse(text: string): RouteExpression {
    return new RouteExpression(parseRouteExpression(text), text.trim());
  }

  private constructor(
    /** The syntax tree. */
    readonly node: RouteExpressionNode,
    private readonly sourceText?: string,
  ) {}

  /** @internal */
  static fromNode(node: RouteExpressionNode): RouteExpression {
    return new RouteExpression(node);
  }

  /** Both this and every other condition hold. */
  and(...others: RouteExpression[]): RouteExpression {
    return allOf(this, ...others);
  }

  /** This or any other condition holds. */
  or(...others: RouteExpression[]): RouteExpression {
    return anyOf(this, ...others);
  }

  /** This condition does not hold. */
  negate(): RouteExpression {
    return not(this);
  }

  /** Labels the expression reads, sorted. */
  get labels(): string[] {
    return labelsOf(this.node);
  }

  /** The expression text: as written for parsed text, canonical for built expressions. */
  toString(): string {
    return this.sourceText ?? renderRouteExpression(this.node);
  }
}

const LABEL_SEGMENT = /^[^\s."'`[\]]+$/;

function invalid(problem: string): never {
  throw new RouteExpressionError(problem, '', 0);
}

function checkValue(op: ComparisonOperator, value: unknown): string {
  if (typeof value !== 'string') invalid(`'${op}' takes a string (label values are strings), got ${JSON.stringify(value)}`);
  return value;
}

/** One alert label, the left side of a comparison. */
export class LabelSelector {
  constructor(
    /** Label name; dots mean nesting, as SigNoz reads them (`threshold.name`, `k8s.namespace.name`). */
    readonly name: string,
  ) {
    if (typeof name !== 'string' || name === '') invalid('label name must be a non-empty string');
    for (const segment of name.split('.')) {
      if (!LABEL_SEGMENT.test(segment)) {
        invalid(`label name '${name}' is not usable: each dot-separated part must be non-empty, without spaces, quotes or brackets`);
      }
    }
  }

  private compare(op: ComparisonOperator, value: string | readonly string[]): RouteExpression {
    return RouteExpression.fromNode({ type: 'compare', label: this.name, op, value });
  }

  /** The label equals `value`. */
  eq(value: string): RouteExpression {
    return this.compare('==', checkValue('==', value));
  }

  /** The label differs from `value` (also true when the label is missing). */
  ne(value: string): RouteExpression {
    return this.compare('!=', checkValue('!=', value));
  }

  /** The label is one of `values`. */
  in(values: readonly string[]): RouteExpression {
    return this.compare('in', this.list('in', values));
  }

  /** The label is none of `values`. */
  notIn(values: readonly string[]): RouteExpression {
    return this.compare('not in', this.list('not in', values));
  }

  /** The label contains `text`. */
  contains(text: string): RouteExpression {
    return this.compare('contains', this.nonEmpty('contains', text));
  }

  /** The label starts with `prefix`. */
  startsWith(prefix: string): RouteExpression {
    return this.compare('startsWith', this.nonEmpty('startsWith', prefix));
  }

  /** The label ends with `suffix`. */
  endsWith(suffix: string): RouteExpression {
    return this.compare('endsWith', this.nonEmpty('endsWith', suffix));
  }

  /** The label matches the Go (RE2) regular expression `pattern` (unanchored; add ^...$ to match whole values). */
  matches(pattern: string): RouteExpression {
    const problem = regexProblem(checkValue('matches', pattern));
    if (problem) invalid(`invalid regular expression for label '${this.name}': ${problem}`);
    return this.compare('matches', pattern);
  }

  private nonEmpty(op: ComparisonOperator, text: string): string {
    if (checkValue(op, text) === '') invalid(`'${op}' on label '${this.name}' with an empty string always matches; give the text to look for`);
    return text;
  }

  private list(op: ComparisonOperator, values: readonly string[]): string[] {
    if (!Array.isArray(values) || values.length === 0) invalid(`'${op}' on label '${this.name}' needs at least one value`);
    const out = values.map((v) => checkValue(op, v));
    if (new Set(out).size !== out.length) invalid(`'${op}' on label '${this.name}' lists a value twice`);
    return out;
  }
}

/** A label of the alerts being routed. */
export function label(name: string): LabelSelector {
  return new LabelSelector(name);
}

/** Labels every SigNoz alert carries, and common resource labels. */
export const Labels = {
  /** Rule name. */
  alertname: label('alertname'),
  /** SigNoz rule id. */
  ruleId: label('ruleId'),
  /** Severity: the threshold tier name, lower-cased (critical, warning, ...). */
  severity: label('severity'),
  /** Threshold tier name as written in the rule. */
  thresholdName: label('threshold.name'),
  /** `service` label, when rules set one. */
  service: label('service'),
  /** OpenTelemetry `service.name`, when the query groups by it. */
  serviceName: label('service.name'),
  /** OpenTelemetry `deployment.environment`, when the query groups by it. */
  deploymentEnvironment: label('deployment.environment'),
} as const;

function combine(type: 'and' | 'or', operands: RouteExpression[]): RouteExpression {
  if (operands.length === 0) invalid(`${type === 'and' ? 'allOf' : 'anyOf'} needs at least one condition`);
  if (operands.some((o) => !(o instanceof RouteExpression))) invalid(`${type === 'and' ? 'allOf' : 'anyOf'} takes RouteExpressions`);
  if (operands.length === 1) return operands[0]!;
  // Flatten same-type children so rendering stays free of redundant parentheses.
  const nodes = operands.flatMap((o) => (o.node.type === type ? o.node.operands : [o.node]));
  return RouteExpression.fromNode({ type, operands: nodes });
}

/** Every condition holds. */
export function allOf(...conditions: RouteExpression[]): RouteExpression {
  return combine('and', conditions);
}

/** At least one condition holds. */
export function anyOf(...conditions: RouteExpression[]): RouteExpression {
  return combine('or', conditions);
}

/** The condition does not hold. */
export function not(condition: RouteExpression): RouteExpression {
  return RouteExpression.fromNode({ type: 'not', operand: condition.node });
}
