import { definePolicyRule, ruleIdFromFile } from '../rule';
import { EXACT_VERSION } from './shared/version-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'stack',
  description: 'Each stack pins the exact Terraform version.',
  explanation:
    'A plan reviewed with one Terraform version and applied with another can differ. Pin `terraform.required_version` ' +
    'to one exact version (`"1.11.4"` or `"= 1.11.4"`), e.g. `stack.addOverride(\'terraform.required_version\', \'1.11.4\')`, ' +
    'and upgrade it deliberately.',
  check: ({ stack, terraform }) => {
    const version = terraform.requiredVersion;
    if (version === undefined) {
      return { pointer: '/terraform', message: `stack "${stack.name}" does not pin the Terraform version; set terraform.required_version to an exact version such as "1.11.4"` };
    }
    if (typeof version !== 'string' || !EXACT_VERSION.test(version)) {
      return { pointer: '/terraform/required_version', message: `stack "${stack.name}" allows Terraform versions "${String(version)}"; pin one exact version such as "1.11.4"` };
    }
    return undefined;
  },
});
