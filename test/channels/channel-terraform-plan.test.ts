import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { Secret } from '../../constructs/secrets/secret';
import { decodeReceiverTemplate, newStack, resourcesOf, synth } from '../support/synth';
import { describeWithTerraform, TerraformWorkdir } from '../support/terraform';
import { fakeChannelResponse, TerraformDataChannelBackend, type FakeBodyAttribute } from '../support/terraform-data-channel-backend';

// Fake secrets, seeded through the environment the way users pass them (TF_VAR_*).
const SLACK_URL = 'https://hooks.slack.com/services/TFAKE0001/BFAKE0001/sEcReTvAlUe0001';
const HOOK_URL = 'https://hooks.internal.example/alerts/sEcReTvAlUe0002';
const HOOK_TOKEN = 'sEcReTvAlUe0003-bearer';
const SECRETS = [SLACK_URL, HOOK_URL, HOOK_TOKEN, 'sEcReTvAlUe'];
const SECRET_ENV = { TF_VAR_ops_slack_url: SLACK_URL, TF_VAR_hook_url: HOOK_URL, TF_VAR_hook_token: HOOK_TOKEN };

interface Variant {
  readonly slackName?: string;
  readonly slackTitle?: string;
  readonly body?: FakeBodyAttribute;
}

/** The estate under test: a Slack channel and a bearer-auth webhook, on the offline backend. */
function configuration(variant: Variant = {}): any {
  const { stack } = newStack('channels');
  const backend = new TerraformDataChannelBackend(variant.body);
  NotificationChannel.slack(stack, 'ops', {
    name: variant.slackName ?? 'ops-slack',
    webhookUrl: Secret.fromVariable(stack, 'ops_slack_url'),
    channel: '#ops',
    title: variant.slackTitle,
    backend,
  });
  NotificationChannel.webhook(stack, 'hook', {
    name: 'incident-hook',
    url: Secret.fromVariable(stack, 'hook_url'),
    auth: { type: 'bearer', token: Secret.fromVariable(stack, 'hook_token') },
    backend,
  });
  return synth(stack);
}

/** What SigNoz would store for a receiver template: secrets filled in, plus server-side defaults. */
function storedReceiver(config: any, channelName: string, edit: (receiver: any) => void = () => undefined): any {
  const body = (r: any): unknown => r.input ?? r.triggers_replace;
  const data = body(Object.values(resourcesOf(config, 'terraform_data')).find((r: any) => String(body(r)).includes(`"name":"${channelName}"`)));
  const values: Record<string, string> = { ops_slack_url: SLACK_URL, hook_url: HOOK_URL, hook_token: HOOK_TOKEN };
  const receiver = JSON.parse(JSON.stringify(decodeReceiverTemplate(data as string)), (_, v) => (typeof v === 'string' && v.startsWith('var.') ? values[v.slice(4)] : v));
  for (const key of Object.keys(receiver).filter((k) => k.endsWith('_configs'))) {
    for (const item of receiver[key]) item.http_config = { ...item.http_config, follow_redirects: true, enable_http2: true };
  }
  edit(receiver);
  return receiver;
}

function serverResponses(responses: Record<string, unknown>): Record<string, string> {
  const map = Object.fromEntries(Object.entries(responses).map(([name, receiver]) => [name, fakeChannelResponse(receiver)]));
  return { TF_VAR_fake_server_responses: JSON.stringify(map) };
}

