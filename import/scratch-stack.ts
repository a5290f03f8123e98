/**
 * Builds a construct the way the generated code will, in a throwaway stack, and reads back the
 * attributes its resource synthesizes: how the importers check their code before writing it.
 */
import { App, TerraformStack, Testing, type TerraformResource } from '../constructs/engine';
import { isToolkitError } from '../constructs/model/toolkit-error';
import { configAttributeValues } from '../constructs/model/terraform-literal';

/** The construct `build` makes, or the first line of why the library refused it. */
export function inScratchStack<T>(build: (stack: TerraformStack) => T): { value: T } | { error: string } {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'import-check');
  try {
    return { value: build(stack) };
  } catch (err) {
    if (isToolkitError(err))
      return {
        error: err.message
          .split('\n')
          .filter((l) => l.trim() !== '')
          .slice(0, 2)
          .join(' '),
      };
    throw err;
  }
}

/** The attributes of `resource` as Terraform receives them (references resolved, template escapes undone). */
export function synthesizedAttributes(resource: TerraformResource): Record<string, unknown> {
  const synthesized = JSON.parse(Testing.synth(TerraformStack.of(resource))) as { resource: Record<string, Record<string, Record<string, unknown>>> };
  const block = synthesized.resource[resource.terraformResourceType]![resource.friendlyUniqueId]!;
  const { provider: _provider, depends_on: _dependsOn, lifecycle: _lifecycle, '//': _metadata, ...attributes } = block;
  return configAttributeValues(attributes);
}
