import { App } from '../../constructs/engine';
import {
  diffRouting,
  NO_DATA_TIER,
  notificationSetupsOf,
  routingChangeLines,
  routingTable,
  RouteQueryError,
  whoIsNotified,
  windowWarnings,
  type RouteQuery,
  type TierNotification,
} from '../../constructs/notify';
import { dstEstate } from './dst-estate';

const setups = notificationSetupsOf([dstEstate(new App({ outdir: 'unused', stackTraces: false }))]);
const ask = (query: Omit<RouteQuery, 'at'> & { at: string }): TierNotification[] => whoIsNotified(setups, { ...query, at: new Date(query.at) });
const only = (query: Omit<RouteQuery, 'at'> & { at: string }): TierNotification => {
  const answers = ask(query);
  expect(answers).toHaveLength(1);
  return answers[0]!;
};
const names = (answer: TierNotification): string[] => answer.channels.map((c) => c.name).sort();
const weekday = '2026-04-15T12:00:00Z';

describe('the no-data alert', () => {
  it('usePolicy false: reaches the channels of every tier, and is never inhibited', () => {
    const answer = only({ at: weekday, alert: 'API errors', noData: true });
    expect(answer).toMatchObject({ tier: NO_DATA_TIER, noData: true, absentForMinutes: 15, routing: 'tier channels', notified: 'yes', paged: 'yes', inhibited: false });
    expect(answer.inhibitedWhile).toBeUndefined();
    expect(names(answer)).toEqual(['ops-email', 'ops-pager', 'team-slack']);
    expect(answer.channels.find((c) => c.name === 'ops-pager')!.via).toEqual(['tier "critical"']);
  });

  it('usePolicy true: route policies are evaluated against its labels, which carry no severity', () => {
    const answer = only({ at: weekday, alert: 'Ingest rate', noData: true });
    expect(answer.policies.map((p) => [p.name, p.match])).toEqual([
      ['criticals', 'no'],
      ['ingest-all', 'yes'],
      ['no-data', 'yes'],
    ]);
    expect(names(answer)).toEqual(['ops-email', 'team-slack']);
    expect(answer.paged).toBe('no');
    // the tiers do not match the no-data policy
    const critical = only({ at: weekday, alert: 'Ingest rate', tier: 'critical' });
    expect(critical.policies.find((p) => p.name === 'no-data')!.match).toBe('no');
  });

  it('is answered with the tiers when the question names no tier, and only for rules that alert on absent data', () => {
    expect(ask({ at: weekday, alert: 'API errors' }).map((a) => a.tier)).toEqual(['critical', 'warning', 'info', NO_DATA_TIER]);
    expect(ask({ at: weekday, alert: 'Disk free' }).map((a) => a.tier)).toEqual(['critical', 'warning']);
    expect(() => ask({ at: weekday, alert: 'Disk free', noData: true })).toThrow(RouteQueryError);
    expect(() => ask({ at: weekday, alert: 'Disk free', noData: true })).toThrow(
      'no selected alert has a no-data alert (condition.alertOnAbsent); alerts with one in the synthesized stacks: "API errors", "Ingest rate"',
    );
    expect(() => ask({ at: weekday, tier: 'no-data' })).toThrow('(for the no-data alert, ask with noData / --no-data)');
    expect(() => ask({ at: weekday, tier: 'critical', noData: true })).toThrow('not both');
  });

  it('is muted by a window whose scope holds for its labels (the rule labels are there)', () => {
    // Berlin Sunday 2026-04-19 03:00 CEST: berlin-sunday (scope service == "ingest") is open
    const answer = only({ at: '2026-04-19T03:00:00+02:00', alert: 'Ingest rate', noData: true });
    expect(answer.mutedBy.map((w) => w.name)).toEqual(['berlin-sunday']);
    expect(answer.notified).toBe('no');
  });

  it('a change to the policies it matches is a routing change of its own', () => {
    const from = new Date('2026-04-13T00:00:00Z');
    const head = setups.map((s) => ({ ...s, routePolicies: s.routePolicies.map((p) => (p.name === 'no-data' ? { ...p, channels: ['ops-pager'] } : p)) }));
    const changes = diffRouting(routingTable(setups, { from }), routingTable(head, { from }));
    expect(changes.map((c) => [c.alert, c.tier, c.noData])).toEqual([['Ingest rate', NO_DATA_TIER, true]]);
    expect(routingChangeLines(changes, { from: from.getTime(), to: from.getTime() + 7 * 86_400_000 }, 'UTC')).toEqual([
      'prod "Ingest rate" [no data], 2 stretches, 166h in all, from 2026-04-13 00:00 to 2026-04-19 00:30 (UTC): team-slack, ops-email only before, paged (ops-pager; also team-slack) after',
    ]);
  });

  it('is a row of the week table, and counts for the never-pages flag', () => {
    const table = routingTable(setups, { from: new Date('2026-04-13T00:00:00Z') });
    const rows = table.environments[0]!.rows.filter((r) => r.noData).map((r) => [r.alert, r.tier, r.segments.some((s) => s.paged === 'yes')]);
    expect(rows).toEqual([
      ['API errors', NO_DATA_TIER, true],
      ['Ingest rate', NO_DATA_TIER, false],
    ]);
  });
});

