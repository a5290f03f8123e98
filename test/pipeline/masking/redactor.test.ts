import { displayMasked, Redactor } from '../../../pipeline/masking/redactor';
import { isSecretFieldName } from '../../../constructs/model/secret-patterns';
import { looksLikeGeneratedKey } from '../../../pipeline/masking/generated-key';

const plain = { denySecretFields: false };
const channel = { denySecretFields: true };

function shown(value: unknown, options = plain, sensitive?: unknown): string {
  const redactor = new Redactor();
  return redactor.scrub(JSON.stringify(redactor.mask(value, sensitive, options)));
}

describe('Redactor', () => {
  it.each([
    ['a Slack webhook', 'post to https://hooks.slack.com/services/T0001/B0001/AbCdEfGhIjKl now'],
    ['a Slack bot token', 'token xoxb-1234567890-abcdefghij'],
    ['a bearer token', 'Authorization: Bearer eyJhbGciOi.abc.def-ghi_jkl'],
    ['credentials in a URL', 'https://admin:s3cr3t-pass@hooks.example.com/x'],
    ['a secret query parameter', 'https://example.com/hook?api_key=abc123def456'],
    ['a GitHub token', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
    ['an AWS access key', 'key AKIAIOSFODNN7EXAMPLE here'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----'],
    ['a PagerDuty-style 32-hex key', 'routing 0123456789abcdef0123456789abcdef'],
    ['a random API key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9'],
  ])('masks %s found in free text', (_name, text) => {
    const secret = text.match(/hooks\.slack\.com\S+|xoxb-\S+|eyJ\S+|s3cr3t-pass|abc123def456|ghp_\S+|AKIA\S+|MIIEpAIBAAKCAQEA|0123456789abcdef0123456789abcdef|sk_live_\S+/)![0];
    const out = shown({ description: text });
    expect(out).not.toContain(secret);
    expect(out).toContain('(redacted)');
  });

  it('leaves metric names, queries, identifiers and UUIDs readable', () => {
    const value = {
      metric: 'system.cpu.utilization',
      counter: 'signoz_calls_total_by_service_2024',
      promql: 'sum(rate(http_requests_total{code=~"5.."}[5m])) by (service_name)',
      id: '0190a2b4-7c3d-7e1f-9a2b-3c4d5e6f7a8b',
      address: 'signoz_rule.cpu_high_1A2B3C4D',
    };
    expect(JSON.parse(shown(value))).toEqual(value);
    expect(looksLikeGeneratedKey('k8s_container_restarts_total_v2')).toBe(false);
  });

  it('masks credential fields by name only for channel-like resources', () => {
    const config = { url: 'https://internal.example.com/hook', routing_key: 'short-key', channel: '#ops', send_resolved: true };
    expect(JSON.parse(shown(config, channel))).toEqual({ url: '(redacted)', routing_key: '(redacted)', channel: '#ops', send_resolved: true });
    expect(JSON.parse(shown({ runbook_url: 'https://runbooks.example.com/cpu' }, plain))).toEqual({ runbook_url: 'https://runbooks.example.com/cpu' });
    expect(['api_url', 'webhook_url', 'X-Api-Key', 'client_secret', 'password', 'Authorization'].every(isSecretFieldName)).toBe(true);
    expect(['channel', 'name', 'send_resolved', 'severity'].some(isSecretFieldName)).toBe(false);
  });

  it('masks inside JSON text field by field, and returns unchanged JSON text as it was', () => {
    const redactor = new Redactor();
    const data = JSON.stringify({ name: 'pd', pagerduty_configs: [{ routing_key: 'abcdef-secret-key', severity: 'critical' }] });
    const masked = redactor.mask({ data }, undefined, channel) as { data: string };
    expect(JSON.parse(displayMasked(masked.data))).toEqual({ name: 'pd', pagerduty_configs: [{ routing_key: '(redacted)', severity: 'critical' }] });
    const clean = JSON.stringify({ name: 'ops', slack_configs: [{ channel: '#ops' }] });
    expect((redactor.mask({ data: clean }, undefined, channel) as { data: string }).data).toBe(clean);
  });

  it('honours Terraform sensitive marks on leaves and whole subtrees, ahead of the deny-list', () => {
    const value = { token: 'aaa-secret-1', nested: { a: 'bbb-secret-2', b: 'visible' }, list: ['ccc-secret-3', 'fine'] };
    const sensitive = { token: true, nested: { a: true }, list: [true, false] };
    const out = JSON.parse(shown(value, channel, sensitive));
    expect(out).toEqual({ token: '(sensitive)', nested: { a: '(sensitive)', b: 'visible' }, list: ['(sensitive)', 'fine'] });
    expect(JSON.parse(shown(value, plain, true))).toBe('(sensitive)');
  });

  it('gives equal secrets equal placeholders and different secrets different ones (so changes show)', () => {
    const redactor = new Redactor();
    const a = redactor.mask('x', true, plain);
    expect(redactor.mask('x', true, plain)).toBe(a);
    expect(redactor.mask('y', true, plain)).not.toBe(a);
    expect(displayMasked(String(a))).toBe('(sensitive)');
  });

  it('scrubs every seen secret from any text, wherever it appears', () => {
    const redactor = new Redactor();
    redactor.mask({ token: 'leaked-value-1234' }, { token: true }, plain);
    redactor.registerSecret({ nested: ['variable-secret-99'] });
    redactor.registerSecret('short');
    expect(redactor.scrub('a leaked-value-1234 b variable-secret-99 c short')).toBe('a (redacted) b (redacted) c short');
  });
});
