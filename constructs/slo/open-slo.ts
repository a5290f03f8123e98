/**
 * Reads an OpenSLO (`apiVersion: openslo/v1`) `SLO` document into `ServiceLevelObjectiveProps`,
 * from a YAML or JSON text of one or more documents (`---`-separated, or a top-level list).
 * Supported: a rolling `timeWindow`, `budgetingMethod: Occurrences`, one objective (`target` or
 * `targetPercent`), and a `ratioMetric` indicator (inline, or an `SLI` document named by
 * `indicatorRef` in the same YAML stream) whose `good`/`bad` and `total` metric sources have
 * `type: SigNoz` and a SigNoz v5 builder query spec (`signal`, `aggregations`, `filter`, ...), or
 * whose queries are given in code as `options.indicator`. Everything else is refused with the
 * field it is about and why, never silently approximated.
 */
import { parseAllDocuments } from 'yaml';
import { describeYamlError, yamlDocumentValue } from '../util/parse-input';
import { isPlainObject } from '../util/json';
import type { QueryEnvelope } from '../model/rule-payload';
import type { BurnRateWindow } from './burn-rate-windows';
import { parseSloDuration } from './slo-duration';
import type { SloIndicator } from './slo-indicator';
import type { ServiceLevelObjectiveProps } from './service-level-objective-props';
import { ToolkitError } from '../model/toolkit-error';

/** What `fromOpenSlo` takes besides the document: the alert settings OpenSLO has no words for. */
export interface OpenSloOptions extends Omit<ServiceLevelObjectiveProps, 'name' | 'objective' | 'period' | 'indicator' | 'description' | 'kind' | 'windows'> {
  /** The `metadata.name` of the SLO to read when the text holds several. @default - the only SLO */
  readonly sloName?: string;
  /** The `displayName` of the objective to use when the SLO has several. @default - the only objective */
  readonly objectiveName?: string;
  /** Queries to use instead of the document's metric sources (for sources other than SigNoz). @default - the document's SigNoz queries */
  readonly indicator?: SloIndicator;
  /** @default 'availability' */
  readonly kind?: 'availability' | 'latency';
  /** @default BUDGET_SHARE_WINDOWS (the factors follow the document's period) */
  readonly windows?: readonly BurnRateWindow[];
}

