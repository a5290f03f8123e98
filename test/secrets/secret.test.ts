import { Secret } from '../../constructs/secrets/secret';
import { newStack, synth } from '../support/synth';

describe('Secret', () => {
  it('declares a sensitive, non-nullable string variable with a non-empty check', () => {
    const { stack } = newStack();
    const secret = Secret.fromVariable(stack, 'slack_webhook_url');
    expect(secret.expression).toBe('var.slack_webhook_url');
    expect(secret.envVar).toBe('TF_VAR_slack_webhook_url');
    expect(synth(stack).variable).toEqual({
      slack_webhook_url: {
        type: 'string',
        sensitive: true,
        nullable: false,
        description: "Secret 'slack_webhook_url'. Set it with TF_VAR_slack_webhook_url; it never appears in synthesized files.",
        validation: [{ condition: '${length(var.slack_webhook_url) > 0}', error_message: 'Variable slack_webhook_url is empty; set TF_VAR_slack_webhook_url.' }],
      },
    });
  });

  it('shares one variable per name and stack, from any scope', () => {
    const { stack } = newStack();
    const a = Secret.fromVariable(stack, 'pd_key');
    const b = Secret.fromEnv(stack.node.root.node.children[0]!, 'TF_VAR_pd_key');
    expect(b.variable).toBe(a.variable);
    expect(Object.keys(synth(stack).variable)).toEqual(['pd_key']);
  });

  it('never renders a value: only the variable name', () => {
    const { stack } = newStack();
    const secret = Secret.fromVariable(stack, 'k', { description: 'PagerDuty key' });
    expect(String(secret)).toBe('Secret(var.k)');
    expect(JSON.stringify({ secret })).toBe('{"secret":"Secret(var.k)"}');
    expect(synth(stack).variable.k.description).toBe('PagerDuty key');
  });

  it('rejects names Terraform or a shell cannot carry', () => {
    const { stack } = newStack();
    expect(() => Secret.fromVariable(stack, 'Slack-URL')).toThrow(
      "Invalid Secret.fromVariable at 'test':\n  - name: 'Slack-URL' is not a usable variable name; use lower-case letters, digits and '_' (starting with a letter or '_'), so it can be set as TF_VAR_slack_url",
    );
  });

  it('explains that Terraform reads the environment only through TF_VAR_', () => {
    const { stack } = newStack();
    expect(() => Secret.fromEnv(stack, 'SLACK_WEBHOOK_URL')).toThrow(
      "Invalid Secret.fromEnv at 'test':\n  - envVar: 'SLACK_WEBHOOK_URL' cannot be read by Terraform; Terraform takes input from the environment only as TF_VAR_<name> with <name> in lower-case letters, digits and '_' (for example TF_VAR_slack_webhook_url)",
    );
  });
});
