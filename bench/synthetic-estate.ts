/**
 * A synthetic alert estate of any size with a realistic mix: metrics thresholds (CPU, memory),
 * log error-rate formulas, trace latency percentiles, PromQL, absent-data rules; one or two
 * tiers; Slack and PagerDuty channels per team. Deterministic: the same size gives the same estate.
 */
import { NotificationChannel, setEnvironment } from '../constructs';
import { AlertRule, Formula, LogsQuery, MetricsQuery, PromQLQuery, TracesQuery, type AlertRuleProps } from '../constructs/alerts';
import { App, LocalBackend, TerraformStack } from '../constructs/engine';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

export const TEAMS = ['payments', 'checkout', 'search', 'identity', 'catalog', 'shipping', 'pricing', 'platform', 'data', 'mobile'];

/** Small seeded PRNG (mulberry32) so estates are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticAlert {
  /** Construct id, unique in the estate. */
  readonly id: string;
  readonly team: string;
  readonly service: string;
  readonly props: () => AlertRuleProps;
}

export function syntheticEstate(size: number): SyntheticAlert[] {
  const rand = random(size);
  const alerts: SyntheticAlert[] = [];
  for (let i = 0; i < size; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const service = `${team}-svc-${Math.floor(i / TEAMS.length) % 25}`;
    const roll = rand();
    const twoTiers = rand() < 0.6;
    const base = 50 + Math.floor(rand() * 40);
    const channels = [`slack-${team}`];
    const paging = [`pagerduty-${team}`];
    const common = {
      labels: { team, service },
      runbook: `https://runbooks.example.com/${team}/${i}`,
      channels,
    };
    const tiers = (critical: number, warning: number) =>
      twoTiers ? { critical: { target: critical, channels: paging }, warning: { target: warning } } : { critical: { target: critical, channels: paging } };
    let props: () => AlertRuleProps;
    if (roll < 0.25) {
      props = () => ({
        ...common,
        name: `${service} CPU ${i}`,
        queries: [new MetricsQuery('A', 'system.cpu.utilization').timeAggregation('avg').spaceAggregation('max').where(`service.name = '${service}'`).groupBy('host.name')],
        matchType: 'on_average',
        tiers: tiers(base + 10, base),
      });
    } else if (roll < 0.4) {
      props = () => ({
        ...common,
        name: `${service} memory ${i}`,
        queries: [new MetricsQuery('A', 'container.memory.usage').timeAggregation('avg').spaceAggregation('sum').where(`service.name = '${service}'`).groupBy('k8s.pod.name')],
        unit: 'bytes',
        tiers: tiers(base * 1e7, base * 8e6),
      });
    } else if (roll < 0.6) {
      props = () => ({
        ...common,
        name: `${service} error rate ${i}`,
        queries: [
          new LogsQuery('A').count().where(`service.name = '${service}' AND severity_text = 'ERROR'`).disabled(),
          new LogsQuery('B').count().where(`service.name = '${service}'`).disabled(),
          new Formula('F1', 'A / B * 100'),
        ],
        unit: 'percent',
        tiers: tiers(10, 5),
      });
    } else if (roll < 0.8) {
      props = () => ({
        ...common,
        name: `${service} p99 latency ${i}`,
        queries: [new TracesQuery('A').p99().where(`service.name = '${service}'`).groupBy('http.route')],
        unit: 'ns',
        targetUnit: 'ms',
        tiers: tiers(base * 20, base * 10),
      });
    } else if (roll < 0.92) {
      props = () => ({
        ...common,
        name: `${service} 5xx ratio ${i}`,
        queries: [new PromQLQuery('A', `sum(rate(http_requests_total{service="${service}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="${service}"}[5m]))`)],
        tiers: tiers(0.05, 0.01),
      });
    } else {
      props = () => ({
        ...common,
        name: `${service} heartbeat missing ${i}`,
        queries: [new MetricsQuery('A', 'heartbeat.count').timeAggregation('sum').spaceAggregation('sum').where(`service.name = '${service}'`)],
        op: 'below',
        absentFor: '10m',
        tiers: { critical: { target: 1, channels: paging } },
      });
    }
    alerts.push({ id: `alert-${String(i).padStart(5, '0')}`, team, service, props });
  }
  return alerts;
}

export interface SyntheticAppOptions {
  /** App context (for example to turn a synth feature off). @default - none */
  readonly context?: Record<string, unknown>;
  /** One stack per environment and team (`prod-payments`) instead of one per environment. @default false */
  readonly shardByTeam?: boolean;
  /** Index of an alert whose critical threshold is raised by one: "one alert changed". @default - none */
  readonly changedAlert?: number;
}

/** The bench's toolkit app: the estate of `size` alerts in each environment, synthesized into `outdir`. */
export function synthSyntheticEstate(size: number, outdir: string, options: SyntheticAppOptions = {}): void {
  const alerts = syntheticEstate(size);
  const app = new App({ outdir, skipValidation: false, context: options.context ?? {} });
  for (const env of ENVIRONMENTS) {
    const stacks = new Map<string, TerraformStack>();
    const stackFor = (team: string): TerraformStack => {
      const name = options.shardByTeam ? `${env}-${team}` : env;
      let stack = stacks.get(name);
      if (!stack) {
        stack = new TerraformStack(app, name);
        new LocalBackend(stack, { path: `../../../${name}.tfstate` });
        setEnvironment(stack, { name: env });
        // the teams' channels live in SigNoz already: declared, as the default checks ask
        for (const t of TEAMS) {
          NotificationChannel.fromName(stack, `slack-${t}`, `slack-${t}`, 'slack');
          NotificationChannel.fromName(stack, `pagerduty-${t}`, `pagerduty-${t}`, 'pagerduty');
        }
        stacks.set(name, stack);
      }
      return stack;
    };
    alerts.forEach((alert, index) => {
      const props = alert.props();
      const critical = props.tiers?.critical;
      const changed =
        index === options.changedAlert && env === 'prod' && critical ? { ...props, tiers: { ...props.tiers, critical: { ...critical, target: critical.target + 1 } } } : props;
      new AlertRule(stackFor(alert.team), alert.id, changed);
    });
  }
  app.synth();
}
