import { type App, TerraformStack, Testing } from '../../constructs/engine';
import { PolicyPack, PolicyPackError, Suppressions, SuppressionError, type PathSuppression, type PolicyReport } from '../../policies';
import { goodPayload, synthesizedStack, type StackSpec } from './support/estate';

const TODAY = '2026-03-01';
const noRunbook = goodPayload((p) => {
  delete p.annotations!.runbook_url;
});

function run(spec: StackSpec, packSuppressions: PathSuppression[] = [], today = TODAY): PolicyReport {
  return PolicyPack.default({ suppressions: packSuppressions }).run([synthesizedStack(spec)], { today });
}

const ids = (report: PolicyReport) => report.findings.map((f) => f.ruleId);

describe('Suppressions.add', () => {
  it('refuses a reason shorter than 10 characters, naming the construct', () => {
    const { stack } = { stack: new TerraformStack(Testing.app(), 'prod') };
    expect(() => Suppressions.add(stack, [{ id: 'runbook-link', reason: 'later' }])).toThrow(SuppressionError);
    expect(() => Suppressions.add(stack, [{ id: 'runbook-link', reason: 'later' }])).toThrow(
      "Invalid Suppressions.add at 'prod':\n  - [0]: reason must explain the decision in at least 10 characters",
    );
  });

  it('refuses expiry dates that are not calendar dates', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    expect(() => Suppressions.add(stack, [{ id: 'runbook-link', reason: 'runbook is being written', expires: '2026-02-30' }])).toThrow('expires must be a date written YYYY-MM-DD');
  });

  it('refuses the app itself and says where suppressions go instead', () => {
    const app = Testing.app();
    expect(() => Suppressions.add(app as App, [{ id: 'runbook-link', reason: 'runbook is being written' }])).toThrow(/pass them to the policy pack/);
  });

  it('records suppressions, sorted, in the stack metadata of the synthesized file', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    Suppressions.add(stack, [{ id: 'remote-state-locking', reason: 'state migrates to S3 in Q3', owner: 'platform', expires: '2026-09-30' }]);
    Suppressions.add(stack, [{ id: 'paging-budget', reason: 'payments runs a launch this month', appliesTo: 'payments' }]);
    const document = stack.toTerraform() as { '//': Record<string, { suppressions: unknown[] }> };
    expect(document['//']['signoz-alerts']!.suppressions).toEqual([
      { path: 'prod', id: 'paging-budget', reason: 'payments runs a launch this month', appliesTo: 'payments' },
      { path: 'prod', id: 'remote-state-locking', reason: 'state migrates to S3 in Q3', owner: 'platform', expires: '2026-09-30' },
    ]);
  });
});

