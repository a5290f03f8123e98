/**
 * The reviewer's diff of an alert: thresholds per tier ("tier critical: threshold 80 -> 75"),
 * operator, match type, evaluation window, channels added and removed, query text, labels,
 * disabled, renotify. Differences are ordered by what matters most for paging.
 */
import { ownEntry } from '../../constructs/util/json';
import { formatValue, toFieldDiff, type FieldDiff } from '../diff/field-diff';
import { formatPath, leafDifferences, type DiffPath } from '../diff/structural-diff';
import type { AlertView, TierView } from './alert-view';

const SECTION_ORDER = ['disabled', 'tiers', 'evaluation', 'queries', 'condition', 'notification', 'name', 'labels', 'annotations'];

const TIER_FIELDS: Readonly<Record<string, string>> = {
  target: 'threshold',
  op: 'comparison',
  matchType: 'match type',
  targetUnit: 'threshold unit',
  recoveryTarget: 'recovery threshold',
  channels: 'channels',
};

const CONDITION_FIELDS: Readonly<Record<string, string>> = {
  selectedQuery: 'selected query',
  queryType: 'query type',
  panelType: 'panel type',
  unit: 'unit',
  alertOnAbsent: 'alert on absent data',
  absentFor: 'absent for (minutes)',
  requireMinPoints: 'require min points',
  requiredNumPoints: 'required points',
  algorithm: 'algorithm',
  seasonality: 'seasonality',
};

const EVALUATION_FIELDS: Readonly<Record<string, string>> = {
  kind: 'evaluation kind',
  window: 'eval window',
  frequency: 'eval frequency',
  schedule: 'schedule',
  timezone: 'timezone',
};

const NOTIFICATION_FIELDS: Readonly<Record<string, string>> = {
  groupBy: 'notification group by',
  usePolicy: 'route by policies',
  newGroupEvalDelay: 'new group delay',
  renotify: 'renotify',
  renotifyInterval: 'renotify interval',
  renotifyStates: 'renotify states',
};

const TOP_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  disabled: 'disabled',
  alertType: 'alert type',
  ruleType: 'rule type',
  schemaVersion: 'schema version',
  description: 'description',
};

function queryFieldLabel(rest: DiffPath): string {
  const text = formatPath(rest);
  if (text === 'filter.expression' || text === 'filter') return 'filter';
  if (text === 'having.expression' || text === 'having') return 'having';
  if (text === 'query') return 'query text';
  return text.replace(/^aggregations\[(\d+)\]/, (_m, i: string) => (i === '0' ? 'aggregation' : `aggregation ${Number(i) + 1}`));
}

/** The reviewer label of a path inside an `AlertView`. */
export function alertFieldLabel(path: DiffPath): string {
  const [section, key, ...rest] = path.map(String);
  switch (section) {
    case 'tiers':
      if (key === undefined) return 'tiers';
      return rest.length === 0 ? `tier ${key}` : `tier ${key}: ${ownEntry(TIER_FIELDS, rest[0]!) ?? formatPath(rest)}`;
    case 'queries':
      if (key === undefined) return 'queries';
      return rest.length === 0 ? `query ${key}` : `query ${key}: ${queryFieldLabel(path.slice(2))}`;
    case 'condition':
      return key === undefined ? 'condition' : (ownEntry(CONDITION_FIELDS, key) ?? key);
    case 'evaluation':
      return key === undefined ? 'evaluation' : (ownEntry(EVALUATION_FIELDS, key) ?? key);
    case 'notification':
      return key === undefined ? 'notification settings' : (ownEntry(NOTIFICATION_FIELDS, key) ?? key);
    case 'labels':
      return key === undefined ? 'labels' : `label ${key}`;
    case 'annotations':
      return key === undefined ? 'annotations' : `annotation ${key}`;
    default:
      return ownEntry(TOP_FIELDS, section ?? '') ?? formatPath(path);
  }
}

