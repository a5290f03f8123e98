/**
 * The `signoz` provider block of a stack. It carries no credentials: the provider reads
 * `SIGNOZ_ENDPOINT` and `SIGNOZ_ACCESS_TOKEN` from the environment at plan and apply time, so the
 * token never reaches synthesized files.
 */
import { SignozProvider } from '../../.gen/providers/signoz/provider';
import { TerraformStack, type IConstruct } from '../engine';

/** The exact provider version every stack pins (the bindings are generated from its schema). */
export const SIGNOZ_PROVIDER_VERSION = '0.0.17';

const providers = new WeakMap<TerraformStack, SignozProvider>();

/** The stack's `signoz` provider, added on first use when the stack has none. */
export function ensureSignozProvider(scope: IConstruct): SignozProvider {
  const stack = TerraformStack.of(scope);
  let provider = providers.get(stack);
  if (!provider) {
    // Looked up once per stack: a walk per alert would make large stacks quadratic.
    provider = stack.node.findAll().find((c): c is SignozProvider => c instanceof SignozProvider) ?? new SignozProvider(stack, 'signoz', {});
    providers.set(stack, provider);
  }
  return provider;
}
