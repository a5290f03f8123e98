/**
 * The labels an alert carries when SigNoz routes and mutes it (see docs/channels-routing-maintenance.md):
 * the series labels, then `threshold.name` (the tier name) and `severity` (the tier name,
 * lower-cased), then the rule's own labels, which win, then `alertname` and `ruleId`. A no-data
 * alert has no series and no tier: the rule's labels, `alertname` `[No data] <name>`, `ruleId` and
 * `nodata="true"`. What only exists at run time (group-by labels not given, the rule id, a
 * templated label value, when data was last seen) is `UNKNOWN`, so an expression over it "may" match.
 */
import type { RulePayload } from '../model/rule-payload';
import { UNKNOWN, type LabelGroup, type LabelLookup } from '../routing/route-expression-reader';

/** Label names the series of a rule may bring: every label for PromQL and SQL, the group-by keys for builder queries. */
export function seriesLabelNames(payload: RulePayload): (name: string) => boolean {
  const query = payload.condition.compositeQuery;
  if (query.queryType !== 'builder') return () => true;
  const keys = new Set<string>();
  for (const q of query.queries) {
    const groupBy = q.type !== 'builder_join' && 'groupBy' in q.spec ? q.spec.groupBy : undefined;
    for (const key of groupBy ?? []) keys.add(key.name);
  }
  return (name) => keys.has(name) || [...keys].some((k) => k.startsWith(`${name}.`));
}

function lookup(known: ReadonlyMap<string, string>, runTime: (name: string) => boolean): LabelLookup {
  return (name) => {
    const value = known.get(name);
    if (value !== undefined) return value.includes('{{') ? UNKNOWN : value;
    if (runTime(name)) return UNKNOWN;
    for (const key of known.keys()) if (key.startsWith(`${name}.`)) return { group: name } satisfies LabelGroup;
    return null;
  };
}

const ruleIdLabel = (ruleId: string | undefined): [string, string][] => (ruleId !== undefined ? [['ruleId', ruleId]] : []);

/** What is known of the labels of a firing alert of `tier`; `series` are series labels the caller knows (they stop being unknown). */
export function notificationLabels(payload: RulePayload, tier: string, series: Readonly<Record<string, string>> = {}, ruleId?: string): LabelLookup {
  const fromSeries = seriesLabelNames(payload);
  const known = new Map<string, string>([
    ...Object.entries(series),
    ['threshold.name', tier],
    ['severity', tier.toLowerCase()],
    ...Object.entries(payload.labels ?? {}),
    ['alertname', payload.alert],
    ...ruleIdLabel(ruleId),
  ]);
  return lookup(known, (name) => name === 'ruleId' || name === 'ruleSource' || fromSeries(name));
}

/** What is known of the labels of the rule's no-data alert: no series labels, no `threshold.name`, no `severity`. */
export function noDataLabels(payload: RulePayload, ruleId?: string): LabelLookup {
  const known = new Map<string, string>([...Object.entries(payload.labels ?? {}), ['alertname', `[No data] ${payload.alert}`], ['nodata', 'true'], ...ruleIdLabel(ruleId)]);
  // `lastSeen` is there once the rule has seen data
  return lookup(known, (name) => name === 'ruleId' || name === 'ruleSource' || name === 'lastSeen');
}
