import { isChannelApiPath } from '../../constructs/channels/channel-api-path';
import { receiverKind } from '../../constructs/channels/receiver-kind';

describe('recognizing channel resources (shared by the policy checks and the plan summary)', () => {
  it.each([
    ['/api/v1/channels', true],
    ['api/v1/channels/', true],
    ['/api/v1/channels/{id}', true],
    ['/api/v2/notification_channels/42', true],
    ['/signoz/api/v1/channels', true],
    ['/api/v1/rules', false],
    ['/xapi/v1/channels', false],
    [42, false],
  ])('%s is the channel API: %s', (path, expected) => {
    expect(isChannelApiPath(path)).toBe(expected);
  });

  it('takes the kind from the non-empty <kind>_configs list, the first by name when there are several', () => {
    expect(receiverKind({ name: 'pd', pagerduty_configs: [{ routing_key: 'x' }] })).toBe('pagerduty');
    expect(receiverKind({ name: 'two', webhook_configs: [{}], email_configs: [{}] })).toBe('email');
    expect(receiverKind({ name: 'empty', slack_configs: [] })).toBeUndefined();
    expect(receiverKind({ name: 'none' })).toBeUndefined();
  });
});
