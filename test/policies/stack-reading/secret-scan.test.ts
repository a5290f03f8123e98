import { scanForSecrets } from '../../../policies/stack-reading/secret-scan';

describe('scanForSecrets', () => {
  it.each([
    ['xoxb-123456789012-abcdefghijkl', 'Slack token'],
    ['https://hooks.slack.com/services/T0123ABC/B0123ABC/aBcDeFgHiJkLmNoP', 'Slack webhook URL'],
    ['https://acme.webhook.office.com/webhookb2/1234-5678-90ab@abcd-ef/IncomingWebhook/0123456789/abc', 'Microsoft Teams webhook URL'],
    [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=AbCdEfGhIjKlMnOp',
      'Microsoft Teams workflow URL with signature',
    ],
    ['https://chat.googleapis.com/v1/spaces/AAAA/messages?key=AIzaSyDdI0hCZtE6vySjMm&token=abcdefgh', 'Google Chat webhook URL with key or token'],
    ['https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz', 'Discord webhook URL'],
    ['https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue', 'PagerDuty integration URL'],
    ['https://alice:correct-horse@relay.example.com/hook', 'credentials in a URL'],
    ['https://relay.example.com/hook?token=abcdefghijkl', 'secret in a URL query'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIB', 'private key'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', 'GitHub token'],
    ['AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'JSON Web Token'],
    ['Bearer abcdefghijklmnopqrstuvwxyz012345', 'bearer token'],
  ])('finds %s as a %s', (value, kind) => {
    expect(scanForSecrets({ locals: { note: value } })).toEqual([{ pointer: '/locals/note', kind }]);
  });

  it('finds literal values of secret fields, whatever their spelling', () => {
    const hits = scanForSecrets({ a: { password: 'x' }, b: { 'SIGNOZ-API-KEY': 'abc' }, c: { routingKey: 'k' }, d: { client_secret: 's' } });
    expect(hits.map((h) => h.pointer)).toEqual(['/a/password', '/b/SIGNOZ-API-KEY', '/c/routingKey', '/d/client_secret']);
  });

  it('accepts references, empty values and text that only looks similar', () => {
    expect(
      scanForSecrets({
        provider: { password: '${var.password}', token: '', header: 'Bearer ${var.token}' },
        url: 'https://user:${var.pw}@relay.example.com',
        webhook: 'https://hooks.slack.com/services/${var.slack_path}',
        opsgenie: { api_url: 'https://api.opsgenie.com/' },
        tokens_per_minute: '50',
        description: 'rotate the token at https://vault.example.com/ui',
        '//': { 'signoz-alerts': { suppressions: [{ reason: 'the password is rotated daily' }] }, password: 'comment' },
      }),
    ).toEqual([]);
  });

  it('looks inside JSON held in strings and reports where, never the value', () => {
    const hits = scanForSecrets({ resource: { restapi_object: { ch: { data: '{"name":"x","webhook_configs":[{"http_config":{"basic_auth":{"password":"p4ss"}}}]}' } } } });
    expect(hits).toEqual([{ pointer: '/resource/restapi_object/ch/data', inner: '/webhook_configs/0/http_config/basic_auth/password', kind: 'literal value of "password"' }]);
    expect(JSON.stringify(hits)).not.toContain('p4ss');
  });
});