describe('inhibition between tiers', () => {
  it('usePolicy false: each tier below the most extreme one is silenced while the next higher tier fires', () => {
    const answers = ask({ at: weekday, alert: 'API errors', tier: undefined });
    expect(answers.map((a) => [a.tier, a.inhibitedWhile ?? '-', a.inhibited, a.notified])).toEqual([
      ['critical', '-', false, 'yes'],
      ['warning', 'critical', false, 'yes'],
      ['info', 'warning', false, 'yes'],
      [NO_DATA_TIER, '-', false, 'yes'],
    ]);
    // a "below" rule: the lowest target is the most extreme
    expect(only({ at: weekday, alert: 'Disk free', tier: 'warning' }).inhibitedWhile).toBe('critical');
    expect(only({ at: weekday, alert: 'Disk free', tier: 'critical' }).inhibitedWhile).toBeUndefined();
  });

  it('a tier notifies nobody when the question says its higher tier fires too', () => {
    const warning = only({ at: weekday, alert: 'API errors', tier: 'warning', alsoFiring: ['critical'] });
    expect(warning).toMatchObject({ inhibited: true, notified: 'no', paged: 'no' });
    // inhibition is between consecutive tiers only
    expect(only({ at: weekday, alert: 'API errors', tier: 'info', alsoFiring: ['critical'] })).toMatchObject({ inhibited: false, notified: 'yes' });
    expect(() => ask({ at: weekday, alert: 'API errors', alsoFiring: ['critcal'] })).toThrow('also-firing tier "critcal" is not a tier of the selected alerts');
  });

  it('usePolicy true: no inhibition', () => {
    const warning = only({ at: weekday, alert: 'Ingest rate', tier: 'warning', alsoFiring: ['critical'] });
    expect(warning).toMatchObject({ inhibited: false, notified: 'yes' });
    expect(warning.inhibitedWhile).toBeUndefined();
  });
});

describe('overlapping route policies', () => {
  it('every matching policy adds its channels; a channel two policies reach is notified once, via both', () => {
    const critical = only({ at: weekday, alert: 'Ingest rate', tier: 'critical' });
    expect(critical.policies.filter((p) => p.match === 'yes').map((p) => p.name)).toEqual(['criticals', 'ingest-all']);
    expect(critical.channels.map((c) => [c.name, c.via])).toEqual([
      ['ops-pager', ['route policy "criticals"']],
      ['team-slack', ['route policy "criticals"', 'route policy "ingest-all"']],
    ]);
    expect(critical.paged).toBe('yes');
  });
});

