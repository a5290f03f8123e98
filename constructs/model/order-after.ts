import { Construct, TerraformStack, type ITerraformDependable } from '../engine';

/**
 * Makes Terraform create `dependables` before `construct`'s resources: the ones in the same stack
 * through `depends_on` (returned, for the resource's `dependsOn`), the ones in another stack (a
 * sharded estate) through a stack dependency, since `depends_on` cannot cross states.
 */
export function orderAfter(construct: Construct, dependables: readonly ITerraformDependable[]): ITerraformDependable[] {
  const stack = TerraformStack.of(construct);
  const local: ITerraformDependable[] = [];
  for (const dependable of new Set(dependables)) {
    const other = Construct.isConstruct(dependable) ? TerraformStack.of(dependable) : stack;
    if (other === stack) local.push(dependable);
    else stack.addDependency(other);
  }
  return local;
}
