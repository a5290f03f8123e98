import { MaintenanceSchedule } from '../../constructs/maintenance/maintenance-schedule';
import { MaintenanceWindow } from '../../constructs/maintenance/maintenance-window';
import { Lazy } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';
import type { IAlertRuleRef } from '../../constructs/model/alert-rule-ref';
import { Labels } from '../../constructs/routing/route-expression';
import { newStack, onlyResource, synth, withoutMetadata } from '../support/synth';

/** A stand-in for an AlertRule: any construct exposing its rule id. */
function fakeRule(stack: any, id: string): IAlertRuleRef {
  const resource = new TerraformData(stack, id, { input: { rule: id } });
  return { ruleId: resource.id, dependable: resource };
}

describe('MaintenanceWindow', () => {
  it('weekly: writes times in the zone SigNoz stores them in, Go duration, weekdays, rule ids', () => {
    // GIVEN
    const { stack } = newStack();
    const db = fakeRule(stack, 'db-rule');
    // WHEN
    const window = new MaintenanceWindow(stack, 'patching', {
      name: 'weekly-db-patching',
      description: 'Sunday database patching',
      timezone: 'Europe/Berlin',
      schedule: MaintenanceSchedule.weekly({ start: '2026-03-01T01:00:00Z', duration: '90m', on: ['sunday', 'wednesday'] }),
      alerts: [db],
    });
    // THEN
    const maintenance = onlyResource(synth(stack), 'signoz_planned_maintenance');
    expect(maintenance).toMatchObject({
      name: 'weekly-db-patching',
      description: 'Sunday database patching',
      alert_ids: ['${terraform_data.db-rule.id}'],
      schedule: {
        timezone: 'Europe/Berlin',
        start_time: '2026-03-01T02:00:00+01:00',
        // the duration as written: SigNoz stores the text as given and the provider compares it as text
        recurrence: { repeat_type: 'weekly', duration: '90m', repeat_on: ['sunday', 'wednesday'] },
      },
      depends_on: ['terraform_data.db-rule'],
      provider: 'signoz',
    });
    expect(maintenance.schedule.end_time).toBeUndefined();
    expect(window.summary).toBe('weekly on sunday, wednesday at 02:00 for 90m (Europe/Berlin)');
  });

  it('fixed: start and end in the zone, every alert when none are given', () => {
    const { stack } = newStack();
    const window = new MaintenanceWindow(stack, 'migration', {
      name: 'db-migration',
      timezone: 'America/New_York',
      schedule: MaintenanceSchedule.fixed('2026-07-04T03:00:00Z', '2026-07-04T05:30:00Z'),
    });
    const maintenance = onlyResource(synth(stack), 'signoz_planned_maintenance');
    expect(maintenance.schedule).toEqual({ timezone: 'America/New_York', start_time: '2026-07-03T23:00:00-04:00', end_time: '2026-07-04T01:30:00-04:00' });
    expect(maintenance.alert_ids).toBeUndefined();
    expect(window.summary).toBe('once, 2026-07-03 23:00 to 2026-07-04 01:30 (America/New_York)');
    expect(window.alerts).toEqual([]);
  });

  it('daily with an end of recurrence, monthly, and a label scope', () => {
    const { stack } = newStack();
    const nightlyWindow = new MaintenanceWindow(stack, 'nightly', {
      name: 'nightly-batch',
      timezone: 'UTC',
      schedule: MaintenanceSchedule.daily({ start: '2026-01-01T02:00:00+00:00', duration: '2h', until: '2026-12-31T00:00:00Z' }),
      scope: Labels.service.eq('batch'),
    });
    const monthlyWindow = new MaintenanceWindow(stack, 'monthly', {
      name: 'month-end',
      timezone: 'Europe/London',
      schedule: MaintenanceSchedule.monthly({ start: '2026-01-31T22:00:00Z', duration: '4h' }),
      scope: 'severity != "critical"',
    });
    const json = withoutMetadata(synth(stack));
    expect(json.resource.signoz_planned_maintenance).toMatchSnapshot();
    const [monthly, nightly] = Object.values(json.resource.signoz_planned_maintenance) as any[];
    expect(nightly.schedule).toEqual({
      timezone: 'UTC',
      start_time: '2026-01-01T02:00:00Z',
      end_time: '2026-12-31T00:00:00Z',
      recurrence: { repeat_type: 'daily', duration: '2h' },
    });
    expect(nightly.scope).toBe('service == "batch"');
    expect(monthly.schedule.start_time).toBe('2026-01-31T22:00:00Z');
    expect(monthly.scope).toBe('severity != "critical"');
    expect(nightlyWindow.summary).toBe('daily at 02:00 for 2h (UTC), until 2026-12-31 00:00');
    expect(monthlyWindow.summary).toBe('monthly on day 31 at 22:00 for 4h (Europe/London)');
  });

  it('accepts windows shorter than a minute: SigNoz refuses only a zero duration', () => {
    const { stack } = newStack();
    const window = new MaintenanceWindow(stack, 'blip', {
      name: 'restart-blip',
      timezone: 'UTC',
      schedule: MaintenanceSchedule.daily({ start: '2026-01-01T02:00:00Z', duration: '30s' }),
    });
    const json = withoutMetadata(synth(stack));
    const [blip] = Object.values(json.resource.signoz_planned_maintenance) as any[];
    expect(blip.schedule.recurrence).toEqual({ repeat_type: 'daily', duration: '30s' });
    expect(window.summary).toBe('daily at 02:00 for 30s (UTC)');
  });

  describe('validation', () => {
    function errorFor(props: any): string {
      const { stack } = newStack();
      try {
        new MaintenanceWindow(stack, 'w', { name: 'w', timezone: 'UTC', ...props });
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('expected an error');
    }
    const weekly = (extra: object = {}) => ({ kind: 'weekly', start: '2026-03-01T02:00:00Z', duration: '2h', on: ['sunday'], ...extra });

    it.each([
      [{ timezone: 'Mars/Olympus', schedule: weekly() }, "timezone: 'Mars/Olympus' is not an IANA time zone; use a name such as 'UTC', 'Europe/Berlin' or 'America/New_York'"],
      [{ timezone: 'europe/berlin', schedule: weekly() }, "timezone: 'europe/berlin' must be spelled 'Europe/Berlin' (SigNoz reads time-zone names case-sensitively)"],
      [{ timezone: 'us/eastern', schedule: weekly() }, "timezone: 'us/eastern' must be spelled 'America/New_York' (SigNoz reads time-zone names case-sensitively)"],
      [{ timezone: 'Local', schedule: weekly() }, "timezone: 'Local' is not an IANA time zone"],
      [
        { schedule: weekly({ start: '2026-03-01 02:00' }) },
        "schedule.start: '2026-03-01 02:00' is not an RFC 3339 time with an offset, such as 2026-03-01T02:00:00Z or 2026-03-01T02:00:00+01:00",
      ],
      [{ schedule: weekly({ start: '2026-03-01T02:00:00' }) }, "schedule.start: '2026-03-01T02:00:00' is not an RFC 3339 time with an offset"],
      [{ schedule: weekly({ start: '2026-02-30T02:00:00Z' }) }, "schedule.start: '2026-02-30T02:00:00Z' is not a valid date and time"],
      [{ schedule: weekly({ start: '2026-03-01T02:00:00.5Z' }) }, "schedule.start: '2026-03-01T02:00:00.5Z' has fractional seconds; use whole seconds"],
      [{ schedule: weekly({ start: '2026-03-01T02:00:30Z' }) }, 'schedule.start: recurring windows start on a whole minute (SigNoz ignores the seconds); set seconds to 00'],
      [
        { schedule: weekly({ duration: '2 hours' }) },
        "schedule.duration: '2 hours' is not a positive duration in Go syntax, such as '2h', '90m' or '1h30m' (SigNoz refuses a zero duration)",
      ],
      [{ schedule: weekly({ duration: '0s' }) }, "schedule.duration: '0s' is not a positive duration"],
      [{ schedule: weekly({ duration: '0' }) }, "schedule.duration: '0' is not a positive duration"],
      [{ schedule: weekly({ duration: '-1h' }) }, "schedule.duration: '-1h' is not a positive duration"],
      [{ schedule: weekly({ duration: '169h' }) }, 'schedule.duration: is longer than the weekly period (at most 168h0m0s), so occurrences would overlap'],
      [{ schedule: { kind: 'daily', start: '2026-03-01T02:00:00Z', duration: '25h' } }, 'schedule.duration: is longer than the daily period (at most 24h0m0s)'],
      [{ schedule: weekly({ on: [] }) }, 'schedule.on: needs at least one weekday; for every day use a daily schedule'],
      [{ schedule: weekly({ on: ['Sunday'] }) }, 'schedule.on[0]: must be one of sunday, monday, tuesday, wednesday, thursday, friday, saturday'],
      [{ schedule: weekly({ on: ['sunday', 'sunday'] }) }, 'schedule.on: lists a weekday twice'],
      [{ schedule: weekly({ until: '2026-02-01T00:00:00Z' }) }, 'schedule.until: must be after schedule.start'],
      [{ schedule: { kind: 'fixed', start: '2026-03-01T02:00:00Z', end: '2026-03-01T02:00:00Z' } }, 'schedule.end: must be after schedule.start'],
      [{ schedule: { kind: 'yearly', start: '2026-03-01T02:00:00Z' } }, 'schedule.kind: kind must be one of fixed, daily, weekly, monthly'],
      [{ schedule: weekly(), alerts: [] }, "alerts: is empty, which SigNoz reads as 'every alert'; omit the field to silence every alert on purpose"],
      [{ schedule: weekly(), alerts: ['rule-id'] }, 'alerts[0]: must be an alert rule (anything with a ruleId, such as AlertRule)'],
      [{ schedule: weekly(), scope: 'service = 5' }, 'scope: label values are strings; quote the number: "5" (column 11)'],
      [{ schedule: weekly(), scope: Lazy.stringValue({ produce: () => 'service == "batch"' }) }, 'scope: must be literal text or a RouteExpression, not a Terraform token'],
    ])('%#: %j', (props, message) => {
      const text = errorFor(props);
      expect(text.startsWith("Invalid MaintenanceWindow at 'test/w':\n  - ")).toBe(true);
      expect(text).toContain(message);
    });
  });
});
