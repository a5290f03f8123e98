import { z } from 'zod';
import { Token } from '../engine';
import { Secret } from './secret';

/**
 * Schema of a prop that must be a {@link Secret}. A literal string is rejected with a message that
 * says why and how to fix it, and never repeats the value.
 *
 * @param what what the value is, e.g. 'the Slack incoming-webhook URL'
 * @param exampleVariable a variable name to suggest, e.g. 'slack_webhook_url'
 */
export function secretSchema(what: string, exampleVariable: string): z.ZodType<Secret, Secret> {
  return z.custom<Secret>((value) => Secret.isSecret(value), {
    error: (issue) => {
      const fix = `pass Secret.fromVariable(this, '${exampleVariable}') and set TF_VAR_${exampleVariable} when you plan or apply`;
      if (typeof issue.input === 'string' && Token.isUnresolved(issue.input)) {
        return `${what} is a secret and must come from Secret.fromVariable/Secret.fromEnv, not a raw Terraform token (its variable may not be sensitive); ${fix}`;
      }
      if (typeof issue.input === 'string') {
        return `a literal value is not allowed: ${what} is a secret and would be written in clear text to cdktf.out and shown in plans; ${fix}`;
      }
      return `expected a Secret for ${what}; ${fix}`;
    },
  });
}