/** Terraform wraps diagnostics at 78 columns; compare messages on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describeWithTerraform('notification channels under real terraform plans', () => {
  let work: TerraformWorkdir;

  beforeAll(() => {
    work = new TerraformWorkdir();
    work.write(configuration());
    work.mustRun(['init', '-input=false', '-no-color'], SECRET_ENV);
    const apply = work.mustRun(['apply', '-auto-approve', '-input=false', '-no-color'], SECRET_ENV);
    expectNoSecret(apply.stdout + apply.stderr);
  });

  afterAll(() => work?.remove());

  it('masks the secrets in the plan of a channel change, and still shows what changed', () => {
    // GIVEN the estate applied with the channel body in a configuration-only attribute (restapi with API_DATA_IS_SENSITIVE=true)
    const masked = new TerraformWorkdir();
    try {
      masked.write(configuration({ body: 'triggers_replace' }));
      masked.mustRun(['init', '-input=false', '-no-color'], SECRET_ENV);
      expectNoSecret(oneLine(JSON.stringify(masked.mustRun(['apply', '-auto-approve', '-input=false', '-no-color'], SECRET_ENV))));
      // WHEN the Slack title changes
      masked.write(configuration({ body: 'triggers_replace', slackTitle: 'Paging: {{ .CommonLabels.alertname }}' }));
      const plan = masked.mustRun(['plan', '-input=false', '-no-color', '-out=change.tfplan'], SECRET_ENV);
      // THEN no secret is printed, the body is masked, and the reviewable definition shows the change
      expectNoSecret(plan.stdout + plan.stderr);
      expect(plan.stdout).toContain('triggers_replace = (sensitive value)');
      expect(plan.stdout).toContain('"Paging: {{ .CommonLabels.alertname }}"');
      const changes = JSON.parse(masked.mustRun(['show', '-json', 'change.tfplan']).stdout).resource_changes as any[];
      const channel = changes.find((c) => c.address.startsWith('terraform_data.ops_channel'));
      expect(channel.change.after_sensitive.triggers_replace).toBe(true);
      expect(channel.change.before_sensitive.triggers_replace).toBe(true);
    } finally {
      masked.remove();
    }
  });

  it('shows why API_DATA_IS_SENSITIVE=true is required: an unmarked computed copy of the body prints its secrets', () => {
    // `terraform_data.output` echoes `input` unmarked, as restapi's api_response does without the variable.
    work.write(configuration({ slackTitle: 'Paging: {{ .CommonLabels.alertname }}' }));
    const plan = work.mustRun(['plan', '-input=false', '-no-color'], SECRET_ENV);
    expect(plan.stdout).toContain('input  = (sensitive value)');
    expect(plan.stdout).toContain(SLACK_URL);
    // ... and the masking check says so, without printing the value itself.
    const warning = oneLine(plan.stdout + plan.stderr)
      .split('Warning: Check block assertion failed')
      .find((w) => w.includes('API_DATA_IS_SENSITIVE'));
    expect(warning).toContain('is object with');
    expect(warning).toContain('The restapi provider runs without API_DATA_IS_SENSITIVE=true, so plans can print notification-channel secrets');
    expect(warning).not.toContain(SLACK_URL);
  });

  it('replaces the channel when it is renamed (SigNoz cannot rename)', () => {
    work.write(configuration({ slackName: 'ops-alerts' }));
    work.mustRun(['plan', '-input=false', '-no-color', '-out=rename.tfplan'], SECRET_ENV);
    const changes = JSON.parse(work.mustRun(['show', '-json', 'rename.tfplan']).stdout).resource_changes as any[];
    const channel = changes.find((c) => c.address.startsWith('terraform_data.ops_channel'));
    expect(channel.change.actions).toEqual(['delete', 'create']);
    expect(channel.action_reason).toBe('replace_by_triggers');
    const hook = changes.find((c) => c.address.startsWith('terraform_data.hook_channel'));
    expect(hook.change.actions).toEqual(['no-op']);
  });

  it('stays quiet when SigNoz holds the definition (plus its own defaults)', () => {
    const config = configuration();
    work.write(config);
    const env = { ...SECRET_ENV, ...serverResponses({ 'ops-slack': storedReceiver(config, 'ops-slack'), 'incident-hook': storedReceiver(config, 'incident-hook') }) };
    const plan = work.mustRun(['plan', '-input=false', '-no-color'], env);
    expect(plan.stdout + plan.stderr).not.toContain('changed outside Terraform');
    expect(plan.stdout).toContain('No changes.');
  });

  it('warns, field by field and without printing secrets, when a channel was edited in SigNoz', () => {
    const config = configuration();
    work.write(config);
    const edited = storedReceiver(config, 'ops-slack', (r) => {
      r.slack_configs[0].channel = '#random';
      r.slack_configs[0].api_url = 'https://hooks.slack.com/services/TOTHER/BOTHER/sEcReTvAlUe9999';
    });
    const hookEdited = storedReceiver(config, 'incident-hook', (r) => {
      r.webhook_configs[0].http_config.authorization.credentials = 'sEcReTvAlUe-rotated-in-ui';
    });
    const plan = work.mustRun(['plan', '-input=false', '-no-color'], { ...SECRET_ENV, ...serverResponses({ 'ops-slack': edited, 'incident-hook': hookEdited }) });
    const output = oneLine(plan.stdout + plan.stderr);
    expect(output).toContain("Notification channel 'ops-slack' was changed outside Terraform: slack_configs[0].channel in SigNoz differs from the code.");
    expect(output).toContain("Notification channel 'ops-slack' was changed outside Terraform: slack_configs[0].api_url in SigNoz differs from the code.");
    expect(output).toContain("Notification channel 'incident-hook' was changed outside Terraform: webhook_configs[0].http_config.authorization.credentials in SigNoz differs");
    expect(output).not.toContain('slack_configs[0].title in SigNoz');
    expectNoSecret(output);
    expect(output).not.toContain('#random');
  });

  it('refuses a secret URL of the wrong form at plan time without printing it', () => {
    work.write(configuration());
    const plan = work.run(['plan', '-input=false', '-no-color'], { ...SECRET_ENV, TF_VAR_ops_slack_url: 'http://hooks.example/sEcReTvAlUe0004' });
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toContain('Variable ops_slack_url (TF_VAR_ops_slack_url) must hold an https URL (a Slack incoming webhook).');
    expectNoSecret(plan.stdout + plan.stderr);
  });
});

describeWithTerraform('a receiver-configs channel under real terraform plans', () => {
  const TOKEN = '123456:sEcReTvAlUe0005';
  const SNS_KEY = 'sEcReTvAlUe0006';
  const env = { TF_VAR_tg_token: TOKEN, TF_VAR_sns_key: SNS_KEY };
  let work: TerraformWorkdir;

  /** Telegram, SNS (Go-named SigV4 fields) and a webhook with a header: keys and values drift checks must address. */
  function receiverConfiguration(): any {
    const { stack } = newStack('channels');
    NotificationChannel.fromReceiverConfigs(stack, 'others', {
      name: 'sre-others',
      receiverConfigs: [
        { kind: 'telegram', settings: { token: Secret.fromVariable(stack, 'tg_token'), chat: -1001234567890, parse_mode: 'MarkdownV2' } },
        { kind: 'sns', settings: { topic_arn: 'arn:aws:sns:eu-west-1:1:alerts', sigv4: { Region: 'eu-west-1', SecretKey: Secret.fromVariable(stack, 'sns_key') } } },
        { kind: 'webhook', settings: { url: Secret.fromVariable(stack, 'tg_token'), http_config: { http_headers: { 'X-Team': { values: ['sre'] } } } } },
      ],
      backend: new TerraformDataChannelBackend(),
    });
    return synth(stack);
  }

  function stored(config: any, edit: (receiver: any) => void = () => undefined): Record<string, string> {
    const data = Object.values(resourcesOf(config, 'terraform_data'))
      .map((r: any) => r.input ?? r.triggers_replace)
      .find((d) => String(d).includes('"name":"sre-others"'));
    const values: Record<string, string> = { tg_token: TOKEN, sns_key: SNS_KEY };
    const receiver = JSON.parse(JSON.stringify(decodeReceiverTemplate(data as string)), (_, v) => (typeof v === 'string' && v.startsWith('var.') ? values[v.slice(4)] : v));
    receiver.telegram_configs[0].message = '{{ template "telegram.default.message" . }}';
    edit(receiver);
    return { TF_VAR_fake_server_responses: JSON.stringify({ 'sre-others': fakeChannelResponse(receiver) }) };
  }

  beforeAll(() => {
    work = new TerraformWorkdir();
    work.write(receiverConfiguration());
    work.mustRun(['init', '-input=false', '-no-color'], env);
    const apply = work.mustRun(['apply', '-auto-approve', '-input=false', '-no-color'], env);
    expect(apply.stdout + apply.stderr).not.toContain('sEcReTvAlUe');
  });

  afterAll(() => work?.remove());

  it('plans no change when SigNoz holds the configs (plus its defaults), and warns by field when one was edited', () => {
    const config = receiverConfiguration();
    work.write(config);
    const quiet = work.mustRun(['plan', '-input=false', '-no-color'], { ...env, ...stored(config) });
    expect(quiet.stdout + quiet.stderr).not.toContain('changed outside Terraform');
    expect(quiet.stdout).toContain('No changes.');
    const edited = work.mustRun(['plan', '-input=false', '-no-color'], {
      ...env,
      ...stored(config, (r) => {
        r.sns_configs[0].sigv4.Region = 'us-east-1';
        r.webhook_configs[0].http_config.http_headers['X-Team'].values = ['ops'];
        r.telegram_configs[0].token = '654321:sEcReTvAlUe-rotated';
      }),
    });
    const output = oneLine(edited.stdout + edited.stderr);
    for (const field of ['sns_configs[0].sigv4.Region', 'webhook_configs[0].http_config.http_headers.X-Team.values[0]', 'telegram_configs[0].token']) {
      expect(output).toContain(`Notification channel 'sre-others' was changed outside Terraform: ${field} in SigNoz differs from the code.`);
    }
    expect(output).not.toContain('sEcReTvAlUe');
  });
});
