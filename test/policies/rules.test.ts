import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultRules, PolicyPack, type Finding, type PolicyOptions, type PolicyReport } from '../../policies';
import { goodPayload, GOOD_TERRAFORM, synthesizedStack, type StackSpec } from './support/estate';

const TODAY = '2026-03-01';

function check(stacks: StackSpec | readonly StackSpec[], options: PolicyOptions = {}): PolicyReport {
  const list = Array.isArray(stacks) ? stacks : [stacks as StackSpec];
  return PolicyPack.default({ options }).run(list.map(synthesizedStack), { today: TODAY });
}

function findingsOf(report: PolicyReport, ruleId: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** Rule ID -> level. Changing a level is a breaking change for users' pipelines: update this table on purpose. */
const PINNED_LEVELS = {
  'severity-label': 'error',
  'severity-overrides-tiers': 'warning',
  'owner-label': 'error',
  'invisible-characters': 'error',
  'runbook-link': 'error',
  'critical-alert-pages': 'error',
  'alert-has-route': 'error',
  'evaluation-window': 'error',
  'renotify-interval': 'warning',
  'tier-order': 'error',
  'disabled-in-production': 'error',
  'terraform-version-pinned': 'error',
  'provider-versions-pinned': 'error',
  'no-literal-secrets': 'error',
  'remote-state-locking': 'error',
  'route-policy-readable': 'warning',
  'unique-alert-names': 'error',
  'paging-budget': 'error',
  'channel-references': 'error',
  'no-paging-without-on-call': 'error',
} as const;

describe('default pack', () => {
  it('pins every rule ID and level', () => {
    expect(Object.fromEntries(defaultRules.map((r) => [r.id, r.level]))).toEqual(PINNED_LEVELS);
  });

  it('takes each rule ID from its file name, one rule per file', () => {
    const dir = path.join(__dirname, '../../policies/rules');
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(defaultRules.map((r) => r.id).sort());
  });

  it('lists every rule of the pack, with its level and description, in docs/policies.md and counts them in the README', () => {
    const docs = fs.readFileSync(path.join(__dirname, '../../docs/policies.md'), 'utf8');
    const table = docs.slice(docs.indexOf('## The default pack'), docs.indexOf('The engine adds its own checks'));
    const rows = [...table.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (\w+) \| (.*) \|$/gm)].map((m) => ({ id: m[1], level: m[3], text: m[4]! }));
    expect(rows.map((r) => [r.id, r.level])).toEqual(defaultRules.map((r) => [r.id, r.level]));
    // the docs may add a sentence, but start with the rule's own description
    for (const [i, rule] of defaultRules.entries()) expect(rows[i]!.text.startsWith(rule.description), rule.id).toBe(true);
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`The default pack (${defaultRules.length} rules,`);
  });

  it('gives every rule a one-line description and an explanation', () => {
    for (const rule of defaultRules) {
      expect(rule.description, rule.id).toMatch(/^[A-Z].*\.$/);
      expect(rule.description, rule.id).not.toContain('\n');
      expect(rule.explanation.length, rule.id).toBeGreaterThan(80);
    }
  });

  it('finds nothing in the compliant baseline estate', () => {
    const report = check({});
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ stacks: 1, alerts: 1, errors: 0, warnings: 0, suppressed: 0 });
  });
});

interface RuleCase {
  readonly name: string;
  readonly stacks: StackSpec | readonly StackSpec[];
  readonly options?: PolicyOptions;
  /** Expected messages of the rule's findings (one regex per finding), or [] for a good case. */
  readonly expect: readonly RegExp[];
  /** Expected level of every finding. @default the rule's level */
  readonly level?: 'error' | 'warning';
}

const alerts = (...payloads: ReturnType<typeof goodPayload>[]) => payloads.map((payload, i) => ({ id: `Alert${i}`, payload }));
const onePolicy = (expression: string, channels: string[] = ['pagerduty-oncall']) => [{ id: 'Route', name: 'route', expression, channels }];
const viaPolicy = (p: ReturnType<typeof goodPayload>) => {
  p.notificationSettings.usePolicy = true;
  for (const t of p.condition.thresholds.spec) t.channels = [];
};

/** Marks the stack's environment as having nobody on call, as `onCall: false` in its settings does. */
const noOnCall = (document: Record<string, any>): void => {
  document['//']['signoz-alerts'].onCall = false;
};

