import { NotificationChannel } from '../../constructs/channels/notification-channel';
import * as defaults from '../../constructs/channels/default-templates';
import { TerraformVariable } from '../../constructs/engine';
import { Secret } from '../../constructs/secrets/secret';
import { decodeReceiverTemplate, newStack, onlyResource, resourcesOf, synth, withoutMetadata } from '../support/synth';

describe('NotificationChannel', () => {
  describe('restapi backend, per kind', () => {
    it('slack: creates the receiver with defaults and the secret from its variable', () => {
      // GIVEN
      const { stack } = newStack();
      // WHEN
      NotificationChannel.slack(stack, 'ops', { name: 'ops-slack', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url'), channel: '#ops' });
      // THEN
      const json = synth(stack);
      const channel = onlyResource(json, 'restapi_object');
      expect(decodeReceiverTemplate(channel.data)).toEqual({
        name: 'ops-slack',
        slack_configs: [{ api_url: 'var.ops_slack_url', channel: '#ops', send_resolved: true, text: defaults.defaultText('*'), title: defaults.DEFAULT_TITLE }],
      });
      // item paths default to path/{id}; methods, id attribute and debug come from the provider block (test/channels/restapi-import-plan)
      expect(channel).toMatchObject({ path: '/api/v1/channels', ignore_server_additions: true, force_new: ['name'], provider: 'restapi' });
      expect(json.variable.ops_slack_url).toMatchObject({ sensitive: true, type: 'string', nullable: false });
    });

    it('webhook with basic auth and with bearer auth', () => {
      const { stack } = newStack();
      NotificationChannel.webhook(stack, 'basic', {
        name: 'hook-basic',
        url: Secret.fromVariable(stack, 'hook_url'),
        auth: { type: 'basic', username: 'alerts', password: Secret.fromVariable(stack, 'hook_password') },
        maxAlerts: 10,
      });
      NotificationChannel.webhook(stack, 'bearer', {
        name: 'hook-bearer',
        url: Secret.fromVariable(stack, 'hook_url'),
        auth: { type: 'bearer', token: Secret.fromVariable(stack, 'hook_token') },
        sendResolved: false,
      });
      const receivers = Object.values(resourcesOf(synth(stack), 'restapi_object')).map((r) => decodeReceiverTemplate(r.data));
      expect(receivers).toEqual([
        {
          name: 'hook-basic',
          webhook_configs: [{ http_config: { basic_auth: { password: 'var.hook_password', username: 'alerts' } }, max_alerts: 10, send_resolved: true, url: 'var.hook_url' }],
        },
        {
          name: 'hook-bearer',
          webhook_configs: [{ http_config: { authorization: { credentials: 'var.hook_token', type: 'Bearer' } }, send_resolved: false, url: 'var.hook_url' }],
        },
      ]);
    });

    it('pagerduty: routing key secret, severity mapping and details', () => {
      const { stack } = newStack();
      NotificationChannel.pagerDuty(stack, 'pd', {
        name: 'pagerduty-oncall',
        routingKey: Secret.fromVariable(stack, 'pd_key'),
        clientUrl: 'https://signoz.example.com',
        details: { runbook: '{{ .CommonAnnotations.runbook_url }}', firing: '{{ .Alerts.Firing | len }}' },
      });
      expect(decodeReceiverTemplate(onlyResource(synth(stack), 'restapi_object').data)).toEqual({
        name: 'pagerduty-oncall',
        pagerduty_configs: [
          {
            client: 'SigNoz',
            client_url: 'https://signoz.example.com',
            description: defaults.DEFAULT_PAGERDUTY_DESCRIPTION,
            details: { firing: '{{ .Alerts.Firing | len }}', runbook: '{{ .CommonAnnotations.runbook_url }}' },
            routing_key: 'var.pd_key',
            send_resolved: true,
            severity: defaults.DEFAULT_PAGERDUTY_SEVERITY,
          },
        ],
      });
    });

    it('email: recipients joined, subject header, no secret', () => {
      const { stack } = newStack();
      NotificationChannel.email(stack, 'mail', { name: 'sre-mail', to: ['sre@example.com', 'oncall@example.com'] });
      const json = synth(stack);
      expect(decodeReceiverTemplate(onlyResource(json, 'restapi_object').data)).toEqual({
        name: 'sre-mail',
        email_configs: [{ headers: { Subject: defaults.DEFAULT_SUBJECT }, send_resolved: true, to: 'sre@example.com, oncall@example.com' }],
      });
      expect(Object.keys(json.variable).sort()).toEqual(['signoz_access_token', 'signoz_endpoint']);
    });

    it('opsgenie: api key secret, EU api url, priority mapping', () => {
      const { stack } = newStack();
      NotificationChannel.opsgenie(stack, 'og', { name: 'opsgenie', apiKey: Secret.fromVariable(stack, 'og_key'), apiUrl: 'https://api.eu.opsgenie.com/', tags: 'signoz' });
      expect(decodeReceiverTemplate(onlyResource(synth(stack), 'restapi_object').data)).toEqual({
        name: 'opsgenie',
        opsgenie_configs: [
          {
            api_key: 'var.og_key',
            api_url: 'https://api.eu.opsgenie.com/',
            description: defaults.DEFAULT_OPSGENIE_DESCRIPTION,
            message: defaults.DEFAULT_OPSGENIE_MESSAGE,
            priority: defaults.DEFAULT_OPSGENIE_PRIORITY,
            send_resolved: true,
            tags: 'signoz',
          },
        ],
      });
    });

    it('microsoft teams (msteamsv2) and google chat', () => {
      const { stack } = newStack();
      NotificationChannel.msTeams(stack, 'teams', { name: 'teams', webhookUrl: Secret.fromVariable(stack, 'teams_url'), title: 'Alert: {{ .CommonLabels.alertname }}' });
      NotificationChannel.googleChat(stack, 'chat', { name: 'gchat', webhookUrl: Secret.fromVariable(stack, 'gchat_url') });
      const receivers = Object.values(resourcesOf(synth(stack), 'restapi_object')).map((r) => decodeReceiverTemplate(r.data));
      const teams = receivers.find((r) => r.name === 'teams');
      const chat = receivers.find((r) => r.name === 'gchat');
      expect(teams).toEqual({
        name: 'teams',
        msteamsv2_configs: [{ send_resolved: true, text: defaults.defaultText('**'), title: 'Alert: {{ .CommonLabels.alertname }}', webhook_url: 'var.teams_url' }],
      });
      expect(chat).toEqual({
        name: 'gchat',
        googlechat_configs: [{ send_resolved: true, text: defaults.defaultText('*'), title: defaults.DEFAULT_TITLE, webhook_url: 'var.gchat_url' }],
      });
    });

    it('synthesizes the same configuration as the reviewed snapshot', () => {
      const { stack } = newStack();
      NotificationChannel.slack(stack, 'ops', { name: 'ops-slack', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url'), channel: '#ops' });
      NotificationChannel.webhook(stack, 'hook', {
        name: 'hook',
        url: Secret.fromVariable(stack, 'hook_url'),
        auth: { type: 'bearer', token: Secret.fromVariable(stack, 'hook_token') },
      });
      expect(withoutMetadata(synth(stack))).toMatchSnapshot();
    });
  });

  it('escapes Terraform template sequences so text reaches SigNoz verbatim', () => {
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: Secret.fromVariable(stack, 'u'), text: 'cost ${amount} %{if} "quoted"' });
    const data: string = onlyResource(synth(stack), 'restapi_object').data;
    expect(data).toContain('cost $${amount} %%{if} \\"quoted\\"');
    expect(decodeReceiverTemplate(data).slack_configs[0].text).toBe('cost ${amount} %{if} "quoted"');
  });

  it('shows a reviewable definition without secrets, whose name keys replacement', () => {
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops-slack', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url') });
    const json = synth(stack);
    const [definitionId, definition] = Object.entries(resourcesOf(json, 'terraform_data'))[0]!;
    expect(definition.input).toMatchObject({ kind: 'slack', name: 'ops-slack', settings: { slack_configs: [{ api_url: '(sensitive: var.ops_slack_url)' }] } });
    expect(onlyResource(json, 'restapi_object').lifecycle.replace_triggered_by).toEqual([`terraform_data.${definitionId}.input.name`]);
  });

  it('checks secret URLs at plan time without printing them', () => {
    const { stack } = newStack();
    NotificationChannel.googleChat(stack, 'chat', { name: 'gchat', webhookUrl: Secret.fromVariable(stack, 'gchat_url') });
    expect(onlyResource(synth(stack), 'restapi_object').lifecycle.precondition).toEqual([
      {
        condition: '${can(regex("^https://chat\\\\.googleapis\\\\.com/", var.gchat_url))}',
        error_message: 'Variable gchat_url (TF_VAR_gchat_url) must hold an https://chat.googleapis.com/ URL (SigNoz accepts no other).',
      },
    ]);
  });

  it('adds a drift check comparing each defined field with what SigNoz stores', () => {
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops-slack', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url'), channel: '#ops' });
    const json = synth(stack);
    const [localName, localValue] = Object.entries(json.locals)[0] as [string, string];
    const channelId = Object.keys(resourcesOf(json, 'restapi_object'))[0];
    expect(localValue).toBe(`\${try(sensitive(jsondecode(jsondecode(sensitive(restapi_object.${channelId}.api_response)).data.data)), null)}`);
    const assertions = json.check[`${localName}_in_sync`].assert;
    expect(assertions.map((a: any) => a.error_message.split(': ')[1].split(' in SigNoz')[0])).toEqual([
      'slack_configs[0].api_url',
      'slack_configs[0].channel',
      'slack_configs[0].send_resolved',
      'slack_configs[0].text',
      'slack_configs[0].title',
    ]);
    expect(assertions[0].condition).toBe(`\${local.${localName} == null ? true : try(local.${localName}.slack_configs[0].api_url == var.ops_slack_url, false)}`);
    expect(assertions[1].error_message).toBe(
      `Notification channel 'ops-slack' was changed outside Terraform: slack_configs[0].channel in SigNoz differs from the code. ` +
        `Copy the change into the code, or restore the code's version with: terraform apply -replace=restapi_object.${channelId}`,
    );
  });

  it('can leave drift detection off', () => {
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: Secret.fromVariable(stack, 'u'), detectDrift: false });
    const json = synth(stack);
    expect(Object.keys(json.check).every((name) => name.endsWith('_masked'))).toBe(true);
    expect(json.locals).toBeUndefined();
  });

  it('warns when restapi runs without API_DATA_IS_SENSITIVE=true, reading only the whole resource object', () => {
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: Secret.fromVariable(stack, 'u') });
    const json = synth(stack);
    const channelId = Object.keys(resourcesOf(json, 'restapi_object'))[0];
    expect(json.check[`${channelId}_masked`].assert).toEqual([
      {
        condition: `\${issensitive(lookup(restapi_object.${channelId}, "create_response", null))}`,
        error_message:
          'The restapi provider runs without API_DATA_IS_SENSITIVE=true, so plans can print notification-channel secrets (webhook URLs, keys) ' +
          'in clear text. Set API_DATA_IS_SENSITIVE=true for every terraform/cdktf run and rotate any secret a plan printed.',
      },
    ]);
  });

  it('exposes the channel as a reference rules can name and depend on', () => {
    const { stack } = newStack();
    const channel = NotificationChannel.pagerDuty(stack, 'pd', { name: 'pd', routingKey: Secret.fromVariable(stack, 'k') });
    expect(channel.channelName).toBe('pd');
    expect(channel.kind).toBe('pagerduty');
    expect(channel.dependable).toBe(channel.resource);
    expect(channel.backendName).toBe('restapi');
  });

  describe('fromName', () => {
    it('references an existing channel without creating anything', () => {
      const { stack } = newStack();
      const ref = NotificationChannel.fromName(stack, 'legacy', 'legacy-pager', 'pagerduty');
      expect(ref).toMatchObject({ channelName: 'legacy-pager', kind: 'pagerduty', dependable: undefined });
      expect(synth(stack).resource).toBeUndefined();
    });

    it('rejects an empty name with the construct path', () => {
      const { stack } = newStack();
      expect(() => NotificationChannel.fromName(stack, 'bad', '')).toThrow("Invalid NotificationChannel.fromName at 'test/bad':\n  - name: must not be empty");
    });
  });

  describe('validation', () => {
    it('rejects a literal webhook URL, saying why and how to fix it, without echoing it', () => {
      const { stack } = newStack();
      const literal = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX';
      let message = '';
      try {
        NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: literal as never });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toBe(
        "Invalid NotificationChannel at 'test/ops':\n" +
          '  - config.webhookUrl: a literal value is not allowed: the Slack incoming-webhook URL is a secret and would be written in ' +
          "clear text to cdktf.out and shown in plans; pass Secret.fromVariable(this, 'slack_webhook_url') and set " +
          'TF_VAR_slack_webhook_url when you plan or apply',
      );
      expect(message).not.toContain(literal);
    });

    it('rejects literal secrets in nested auth and every other secret field', () => {
      const { stack } = newStack();
      expect(() => NotificationChannel.webhook(stack, 'h', { name: 'h', url: Secret.fromVariable(stack, 'u'), auth: { type: 'bearer', token: 'abc' as never } })).toThrow(
        'config.auth.token: a literal value is not allowed: the webhook bearer token is a secret',
      );
      expect(() => NotificationChannel.pagerDuty(stack, 'p', { name: 'p', routingKey: 'abc' as never })).toThrow(
        'config.routingKey: a literal value is not allowed: the PagerDuty integration (routing) key is a secret',
      );
      expect(() => NotificationChannel.opsgenie(stack, 'o', { name: 'o', apiKey: 'abc' as never })).toThrow(
        'config.apiKey: a literal value is not allowed: the Opsgenie API key is a secret',
      );
    });

    it('rejects a raw Terraform token for a secret (its variable may not be sensitive)', () => {
      const { stack } = newStack();
      const plain = new TerraformVariable(stack, 'plain', { type: 'string' });
      expect(() => NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: plain.stringValue as never })).toThrow(
        'config.webhookUrl: the Slack incoming-webhook URL is a secret and must come from Secret.fromVariable/Secret.fromEnv, not a raw Terraform token',
      );
    });

    it('lists every problem at once, naming each field', () => {
      const { stack } = newStack();
      expect(
        () =>
          new NotificationChannel(stack, 'bad', {
            name: ' padded',
            config: { kind: 'email', to: ['not-an-address', 'a@example.com', 'A@example.com'], subject: '{{ .Status ' } as never,
          }),
      ).toThrow(
        "Invalid NotificationChannel at 'test/bad':\n" +
          '  - name: must not start or end with whitespace\n' +
          '  - config.to[0]: must be a plain e-mail address such as oncall@example.com\n' +
          '  - config.to: lists the same recipient twice\n' +
          '  - config.subject: unbalanced template delimiters: every "{{" needs a matching "}}"',
      );
    });

    it('rejects unknown kinds and unknown fields', () => {
      const { stack } = newStack();
      expect(() => new NotificationChannel(stack, 'a', { name: 'a', config: { kind: 'sms' } as never })).toThrow(
        '  - config.kind: kind must be one of slack, webhook, pagerduty, email, opsgenie, msteamsv2, googlechat',
      );
      expect(() => NotificationChannel.slack(stack, 'b', { name: 'b', webhookUrl: Secret.fromVariable(stack, 'u'), chanel: '#x' } as never)).toThrow(
        '  - config: unknown option "chanel" (allowed: kind, webhookUrl, channel, title, text, username, iconEmoji, sendResolved; did you mean "channel"?)',
      );
    });

    it('checks kind-specific values', () => {
      const { stack } = newStack();
      expect(() => NotificationChannel.pagerDuty(stack, 'p', { name: 'p', routingKey: Secret.fromVariable(stack, 'k'), severity: 'high' })).toThrow(
        "config.severity: must be one of critical, error, warning, info, or a template such as '{{ .CommonLabels.severity }}'",
      );
      expect(() => NotificationChannel.opsgenie(stack, 'o', { name: 'o', apiKey: Secret.fromVariable(stack, 'k'), priority: 'P9' })).toThrow(
        'config.priority: must be P1..P5 or a template',
      );
      expect(() => NotificationChannel.slack(stack, 's', { name: 's', webhookUrl: Secret.fromVariable(stack, 'u'), channel: 'ops team' })).toThrow(
        "config.channel: must be '#channel', '@user' or a channel id, without spaces",
      );
    });

    it('refuses the reserved name and duplicate names in one stack', () => {
      const { stack } = newStack();
      expect(() => NotificationChannel.email(stack, 'd', { name: 'default-receiver', to: ['a@example.com'] })).toThrow("name: 'default-receiver' is reserved by SigNoz");
      NotificationChannel.email(stack, 'first', { name: 'sre', to: ['a@example.com'] });
      expect(() => NotificationChannel.email(stack, 'second', { name: 'sre', to: ['b@example.com'] })).toThrow(
        "Invalid NotificationChannel at 'test/second':\n  - name: 'sre' is already used by the channel at 'test/first'; SigNoz channel names are unique per organisation",
      );
      expect(() => NotificationChannel.fromName(stack, 'third', 'sre')).toThrow("'sre' is already used by the channel at 'test/first'");
    });
  });
});

