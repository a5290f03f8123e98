import { parsePlanJson } from '../../../pipeline/plan/plan-json';
import { ChannelDirectory, channelIdentity } from '../../../pipeline/resources/channel-directory';
import { resourceCategory } from '../../../pipeline/resources/resource-category';
import { resolvePolicyOptions } from '../../../policies/options';
import { channelAttrs, planJson, resourceChange } from '../fixtures/plan-builders';

describe('channel directory (which channels page)', () => {
  const plan = parsePlanJson(
    JSON.stringify(
      planJson({
        resourceChanges: [
          resourceChange({
            address: 'restapi_object.pd',
            actions: ['no-op'],
            before: channelAttrs({ name: 'primary', pagerduty_configs: [{ routing_key: 'k' }] }),
            after: channelAttrs({ name: 'primary', pagerduty_configs: [{ routing_key: 'k' }] }),
          }),
          resourceChange({ address: 'restapi_object.og', actions: ['create'], after: channelAttrs({ name: 'escalation', opsgenie_configs: [{ api_key: 'k' }] }) }),
          resourceChange({
            address: 'restapi_object.pager_named_slack',
            actions: ['no-op'],
            before: channelAttrs({ name: 'pager-digest', slack_configs: [{ channel: '#x' }] }),
            after: channelAttrs({ name: 'pager-digest', slack_configs: [{ channel: '#x' }] }),
          }),
        ],
      }),
    ),
    'p',
  );
  const directory = ChannelDirectory.fromResourceChanges(plan.resourceChanges, { pagingChannels: ['night-shift'], nonPagingChannels: ['oncall-digest'] });

  it('learns kinds from channel resources in the plan, changed or not', () => {
    expect(directory.kindOf('primary')).toBe('pagerduty');
    expect(directory.pagingBasis('primary')).toBe('kind');
    expect(directory.pagingBasis('escalation')).toBe('kind');
    expect(directory.isPaging('pager-digest')).toBe(false);
    expect(directory.describe('primary')).toBe('primary (pagerduty)');
  });

  it('falls back to the name for channels not in the plan, and lets the config decide first', () => {
    expect(directory.pagingBasis('pd-oncall')).toBe('name');
    expect(directory.pagingBasis('team-oncall')).toBe('name');
    expect(directory.pagingBasis('pagerduty-platform')).toBe('name');
    expect(directory.isPaging('slack-ops')).toBe(false);
    expect(directory.isPaging('homepage-alerts')).toBe(false);
    expect(directory.pagingBasis('night-shift')).toBe('config');
    expect(directory.isPaging('oncall-digest')).toBe(false);
    expect(directory.describe('pd-oncall')).toBe('pd-oncall (paging by name)');
  });

  it('judges a channel by its name as the policy checks do by default', () => {
    const policyPattern = resolvePolicyOptions().pagingChannelPattern;
    const names = ['pd-checkout', 'team-pager', 'paymentsoncall', 'nightly-paging', 'opsgenie-eu', 'slack-ops', 'homepage-alerts', 'email-digest'];
    const plain = new ChannelDirectory();
    expect(names.filter((n) => plain.isPaging(n))).toEqual(['pd-checkout', 'team-pager', 'paymentsoncall', 'nightly-paging', 'opsgenie-eu']);
    expect(names.filter((n) => policyPattern.test(n))).toEqual(names.filter((n) => plain.isPaging(n)));
  });

  it('recognises channels on the REST channels API whatever the resource type', () => {
    expect(resourceCategory('restapi_object', { path: '/api/v1/channels' })).toBe('channel');
    expect(resourceCategory('restapi_object', { path: 'api/v1/channels/' })).toBe('channel');
    expect(resourceCategory('restapi_object', { path: '/api/v1/rules' })).toBe('other');
    expect(resourceCategory('signoz_notification_channel', {})).toBe('channel');
    expect(channelIdentity({ name: 'typed', config: { pagerduty: { routing_key: 'x' }, slack: null } })).toEqual({ name: 'typed', kind: 'pagerduty' });
  });
});