/** An OpenSLO document this toolkit cannot turn into an SLO; lists every problem with its field. */
export class OpenSloError extends ToolkitError {
  constructor(
    /** `metadata.name` of the SLO, when known. */
    readonly sloName: string | undefined,
    /** `field` is the document field (`spec.budgetingMethod`), `''` the whole document. */
    problems: readonly { readonly field: string; readonly message: string }[],
  ) {
    super(
      sloName !== undefined ? `OpenSLO SLO '${sloName}'` : 'OpenSLO document',
      { pointer: '' },
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
}

type Json = Record<string, unknown>;

/**
 * The documents of a YAML or JSON text, or of a parsed value: several `---`-separated documents,
 * and a top-level list of documents (as OpenSLO's go-sdk, `oslo` and nobl9-openslo read it), in
 * any mix.
 */
function documentsOf(input: unknown): unknown[] {
  if (typeof input !== 'string') return Array.isArray(input) ? input : [input];
  const documents = parseAllDocuments(input, { logLevel: 'error' });
  const list = Array.isArray(documents) ? documents : [];
  const problems = list.flatMap((doc, i) =>
    doc.errors.map((e) => ({
      field: list.length > 1 ? `document ${i + 1}` : '',
      message: describeYamlError(e),
    })),
  );
  if (problems.length > 0) throw new OpenSloError(undefined, problems);
  const values: unknown[] = [];
  for (const [i, doc] of list.entries()) {
    const read = yamlDocumentValue(doc);
    if ('error' in read) throw new OpenSloError(undefined, [{ field: list.length > 1 ? `document ${i + 1}` : '', message: `invalid YAML: ${read.error}` }]);
    if (Array.isArray(read.value)) values.push(...(read.value as unknown[]));
    else if (read.value !== null && read.value !== undefined) values.push(read.value);
  }
  return values;
}

function named(docs: readonly unknown[], kind: string): Json[] {
  return docs.filter((d): d is Json => isPlainObject(d) && d.kind === kind);
}

function nameOf(doc: Json): string | undefined {
  return isPlainObject(doc.metadata) && typeof doc.metadata.name === 'string' ? doc.metadata.name : undefined;
}

function chooseSlo(docs: readonly unknown[], wanted: string | undefined): Json {
  const slos = named(docs, 'SLO');
  if (wanted !== undefined) {
    const found = slos.find((d) => nameOf(d) === wanted);
    if (found) return found;
    throw new OpenSloError(wanted, [{ field: 'metadata.name', message: `no SLO document named '${wanted}' (found: ${slos.map(nameOf).join(', ') || 'none'})` }]);
  }
  if (slos.length === 1) return slos[0]!;
  if (slos.length === 0) {
    const kinds = docs.map((d) => (isPlainObject(d) && typeof d.kind === 'string' ? d.kind : '(no kind)'));
    throw new OpenSloError(undefined, [{ field: 'kind', message: `no document of kind SLO (found: ${kinds.join(', ') || 'no documents'})` }]);
  }
  throw new OpenSloError(undefined, [{ field: 'kind', message: `${slos.length} SLO documents (${slos.map(nameOf).join(', ')}); choose one with options.sloName` }]);
}

class Problems {
  readonly list: { field: string; message: string }[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
}

function readObjective(spec: Json, wanted: string | undefined, problems: Problems): number | undefined {
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    problems.add('spec.objectives', 'needs one objective with target (0-1) or targetPercent (0-100)');
    return undefined;
  }
  let index = 0;
  if (wanted !== undefined) {
    index = objectives.findIndex((o) => isPlainObject(o) && o.displayName === wanted);
    if (index < 0) {
      problems.add('spec.objectives', `no objective with displayName '${wanted}'`);
      return undefined;
    }
  } else if (objectives.length > 1) {
    problems.add('spec.objectives', `${objectives.length} objectives; a ServiceLevelObjective guards one; choose it with options.objectiveName (its displayName)`);
    return undefined;
  }
  const objective: unknown = objectives[index];
  const at = `spec.objectives[${index}]`;
  if (!isPlainObject(objective)) {
    problems.add(at, 'must be an object with target or targetPercent');
    return undefined;
  }
  if (objective.op !== undefined || objective.value !== undefined) {
    problems.add(at, 'op/value objectives belong to thresholdMetric indicators, which are not supported; use a ratioMetric and a target');
  }
  const hasTarget = objective.target !== undefined;
  const hasPercent = objective.targetPercent !== undefined;
  if (hasTarget === hasPercent) {
    problems.add(at, 'give exactly one of target (0-1) and targetPercent (0-100)');
    return undefined;
  }
  const value = hasTarget ? objective.target : objective.targetPercent;
  const scale = hasTarget ? 1 : 100;
  if (typeof value !== 'number' || !(value > 0 && value < scale)) {
    problems.add(`${at}.${hasTarget ? 'target' : 'targetPercent'}`, `must be a number greater than 0 and less than ${scale}, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return Number((value / scale).toPrecision(12));
}

function readPeriod(spec: Json, problems: Problems): string | undefined {
  const windows = spec.timeWindow;
  if (windows === undefined) return undefined;
  if (!Array.isArray(windows) || windows.length !== 1 || !isPlainObject(windows[0])) {
    problems.add('spec.timeWindow', 'must be a list of exactly one time window');
    return undefined;
  }
  const window = windows[0];
  if (window.calendar !== undefined || window.isRolling === false) {
    problems.add('spec.timeWindow[0]', 'calendar-aligned windows are not supported: burn-rate alerts measure a rolling period; set isRolling: true and drop calendar');
  }
  const duration = window.duration;
  if (typeof duration !== 'string' || parseSloDuration(duration) === undefined) {
    problems.add('spec.timeWindow[0].duration', `must be a rolling duration with the unit m, h, d or w, such as 28d or 4w, got ${JSON.stringify(duration)}`);
    return undefined;
  }
  return duration;
}

const SIGNALS = ['metrics', 'logs', 'traces'];

function readMetricSource(value: unknown, role: 'good' | 'bad' | 'total', at: string, problems: Problems): QueryEnvelope | undefined {
  const source = isPlainObject(value) ? value.metricSource : undefined;
  if (!isPlainObject(source)) {
    problems.add(at, 'must hold a metricSource');
    return undefined;
  }
  const type = typeof source.type === 'string' ? source.type : undefined;
  if (type === undefined || type.toLowerCase() !== 'signoz') {
    problems.add(
      `${at}.metricSource.type`,
      `${type === undefined ? 'is missing' : `'${type}' is not supported`}: use type SigNoz with a SigNoz v5 builder query as spec, or give the queries in code as options.indicator`,
    );
    return undefined;
  }
  const spec = source.spec;
  if (!isPlainObject(spec)) {
    problems.add(`${at}.metricSource.spec`, 'must be a SigNoz v5 builder query spec such as { signal: metrics, aggregations: [...], filter: { expression: ... } }');
    return undefined;
  }
  const before = problems.list.length;
  if (typeof spec.signal !== 'string' || !SIGNALS.includes(spec.signal)) problems.add(`${at}.metricSource.spec.signal`, `must be one of ${SIGNALS.join(', ')}`);
  if (!Array.isArray(spec.aggregations)) problems.add(`${at}.metricSource.spec.aggregations`, 'must be a list with one aggregation');
  if (problems.list.length > before) return undefined;
  return { type: 'builder_query', spec: { ...structuredClone(spec), name: role } } as QueryEnvelope;
}

function readIndicator(docs: readonly unknown[], spec: Json, problems: Problems): SloIndicator | undefined {
  let indicator: unknown = spec.indicator;
  let base = 'spec.indicator.spec';
  if (indicator === undefined && typeof spec.indicatorRef === 'string') {
    indicator = named(docs, 'SLI').find((d) => nameOf(d) === spec.indicatorRef);
    base = `SLI '${spec.indicatorRef}' spec`;
    if (indicator === undefined) {
      problems.add('spec.indicatorRef', `no SLI document named '${spec.indicatorRef}' in the same text; inline the indicator or add the SLI document`);
      return undefined;
    }
  }
  if (!isPlainObject(indicator) || !isPlainObject(indicator.spec)) {
    problems.add('spec.indicator', 'needs an indicator (or indicatorRef) with a ratioMetric');
    return undefined;
  }
  const sli = indicator.spec;
  if (sli.thresholdMetric !== undefined) {
    problems.add(`${base}.thresholdMetric`, 'threshold indicators are not supported: burn-rate alerts need a ratio of event counts (ratioMetric with good or bad, and total)');
    return undefined;
  }
  const ratio = sli.ratioMetric;
  if (!isPlainObject(ratio)) {
    problems.add(`${base}.ratioMetric`, 'is required (good or bad, and total)');
    return undefined;
  }
  if (ratio.raw !== undefined) {
    problems.add(`${base}.ratioMetric.raw`, 'precomputed ratios are not supported: burn rates over windows need the event counts (good or bad, and total)');
    return undefined;
  }
  const hasGood = ratio.good !== undefined;
  const hasBad = ratio.bad !== undefined;
  if (hasGood === hasBad || ratio.total === undefined) {
    problems.add(`${base}.ratioMetric`, 'give exactly one of good and bad, and total');
    return undefined;
  }
  const role = hasGood ? 'good' : 'bad';
  const events = readMetricSource(ratio[role], role, `${base}.ratioMetric.${role}`, problems);
  const total = readMetricSource(ratio.total, 'total', `${base}.ratioMetric.total`, problems);
  if (!events || !total) return undefined;
  return role === 'good' ? { good: events, total } : { bad: events, total };
}

/** The `ServiceLevelObjectiveProps` an OpenSLO document describes, with `options` for the alert settings. */
export function openSloToProps(input: unknown, options: OpenSloOptions = {}): ServiceLevelObjectiveProps {
  const docs = documentsOf(input);
  const slo = chooseSlo(docs, options.sloName);
  const sloName = nameOf(slo);
  const problems = new Problems();
  if (slo.apiVersion !== 'openslo/v1') {
    problems.add('apiVersion', `${JSON.stringify(slo.apiVersion)} is not supported; write the document for openslo/v1`);
  }
  if (sloName === undefined) problems.add('metadata.name', 'is required');
  const spec = isPlainObject(slo.spec) ? slo.spec : undefined;
  if (!spec) {
    problems.add('spec', 'is required');
    throw new OpenSloError(sloName, problems.list);
  }
  if (spec.budgetingMethod !== 'Occurrences') {
    problems.add(
      'spec.budgetingMethod',
      `${spec.budgetingMethod === undefined ? 'is missing' : `'${String(spec.budgetingMethod)}' is not supported`}: burn-rate alerts count events; use Occurrences`,
    );
  }
  const objective = readObjective(spec, options.objectiveName, problems);
  const period = readPeriod(spec, problems);
  const indicator = options.indicator ?? readIndicator(docs, spec, problems);
  if (problems.list.length > 0) throw new OpenSloError(sloName, problems.list);

  const metadata = slo.metadata as Json;
  const { sloName: _s, objectiveName: _o, indicator: _i, ...alertOptions } = options;
  const service: Record<string, string> = typeof spec.service === 'string' && spec.service !== '' ? { service: spec.service } : {};
  return {
    ...alertOptions,
    name: typeof metadata.displayName === 'string' && metadata.displayName !== '' ? metadata.displayName : sloName!,
    sloId: sloName!,
    objective: objective!,
    ...(period !== undefined ? { period } : {}),
    indicator: indicator!,
    ...(typeof spec.description === 'string' && spec.description !== '' ? { description: spec.description.trim().replace(/\.$/, '') } : {}),
    labels: { ...service, ...(options.labels ?? {}) },
  };
}
