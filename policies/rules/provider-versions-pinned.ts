import { pointerOf } from '../stack-reading/json-lines';
import { definePolicyRule, ruleIdFromFile, type Violation } from '../rule';
import { EXACT_VERSION } from './shared/version-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'stack',
  description: 'Each stack pins the exact version of every provider it uses.',
  explanation:
    'A range such as `~> 0.0` lets `terraform init` pick a newer provider than the one the bindings were generated ' +
    'from and the plan was reviewed with; providers of this ecosystem change resource schemas between patch ' +
    'releases. Pin every entry of `terraform.required_providers` to one exact version (`"0.0.17"` or `"= 0.0.17"`), ' +
    'and declare every configured provider there.',
  check: ({ stack, terraform, document }) => {
    const out: Violation[] = [];
    for (const [name, requirement] of Object.entries(terraform.requiredProviders).sort(([a], [b]) => a.localeCompare(b))) {
      const version = typeof requirement === 'object' && requirement !== null ? (requirement as { version?: unknown }).version : requirement;
      if (typeof version !== 'string' || !EXACT_VERSION.test(version)) {
        out.push({
          key: name,
          pointer: pointerOf('terraform', 'required_providers', name),
          message:
            version === undefined
              ? `stack "${stack.name}" does not pin provider "${name}"; set its version in terraform.required_providers to an exact version`
              : `stack "${stack.name}" allows provider "${name}" versions "${String(version)}"; pin one exact version`,
        });
      }
    }
    const configured = typeof document.provider === 'object' && document.provider !== null ? Object.keys(document.provider) : [];
    for (const name of configured.sort()) {
      if (!(name in terraform.requiredProviders)) {
        out.push({
          key: name,
          pointer: pointerOf('provider', name),
          message: `stack "${stack.name}" configures provider "${name}" without declaring it in terraform.required_providers with an exact version`,
        });
      }
    }
    return out;
  },
});
