/**
 * The limits of one evaluation, declared together and checked before any work: beyond them the
 * input is refused with a message that names the limit, instead of running for minutes.
 */

/** Evaluation ticks (rule frequency steps between from and to) one evaluation or test case runs. */
export const MAX_TICKS = 200_000;

/** Points of all series of one evaluation together (a series file, or one test case's input_series). */
export const MAX_POINTS = 2_000_000;

/** Points one series notation (`values: '1+1x1000'`) expands to. */
export const MAX_NOTATION_POINTS = 1_000_000;

/** Series of one evaluation together. */
export const MAX_SERIES = 100_000;

/** The span a test case covers (its last input point or eval_time from its start): 31 days. */
export const MAX_TEST_SPAN_MS = 31 * 24 * 3_600_000;

/** The largest timestamp in milliseconds a date can have (ECMAScript's range, about the year 275760). */
export const MAX_TIMESTAMP_MS = 8.64e15;
