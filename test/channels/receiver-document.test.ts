import { buildReceiver, receiverLeaves, receiverSecrets, receiverTemplate, redactedReceiver } from '../../constructs/channels/receiver-document';
import { Secret } from '../../constructs/secrets/secret';
import { decodeReceiverTemplate, newStack } from '../support/synth';

describe('receiver document', () => {
  const { stack } = newStack();
  const url = Secret.fromVariable(stack, 'hook_url');
  const token = Secret.fromVariable(stack, 'hook_token');
  const receiver = buildReceiver('hook', { kind: 'webhook', url, auth: { type: 'bearer', token } });

  it('renders secrets as jsonencode(var.x) so Terraform quotes and escapes them', () => {
    expect(receiverTemplate(receiver)).toBe(
      '{"name":"hook","webhook_configs":[{"http_config":{"authorization":{"credentials":${jsonencode(var.hook_token)},"type":"Bearer"}},' +
        '"send_resolved":true,"url":${jsonencode(var.hook_url)}}]}',
    );
  });

  it('lists leaves in key order with their paths, and the secrets once each', () => {
    expect(receiverLeaves(receiver.body).map((l) => l.path.join('.'))).toEqual([
      'name',
      'webhook_configs.0.http_config.authorization.credentials',
      'webhook_configs.0.http_config.authorization.type',
      'webhook_configs.0.send_resolved',
      'webhook_configs.0.url',
    ]);
    expect(receiverSecrets(receiver).map((s) => s.variableName)).toEqual(['hook_token', 'hook_url']);
  });

  it('redacts secrets to their variable names', () => {
    expect(redactedReceiver(receiver.body)).toEqual({
      name: 'hook',
      webhook_configs: [{ http_config: { authorization: { credentials: '(sensitive: var.hook_token)', type: 'Bearer' } }, send_resolved: true, url: '(sensitive: var.hook_url)' }],
    });
  });

  it('keeps any text verbatim through the template, whatever it contains', () => {
    const text = 'a ${b} %{c} "d" \\e \n\t {{ .X }} $${f} %%{g} \u0001 é';
    const doc = buildReceiver('x', { kind: 'slack', webhookUrl: url, text });
    expect(decodeReceiverTemplate(receiverTemplate(doc)).slack_configs[0].text).toBe(text);
  });

  it('refuses text containing the reserved placeholder', () => {
    const doc = buildReceiver('x', { kind: 'slack', webhookUrl: url, text: '__signoz_alerts_secret_0__' });
    expect(() => receiverTemplate(doc)).toThrow("channel 'x': text must not contain '__signoz_alerts_secret_', which is reserved");
  });
});
