/**
 * The alert state machine of one rule across evaluations, as SigNoz's `rules.ThresholdRule.Eval`
 * / `PromRule.Eval` run it over `BaseRule.Active`: samples become alerts keyed by their final
 * label set; a new alert is pending and fires once it has been active for the hold duration
 * (SigNoz never sets one, so it fires at the same evaluation); firing <-> recovering follows the
 * recovery flag; an alert missing from the results turns inactive (resolved) and is forgotten
 * after `ruletypes.ResolvedRetention` (pending alerts are dropped at once).
 */
import { formatLabels, labelSetKey, sortedLabels, withoutLabels } from './label-set';
import type { ThresholdSample } from './threshold';

/** How long a resolved alert is remembered (`ruletypes.ResolvedRetention`). */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

export type InternalAlertState = 'pending' | 'firing' | 'recovering' | 'inactive';
/** States an active alert is reported in; `nodata` is a firing absent-data alert (SigNoz's state history name). */
export type ReportedAlertState = 'pending' | 'firing' | 'recovering' | 'nodata';

interface ActiveAlert {
  labels: Record<string, string>;
  queryResultLabels: Record<string, string>;
  state: InternalAlertState;
  value: number;
  threshold: number;
  activeAt: number;
  resolvedAt?: number;
  missing: boolean;
  isRecovering: boolean;
}

export interface AlertSnapshot {
  readonly labels: Readonly<Record<string, string>>;
  readonly state: ReportedAlertState;
  readonly value: number;
  readonly threshold: number;
}

export interface StateTransition {
  readonly labels: Readonly<Record<string, string>>;
  readonly from: InternalAlertState | 'new';
  readonly to: InternalAlertState | 'nodata';
}

export interface AlertLabelContext {
  /** Rule labels, already template-expanded per sample by the caller. */
  readonly ruleLabels: (sampleLabels: Readonly<Record<string, string>>) => Record<string, string>;
  readonly alertName: string;
  readonly ruleId: string;
  readonly ruleSource: string;
  /** Labels the rule type strips from query results (`__name__`, and `__temporality__` for threshold rules). */
  readonly droppedLabels: readonly string[];
}

export class AlertStateMachine {
  private readonly active = new Map<string, ActiveAlert>();

  constructor(
    private readonly context: AlertLabelContext,
    private readonly holdDurationMs = 0,
  ) {}

  /** Keys of the query-result labels of every remembered alert (`BaseRule.ActiveAlertsLabelFP`). */
  activeAlertKeys(): Set<string> {
    return new Set([...this.active.values()].map((a) => labelSetKey(a.queryResultLabels)));
  }

  /**
   * Applies one evaluation's samples at `ts`. Returns the transitions, or throws when two samples
   * end up with the same label set (SigNoz fails that evaluation and leaves its alerts untouched).
   */
  apply(ts: number, samples: readonly ThresholdSample[]): StateTransition[] {
    const incoming = new Map<string, ActiveAlert>();
    for (const sample of samples) {
      const labels = this.alertLabels(sample);
      const key = labelSetKey(labels);
      if (incoming.has(key)) {
        throw new Error(`duplicate alert ${formatLabels(labels)}: two samples have the same label set after the alert labels are added, so SigNoz fails this evaluation`);
      }
      incoming.set(key, {
        labels,
        queryResultLabels: withoutLabels(sample.labels, this.context.droppedLabels),
        state: 'pending',
        value: sample.value,
        threshold: sample.target,
        activeAt: ts,
        missing: sample.isMissing,
        isRecovering: sample.isRecovering,
      });
    }
    const transitions: StateTransition[] = [];
    for (const [key, alert] of incoming) {
      const existing = this.active.get(key);
      if (existing && existing.state !== 'inactive') {
        existing.value = alert.value;
        existing.threshold = alert.threshold;
        existing.isRecovering = alert.isRecovering;
        existing.missing = alert.missing;
        continue;
      }
      this.active.set(key, alert);
      transitions.push({ labels: alert.labels, from: 'new', to: 'pending' });
    }
    for (const [key, alert] of this.active) {
      if (!incoming.has(key)) {
        if (alert.state === 'pending' || (alert.resolvedAt !== undefined && ts - alert.resolvedAt > RESOLVED_RETENTION_MS)) {
          this.active.delete(key);
        }
        if (alert.state !== 'inactive') {
          transitions.push({ labels: alert.labels, from: alert.state, to: 'inactive' });
          alert.state = 'inactive';
          alert.resolvedAt = ts;
        }
        continue;
      }
      if (alert.state === 'pending' && ts - alert.activeAt >= this.holdDurationMs) {
        alert.state = 'firing';
        transitions.push({ labels: alert.labels, from: 'pending', to: alert.missing ? 'nodata' : 'firing' });
      }
      if (alert.state === 'firing' && alert.isRecovering) {
        alert.state = 'recovering';
        transitions.push({ labels: alert.labels, from: 'firing', to: 'recovering' });
      } else if (alert.state === 'recovering' && !alert.isRecovering && !alert.missing) {
        alert.state = 'firing';
        transitions.push({ labels: alert.labels, from: 'recovering', to: 'firing' });
      }
    }
    return transitions;
  }

  /** Alerts not resolved, sorted by labels (`BaseRule.ActiveAlerts`). */
  snapshot(): AlertSnapshot[] {
    return [...this.active.values()]
      .filter((a) => a.state !== 'inactive')
      .map((a) => ({
        labels: sortedLabels(a.labels),
        state: a.state === 'firing' && a.missing ? 'nodata' : (a.state as ReportedAlertState),
        value: a.value,
        threshold: a.threshold,
      }))
      .sort((x, y) => compareKeys(labelSetKey(x.labels), labelSetKey(y.labels)));
  }

  private alertLabels(sample: ThresholdSample): Record<string, string> {
    const labels: Record<string, string> = withoutLabels(sample.labels, this.context.droppedLabels);
    Object.assign(labels, this.context.ruleLabels(sample.labels));
    labels.alertname = this.context.alertName;
    labels.ruleId = this.context.ruleId;
    labels.ruleSource = this.context.ruleSource;
    if (sample.isMissing) {
      labels.alertname = `[No data] ${this.context.alertName}`;
      labels.nodata = 'true';
    }
    return labels;
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
