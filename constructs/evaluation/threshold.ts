/**
 * Threshold evaluation of one series, as SigNoz's `ruletypes.BasicRuleThresholds.Eval` does it:
 * thresholds sorted (`sortThresholds`), each matched over the window's evaluable points
 * (`BasicRuleThreshold.shouldAlertWithTarget`), and a recovery check for alerts already active.
 */
import type { CompareOp, MatchType } from '../model/enums';
import { matchesCompareOp } from './compare';
import { labelSetKey, type LabelSet } from './label-set';
import { evaluablePoints, type ResultSeries, type SeriesPoint } from './series';
import { convertUnit } from './units';

/** SigNoz adds these two labels to every threshold alert (`ruletypes.LabelThresholdName`, `LabelSeverityName`). */
export const LABEL_THRESHOLD_NAME = 'threshold.name';
export const LABEL_SEVERITY = 'severity';

export interface EvaluableThreshold {
  readonly name: string;
  readonly target: number;
  readonly targetUnit: string;
  readonly recoveryTarget?: number;
  readonly op: CompareOp;
  readonly matchType: MatchType;
}

/** What one threshold reports for one series (`ruletypes.Sample`). */
export interface ThresholdSample {
  readonly labels: Record<string, string>;
  readonly value: number;
  readonly target: number;
  readonly targetUnit: string;
  readonly thresholdName: string;
  readonly isRecovering: boolean;
  readonly isMissing: boolean;
}

/** Series labels plus `threshold.name` and the lowercased name as `severity` (`PrepareSampleLabelsForRule`). */
export function prepareSampleLabels(seriesLabels: LabelSet, thresholdName: string): Record<string, string> {
  return { ...seriesLabels, [LABEL_THRESHOLD_NAME]: thresholdName, [LABEL_SEVERITY]: thresholdName.toLowerCase() };
}

function sortsBefore(a: EvaluableThreshold, b: EvaluableThreshold): boolean {
  // like SigNoz, the target is converted from its own unit to itself, and the left side's operator decides
  const targetA = convertUnit(a.target, a.targetUnit, a.targetUnit);
  const targetB = convertUnit(b.target, b.targetUnit, b.targetUnit);
  switch (a.op) {
    case 'below':
    case 'below_or_equal':
      return targetA < targetB;
    default:
      return targetA > targetB;
  }
}

/**
 * Thresholds in SigNoz's evaluation order (`ruletypes.sortThresholds`): most extreme first,
 * descending targets for above/above_or_equal/outside_bounds/equal/not_equal, ascending for below.
 * Go's `sort.Slice` is an insertion sort for up to 12 elements; this is the same insertion sort.
 */
export function sortThresholds(thresholds: readonly EvaluableThreshold[]): EvaluableThreshold[] {
  const sorted = [...thresholds];
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && sortsBefore(sorted[j]!, sorted[j - 1]!); j--) {
      [sorted[j - 1], sorted[j]] = [sorted[j]!, sorted[j - 1]!];
    }
  }
  return sorted;
}

/** The value SigNoz reports and whether the condition holds (`BasicRuleThreshold.shouldAlertWithTarget`). */
export function shouldAlertWithTarget(op: CompareOp, matchType: MatchType, points: readonly SeriesPoint[], target: number): { alert: boolean; value: number } | undefined {
  if (points.length === 0) return undefined;
  // over the points themselves, not a copy of their values: this runs for every series at every tick
  const value = (i: number): number => points[i]![1];
  const find = (wanted: boolean): number | undefined => {
    for (let i = 0; i < points.length; i++) if (matchesCompareOp(op, value(i), target) === wanted) return value(i);
    return undefined;
  };
  const fold = (start: number, step: (acc: number, v: number) => number, finiteOnly = false): number => {
    let acc = start;
    for (let i = 0; i < points.length; i++) if (!finiteOnly || Number.isFinite(value(i))) acc = step(acc, value(i));
    return acc;
  };
  switch (matchType) {
    case 'at_least_once': {
      const hit = find(true);
      return hit === undefined ? { alert: false, value: 0 } : { alert: true, value: hit };
    }
    case 'all_the_times': {
      const miss = find(false);
      if (miss !== undefined) return { alert: false, value: miss };
      switch (op) {
        case 'above':
        case 'above_or_equal':
        case 'outside_bounds':
          return { alert: true, value: fold(Infinity, (m, v) => (v < m ? v : m)) };
        case 'below':
        case 'below_or_equal':
          return { alert: true, value: fold(-Infinity, (m, v) => (v > m ? v : m)) };
        case 'not_equal':
          return { alert: true, value: points.find(([, v]) => Number.isFinite(v))?.[1] ?? target };
        case 'equal':
          return { alert: true, value: target };
      }
      break;
    }
    case 'on_average': {
      const finite = fold(0, (n) => n + 1, true);
      const avg = fold(0, (s, v) => s + v, true) / finite;
      return { alert: matchesCompareOp(op, avg, target), value: avg };
    }
    case 'in_total': {
      const sum = fold(0, (s, v) => s + v, true);
      return { alert: matchesCompareOp(op, sum, target), value: sum };
    }
    case 'last': {
      const last = value(points.length - 1);
      return { alert: matchesCompareOp(op, last, target), value: last };
    }
  }
  return undefined;
}

/**
 * The samples one series produces for all thresholds (`ruletypes.BasicRuleThresholds.Eval`).
 * `activeAlertKeys` holds the label-set keys of the rule's current alerts (`EvalData.ActiveAlerts`):
 * a threshold that no longer matches keeps its alert as "recovering" while its `recoveryTarget` matches.
 */
export function evaluateThresholds(series: ResultSeries, thresholds: readonly EvaluableThreshold[], ruleUnit: string, activeAlertKeys: ReadonlySet<string>): ThresholdSample[] {
  const points = evaluablePoints(series.points);
  const samples: ThresholdSample[] = [];
  for (const threshold of sortThresholds(thresholds)) {
    const labels = prepareSampleLabels(series.labels, threshold.name);
    const base = { labels, target: threshold.target, targetUnit: threshold.targetUnit, thresholdName: threshold.name, isMissing: false };
    const outcome = shouldAlertWithTarget(threshold.op, threshold.matchType, points, convertUnit(threshold.target, threshold.targetUnit, ruleUnit));
    if (outcome?.alert) {
      samples.push({ ...base, value: outcome.value, isRecovering: false });
      continue;
    }
    if (threshold.recoveryTarget === undefined || !activeAlertKeys.has(labelSetKey(labels))) continue;
    const recovery = shouldAlertWithTarget(threshold.op, threshold.matchType, points, convertUnit(threshold.recoveryTarget, threshold.targetUnit, ruleUnit));
    if (recovery?.alert) samples.push({ ...base, value: recovery.value, isRecovering: true });
  }
  return samples;
}
