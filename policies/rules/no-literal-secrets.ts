import { scanForSecrets } from '../stack-reading/secret-scan';
import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import type { ResourceRef } from '../subjects';

/** The resource a pointer such as `/resource/restapi_object/pd/data` falls in. */
function resourceAt(pointer: string, byPrefix: ReadonlyMap<string, ResourceRef>): ResourceRef | undefined {
  const [, top, type, name] = pointer.split('/');
  return top === 'resource' && type && name ? byPrefix.get(`${type}/${name}`) : undefined;
}

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'stack',
  description: 'No literal secret appears anywhere in the synthesized configuration.',
  explanation:
    'Synthesized files are committed, uploaded as CI artifacts and printed in plans. Tokens (Slack, GitHub, AWS, ' +
    'JWTs, bearer tokens, private keys), webhook URLs (Slack, Microsoft Teams, Google Chat, Discord, PagerDuty), ' +
    'credentials in URLs and literal values of secret fields (`password`, `token`, `api_key`, `routing_key`, ...) ' +
    'must come from sensitive Terraform variables (`${var.x}`), e.g. `Secret.fromEnv(...)`. Reports name the ' +
    'location and the kind of secret, never the value.',
  check: ({ stack, document, resources }) => {
    const byPrefix = new Map<string, ResourceRef>();
    for (const entry of resources) byPrefix.set(`${entry.ref.type}/${entry.ref.name.replace(/~/g, '~0').replace(/\//g, '~1')}`, entry.ref);
    return scanForSecrets(document).map((hit): Violation => {
      const resource = resourceAt(hit.pointer, byPrefix);
      const where = `${hit.pointer}${hit.inner ? ` (JSON inside it, at ${hit.inner})` : ''}`;
      return {
        key: `${hit.pointer}${hit.inner ? `#${hit.inner}` : ''}`,
        pointer: hit.pointer,
        ...(resource ? { resource } : {}),
        message: `stack "${stack.name}" holds a ${hit.kind} at ${where}; pass it through a sensitive variable (Secret.fromEnv) instead`,
      };
    });
  },
});