describe('NotificationChannel field errors', () => {
  it.each([
    [{ kind: 'pagerduty', clientUrl: 'not a url' }, 'config.clientUrl: must be an absolute http(s) URL or a template'],
    [{ kind: 'pagerduty', details: { '': 'x' } }, 'config.details[""]: detail names must not be empty'],
    [{ kind: 'pagerduty', details: {} }, 'config.details: must not be empty; omit the field to use the default'],
    [{ kind: 'opsgenie', apiUrl: 'http://api.opsgenie.com/' }, 'config.apiUrl: must be an absolute https URL'],
    [{ kind: 'webhook', auth: { type: 'digest' } }, "config.auth.type: type must be 'basic' or 'bearer'"],
    [{ kind: 'webhook', maxAlerts: 1.5 }, 'config.maxAlerts: must be a whole number'],
    [{ kind: 'slack', iconEmoji: 'fire' }, "config.iconEmoji: must look like ':rotating_light:'"],
    [{ kind: 'email', to: [] }, 'config.to: needs at least one recipient'],
  ])('%#: %j', (partial, message) => {
    const { stack } = newStack();
    const secrets = {
      routingKey: Secret.fromVariable(stack, 'k'),
      apiKey: Secret.fromVariable(stack, 'k'),
      url: Secret.fromVariable(stack, 'k'),
      webhookUrl: Secret.fromVariable(stack, 'k'),
    };
    const required: Record<string, object> = {
      pagerduty: { routingKey: secrets.routingKey },
      opsgenie: { apiKey: secrets.apiKey },
      webhook: { url: secrets.url },
      slack: { webhookUrl: secrets.webhookUrl },
      email: {},
    };
    const config = { ...required[(partial as { kind: string }).kind], ...partial };
    expect(() => new NotificationChannel(stack, 'c', { name: 'c', config: config as never })).toThrow(`Invalid NotificationChannel at 'test/c':\n  - ${message}`);
  });
});
