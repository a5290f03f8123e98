/** Days SigNoz accepts for weekly maintenance. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One window from `start` to `end`. */
export interface FixedMaintenance {
  readonly kind: 'fixed';
  /** RFC 3339 with offset, e.g. `2026-03-01T22:00:00+01:00`. */
  readonly start: string;
  /** RFC 3339 with offset, after `start`. */
  readonly end: string;
}

interface RecurringMaintenance {
  /**
   * First occurrence, RFC 3339 with offset. Its wall-clock time in the window's time zone is the
   * daily/weekly start time; for monthly windows its day of month is the monthly day too.
   */
  readonly start: string;
  /** How long each occurrence lasts, Go syntax: `2h`, `90m`, `1h30m`. */
  readonly duration: string;
  /** Stop repeating after this time (RFC 3339). @default - repeats forever */
  readonly until?: string;
}

/** Every day at the start's time of day. */
export interface DailyMaintenance extends RecurringMaintenance {
  readonly kind: 'daily';
}

/** On the given weekdays at the start's time of day. */
export interface WeeklyMaintenance extends RecurringMaintenance {
  readonly kind: 'weekly';
  readonly on: readonly Weekday[];
}

/** Every month on the start's day of month (the last day in shorter months), at its time of day. */
export interface MonthlyMaintenance extends RecurringMaintenance {
  readonly kind: 'monthly';
}

export type MaintenanceSchedule = FixedMaintenance | DailyMaintenance | WeeklyMaintenance | MonthlyMaintenance;

/** Shortcuts that build a {@link MaintenanceSchedule}. */
export const MaintenanceSchedule = {
  fixed: (start: string, end: string): FixedMaintenance => ({ kind: 'fixed', start, end }),
  daily: (props: Omit<DailyMaintenance, 'kind'>): DailyMaintenance => ({ kind: 'daily', ...props }),
  weekly: (props: Omit<WeeklyMaintenance, 'kind'>): WeeklyMaintenance => ({ kind: 'weekly', ...props }),
  monthly: (props: Omit<MonthlyMaintenance, 'kind'>): MonthlyMaintenance => ({ kind: 'monthly', ...props }),
} as const;
