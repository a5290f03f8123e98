import fc from 'fast-check';
import { budgetConsumed, burnFactorFor, burnRate, burnRateThreshold, errorBudget, timeToExhaustMs } from '../../constructs/slo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('error budget math', () => {
  it('the error budget is 1 - objective', () => {
    expect(errorBudget(0.999)).toBe(0.001);
    expect(errorBudget(0.99)).toBe(0.01);
    expect(errorBudget(0.9995)).toBe(0.0005);
  });

  it('burn rate = error ratio / (1 - objective)', () => {
    expect(burnRate(0.0144, 0.999)).toBe(14.4);
    expect(burnRate(0.001, 0.999)).toBe(1);
    expect(burnRate(0.05, 0.99)).toBe(5);
  });

  it('the alert threshold on the error ratio is factor x (1 - objective)', () => {
    expect(burnRateThreshold(14.4, 0.999)).toBe(0.0144);
    expect(burnRateThreshold(6, 0.999)).toBe(0.006);
    expect(burnRateThreshold(3, 0.999)).toBe(0.003);
    expect(burnRateThreshold(1, 0.999)).toBe(0.001);
    expect(burnRateThreshold(14.4, 0.99)).toBe(0.144);
  });

  it('the workbook factors spend 2 %, 5 %, 10 % and 10 % of a 30-day budget in their long windows', () => {
    expect(budgetConsumed(14.4, HOUR, 30 * DAY)).toBe(0.02);
    expect(budgetConsumed(6, 6 * HOUR, 30 * DAY)).toBe(0.05);
    expect(budgetConsumed(3, DAY, 30 * DAY)).toBe(0.1);
    expect(budgetConsumed(1, 3 * DAY, 30 * DAY)).toBe(0.1);
  });

  it('a budget share within a window gives the factor, which depends on the period', () => {
    expect(burnFactorFor(0.02, HOUR, 30 * DAY)).toBe(14.4);
    expect(burnFactorFor(0.05, 6 * HOUR, 30 * DAY)).toBe(6);
    expect(burnFactorFor(0.02, HOUR, 28 * DAY)).toBe(13.44);
  });

  it('a burn at factor f spends the whole budget in period / f', () => {
    expect(timeToExhaustMs(14.4, 30 * DAY)).toBe(50 * HOUR);
    expect(timeToExhaustMs(1, 30 * DAY)).toBe(30 * DAY);
  });

  it('the threshold, read back as a burn rate, is the factor (any objective and factor)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.99999, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (objective, factor) => Math.abs(burnRate(burnRateThreshold(factor, objective), objective) - factor) <= factor * 1e-9,
      ),
    );
  });
});