describe('windows in two time zones across their daylight-saving changes', () => {
  const mutedAt = (at: string, alert: string, tier = 'critical'): string[] => only({ at, alert, tier }).mutedBy.map((w) => w.name);

  it('New York, spring (2026-03-08): 02:30 does not exist; Go places it at 01:30 EST, and the 2h run ends 04:30 EDT', () => {
    expect(mutedAt('2026-03-08T01:29:00-05:00', 'API errors')).toEqual([]);
    expect(mutedAt('2026-03-08T01:30:00-05:00', 'API errors')).toEqual(['ny-sunday']);
    expect(only({ at: '2026-03-08T03:00:00-04:00', alert: 'API errors', tier: 'critical' }).mutedBy[0]).toMatchObject({
      from: Date.parse('2026-03-08T01:30:00-05:00'),
      to: Date.parse('2026-03-08T04:30:00-04:00'),
    });
    expect(mutedAt('2026-03-08T04:31:00-04:00', 'API errors')).toEqual([]);
    // a week before and after: 02:30-04:30 local
    expect(mutedAt('2026-03-01T02:29:00-05:00', 'API errors')).toEqual([]);
    expect(mutedAt('2026-03-15T04:30:00-04:00', 'API errors')).toEqual(['ny-sunday']);
  });

  it('New York, autumn (2026-11-01): 02:30 EST, 2h of elapsed time', () => {
    expect(mutedAt('2026-11-01T02:29:00-05:00', 'API errors')).toEqual([]);
    expect(mutedAt('2026-11-01T04:30:00-05:00', 'API errors')).toEqual(['ny-sunday']);
    expect(mutedAt('2026-11-01T04:31:00-05:00', 'API errors')).toEqual([]);
  });

  it('Berlin, spring (2026-03-29): 02:30 moves forward to 03:30 CEST; the US is already on summer time', () => {
    expect(mutedAt('2026-03-29T03:29:00+02:00', 'Ingest rate')).toEqual([]);
    expect(mutedAt('2026-03-29T03:30:00+02:00', 'Ingest rate')).toEqual(['berlin-sunday']);
    expect(mutedAt('2026-03-29T05:30:00+02:00', 'Ingest rate')).toEqual(['berlin-sunday']);
    expect(mutedAt('2026-03-29T05:31:00+02:00', 'Ingest rate')).toEqual([]);
    // the same instant is 23:30 EDT on Saturday in New York: ny-sunday is closed
    expect(mutedAt('2026-03-29T05:30:00+02:00', 'API errors')).toEqual([]);
  });

  it('Berlin, autumn (2026-10-25): 02:30 happens twice; Go takes the second (CET), and the run lasts 2h of elapsed time', () => {
    expect(mutedAt('2026-10-25T02:45:00+02:00', 'Ingest rate')).toEqual([]);
    expect(mutedAt('2026-10-25T02:30:00+01:00', 'Ingest rate')).toEqual(['berlin-sunday']);
    expect(mutedAt('2026-10-25T04:30:00+01:00', 'Ingest rate')).toEqual(['berlin-sunday']);
    expect(mutedAt('2026-10-25T04:31:00+01:00', 'Ingest rate')).toEqual([]);
  });

  it('the week table of each change has the shifted stretches', () => {
    const stretches = (from: string, alert: string): string[][] => {
      const table = routingTable(setups, { from: new Date(from), alert, tier: 'critical' });
      return table.environments[0]!.rows[0]!.segments.filter((s) => s.mutedBy.length > 0).map((s) => [new Date(s.from).toISOString(), new Date(s.to).toISOString()]);
    };
    expect(stretches('2026-03-02T00:00:00Z', 'API errors')).toEqual([['2026-03-08T06:30:00.000Z', '2026-03-08T08:30:00.001Z']]);
    expect(stretches('2026-03-23T00:00:00Z', 'Ingest rate')).toEqual([['2026-03-29T01:30:00.000Z', '2026-03-29T03:30:00.001Z']]);
    expect(stretches('2026-10-19T00:00:00Z', 'Ingest rate')).toEqual([['2026-10-25T01:30:00.000Z', '2026-10-25T03:30:00.001Z']]);
    expect(stretches('2026-10-26T00:00:00Z', 'API errors')).toEqual([['2026-11-01T07:30:00.000Z', '2026-11-01T09:30:00.001Z']]);
  });
});

describe('a monthly window on day 31 and a window cut by its end', () => {
  it('the 31st: SigNoz misreads it as open from the 1st in a month after a shorter one; the answer says so', () => {
    const march = only({ at: '2026-03-15T12:00:00+01:00', alert: 'Disk free', tier: 'critical' });
    expect(march.mutedBy).toEqual([
      {
        name: 'month-end',
        mutes: 'yes',
        because: 'every alert',
        from: Date.parse('2026-03-01T00:00:00+01:00'),
        to: Date.parse('2026-03-31T23:00:00+02:00'),
        monthStepQuirk: true,
      },
    ]);
    expect(march.notified).toBe('no');
    // April follows March (31 days): only the 30th, 22:00-23:00
    expect(only({ at: '2026-04-15T12:00:00+02:00', alert: 'Disk free', tier: 'critical' }).mutedBy).toEqual([]);
    expect(only({ at: '2026-04-30T22:30:00+02:00', alert: 'Disk free', tier: 'critical' }).mutedBy.map((w) => w.monthStepQuirk)).toEqual([undefined]);
  });

  it('warns about the monthly window on day 31, and about no other window', () => {
    expect(windowWarnings(setups)).toEqual([
      'maintenance "month-end" (alerts-prod) repeats monthly on day 31: SigNoz misreads days 29-31 and mutes from the 1st of March, May, July, October and December until that month\'s occurrence ends',
    ]);
  });

  it('until cuts the last occurrence of a nightly window', () => {
    const lastNight = only({ at: '2026-06-02T00:30:00+02:00', alert: 'Disk free', tier: 'warning' });
    expect(lastNight.mutedBy.map((w) => [w.name, new Date(w.from).toISOString(), new Date(w.to).toISOString()])).toEqual([
      ['nightly-until', '2026-06-01T21:00:00.000Z', '2026-06-01T23:00:00.000Z'],
    ]);
    expect(only({ at: '2026-06-02T01:00:01+02:00', alert: 'Disk free', tier: 'warning' }).mutedBy).toEqual([]);
    // the night before ran its full 4h
    expect(only({ at: '2026-06-01T02:59:00+02:00', alert: 'Disk free', tier: 'warning' }).mutedBy.map((w) => w.name)).toEqual(['nightly-until']);
  });
});
