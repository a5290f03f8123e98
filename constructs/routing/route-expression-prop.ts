import { Token } from '../engine';
import { PropsError } from '../model/props-error';
import { RouteExpression } from './route-expression';
import { RouteExpressionError } from './route-expression-parser';

/**
 * A `RouteExpression | string` prop as a RouteExpression: text is parsed and validated here, and a
 * problem becomes a PropsError naming the construct, its path and the field.
 */
export function routeExpressionProp(value: RouteExpression | string, construct: string, path: string, field: string): RouteExpression {
  if (value instanceof RouteExpression) return value;
  // A token's text is a placeholder: the expression it stands for cannot be checked.
  if (Token.isUnresolved(value)) {
    throw new PropsError(construct, path, [{ field, message: 'must be literal text or a RouteExpression, not a Terraform token' }]);
  }
  try {
    return RouteExpression.parse(value);
  } catch (err) {
    if (err instanceof RouteExpressionError)
      throw new PropsError(
        construct,
        path,
        err.problems.map((p) => ({ field, message: p.message })),
      );
    throw err;
  }
}