describe('applying suppressions', () => {
  const suppress = (s: Partial<PathSuppression>) => ({ path: 'prod/Alert0', id: 'runbook-link', reason: 'runbook lives in the team wiki for now', ...s });

  it('hides the finding and keeps the decision for the audit trail', () => {
    const report = run({ alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ owner: 'payments', expires: '2026-06-30' })] });
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0]).toMatchObject({
      ruleId: 'runbook-link',
      constructPath: 'prod/Alert0/Resource',
      suppressedBy: { id: 'runbook-link', path: 'prod/Alert0', reason: 'runbook lives in the team wiki for now', owner: 'payments', expires: '2026-06-30', origin: 'construct' },
    });
    expect(report.summary.suppressed).toBe(1);
  });

  it('holds through its expiry day and fails from the next day, bringing the finding back', () => {
    const spec = { alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ expires: '2026-03-01' })] };
    expect(ids(run(spec, [], '2026-03-01'))).toEqual(['suppression-expiring']);
    const expired = run(spec, [], '2026-03-02');
    expect(ids(expired)).toEqual(['suppression-expired', 'runbook-link']);
    expect(expired.findings[0]!.message).toBe(
      'suppression of runbook-link on prod/Alert0 expired on 2026-03-01 (reason: "runbook lives in the team wiki for now"); renew it with a new date or fix the finding',
    );
    expect(expired.findings[0]!.level).toBe('error');
  });

  it('warns about a suppression expiring within 14 days, naming it, its construct, its date and the days left', () => {
    const spec = { alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ owner: 'payments', expires: '2026-03-15' })] };
    const report = run(spec, [], '2026-03-01');
    expect(report.findings.map((f) => [f.ruleId, f.level, f.constructPath, f.message])).toEqual([
      [
        'suppression-expiring',
        'warning',
        'prod/Alert0',
        'suppression of runbook-link on prod/Alert0 expires on 2026-03-15 (14 days left, reference date 2026-03-01; reason: "runbook lives in the team wiki for now", owner payments); renew it or fix the finding before it lapses',
      ],
    ]);
    // Still a decision in force: the finding stays hidden, and a warning does not fail the check.
    expect(report.suppressed.map((f) => f.ruleId)).toEqual(['runbook-link']);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1, suppressed: 1 });
    expect(run(spec, [], '2026-03-14').findings[0]!.message).toContain('expires on 2026-03-15 (1 day left, reference date 2026-03-14;');
    expect(run(spec, [], '2026-03-15').findings[0]!.message).toContain('(today is its last day, reference date 2026-03-15;');
  });

  it('does not warn about a suppression with more than 14 days left, or none at all', () => {
    const spec = { alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ expires: '2026-03-16' })] };
    expect(ids(run(spec, [], '2026-03-01'))).toEqual([]);
    expect(ids(run({ alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({})] }, [], '2026-03-01'))).toEqual([]);
  });

  it('warns about expiring pack suppressions too, across a month and year boundary', () => {
    const report = run({ alerts: [{ id: 'Alert0', payload: noRunbook }] }, [suppress({ expires: '2027-01-03' })], '2026-12-28');
    expect(report.findings.map((f) => [f.ruleId, f.constructPath])).toEqual([['suppression-expiring', 'prod/Alert0']]);
    expect(report.findings[0]!.message).toContain('expires on 2027-01-03 (6 days left, reference date 2026-12-28;');
  });

  it('reports a suppression that no longer hides anything', () => {
    const report = run({ alerts: [{ id: 'Alert0', payload: goodPayload() }], suppressions: [suppress({})] });
    expect(report.findings.map((f) => [f.ruleId, f.level, f.constructPath, f.message])).toEqual([
      ['suppression-unused', 'error', 'prod/Alert0', 'suppression of runbook-link on prod/Alert0 matches no finding; remove it'],
    ]);
  });

  it('says when the rule ID is not in the pack', () => {
    const report = run({ alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ id: 'runbok-link' })] });
    expect(report.findings.map((f) => f.message)).toContain('suppression of runbok-link on prod/Alert0 matches no finding (pack "default" has no rule "runbok-link"); remove it');
  });

  it('reports suppressions edited into the file by hand that are not usable', () => {
    const report = run({ alerts: [{ id: 'Alert0', payload: noRunbook }], suppressions: [suppress({ reason: 'todo' })] });
    expect(ids(report)).toEqual(['suppression-invalid', 'runbook-link']);
    expect(report.findings[0]!.message).toMatch(/suppression of runbook-link on prod\/Alert0 is not usable: reason must explain the decision in at least 10 characters/);
  });

  it('targets one finding with appliesTo', () => {
    const noChannels = goodPayload((p) => {
      p.notificationSettings.usePolicy = true;
      for (const t of p.condition.thresholds.spec) t.channels = [];
    });
    const report = run({
      alerts: [{ id: 'Alert0', payload: noChannels }],
      routePolicies: [{ id: 'Route', name: 'critical-pages', expression: 'severity == "critical"', channels: ['pagerduty-oncall'] }],
      suppressions: [suppress({ id: 'alert-has-route', appliesTo: 'warning', reason: 'warnings of this alert go to the dashboard only' })],
    });
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((f) => [f.ruleId, f.key])).toEqual([['alert-has-route', 'warning']]);
  });

  it('covers everything below the suppressed construct, and * matches one path segment in pack suppressions', () => {
    const alerts = [
      { id: 'Alert0', payload: noRunbook },
      {
        id: 'Alert1',
        payload: goodPayload((p) => {
          p.alert = 'Other';
          delete p.annotations!.runbook_url;
        }),
      },
    ];
    const onStack = run({ alerts, suppressions: [{ path: 'prod', id: 'runbook-link', reason: 'runbooks move to the new portal in April' }] });
    expect(onStack.suppressed).toHaveLength(2);
    const byPattern = run({ alerts }, [{ path: 'prod/*/Resource', id: 'runbook-link', reason: 'runbooks move to the new portal in April' }]);
    expect(byPattern.findings).toEqual([]);
    expect(byPattern.suppressed.map((f) => f.suppressedBy!.origin)).toEqual(['pack', 'pack']);
    const miss = run({ alerts }, [{ path: 'prod/Alert', id: 'runbook-link', reason: 'runbooks move to the new portal in April' }]);
    expect(ids(miss)).toEqual(['suppression-unused', 'runbook-link', 'runbook-link']);
  });

  it("cannot hide the engine's own checks", () => {
    const report = run({
      alerts: [{ id: 'Alert0', payload: goodPayload() }],
      suppressions: [suppress({}), { path: 'prod', id: 'suppression-unused', reason: 'we like stale suppressions' }],
    });
    expect(ids(report)).toEqual(['suppression-unused', 'suppression-unused']);
  });

  it('checks pack suppressions when the pack is made', () => {
    expect(() => PolicyPack.default({ suppressions: [{ path: 'prod', id: 'runbook-link', reason: 'short' }] })).toThrow(PolicyPackError);
    expect(() => PolicyPack.default({ suppressions: [{ id: 'runbook-link', reason: 'long enough reason' } as PathSuppression] })).toThrow(
      /suppressions\[0\]: path must be a construct path/,
    );
  });
});
