import { COMPARE_OP_ALIASES, MATCH_TYPE_ALIASES, type CompareOp, type MatchType } from '../../constructs/model/enums';
import { loadEvaluableRule, RuleEvaluationError } from '../../constructs/evaluation';
import { validateRulePayload } from '../../constructs/validation';
import { evaluateThresholds, shouldAlertWithTarget, sortThresholds, type EvaluableThreshold } from '../../constructs/evaluation/threshold';
import type { ResultSeries } from '../../constructs/evaluation/series';

const series = (values: number[], labels: Record<string, string> = { host: 'a' }): ResultSeries => ({
  labels,
  points: values.map((v, i) => [i * 60_000, v] as const),
});
const threshold = (name: string, target: number, op: CompareOp, matchType: MatchType, extra: Partial<EvaluableThreshold> = {}): EvaluableThreshold => ({
  name,
  target,
  op,
  matchType,
  targetUnit: '',
  ...extra,
});

// Every outcome below is worked out by hand from ruletypes.BasicRuleThreshold.shouldAlertWithTarget:
// at_least_once reports the first matching value; all_the_times the first value that breaks the
// condition, or when all match: min (above/above_or_equal/outside_bounds), max (below/below_or_equal),
// the target (equal), the first value (not_equal); on_average the mean; in_total the sum; last the last value.
// Series [1, 5, 9], target 5.
const MIXED: Record<CompareOp, Record<MatchType, [boolean, number]>> = {
  above: { at_least_once: [true, 9], all_the_times: [false, 1], on_average: [false, 5], in_total: [true, 15], last: [true, 9] },
  below: { at_least_once: [true, 1], all_the_times: [false, 5], on_average: [false, 5], in_total: [false, 15], last: [false, 9] },
  equal: { at_least_once: [true, 5], all_the_times: [false, 1], on_average: [true, 5], in_total: [false, 15], last: [false, 9] },
  not_equal: { at_least_once: [true, 1], all_the_times: [false, 5], on_average: [false, 5], in_total: [true, 15], last: [true, 9] },
  above_or_equal: { at_least_once: [true, 5], all_the_times: [false, 1], on_average: [true, 5], in_total: [true, 15], last: [true, 9] },
  below_or_equal: { at_least_once: [true, 1], all_the_times: [false, 9], on_average: [true, 5], in_total: [false, 15], last: [false, 9] },
  outside_bounds: { at_least_once: [true, 5], all_the_times: [false, 1], on_average: [true, 5], in_total: [true, 15], last: [true, 9] },
};
// all_the_times when every point matches (target 5): the reported value per operator.
const ALWAYS: Record<CompareOp, [number[], number]> = {
  above: [[6, 7, 8], 6],
  below: [[1, 2, 3], 3],
  equal: [[5, 5, 5], 5],
  not_equal: [[1, 2, 3], 1],
  above_or_equal: [[5, 6], 5],
  below_or_equal: [[4, 5], 5],
  outside_bounds: [[-6, 7], -6],
};

describe('ruletypes.BasicRuleThreshold.shouldAlertWithTarget: every op x matchType over [1, 5, 9], target 5', () => {
  for (const [op, byMatch] of Object.entries(MIXED) as [CompareOp, Record<MatchType, [boolean, number]>][]) {
    for (const [matchType, [fires, value]] of Object.entries(byMatch) as [MatchType, [boolean, number]][]) {
      it(`${op} / ${matchType}: ${fires ? 'fires' : 'stays silent'}${fires ? ` with value ${value}` : ''}`, () => {
        const outcome = shouldAlertWithTarget(op, matchType, series([1, 5, 9]).points, 5);
        expect(outcome?.alert).toBe(fires);
        if (fires) expect(outcome?.value).toBe(value);
      });
    }
  }
});

describe('ruletypes.BasicRuleThreshold.shouldAlertWithTarget: all_the_times when every point matches', () => {
  for (const [op, [values, reported]] of Object.entries(ALWAYS) as [CompareOp, [number[], number]][]) {
    it(`${op} over [${values.join(', ')}] fires reporting ${reported}`, () => {
      expect(shouldAlertWithTarget(op, 'all_the_times', series(values).points, 5)).toEqual({ alert: true, value: reported });
    });
  }
});

describe('every accepted op and matchType spelling (ruletypes.CompareOperator.Normalize, MatchType.Normalize)', () => {
  const rule = (op: string, matchType: string): Record<string, unknown> => ({
    alert: 'x',
    alertType: 'METRIC_BASED_ALERT',
    ruleType: 'threshold_rule',
    version: 'v5',
    schemaVersion: 'v2alpha1',
    notificationSettings: {},
    condition: {
      compositeQuery: {
        queryType: 'builder',
        panelType: 'graph',
        queries: [{ type: 'builder_query', spec: { name: 'A', signal: 'metrics', aggregations: [{ metricName: 'x', timeAggregation: 'avg', spaceAggregation: 'avg' }] } }],
      },
      selectedQueryName: 'A',
      thresholds: { kind: 'basic', spec: [{ name: 'critical', target: 5, op, matchType }] },
    },
    evaluation: { kind: 'rolling', spec: { evalWindow: '5m', frequency: '1m' } },
  });
  for (const [op, opSpellings] of Object.entries(COMPARE_OP_ALIASES) as [CompareOp, readonly string[]][]) {
    for (const [matchType, matchSpellings] of Object.entries(MATCH_TYPE_ALIASES) as [MatchType, readonly string[]][]) {
      const [fires, value] = MIXED[op][matchType];
      for (const opSpelling of [...opSpellings, opSpellings[1]!.toUpperCase()]) {
        for (const matchSpelling of matchSpellings) {
          it(`op "${opSpelling}" + matchType "${matchSpelling}" behave as ${op} / ${matchType}`, () => {
            const compiled = loadEvaluableRule(rule(opSpelling, matchSpelling));
            const samples = evaluateThresholds(series([1, 5, 9]), compiled.thresholds, '', new Set());
            expect(samples.length).toBe(fires ? 1 : 0);
            if (fires) expect(samples[0]!.value).toBe(value);
          });
        }
      }
    }
  }

  it("rejects a spelling the server does not accept, naming the field in the validator's words", () => {
    const problems = (() => {
      try {
        loadEvaluableRule(rule('greater', 'always'));
        return [];
      } catch (err) {
        if (!(err instanceof RuleEvaluationError)) throw err;
        return err.problems;
      }
    })();
    expect(problems.map((p) => p.path)).toEqual(['/condition/thresholds/spec/0/matchType', '/condition/thresholds/spec/0/op']);
    expect(problems).toEqual(validateRulePayload(rule('greater', 'always')).errors);
  });
});

