import { STACK_METADATA_KEY } from '../../../constructs/metadata/stack-metadata-format';
import type { PolicyContext } from '../../context';
import type { StackSubject } from '../../subjects';

/** Whether a stack records that its environment has nobody on call (`onCall: false` in its settings). */
export function declaresNoOnCall(stack: StackSubject): boolean {
  const comment = stack.document['//'] as Record<string, { onCall?: unknown } | undefined> | undefined;
  return comment?.[STACK_METADATA_KEY]?.onCall === false;
}

/** Whether an environment of the estate declares that nobody is on call there. */
export function environmentHasNoOnCall(context: PolicyContext, environment: string): boolean {
  return context.environments.get(environment)?.stacks.some(declaresNoOnCall) ?? false;
}
