import { scanForSecrets } from '../../../policies/stack-reading/secret-scan';
import { formatShortDuration as formatDuration, parseGoDuration } from '../../../constructs/model/duration';
import { resolveEnvironment } from '../../../constructs/stacks/resolve-environment';
import { jsonLineIndex, lineOf } from '../../../policies/stack-reading/json-lines';
import { resolvePolicyOptions, PolicyOptionsError } from '../../../policies';

describe('Go durations', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['5m0s', 300_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['0', 0],
  ])('%s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each([[''], ['5'], ['five minutes'], ['-'], [42]])('rejects %s', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it('formats durations compactly', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});

describe('environment of a stack', () => {
  const options = resolvePolicyOptions();

  it('prefers the pack option, then the stack metadata, then a shared env label, then the stack name', () => {
    expect(resolveEnvironment('a', 'prod', [], resolvePolicyOptions({ environments: { a: 'staging' } }))).toEqual({ name: 'staging', basis: 'pack option' });
    expect(resolveEnvironment('alerts-dev', 'prod', ['dev'], options)).toEqual({ name: 'prod', basis: 'stack metadata' });
    expect(resolveEnvironment('alerts-dev', undefined, ['prod', 'prod'], options)).toEqual({ name: 'prod', basis: 'env label' });
    expect(resolveEnvironment('alertsProd', undefined, ['prod', 'dev'], options)).toEqual({ name: 'prod', basis: 'stack name' });
    expect(resolveEnvironment('payments-eu', undefined, [], options)).toEqual({ name: 'payments-eu', basis: 'default' });
  });
});

describe('line index of cdk.tf.json', () => {
  it('maps the first levels of keys to lines and falls back to the parent', () => {
    const text = JSON.stringify({ resource: { signoz_rule: { A: { alert: 'x' }, 'B/C': { alert: 'y' } } }, terraform: { backend: { s3: {} } } }, null, 2);
    const index = jsonLineIndex(text);
    expect(lineOf(index, '/resource/signoz_rule/A')).toBe(4);
    expect(lineOf(index, '/resource/signoz_rule/B~1C/alert')).toBe(7);
    expect(lineOf(index, '/terraform/backend/s3')).toBe(14);
    expect(lineOf(index, '/nothing')).toBeUndefined();
  });
});

describe('policy options', () => {
  it('fills in the defaults', () => {
    const options = resolvePolicyOptions();
    expect(options.pagingBudget).toBe(25);
    expect(options.minRenotifyIntervalMs).toBe(1_800_000);
    expect(options.pagingChannelPattern.test('team-OnCall')).toBe(true);
  });

  it('names each bad option and what is allowed', () => {
    expect(() => resolvePolicyOptions({ minRenotifyInterval: 'soon', pagingBudget: -1 })).toThrow(PolicyOptionsError);
    expect(() => resolvePolicyOptions({ minRenotifyInterval: 'soon', pagingBudget: -1 })).toThrow(
      /Invalid policy options:\n {2}- minRenotifyInterval: must be a Go duration such as 30m or 1h\n {2}- pagingBudget: must not be negative/,
    );
    expect(() => resolvePolicyOptions({ pagingChannelPattern: '(' })).toThrow(/pagingChannelPattern: is not a valid regular expression/);
    expect(() => resolvePolicyOptions({ pagingBudgt: 3 } as object)).toThrow(/Unrecognized key/);
  });

  it('ignores the state of global patterns', () => {
    const options = resolvePolicyOptions({ pagingChannelPattern: /pager/g });
    expect([options.pagingChannelPattern.test('pager-a'), options.pagingChannelPattern.test('pager-b')]).toEqual([true, true]);
  });
});

describe('secret scan and redacted channel definitions', () => {
  it('treats the (sensitive: var.x) placeholder of a channel definition as a reference, not a literal', () => {
    const doc = { resource: { terraform_data: { d: { input: { settings: { pagerduty_configs: [{ routing_key: '(sensitive: var.pager_key)' }] } } } } } };
    expect(scanForSecrets(doc)).toEqual([]);
    const leaked = { resource: { terraform_data: { d: { input: { settings: { pagerduty_configs: [{ routing_key: 'R0UTINGKEY123' }] } } } } } };
    expect(scanForSecrets(leaked).map((h) => h.kind)).toEqual(['literal value of "routing_key"']);
  });
});
