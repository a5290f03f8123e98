import {
  isCredentialFieldName,
  isSecretFieldName,
  mayHoldSecretShape,
  REDACTED_SECRET,
  redactedSecretMarker,
  replaceSecretShapes,
  SECRET_SHAPES,
  secretKindIn,
} from '../../constructs/model/secret-patterns';

/** One real-looking example per kind; every kind of SECRET_SHAPES must appear here. */
const EXAMPLES: Readonly<Record<string, string>> = {
  'Slack token': 'xapp-1-A0123456789-0123456789012-abcdef',
  'Slack webhook URL': 'https://hooks.slack.com/services/T0123ABC/B0123ABC/aBcDeFgHiJkLmNoP',
  'Microsoft Teams webhook URL': 'https://acme.webhook.office.com/webhookb2/1234-5678-90ab@abcd-ef/IncomingWebhook/0123456789/abc',
  'Microsoft Teams workflow URL with signature': 'https://x.api.powerplatform.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=AbCdEfGhIjKl',
  'Google Chat webhook URL with key or token': 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=AIzaSyDdI0hCZtE6vySjMm&token=abcdefgh',
  'Discord webhook URL': 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
  'PagerDuty integration URL': 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue',
  'credentials in a URL': 'amqp://alice:correct-horse@mq.example.com:5672',
  'secret in a URL query': 'https://relay.example.com/hook?signature=abcdefghijkl',
  'private key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
  'GitHub token': 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
  'AWS access key id': 'ASIAIOSFODNN7EXAMPLE',
  'JSON Web Token': 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  'bearer token': 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345',
};

describe('secret patterns', () => {
  it('names each kind of secret from an example of it, and every kind has an example', () => {
    expect(SECRET_SHAPES.map((s) => s.kind).sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [kind, example] of Object.entries(EXAMPLES)) {
      expect(mayHoldSecretShape(example), kind).toBe(true);
      expect(secretKindIn(`see ${example} here`), kind).toBe(kind);
    }
  });

  it('masks every example, leaving no secret text behind', () => {
    for (const [kind, example] of Object.entries(EXAMPLES)) {
      const masked = replaceSecretShapes(`see ${example} here`, () => '<redacted>');
      expect(masked, kind).toContain('<redacted>');
      expect(masked, kind).not.toMatch(
        /aBcDeFgHiJkLmNoP|abcdefghijklmnopqrstuvwxyz|correct-horse|b3BlbnNzaC1rZXkt|github_pat_|ASIAIOSFODNN7|eyJzdWIi|abcdefghijkl|AbCdEfGhIjKl|0123456789abcdef0123|A0123456789/,
      );
    }
  });

  it('lets the first matching shape name the kind (a Google Chat URL carries a token parameter too)', () => {
    expect(secretKindIn(EXAMPLES['Google Chat webhook URL with key or token']!)).toBe('Google Chat webhook URL with key or token');
  });

  it('masks wider than it reports: what only might be a secret is masked, never reported', () => {
    for (const text of ['Authorization: Basic dXNlcjpwYXNz', 'https://hooks.slack.com/services/T0/B0/short', 'https://relay.example.com/x?code=42']) {
      expect(secretKindIn(text), text).toBeUndefined();
      expect(
        replaceSecretShapes(text, () => '<redacted>'),
        text,
      ).toContain('<redacted>');
    }
  });

  it('leaves metric names, queries, references, UUIDs and prose alone', () => {
    for (const text of [
      'system.cpu.utilization',
      'sum(rate(http_requests_total{code=~"5.."}[5m])) by (service_name)',
      '0190a2b4-7c3d-7e1f-9a2b-3c4d5e6f7a8b',
      'rotate the token at https://vault.example.com/ui',
      'https://api.opsgenie.com/',
      'https://user: @relay.example.com',
    ]) {
      expect(secretKindIn(text), text).toBeUndefined();
      expect(
        replaceSecretShapes(text, () => '<redacted>'),
        text,
      ).toBe(text);
    }
  });

  it('tells credential field names from the wider deny-list of channel configs', () => {
    const credentials = [
      'password',
      'passwd',
      'Passphrase',
      'client_secret',
      'X-Api-Key',
      'routingKey',
      'service_key',
      'bot_token',
      'Authorization',
      'slack.webhook-url',
      'Cookie',
    ];
    expect(credentials.filter((name) => !isCredentialFieldName(name))).toEqual([]);
    expect(credentials.filter((name) => !isSecretFieldName(name))).toEqual([]);
    // URLs and keys carry credentials in channel configs, but elsewhere a literal URL or key is ordinary.
    for (const name of ['api_url', 'url', 'key', 'group_key']) {
      expect(isCredentialFieldName(name), name).toBe(false);
      expect(isSecretFieldName(name), name).toBe(true);
    }
    expect(['channel', 'name', 'send_resolved', 'severity', 'tokens_per_minute'].some(isSecretFieldName)).toBe(false);
  });

  it('recognizes the marker a redacted receiver shows for a secret', () => {
    expect(redactedSecretMarker('pager_key')).toBe('(sensitive: var.pager_key)');
    expect(REDACTED_SECRET.test(redactedSecretMarker('pager_key'))).toBe(true);
    expect(REDACTED_SECRET.test('(sensitive: var.x) and more')).toBe(false);
  });
});