const CASES: Record<keyof typeof PINNED_LEVELS, readonly RuleCase[]> = {
  'severity-label': [
    {
      name: 'tier names that are no severity',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.name = 'P1';
          }),
        ),
      },
      expect: [/tier "P1" fires with severity "p1", which is not one of "critical", "error", "warning" and "info"/],
    },
    {
      name: 'a severity label outside the set',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.labels!.severity = 'urgent';
            p.condition.thresholds.spec.pop();
          }),
        ),
      },
      expect: [/severity label "urgent"/],
    },
    {
      name: 'a configured set',
      stacks: {},
      options: { allowedSeverities: ['critical'] },
      expect: [/tier "warning" fires with severity "warning", which is not one of "critical"/],
    },
    { name: 'tiers named after severities', stacks: {}, expect: [] },
  ],
  'severity-overrides-tiers': [
    {
      name: 'a rule label over two tiers',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.labels!.severity = 'critical';
          }),
        ),
      },
      expect: [/severity="critical", so its "warning" tier alerts also fire with severity "critical"/],
    },
    {
      name: 'a rule label on a single tier',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.labels!.severity = 'critical';
            p.condition.thresholds.spec.pop();
          }),
        ),
      },
      expect: [],
    },
  ],
  'invisible-characters': [
    {
      name: 'a right-to-left override in the alert name and a zero-width space in a label',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.alert = 'CPU \u202Eegap';
            p.labels!.team = 'pay\u200bments';
          }),
        ),
      },
      expect: [/alert name "CPU <U\+202E>egap" holds U\+202E; label team "pay<U\+200B>ments" holds U\+200B: remove the invisible characters/],
    },
    { name: 'plain names', stacks: { alerts: alerts(goodPayload()) }, expect: [] },
  ],
  'owner-label': [
    {
      name: 'no team or owner label',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            delete p.labels!.team;
          }),
        ),
      },
      expect: [/has no owner label; set labels.team or labels.owner/],
    },
    {
      name: 'an owner label instead of team',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            delete p.labels!.team;
            p.labels!.owner = 'sre';
          }),
        ),
      },
      expect: [],
    },
    { name: 'a configured label', stacks: {}, options: { ownerLabels: ['squad'] }, expect: [/set labels.squad/] },
  ],
  'runbook-link': [
    {
      name: 'a critical alert without runbook',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            delete p.annotations!.runbook_url;
          }),
        ),
      },
      expect: [/is critical\/warning but has no runbook_url annotation|is critical but has no runbook_url annotation/],
    },
    {
      name: 'a runbook that is not a URL',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.annotations!.runbook_url = 'see the wiki';
          }),
        ),
      },
      expect: [/runbook_url "see the wiki", which is not an http\(s\) URL/],
    },
    {
      name: 'a warning-only alert without runbook',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            delete p.annotations!.runbook_url;
            p.condition.thresholds.spec.shift();
          }),
        ),
      },
      expect: [],
    },
  ],
  'critical-alert-pages': [
    {
      name: 'a critical tier notifying Slack only',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.channels = ['slack-alerts'];
          }),
        ),
      },
      expect: [/tier "critical", notifies only slack-alerts \(slack\), none of which pages/],
    },
    {
      name: 'a critical tier notifying Slack only where nobody is on call (no-paging-without-on-call rules there)',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.channels = ['slack-alerts'];
          }),
        ),
        change: noOnCall,
      },
      expect: [],
    },
    {
      name: 'a channel defined elsewhere whose name says on-call',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.channels = ['payments-oncall'];
          }),
        ),
      },
      expect: [],
    },
    {
      name: 'a channel defined elsewhere with another name',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.channels = ['payments-team'];
          }),
        ),
      },
      expect: [/payments-team \(not defined in this environment\)/],
    },
    { name: 'a policy that surely pages', stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('service == "checkout"') }, expect: [] },
    {
      name: 'a policy sending critical alerts to Slack',
      stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('severity == "critical"', ['slack-alerts']) },
      expect: [/the matching ones send to no paging channel: route policy "route" \(severity == "critical"\) -> slack-alerts \(slack\)/],
    },
    {
      name: 'no policy for the team',
      stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('team == "search"') },
      expect: [/no route policy of environment "prod" matches it/],
    },
    {
      name: 'a policy on a group-by label',
      stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('host.name startsWith "db-"') },
      level: 'warning',
      expect: [/cannot prove it pages: route policy "route" \(host.name startsWith "db-"\) may match, but it depends on labels known only when the alert fires/],
    },
  ],
  'alert-has-route': [
    {
      name: 'a tier without channels',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[1]!.channels = [];
          }),
        ),
      },
      expect: [/tier "warning", has no channel and does not route through policies/],
    },
    {
      name: 'policy routing with no policy',
      stacks: { alerts: alerts(goodPayload(viaPolicy)) },
      expect: [/tier "critical", routes through policies, but no route policy/, /tier "warning", routes through policies, but no route policy/],
    },
    { name: 'policy routing with a catch-all policy', stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('team == "payments"') }, expect: [] },
    {
      name: 'policy routing on a run-time label',
      stacks: { alerts: alerts(goodPayload(viaPolicy)), routePolicies: onePolicy('ruleId != ""') },
      level: 'warning',
      expect: [/tier "critical": cannot prove a route policy matches/, /tier "warning": cannot prove a route policy matches/],
    },
  ],
  'evaluation-window': [
    {
      name: 'a window shorter than the frequency',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.evaluation = { kind: 'rolling', spec: { evalWindow: '30s', frequency: '2m' } };
          }),
        ),
      },
      expect: [/looks at 30s of data every 2m, so 1m30s of each period is never evaluated/],
    },
    {
      name: 'a window of one frequency',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.evaluation = { kind: 'rolling', spec: { evalWindow: '1m0s', frequency: '1m' } };
          }),
        ),
      },
      expect: [],
    },
  ],
  'renotify-interval': [
    {
      name: 'renotify every 5m',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.notificationSettings.renotify!.interval = '5m';
          }),
        ),
      },
      expect: [/re-notifies every 5m, more often than the floor of 30m/],
    },
    {
      name: 'a short interval with renotify off',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.notificationSettings.renotify = { enabled: false, interval: '1m', alertStates: ['firing'] };
          }),
        ),
      },
      expect: [],
    },
    { name: 'a configured floor', stacks: {}, options: { minRenotifyInterval: '6h' }, expect: [/every 4h, more often than the floor of 6h/] },
  ],
  'tier-order': [
    {
      name: 'critical below warning for above',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[1]!.target = 0.95;
          }),
        ),
      },
      expect: [/tier "critical" \(above 0.9\) is not beyond tier "warning" \(above 0.95\)/],
    },
    {
      name: 'equal targets',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[1]!.target = 0.9;
          }),
        ),
      },
      expect: [/is not beyond/],
    },
    {
      name: 'critical above warning for below',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            for (const t of p.condition.thresholds.spec) t.op = 'below';
          }),
        ),
      },
      expect: [/tier "critical" \(below 0.9\) is not beyond tier "warning" \(below 0.8\)/],
    },
    {
      name: 'critical lower than warning for below',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            for (const t of p.condition.thresholds.spec) t.op = 'below';
            p.condition.thresholds.spec[0]!.target = 0.1;
          }),
        ),
      },
      expect: [],
    },
    {
      name: 'tiers in different units',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.targetUnit = 's';
            p.condition.thresholds.spec[1]!.target = 500;
            p.condition.thresholds.spec[1]!.targetUnit = 'ms';
          }),
        ),
      },
      expect: [],
    },
  ],
  'disabled-in-production': [
    {
      name: 'a disabled alert in prod',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.disabled = true;
          }),
        ),
      },
      expect: [/is disabled in production environment "prod"/],
    },
    {
      name: 'a disabled alert in staging',
      stacks: {
        environment: 'staging',
        alerts: alerts(
          goodPayload((p) => {
            p.disabled = true;
          }),
        ),
      },
      expect: [],
    },
  ],
  'terraform-version-pinned': [
    { name: 'a version range', stacks: { terraform: { ...GOOD_TERRAFORM, required_version: '>= 1.5' } }, expect: [/allows Terraform versions ">= 1.5"; pin one exact version/] },
    {
      name: 'no required_version',
      stacks: {
        change: (d) => {
          delete d.terraform.required_version;
        },
      },
      expect: [/does not pin the Terraform version/],
    },
    { name: 'an exact "= x.y.z"', stacks: { terraform: { ...GOOD_TERRAFORM, required_version: '= 1.11.4' } }, expect: [] },
  ],
  'provider-versions-pinned': [
    {
      name: 'a pessimistic range',
      stacks: {
        change: (d) => {
          d.terraform.required_providers.signoz.version = '~> 0.0';
        },
      },
      expect: [/allows provider "signoz" versions "~> 0.0"/],
    },
    {
      name: 'no version',
      stacks: {
        change: (d) => {
          delete d.terraform.required_providers.restapi.version;
        },
      },
      expect: [/does not pin provider "restapi"/],
    },
    {
      name: 'a configured provider that is not required',
      stacks: {
        change: (d) => {
          d.provider.null = [{}];
        },
      },
      expect: [/configures provider "null" without declaring it/],
    },
    { name: 'exact versions, with and without "="', stacks: {}, expect: [] },
  ],
  'no-literal-secrets': [
    {
      name: 'a Slack webhook in a channel',
      stacks: {
        change: (d) => {
          d.resource.restapi_object.slack_alerts.data =
            '{"name":"slack-alerts","slack_configs":[{"api_url":"https://hooks.slack.com/services/T0ABCDEF/B0ABCDEF/abcdefghijklmnop1234"}]}';
        },
      },
      expect: [/holds a Slack webhook URL at \/resource\/restapi_object\/slack_alerts\/data \(JSON inside it, at \/slack_configs\/0\/api_url\)/],
    },
    {
      name: 'a literal routing key',
      stacks: {
        change: (d) => {
          d.resource.restapi_object.pagerduty_oncall.data = '{"name":"pagerduty-oncall","pagerduty_configs":[{"routing_key":"0123456789abcdef0123456789abcdef"}]}';
        },
      },
      expect: [/holds a literal value of "routing_key"/],
    },
    {
      name: 'a password in provider headers',
      stacks: {
        change: (d) => {
          d.provider.restapi[0].password = 'hunter2hunter2';
        },
      },
      expect: [/holds a literal value of "password" at \/provider\/restapi\/0\/password/],
    },
    {
      name: 'credentials in a URL',
      stacks: {
        change: (d) => {
          d.variable.signoz_endpoint.default = 'https://admin:s3cretpass@signoz.example.com';
        },
      },
      expect: [/holds a credentials in a URL at \/variable\/signoz_endpoint\/default/],
    },
    {
      name: 'references and escaped interpolation only',
      stacks: {
        change: (d) => {
          d.provider.restapi[0].password = '${var.password}';
          d.variable.signoz_endpoint.default = 'https://user:${var.pw}@signoz.example.com';
        },
      },
      expect: [],
    },
  ],
  'remote-state-locking': [
    { name: 'local state in prod', stacks: { terraform: { ...GOOD_TERRAFORM, backend: { local: { path: 'x.tfstate' } } } }, expect: [/keeps its state in a local file/] },
    {
      name: 's3 without locking',
      stacks: { terraform: { ...GOOD_TERRAFORM, backend: { s3: { bucket: 'b', key: 'k' } } } },
      expect: [/uses the s3 backend without locking; set use_lockfile = true/],
    },
    { name: 's3 with a DynamoDB lock table', stacks: { terraform: { ...GOOD_TERRAFORM, backend: { s3: { bucket: 'b', key: 'k', dynamodb_table: 'locks' } } } }, expect: [] },
    { name: 'gcs', stacks: { terraform: { ...GOOD_TERRAFORM, backend: { gcs: { bucket: 'b' } } } }, expect: [] },
    {
      name: 'HCP Terraform',
      stacks: {
        change: (d) => {
          delete d.terraform.backend;
          d.terraform.cloud = { organization: 'acme', workspaces: { name: 'alerts' } };
        },
      },
      expect: [],
    },
    {
      name: 'local state in dev',
      stacks: {
        name: 'alerts-dev',
        environment: null,
        terraform: { ...GOOD_TERRAFORM, backend: { local: { path: 'x.tfstate' } } },
        alerts: alerts(
          goodPayload((p) => {
            p.labels!.env = 'dev';
          }),
        ),
      },
      expect: [],
    },
    {
      name: 'an unknown backend',
      stacks: { terraform: { ...GOOD_TERRAFORM, backend: { artifactory: {} } } },
      level: 'warning',
      expect: [/uses the "artifactory" backend, which this check does not know/],
    },
  ],
  'route-policy-readable': [
    {
      name: 'a function call',
      stacks: { routePolicies: onePolicy('len(service) > 3') },
      expect: [
        /route policy "route" has an expression the checks cannot evaluate \(column 4: expected a comparison: ==, !=, in, not in, contains, startsWith, endsWith or matches, found '\('\): len\(service\) > 3$/,
      ],
    },
    {
      name: 'nil, which RoutePolicy refuses too',
      stacks: { routePolicies: onePolicy('team == nil') },
      expect: [/\(column 9: comparing with nil is not supported; compare with a string\)/],
    },
    { name: 'the supported subset', stacks: { routePolicies: onePolicy('(service in ["a", "b"] or team == "x") and not (severity matches "^info")') }, expect: [] },
  ],
  'unique-alert-names': [
    {
      name: 'one name twice in an environment',
      stacks: [{ name: 'prod-a' }, { name: 'prod-b' }],
      expect: [/alert name "Checkout CPU high" is used 2 times in environment "prod" \(also by prod-b\/CheckoutCpu\/Resource\)/, /also by prod-a\/CheckoutCpu\/Resource/],
    },
    { name: 'one name in two environments', stacks: [{ name: 'prod' }, { name: 'staging', environment: 'staging' }], expect: [] },
  ],
  'channel-references': [
    {
      name: 'a tier naming a channel the environment lacks',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[1]!.channels = ['slack-alerst'];
          }),
        ),
      },
      expect: [
        /alert "Checkout CPU high", tier "warning", names channel "slack-alerst", which no stack of environment "prod" declares or imports; declare it with NotificationChannel in environment "prod", or use NotificationChannel.fromName\(scope, id, 'slack-alerst'\)/,
      ],
    },
    {
      name: 'a route policy naming a missing channel',
      stacks: { routePolicies: onePolicy('severity == "critical"', ['opsgenie-primary']) },
      expect: [/route policy "route" names channel "opsgenie-primary", which no stack of environment "prod" declares or imports/],
    },
    {
      name: 'channels declared in another stack of the environment',
      stacks: [
        { name: 'prod-alerts', channels: {} },
        { name: 'prod-shared', alerts: [] },
      ],
      expect: [],
    },
    { name: 'a channel imported by name', stacks: { channels: { 'pagerduty-oncall': 'pagerduty' }, importedChannels: { 'slack-alerts': 'slack' } }, expect: [] },
  ],
  'no-paging-without-on-call': [
    {
      name: 'a tier still paging in an environment without on-call',
      stacks: { change: noOnCall },
      expect: [
        /alert "Checkout CPU high", tier "critical", pages "pagerduty-oncall" \(pagerduty\), but environment "prod" declares onCall: false; map the channel to a team channel in its channelOverrides, or set onCall: true/,
      ],
    },
    {
      name: 'a route policy paging in an environment without on-call',
      stacks: { alerts: [], routePolicies: onePolicy('severity == "critical"', ['pagerduty-oncall', 'slack-alerts']), change: noOnCall },
      expect: [/route policy "route" pages "pagerduty-oncall" \(pagerduty\), but environment "prod" declares onCall: false/],
    },
    { name: 'paging where someone is on call', stacks: { routePolicies: onePolicy('severity == "critical"', ['pagerduty-oncall']) }, expect: [] },
    {
      name: 'no paging channel reached',
      stacks: {
        alerts: alerts(
          goodPayload((p) => {
            p.condition.thresholds.spec[0]!.channels = ['slack-alerts'];
          }),
        ),
        change: noOnCall,
      },
      expect: [],
    },
  ],
  'paging-budget': [
    {
      name: 'more paging alerts than the budget',
      stacks: {
        alerts: alerts(
          goodPayload(),
          goodPayload((p) => {
            p.alert = 'Checkout memory high';
          }),
        ),
      },
      options: { pagingBudget: 1 },
      expect: [/team "payments" has 2 paging alerts in environment "prod", over its budget of 1/],
    },
    {
      name: 'non-paging alerts do not count',
      stacks: {
        alerts: alerts(
          goodPayload(),
          goodPayload((p) => {
            p.alert = 'Checkout memory high';
            p.condition.thresholds.spec[0]!.channels = ['slack-alerts'];
          }),
        ),
      },
      options: { pagingBudget: 1 },
      expect: [],
    },
  ],
};

describe.each(Object.entries(CASES))('rule %s', (ruleId, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // GIVEN a stack that breaks (or keeps) the rule WHEN the default pack runs
    const found = findingsOf(check(c.stacks, c.options), ruleId);
    // THEN exactly the expected findings, at the expected level
    expect(found.map((f) => f.message)).toHaveLength(c.expect.length);
    c.expect.forEach((pattern, i) => expect(found[i]!.message).toMatch(pattern));
    for (const f of found) expect(f.level).toBe(c.level ?? PINNED_LEVELS[ruleId as keyof typeof PINNED_LEVELS]);
  });

  it('has at least one case that fires and one that stays quiet', () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
    expect(cases.some((c) => c.expect.length === 0)).toBe(true);
  });
});