/** "above 80 (at_least_once) -> pd-oncall, slack-ops" */
export function tierSummary(tier: TierView): string {
  const unit = tier.targetUnit === undefined || tier.targetUnit === null || tier.targetUnit === '' ? '' : ` ${formatValue(tier.targetUnit)}`;
  const match = tier.matchType ? ` (${tier.matchType})` : '';
  const channels = tier.channels.length > 0 ? ` → ${tier.channels.join(', ')}` : ' → no channels';
  return `${tier.op ?? '?'} ${formatValue(tier.target)}${unit}${match}${channels}`;
}

/** The text a query evaluates, in one line: PromQL/SQL text, formula, or aggregation + filter. */
export function querySummary(query: unknown): string {
  const q = (query ?? {}) as Record<string, unknown>;
  if (typeof q.query === 'string') return q.query;
  if (q.type === 'builder_formula' && typeof q.expression === 'string') return q.expression;
  const aggregations = Array.isArray(q.aggregations) ? q.aggregations : [];
  const aggregated = aggregations
    .map((raw) => {
      const a = (raw ?? {}) as Record<string, unknown>;
      if (typeof a.expression === 'string') return a.expression;
      const inner = a.timeAggregation ? `${String(a.timeAggregation)}(${String(a.metricName)})` : String(a.metricName);
      return a.spaceAggregation ? `${String(a.spaceAggregation)}(${inner})` : inner;
    })
    .join(', ');
  const filter = (q.filter as { expression?: unknown } | undefined)?.expression;
  const where = typeof filter === 'string' && filter !== '' ? ` where ${filter}` : '';
  return `${q.signal ? `${String(q.signal)}: ` : ''}${aggregated || '(no aggregation)'}${where}`;
}

function sectionRank(path: DiffPath): number {
  const index = SECTION_ORDER.indexOf(String(path[0]));
  return index === -1 ? SECTION_ORDER.length : index;
}

/** Field-by-field differences between two versions of an alert. */
export function alertFieldDiffs(before: AlertView, after: AlertView): FieldDiff[] {
  const differences = leafDifferences(before, after).sort((a, b) => sectionRank(a.path) - sectionRank(b.path));
  return differences.map((d) => {
    if (d.path.length === 2 && d.path[0] === 'tiers' && (d.type === 'add' || d.type === 'remove')) {
      const tier = String(d.path[1]);
      return d.type === 'add' ? { field: `tier ${tier}`, after: tierSummary(after.tiers[tier]!) } : { field: `tier ${tier}`, before: tierSummary(before.tiers[tier]!) };
    }
    if (d.path.length === 2 && d.path[0] === 'queries' && (d.type === 'add' || d.type === 'remove')) {
      const name = String(d.path[1]);
      return d.type === 'add' ? { field: `query ${name}`, after: querySummary(after.queries[name]) } : { field: `query ${name}`, before: querySummary(before.queries[name]) };
    }
    return toFieldDiff(d, alertFieldLabel);
  });
}

/** The facts of one alert version (for creates and deletes, where there is nothing to compare). */
export function describeAlert(view: AlertView, side: 'before' | 'after'): FieldDiff[] {
  const facts: { field: string; text: string }[] = [];
  if (view.disabled) facts.push({ field: 'disabled', text: 'true' });
  for (const [name, tier] of Object.entries(view.tiers)) facts.push({ field: `tier ${name}`, text: tierSummary(tier) });
  const { window, frequency } = view.evaluation;
  if (window !== undefined || frequency !== undefined) {
    facts.push({ field: 'evaluation', text: `window ${formatValue(window)}, every ${formatValue(frequency)}` });
  }
  for (const [name, query] of Object.entries(view.queries)) facts.push({ field: `query ${name}`, text: querySummary(query) });
  const labels = Object.entries(view.labels).map(([k, v]) => `${k}=${formatValue(v)}`);
  if (labels.length > 0) facts.push({ field: 'labels', text: labels.sort().join(', ') });
  return facts.map(({ field, text }) => (side === 'after' ? { field, after: text } : { field, before: text }));
}
