import { MetricsQuery, type AlertRuleProps } from '../../constructs/alerts';
import { Testing, type App } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';
import { AlertEstate, type AlertEstateProps, type EstateScope } from '../../constructs/estate';
import { readStackFile, resourcesOf, synth, thrownBy } from '../support/synth';

const alert = (team: string, service: string, n: number): AlertRuleProps => ({
  name: `${service} CPU ${n}`,
  queries: [new MetricsQuery('A', 'system.cpu.utilization').spaceAggregation('max').where(`service.name = '${service}'`)],
  tiers: { critical: { target: 90 } },
  channels: [`slack-${team}`],
  labels: { team, service },
});

function build(props: Partial<AlertEstateProps>, define: (scope: EstateScope) => void): { app: App; estate: AlertEstate } {
  const app = Testing.app();
  // These alerts name Slack channels managed elsewhere, by name only: the channel check is not what is tested here.
  const estate = new AlertEstate(app, { environments: [{ name: 'dev' }, { name: 'prod' }], checks: { skip: ['channel-references'] }, ...props }, define);
  return { app, estate };
}

const stackNames = (estate: AlertEstate): Record<string, string[]> => Object.fromEntries([...estate.stacks].map(([env, stacks]) => [env, stacks.map((s) => s.node.id)]));

