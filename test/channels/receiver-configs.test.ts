import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { RECEIVER_SECRET_FIELDS, type ReceiverConfig } from '../../constructs/channels/channel-config';
import { TerraformVariable } from '../../constructs/engine';
import { CHANNEL_KINDS } from '../../constructs/model/channel-ref';
import { Secret } from '../../constructs/secrets/secret';
import { decodeReceiverTemplate, newStack, onlyResource, synth } from '../support/synth';

function errorOf(build: () => unknown): string {
  try {
    build();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the channel to be refused');
}

describe('NotificationChannel.fromReceiverConfigs (any kind SigNoz accepts)', () => {
  it('sends the configs as the receiver, secrets from their variables, settings as given', () => {
    // GIVEN a Telegram channel WHEN synthesized THEN the receiver holds telegram_configs with the token as a variable
    const { stack } = newStack();
    const channel = NotificationChannel.fromReceiverConfigs(stack, 'tg', {
      name: 'sre-telegram',
      receiverConfigs: [{ kind: 'telegram', settings: { token: Secret.fromVariable(stack, 'tg_token'), chat: -1001234567890, message: '{{ .CommonLabels.alertname }}' } }],
    });
    const json = synth(stack);
    expect(decodeReceiverTemplate(onlyResource(json, 'restapi_object').data)).toEqual({
      name: 'sre-telegram',
      telegram_configs: [{ chat: -1001234567890, message: '{{ .CommonLabels.alertname }}', token: 'var.tg_token' }],
    });
    expect(json.variable.tg_token).toMatchObject({ sensitive: true });
    expect(channel.kind).toBe('telegram');
  });

  it('notifies several configs, also of different kinds, from one channel named by the kind SigNoz reports', () => {
    // GIVEN a Slack and a Discord config WHEN built THEN both lists are sent and the kind is discord (SigNoz reads discord_configs first)
    const { stack } = newStack();
    const channel = new NotificationChannel(stack, 'both', {
      name: 'ops-both',
      receiverConfigs: [
        { kind: 'slack', settings: { api_url: Secret.fromVariable(stack, 'slack_url'), channel: '#ops' } },
        { kind: 'discord', settings: { webhook_url: Secret.fromVariable(stack, 'discord_url') } },
        { kind: 'slack', settings: { api_url: Secret.fromVariable(stack, 'slack_url'), channel: '#ops-2', send_resolved: true } },
      ],
    });
    expect(channel.kind).toBe('discord');
    expect(decodeReceiverTemplate(onlyResource(synth(stack), 'restapi_object').data)).toEqual({
      name: 'ops-both',
      discord_configs: [{ webhook_url: 'var.discord_url' }],
      slack_configs: [
        { api_url: 'var.slack_url', channel: '#ops' },
        { api_url: 'var.slack_url', channel: '#ops-2', send_resolved: true },
      ],
    });
  });

  it('refuses a literal in every secret field Alertmanager types as one, at the top, under http_config and under sigv4, without echoing it', () => {
    // GIVEN each kind with a plain string in each of its secret fields WHEN built THEN each is refused by path
    const literal = 'plain-secret-value-1234';
    expect([...CHANNEL_KINDS].sort()).toEqual(Object.keys(RECEIVER_SECRET_FIELDS).sort());
    expect(CHANNEL_KINDS).toHaveLength(19);
    for (const kind of CHANNEL_KINDS) {
      for (const field of RECEIVER_SECRET_FIELDS[kind] as readonly string[]) {
        const { stack } = newStack();
        const message = errorOf(() =>
          NotificationChannel.fromReceiverConfigs(stack, 'c', { name: 'c', receiverConfigs: [{ kind, settings: { [field]: literal } } as ReceiverConfig] }),
        );
        expect(message, `${kind}.${field}`).toContain(`receiverConfigs[0].settings.${field}: a literal value is not allowed: the ${kind} ${field} is a secret`);
        expect(message).not.toContain(literal);
      }
    }
    const { stack } = newStack();
    const message = errorOf(() =>
      NotificationChannel.fromReceiverConfigs(stack, 'c', {
        name: 'c',
        receiverConfigs: [
          { kind: 'jira', settings: { http_config: { basic_auth: { username: 'bot', password: literal } } } },
          { kind: 'webex', settings: { http_config: { authorization: { credentials: literal }, oauth2: { client_secret: literal }, bearer_token: literal } } },
          { kind: 'sns', settings: { sigv4: { Region: 'eu-west-1', SecretKey: literal } } },
          { kind: 'webhook', settings: { url: Secret.fromVariable(stack, 'u'), http_config: { http_headers: { 'X-Key': { secrets: [literal] } } } } },
        ],
      }),
    );
    expect(message.split('\n').map((line) => line.split(': a literal')[0])).toEqual([
      "Invalid NotificationChannel at 'test/c':",
      '  - receiverConfigs[0].settings.http_config.basic_auth.password',
      '  - receiverConfigs[1].settings.http_config.authorization.credentials',
      '  - receiverConfigs[1].settings.http_config.oauth2.client_secret',
      '  - receiverConfigs[1].settings.http_config.bearer_token',
      '  - receiverConfigs[2].settings.sigv4.SecretKey',
      '  - receiverConfigs[3].settings.http_config.http_headers.X-Key.secrets[0]',
    ]);
    expect(message).not.toContain(literal);
    // and a raw Terraform token, whose variable may not be sensitive
    const plain = new TerraformVariable(stack, 'plain', { type: 'string' });
    expect(
      errorOf(() =>
        NotificationChannel.fromReceiverConfigs(stack, 'd', { name: 'd', receiverConfigs: [{ kind: 'discord', settings: { webhook_url: plain.stringValue as never } }] }),
      ),
    ).toContain('receiverConfigs[0].settings.webhook_url: the discord webhook_url is a secret and must come from Secret.fromVariable/Secret.fromEnv, not a raw Terraform token');
  });

  it('refuses unknown kinds and fields, saying what is allowed where', () => {
    // GIVEN a misspelt kind, a misspelt field, a nested unknown field, SMTP fields and a null WHEN built THEN each is one line
    const { stack } = newStack();
    const message = errorOf(() =>
      NotificationChannel.fromReceiverConfigs(stack, 'c', {
        name: 'c',
        receiverConfigs: [
          { kind: 'discrod', settings: {} } as never,
          { kind: 'discord', settings: { webhook_url: Secret.fromVariable(stack, 'd'), titl: 'x' } },
          { kind: 'webhook', settings: { url: Secret.fromVariable(stack, 'w'), http_config: { basic_auth: { user: 'x' } } } },
          { kind: 'email', settings: { to: 'a@example.com', smarthost: 'smtp.example.com:587' } },
          { kind: 'telegram', settings: { chat: null as never } },
        ],
      }),
    );
    expect(message.split('\n').slice(1)).toEqual([
      '  - receiverConfigs[0].kind: must be one of the receiver kinds SigNoz accepts: googlechat, discord, email, incidentio, pagerduty, slack, webhook, opsgenie, wechat, pushover, victorops, sns, telegram, webex, msteams, msteamsv2, jira, rocketchat, mattermost (got "discrod"; did you mean "discord"?)',
      '  - receiverConfigs[1].settings.titl: unknown option "titl" (allowed for discord: avatar_url, content, http_config, message, send_resolved, title, username, webhook_url, webhook_url_file; did you mean "title"?)',
      '  - receiverConfigs[2].settings.http_config.basic_auth.user: unknown option "user" (allowed for webhook http_config.basic_auth: password, password_file, password_ref, username, username_file, username_ref)',
      '  - receiverConfigs[3].settings.smarthost: SigNoz drops the SMTP transport fields of e-mail channels (from, hello, smarthost, auth_username, auth_password, auth_password_file, auth_secret, auth_secret_file, auth_identity, require_tls, tls_config, force_implicit_tls); its server configuration sets them',
      '  - receiverConfigs[4].settings.chat: must be a string, number, boolean, list, object or Secret, not null; omit the field to leave it unset',
    ]);
  });

  it('takes exactly one of config and receiverConfigs, and at least one receiver config', () => {
    const { stack } = newStack();
    expect(errorOf(() => new NotificationChannel(stack, 'a', { name: 'a' }))).toContain(
      'config: give exactly one of config (typed settings of one kind) and receiverConfigs (Alertmanager configs of any kind)',
    );
    expect(
      errorOf(
        () =>
          new NotificationChannel(stack, 'b', {
            name: 'b',
            config: { kind: 'email', to: ['a@example.com'] },
            receiverConfigs: [{ kind: 'email', settings: { to: 'a@example.com' } }],
          }),
      ),
    ).toContain('receiverConfigs: give exactly one of config');
    expect(errorOf(() => NotificationChannel.fromReceiverConfigs(stack, 'c', { name: 'c', receiverConfigs: [] }))).toContain('receiverConfigs: needs at least one receiver config');
  });

  it('types the top-level secret fields of each kind as Secrets', () => {
    // GIVEN code that puts a string in a secret field THEN it does not compile (checked by tsc over the tests)
    const { stack } = newStack();
    const typed: ReceiverConfig = { kind: 'pushover', settings: { user_key: Secret.fromVariable(stack, 'k'), token: Secret.fromVariable(stack, 't'), sound: 'siren' } };
    // @ts-expect-error a plain string is not a Secret
    const plain: ReceiverConfig = { kind: 'pushover', settings: { user_key: 'abc' } };
    expect([typed.kind, plain.kind]).toEqual(['pushover', 'pushover']);
  });
});
