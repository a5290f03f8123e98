import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { Labels } from '../../constructs/routing/route-expression';
import { RoutePolicy } from '../../constructs/routing/route-policy';
import { Secret } from '../../constructs/secrets/secret';
import { newStack, onlyResource, resourcesOf, synth, withoutMetadata } from '../support/synth';

describe('RoutePolicy', () => {
  function estate() {
    const { stack } = newStack();
    const pager = NotificationChannel.pagerDuty(stack, 'pager', { name: 'payments-pager', routingKey: Secret.fromVariable(stack, 'pd_key') });
    const legacy = NotificationChannel.fromName(stack, 'legacy', 'legacy-slack', 'slack');
    return { stack, pager, legacy };
  }

  it('routes matching alerts to channels by name and depends on the managed ones', () => {
    // GIVEN
    const { stack, pager, legacy } = estate();
    // WHEN
    new RoutePolicy(stack, 'payments', {
      name: 'payments-critical',
      expression: Labels.service.eq('payments').and(Labels.severity.in(['critical', 'error'])),
      channels: [pager, legacy, 'ops-email'],
      description: 'Critical payment alerts page the payments on-call',
      tags: ['payments'],
    });
    // THEN
    const json = synth(stack);
    const policy = onlyResource(json, 'signoz_route_policy');
    const pagerId = Object.keys(resourcesOf(json, 'restapi_object'))[0];
    expect(policy).toMatchObject({
      name: 'payments-critical',
      expression: 'service == "payments" && severity in ["critical", "error"]',
      channels: ['payments-pager', 'legacy-slack', 'ops-email'],
      kind: 'policy',
      description: 'Critical payment alerts page the payments on-call',
      tags: ['payments'],
      depends_on: [`restapi_object.${pagerId}`],
      provider: 'signoz',
    });
    expect(json.terraform.required_providers.signoz).toEqual({ source: 'signoz/signoz', version: '= 0.0.17' });
  });

  it('synthesizes the reviewed snapshot', () => {
    const { stack, pager } = estate();
    new RoutePolicy(stack, 'p', { name: 'critical', expression: 'severity == "critical" AND threshold.name = "critical"', channels: [pager] });
    expect(withoutMetadata(resourcesOf(synth(stack), 'signoz_route_policy'))).toMatchSnapshot();
  });

  it('accepts validated expression text as written and exposes the labels it reads', () => {
    const { stack, pager } = estate();
    const policy = new RoutePolicy(stack, 'p', { name: 'p', expression: ' k8s.namespace.name == "checkout" ', channels: [pager] });
    expect(policy.expression.labels).toEqual(['k8s.namespace.name']);
    expect(onlyResource(synth(stack), 'signoz_route_policy').expression).toBe('k8s.namespace.name == "checkout"');
  });

  it('rejects invalid expression text with the construct path and where it fails', () => {
    const { stack, pager } = estate();
    expect(() => new RoutePolicy(stack, 'p', { name: 'p', expression: '\'service\' == "payments"', channels: [pager] })).toThrow(
      "Invalid RoutePolicy at 'test/p':\n  - expression: the left side of a comparison must be a label name, but 'service' is a quoted string",
    );
  });

  it('needs channels, each once', () => {
    const { stack, pager } = estate();
    expect(() => new RoutePolicy(stack, 'a', { name: 'a', expression: Labels.service.eq('x'), channels: [] })).toThrow(
      "Invalid RoutePolicy at 'test/a':\n  - channels: needs at least one channel; SigNoz rejects a policy without channels",
    );
    expect(() => new RoutePolicy(stack, 'b', { name: 'b', expression: Labels.service.eq('x'), channels: [pager, 'payments-pager'] })).toThrow(
      '  - channels: lists the same channel twice',
    );
  });

  it('escapes template sequences in text fields', () => {
    const { stack, pager } = estate();
    new RoutePolicy(stack, 'p', { name: 'p', expression: Labels.service.eq('${svc}'), channels: [pager], description: 'costs %{x}' });
    const policy = onlyResource(synth(stack), 'signoz_route_policy');
    expect(policy.expression).toBe('service == "$${svc}"');
    expect(policy.description).toBe('costs %%{x}');
  });
});