describe('AlertEstate', () => {
  it('builds one stack per environment from one definition, with the environment applied', () => {
    const { estate } = build({ environments: [{ name: 'dev', disabledAlerts: ['cpu'] }, { name: 'prod' }] }, (scope) => {
      scope.alert('cpu', alert('payments', 'checkout', 1));
    });
    expect(stackNames(estate)).toEqual({ dev: ['dev'], prod: ['prod'] });
    const dev = Object.values(resourcesOf(estate.stacks.get('dev')![0]!, 'signoz_rule'))[0] as any;
    const prod = Object.values(resourcesOf(estate.stacks.get('prod')![0]!, 'signoz_rule'))[0] as any;
    expect([dev.disabled, dev.labels.env]).toEqual([true, 'dev']);
    expect([prod.disabled, prod.labels.env]).toEqual([false, 'prod']);
  });

  it('keeps state local by a relative path unless the environment names a backend', () => {
    const { estate } = build({ name: 'shop' }, (scope) => scope.alert('cpu', alert('payments', 'checkout', 1)));
    const out = synth(estate.stacks.get('prod')![0]!) as any;
    expect(out.terraform.backend).toEqual({ local: { path: '../../../terraform.shop-prod.tfstate' } });
  });

  it('shards alerts by team into their own stacks that depend on the shared stack', () => {
    const { estate } = build({ sharding: { by: 'team' } }, (scope) => {
      scope.alert('a1', alert('payments', 'checkout', 1));
      scope.alert('a2', alert('search', 'query', 2));
      scope.alert('a3', alert('payments', 'billing', 3));
    });
    expect(stackNames(estate).prod).toEqual(['prod-shared', 'prod-alerts-payments', 'prod-alerts-search']);
    const [shared, payments, search] = estate.stacks.get('prod')!;
    expect(Object.keys(resourcesOf(payments!, 'signoz_rule'))).toHaveLength(2);
    expect(Object.keys(resourcesOf(search!, 'signoz_rule'))).toHaveLength(1);
    expect(payments!.dependencies).toContain(shared);
  });

  it('never moves other alerts when one alert is added or removed', () => {
    const team = (i: number) => ['payments', 'search', 'identity'][i % 3]!;
    const addresses = (count: number, skip?: number) => {
      const { estate } = build({ sharding: { by: (a) => a.props.labels!.service!.replace(/[^a-z0-9-]/g, '') } }, (scope) => {
        for (let i = 0; i < count; i++) if (i !== skip) scope.alert(`alert-${i}`, alert(team(i), `svc${i % 5}`, i));
      });
      const out = new Map<string, string>();
      for (const stack of estate.stacks.get('prod')!) for (const id of Object.keys(resourcesOf(stack, 'signoz_rule'))) out.set(id, stack.node.id);
      return out;
    };
    const before = addresses(20);
    const added = addresses(21);
    const removed = addresses(20, 7);
    for (const [id, stack] of before) {
      expect(added.get(id)).toBe(stack);
      if (!id.startsWith('alert-7_')) expect(removed.get(id)).toBe(stack);
    }
  });

  it('fails synth when a shard outgrows its limit, or only warns when asked', () => {
    const many = (scope: EstateScope) => {
      for (let i = 0; i < 4; i++) scope.alert(`a${i}`, alert('payments', 'checkout', i));
    };
    const failing = build({ environments: [{ name: 'prod' }], sharding: { by: 'team', maxResourcesPerStack: 3 } }, many);
    expect(thrownBy(() => synth(failing.estate.stacks.get('prod')![1]!)).message).toContain(
      'stack prod-alerts-payments holds 4 resources, above the limit of 3 per state: shard by a finer key (e.g. service instead of team) or raise sharding.maxResourcesPerStack',
    );
    const warning = build({ environments: [{ name: 'prod' }], sharding: { by: 'team', maxResourcesPerStack: 3, onOversize: 'warning' } }, many);
    expect(() => synth(warning.estate.stacks.get('prod')![1]!)).not.toThrow();
  });

  it('reports an alert without the shard label, and shard keys that cannot name a stack', () => {
    expect(thrownBy(() => build({ sharding: { by: 'service' } }, (scope) => scope.alert('x', { ...alert('payments', 'checkout', 1), labels: { team: 'payments' } }))).message).toBe(
      'Invalid AlertEstate environment at \'dev-shared\':\n  - alert("x"): has no "service" label; sharding by service needs one on every alert',
    );
    expect(thrownBy(() => build({ sharding: { by: 'service' } }, (scope) => scope.alert('x', alert('payments', 'Check Out', 1)))).message).toBe(
      'Invalid AlertEstate environment at \'dev-shared\':\n  - alert("x"): shard key "Check Out" must be lowercase letters, digits and dashes (it names a stack)',
    );
  });

  it('rejects an alert id used twice', () => {
    expect(
      thrownBy(() =>
        build({}, (scope) => {
          scope.alert('cpu', alert('p', 'c', 1));
          scope.alert('cpu', alert('p', 'c', 2));
        }),
      ).message,
    ).toBe('Invalid AlertEstate environment at \'dev\':\n  - alert("cpu"): the id is used twice; alert ids must be unique in the estate');
  });

  it('puts maintenance windows that name alerts in their own stack, referencing alerts across states', () => {
    const { app, estate } = build({ environments: [{ name: 'prod' }], sharding: { by: 'team' } }, (scope) => {
      const rule = scope.alert('cpu', alert('payments', 'checkout', 1));
      new TerraformData(scope.maintenance, 'WindowStandIn', { input: { alertIds: [rule.ruleId] } });
    });
    const stacks = estate.stacks.get('prod')!;
    expect(stacks.map((s) => s.node.id)).toEqual(['prod-shared', 'prod-alerts-payments', 'prod-maintenance']);
    app.synth();
    const read = (stack: string) => readStackFile(app, stack);
    const maintenance = read('prod-maintenance');
    expect(maintenance.resource.terraform_data.WindowStandIn.input.alertIds[0]).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-alerts-payments\.outputs\.cross-stack-output-signoz_rulecpu_[A-F0-9]+id\}$/,
    );
    expect(Object.keys(read('prod-alerts-payments').output)).toEqual([expect.stringMatching(/^cross-stack-output-signoz_rulecpu_[A-F0-9]+id$/)]);
    expect(stacks[2]!.dependencies).toContain(stacks[1]);
  });

  it('rejects duplicate environments', () => {
    expect(thrownBy(() => build({ environments: [{ name: 'dev' }, { name: 'dev' }] }, () => undefined)).message).toBe(
      'Invalid AlertEstate:\n  - environments: environment "dev" is declared twice; environment names must be unique',
    );
  });
});
