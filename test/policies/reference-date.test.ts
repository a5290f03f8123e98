import { PolicyPack, type PathSuppression } from '../../policies';
import { daysBetween, ReferenceDateError, resolveReferenceDate } from '../../policies/suppressions/reference-date';
import { goodPayload, synthesizedStack } from './support/estate';

const clock = () => new Date('2026-06-15T23:30:00Z');

describe('the reference date suppressions expire against', () => {
  it('takes an explicit date, or an ISO date-time as its UTC date', () => {
    expect(resolveReferenceDate('2026-03-01', {}, clock)).toBe('2026-03-01');
    expect(resolveReferenceDate('2026-03-01T23:30:00-02:00', {}, clock)).toBe('2026-03-02');
    expect(resolveReferenceDate('2026-03-01T10:00Z', {}, clock)).toBe('2026-03-01');
  });

  it('lets an explicit date win over SOURCE_DATE_EPOCH, which wins over the clock', () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z
    expect(resolveReferenceDate('2026-03-01', env, clock)).toBe('2026-03-01');
    expect(resolveReferenceDate(undefined, env, clock)).toBe('2026-01-01');
    expect(resolveReferenceDate(undefined, {}, clock)).toBe('2026-06-15');
    expect(resolveReferenceDate(undefined, { SOURCE_DATE_EPOCH: '' }, clock)).toBe('2026-06-15');
  });

  it('refuses dates it cannot read, naming the source and what is allowed', () => {
    expect(() => resolveReferenceDate('2026-02-30', {}, clock)).toThrow(ReferenceDateError);
    expect(() => resolveReferenceDate('yesterday', {}, clock)).toThrow(/--now must be a date written YYYY-MM-DD or an ISO 8601 date-time with a zone .*got "yesterday"/);
    expect(() => resolveReferenceDate('2026-03-01T10:00:00', {}, clock)).toThrow(/--now must be a date/);
    expect(() => resolveReferenceDate(undefined, { SOURCE_DATE_EPOCH: '-5' }, clock)).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "-5"/);
    expect(() => resolveReferenceDate(undefined, { SOURCE_DATE_EPOCH: '1e9' }, clock)).toThrow(ReferenceDateError);
  });

  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-12-28', '2027-01-03')).toBe(6);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });
});

describe('PolicyPack.run without a date', () => {
  const spec = {
    alerts: [{ id: 'Alert0', payload: goodPayload((p) => delete p.annotations!.runbook_url) }],
    suppressions: [{ path: 'prod/Alert0', id: 'runbook-link', reason: 'runbook lives in the team wiki for now', expires: '2026-01-10' } satisfies PathSuppression],
  };
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('honours SOURCE_DATE_EPOCH, so the answer does not depend on the runner clock', () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600'; // 2026-01-01
    const report = PolicyPack.default().run([synthesizedStack(spec)]);
    expect(report.today).toBe('2026-01-01');
    expect(report.findings.map((f) => f.ruleId)).toEqual(['suppression-expiring']);
    process.env.SOURCE_DATE_EPOCH = '1768435200'; // 2026-01-15
    expect(
      PolicyPack.default()
        .run([synthesizedStack(spec)])
        .findings.map((f) => [f.ruleId, f.level]),
    ).toEqual([
      ['suppression-expired', 'error'],
      ['runbook-link', 'error'],
    ]);
  });
});