describe('NaN and infinities (qbtypes.TimeSeries.EvaluableValues drops them before any match type)', () => {
  it('on_average and in_total ignore NaN and Inf points', () => {
    const s = series([Number.NaN, 10, Infinity, -Infinity, 20]);
    const [avg] = evaluateThresholds(s, [threshold('t', 14, 'above', 'on_average')], '', new Set());
    expect(avg!.value).toBe(15);
    const [sum] = evaluateThresholds(s, [threshold('t', 29, 'above', 'in_total')], '', new Set());
    expect(sum!.value).toBe(30);
  });

  it('last uses the last finite point, and all_the_times ignores an infinite spike', () => {
    const s = series([95, 96, Infinity, Number.NaN]);
    expect(evaluateThresholds(s, [threshold('t', 90, 'above', 'last')], '', new Set())[0]!.value).toBe(96);
    expect(evaluateThresholds(series([95, -Infinity, 96]), [threshold('t', 90, 'above', 'all_the_times')], '', new Set())).toHaveLength(1);
  });

  it('a window of only NaN has nothing to evaluate: even not_equal stays silent', () => {
    const s = series([Number.NaN, Number.NaN]);
    for (const matchType of ['at_least_once', 'all_the_times', 'on_average', 'in_total', 'last'] as const) {
      expect(evaluateThresholds(s, [threshold('t', 1, 'not_equal', matchType)], '', new Set())).toEqual([]);
    }
  });
});

describe('several thresholds at once (ruletypes.sortThresholds, PrepareSampleLabelsForRule)', () => {
  it('evaluates above-thresholds from the highest target down and labels each tier', () => {
    const tiers = [threshold('info', 10, 'above', 'last'), threshold('Critical', 30, 'above', 'last'), threshold('warning', 20, 'above', 'last')];
    const samples = evaluateThresholds(series([35]), tiers, '', new Set());
    expect(samples.map((s) => s.labels['threshold.name'])).toEqual(['Critical', 'warning', 'info']);
    expect(samples[0]!.labels).toEqual({ host: 'a', 'threshold.name': 'Critical', severity: 'critical' });
  });

  it('evaluates below-thresholds from the lowest target up', () => {
    const tiers = [threshold('warning', 50, 'below', 'last'), threshold('critical', 10, 'below', 'last')];
    expect(sortThresholds(tiers).map((t) => t.name)).toEqual(['critical', 'warning']);
  });

  it('keeps the written order for equal targets (Go sorts up to 12 items with a stable insertion sort)', () => {
    const tiers = [threshold('b', 5, 'above', 'last'), threshold('a', 5, 'above', 'last')];
    expect(sortThresholds(tiers).map((t) => t.name)).toEqual(['b', 'a']);
  });

  it('a series label named severity is replaced by the threshold name', () => {
    const [sample] = evaluateThresholds(series([99], { severity: 'page' }), [threshold('Warning', 1, 'above', 'last')], '', new Set());
    expect(sample!.labels.severity).toBe('warning');
  });
});

describe('recovery target (ruletypes.BasicRuleThresholds.Eval recovery branch)', () => {
  const critical = threshold('critical', 90, 'above', 'last', { recoveryTarget: 80 });
  const activeKey = JSON.stringify([
    ['host', 'a'],
    ['severity', 'critical'],
    ['threshold.name', 'critical'],
  ]);

  it('an active alert between recovery and target is reported as recovering', () => {
    const [sample] = evaluateThresholds(series([85]), [critical], '', new Set([activeKey]));
    expect(sample).toMatchObject({ isRecovering: true, value: 85, target: 90 });
  });

  it('without an active alert the recovery band raises nothing', () => {
    expect(evaluateThresholds(series([85]), [critical], '', new Set())).toEqual([]);
  });

  it('below the recovery target the alert is not reported at all', () => {
    expect(evaluateThresholds(series([75]), [critical], '', new Set([activeKey]))).toEqual([]);
  });
});

describe('unit conversion of the target (BasicRuleThreshold.convertToRuleUnit)', () => {
  it('compares a target in ms with a series in s', () => {
    const t = threshold('slow', 500, 'above', 'last', { targetUnit: 'ms' });
    expect(evaluateThresholds(series([0.6]), [t], 's', new Set())).toHaveLength(1);
    expect(evaluateThresholds(series([0.4]), [t], 's', new Set())).toHaveLength(0);
  });

  it('compares a target in MB (decimal, decMbytes) with a series in bytes', () => {
    const t = threshold('big', 1, 'above', 'last', { targetUnit: 'decMbytes' });
    expect(evaluateThresholds(series([1_000_001]), [t], 'bytes', new Set())).toHaveLength(1);
    expect(evaluateThresholds(series([999_999]), [t], 'bytes', new Set())).toHaveLength(0);
  });
});
