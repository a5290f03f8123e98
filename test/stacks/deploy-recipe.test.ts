import type { SynthesizedStack } from '../../constructs/codecs/synth-output';
import type { Finding, PolicyReport } from '../../policies/finding';
import { declaredVariables, deployRecipe, suppressionLines } from '../../stacks/deploy-recipe';

function stack(name: string, variable: Record<string, unknown>, provider: Record<string, unknown> = { signoz: [{}], restapi: [{}] }): SynthesizedStack {
  return { name, file: `cdktf.out/stacks/${name}/cdk.tf.json`, document: { provider, variable } };
}

const secret = (description: string): Record<string, unknown> => ({ description, sensitive: true, type: 'string' });

describe('deployRecipe', () => {
  it('lists every variable the stacks declare, the derived provider variables and API_DATA_IS_SENSITIVE, never a value', () => {
    // GIVEN two stacks; one declares a channel secret the other does not, and an optional variable with a default
    const stacks = [
      stack('app-dev', { signoz_endpoint: secret('endpoint'), signoz_access_token: secret('token'), slack_url: secret('Slack webhook') }),
      stack('app-prod', {
        signoz_endpoint: secret('endpoint'),
        signoz_access_token: secret('token'),
        slack_url: secret('Slack webhook'),
        pagerduty_key: secret('PagerDuty routing key'),
        region: { type: 'string', default: 'eu' },
      }),
    ];

    // WHEN the recipe is written
    const recipe = deployRecipe(stacks);

    // THEN each variable is set once, with the stacks that need it, and the deploy command comes last
    expect(recipe).toEqual([
      'export SIGNOZ_ENDPOINT=https://signoz.example.com SIGNOZ_ACCESS_TOKEN=...   # the signoz provider reads these itself (an Admin API key)',
      'export TF_VAR_signoz_access_token="$SIGNOZ_ACCESS_TOKEN" TF_VAR_signoz_endpoint="$SIGNOZ_ENDPOINT"   # the same values, for the provider configuration (every stack)',
      'export API_DATA_IS_SENSITIVE=true   # required: the restapi provider then masks channel responses (which hold secrets) in plans',
      'export TF_VAR_pagerduty_key=...   # PagerDuty routing key; app-prod',
      'export TF_VAR_region=...   # optional; app-prod',
      'export TF_VAR_slack_url=...   # Slack webhook; every stack',
      'npx cdktf deploy app-dev   # or any of: app-dev, app-prod',
    ]);
  });

  it('leaves out API_DATA_IS_SENSITIVE and the SigNoz lines when no stack configures those providers', () => {
    const recipe = deployRecipe([stack('only-rules', {}, { other: [{}] })]);
    expect(recipe).toEqual(['npx cdktf deploy only-rules   # or any of: only-rules']);
    expect(declaredVariables([stack('x', { a: secret('A') })])).toEqual([{ name: 'a', description: 'A', required: true, stacks: ['x'] }]);
  });
});

describe('suppressionLines', () => {
  it('groups suppressed findings by rule, stack and reason, naming each alert', () => {
    const finding = (stackName: string, alert: string, reason: string): Finding => ({
      ruleId: 'critical-alert-pages',
      level: 'error',
      message: 'does not page',
      environment: stackName,
      stack: stackName,
      constructPath: `${stackName}/${alert}/Resource`,
      file: 'cdk.tf.json',
      suppressedBy: { path: `${stackName}/${alert}`, id: 'critical-alert-pages', reason, owner: 'platform', origin: 'construct' },
    });
    const report = {
      suppressed: [
        finding('dev', 'checkout/cpu', 'no on-call in dev'),
        finding('dev', 'search/cpu', 'no on-call in dev'),
        finding('staging', 'checkout/cpu', 'no on-call in staging'),
      ],
    } as unknown as PolicyReport;
    expect(suppressionLines(report)).toEqual([
      '[critical-alert-pages] dev, 2 findings: "no on-call in dev" (owner platform)',
      '    checkout/cpu, search/cpu',
      '[critical-alert-pages] staging, 1 finding: "no on-call in staging" (owner platform)',
      '    checkout/cpu',
    ]);
  });
});
