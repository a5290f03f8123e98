/**
 * YAML behaviour test files (`*.alert-test.yaml`), modelled on promtool's `test rules` format.
 * Every mistake is reported with the file and line.
 *
 * ```yaml
 * rule_file: ../rules/payments-latency.json   # relative to this file; a rule, a rule list or cdk.tf.json
 * alert: Payments p99 latency                 # which rule, when rule_file holds several
 * evaluation_delay: 2m                        # optional (SigNoz's default ruler.eval_delay)
 * tests:
 *   - name: critical fires on sustained latency
 *     interval: 1m
 *     input_series:
 *       - query: A
 *         labels: {service: payments}
 *         values: '100x10 900x10'
 *     alert_rule_test:
 *       - eval_time: 5m
 *         exp_alerts: []
 *       - eval_time: 15m
 *         exp_alerts:
 *           - exp_labels: {threshold.name: critical, service: payments}
 *     resolve_test:
 *       - exp_labels: {threshold.name: critical}
 *         exp_resolved_at: never
 * ```
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { yamlDocumentValue, yamlErrorReason } from '../util/parse-input';
import { ALERT_STATES } from '../model/enums';
import { LABEL_SEVERITY, LABEL_THRESHOLD_NAME } from '../evaluation';
import type { AlertExpectation, BehaviourTestCase, ExpectedAlert, ResolveExpectation, SeriesSpec } from './behaviour-spec';
import { BehaviourSpecError, durationMs } from './run-behaviour-test';
import { parseSeriesNotation, SeriesNotationError } from './series-notation';
import { ToolkitError } from '../model/toolkit-error';

/** A name the file uses that only the rule can confirm: a query given series, or a tier named in `exp_labels`. */
export interface RuleReference {
  readonly kind: 'query' | 'tier';
  readonly name: string;
  /** Where, as `tests[0].input_series[1].query`. */
  readonly field: string;
  readonly line: number;
}

export interface AlertTestFile {
  /** `rule_file` as written (relative to the test file's folder). */
  readonly ruleFile: string;
  readonly alert?: string;
  readonly cases: readonly { readonly testCase: BehaviourTestCase; readonly line: number }[];
  /** Query and tier names the tests use, checked against the rule once it is loaded. */
  readonly references: readonly RuleReference[];
}

/** One mistake in a test file: 1-based line (0 when unknown) and what is wrong. */
export interface AlertTestFileProblem {
  readonly line: number;
  readonly reason: string;
}

/** Every mistake found in one test file; `line` and `reason` are the first one's. */
export class AlertTestFileError extends ToolkitError {
  /** 1-based line of the first mistake, 0 when unknown. */
  readonly line: number;
  /** What is wrong at `line`, with the field (`tests[0].interval: ...`). */
  readonly reason: string;

  constructor(
    /** The test file as shown to the user. */
    readonly file: string,
    line: number,
    reason: string,
    /** Every mistake, the first included, in file order. */
    readonly all: readonly AlertTestFileProblem[] = [{ line, reason }],
  ) {
    super('alert test file', { file, line }, all.length === 1 ? [{ path: '', message: reason }] : all.map((p) => ({ path: `line ${p.line}`, message: p.reason })));
    this.line = line;
    this.reason = reason;
  }

  /** `file:line: reason`, one line per mistake. */
  lines(): string[] {
    return this.all.map((p) => `${this.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.reason}`);
  }
}

type Path = (string | number)[];
const REPORTED_STATES = ALERT_STATES.filter((s) => s === 'firing' || s === 'recovering' || s === 'nodata' || s === 'pending');

class Reader {
  /** Mistakes found so far; reading goes on after each, item by item, so one run reports them all. */
  readonly problems: AlertTestFileProblem[] = [];
  readonly references: RuleReference[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  line(path: Path): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 0;
  }

  fail(path: Path, reason: string): never {
    throw new AlertTestFileError(this.file, this.line(path), `${path.length ? `${pathText(path)}: ` : ''}${reason}`);
  }

  /** Reads each item with `read`; a mistake in one is recorded and the others are still read. */
  each<T>(items: readonly unknown[], path: Path, read: (item: unknown, at: Path) => T): T[] {
    const out: T[] = [];
    items.forEach((item, i) => {
      try {
        out.push(read(item, [...path, i]));
      } catch (err) {
        if (!(err instanceof AlertTestFileError)) throw err;
        this.problems.push(...err.all);
      }
    });
    return out;
  }

  refer(kind: RuleReference['kind'], name: string, path: Path): void {
    this.references.push({ kind, name, field: pathText(path), line: this.line(path) });
  }

  object(value: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'expected a mapping');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail([...path, key], `unknown key "${key}"; allowed here: ${allowed.join(', ')}`);
    }
    return record;
  }

  list(value: unknown, path: Path): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'expected a list');
    return value as unknown[];
  }

  string(value: unknown, path: Path): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    return this.fail(path, `expected text, got ${JSON.stringify(value)}`);
  }

  labels(value: unknown, path: Path): Record<string, string> {
    if (value === undefined || value === null) return {};
    const record = this.object(value, path, Object.keys(value as object));
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') this.fail([...path, k], 'label values must be text');
      out[k] = String(v);
    }
    return out;
  }

  /** A duration in Prometheus's form, as promtool reads it (`1w`, `4d1h`, `90s`, `1h30m`, `0`). */
  duration(value: unknown, path: Path): string {
    const text = value === 0 ? '0' : value;
    if (typeof text !== 'string') return this.fail(path, `expected a duration such as 90s, 1h30m or 4d1h, got ${JSON.stringify(value)}`);
    try {
      durationMs(text, pathText(path));
    } catch (err) {
      if (err instanceof BehaviourSpecError) this.fail(path, err.problems[0]?.message ?? err.message);
      throw err;
    }
    return text;
  }
}

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function readSeries(r: Reader, raw: unknown, path: Path): { query: string; spec: SeriesSpec } {
  const item = r.object(raw, path, ['query', 'labels', 'values']);
  const query = r.string(item.query, [...path, 'query']);
  r.refer('query', query, [...path, 'query']);
  const valuesRaw = typeof item.values === 'number' ? String(item.values) : item.values;
  const values = r.string(valuesRaw, [...path, 'values']);
  try {
    parseSeriesNotation(values);
  } catch (err) {
    if (err instanceof SeriesNotationError) r.fail([...path, 'values'], err.detail);
    throw err;
  }
  return { query, spec: { labels: r.labels(item.labels, [...path, 'labels']), values } };
}

/** `threshold.name` and `severity` (the lowercased tier name) name a tier of the rule. */
function referTiers(r: Reader, labels: Readonly<Record<string, string>>, path: Path): void {
  for (const key of [LABEL_THRESHOLD_NAME, LABEL_SEVERITY]) {
    if (labels[key] !== undefined) r.refer('tier', labels[key], [...path, key]);
  }
}

function readExpectedAlert(r: Reader, raw: unknown, path: Path): ExpectedAlert {
  const item = r.object(raw, path, ['exp_labels', 'exp_state', 'exp_value']);
  const alert: { labels?: Record<string, string>; state?: ExpectedAlert['state']; value?: number } = {};
  if (item.exp_labels !== undefined) {
    alert.labels = r.labels(item.exp_labels, [...path, 'exp_labels']);
    referTiers(r, alert.labels, [...path, 'exp_labels']);
  }
  if (item.exp_state !== undefined) {
    if (!REPORTED_STATES.includes(item.exp_state as never)) r.fail([...path, 'exp_state'], `expected one of ${REPORTED_STATES.join(', ')}, got ${JSON.stringify(item.exp_state)}`);
    alert.state = item.exp_state as ExpectedAlert['state'];
  }
  if (item.exp_value !== undefined) {
    if (typeof item.exp_value !== 'number') r.fail([...path, 'exp_value'], 'expected a number');
    alert.value = item.exp_value as number;
  }
  return alert;
}

function readCase(r: Reader, raw: unknown, path: Path, fileDelay: string | undefined): BehaviourTestCase {
  const item = r.object(raw, path, ['name', 'interval', 'start', 'first_eval_time', 'evaluation_delay', 'input_series', 'alert_rule_test', 'resolve_test']);
  const series: Record<string, SeriesSpec[]> = {};
  const before = r.problems.length;
  const seriesPath = [...path, 'input_series'];
  r.each(r.list(item.input_series ?? r.fail(seriesPath, 'input_series is required'), seriesPath), seriesPath, (s, at) => readSeries(r, s, at)).forEach(({ query, spec }) => {
    (series[query] ??= []).push(spec);
  });
  const rulePath = [...path, 'alert_rule_test'];
  const expectations: AlertExpectation[] = r.each(r.list(item.alert_rule_test ?? [], rulePath), rulePath, (raw2, at) => {
    const e = r.object(raw2, at, ['eval_time', 'exp_alerts', 'match']);
    if (e.match !== undefined && e.match !== 'subset' && e.match !== 'exact') r.fail([...at, 'match'], 'expected subset or exact');
    const alertsPath = [...at, 'exp_alerts'];
    const alerts = r.each(r.list(e.exp_alerts ?? [], alertsPath), alertsPath, (a, where) => readExpectedAlert(r, a, where));
    return { at: r.duration(e.eval_time ?? r.fail(at, 'eval_time is required'), [...at, 'eval_time']), alerts, ...(e.match ? { match: e.match as 'subset' | 'exact' } : {}) };
  });
  const resolvePath = [...path, 'resolve_test'];
  const resolves: ResolveExpectation[] = r.each(r.list(item.resolve_test ?? [], resolvePath), resolvePath, (raw2, at) => {
    const e = r.object(raw2, at, ['exp_labels', 'exp_resolved_at']);
    const when =
      e.exp_resolved_at === 'never' ? 'never' : r.duration(e.exp_resolved_at ?? r.fail(at, 'exp_resolved_at is required (a time, or never)'), [...at, 'exp_resolved_at']);
    const labels = r.labels(e.exp_labels, [...at, 'exp_labels']);
    referTiers(r, labels, [...at, 'exp_labels']);
    return { labels, at: when };
  });
  if (expectations.length === 0 && resolves.length === 0 && r.problems.length === before) r.fail(path, 'a test needs alert_rule_test or resolve_test entries');
  const delay = item.evaluation_delay !== undefined ? r.duration(item.evaluation_delay, [...path, 'evaluation_delay']) : fileDelay;
  let start: string | number | undefined;
  if (item.start !== undefined) {
    start = item.start instanceof Date ? item.start.getTime() : (item.start as string | number);
    if (typeof start === 'string' && !(/(Z|[+-]\d{2}:?\d{2})$/i.test(start) && Number.isFinite(Date.parse(start)))) {
      r.fail([...path, 'start'], 'expected an ISO 8601 time with a zone such as 2026-01-05T10:00:00Z, or unix milliseconds');
    }
  }
  return {
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
    ...(item.interval !== undefined ? { interval: r.duration(item.interval, [...path, 'interval']) } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(item.first_eval_time !== undefined ? { firstEvalTime: r.duration(item.first_eval_time, [...path, 'first_eval_time']) } : {}),
    ...(delay !== undefined ? { evalDelay: delay } : {}),
    series,
    expectations,
    resolves,
  };
}

/** Reads a behaviour test file; throws one `AlertTestFileError` listing every mistake (file:line: reason). */
export function parseAlertTestFile(text: string, file: string): AlertTestFile {
  const lines = new LineCounter();
  // logLevel 'error': a key that is itself a list or map is read as its text (then refused as an unknown name), never a warning on stderr
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new AlertTestFileError(file, first.linePos?.[0]?.line ?? 0, `invalid YAML: ${yamlErrorReason(first)}`);
  }
  const read = yamlDocumentValue(doc);
  if ('error' in read) throw new AlertTestFileError(file, 0, `invalid YAML: ${read.error}`);
  const value = read.value;
  const r = new Reader(file, doc, lines);
  const top = r.object(value, [], ['rule_file', 'alert', 'evaluation_delay', 'tests']);
  const ruleFile = r.string(top.rule_file ?? r.fail([], 'rule_file is required: the path of the rule JSON (or cdk.tf.json) under test'), ['rule_file']);
  const fileDelay = top.evaluation_delay !== undefined ? r.duration(top.evaluation_delay, ['evaluation_delay']) : undefined;
  const tests = r.list(top.tests ?? r.fail([], 'tests is required: a list of test cases'), ['tests']);
  if (tests.length === 0) r.fail(['tests'], 'expected at least one test case');
  const alert = top.alert !== undefined ? r.string(top.alert, ['alert']) : undefined;
  const cases = r.each(tests, ['tests'], (t, at) => ({ testCase: readCase(r, t, at, fileDelay), line: r.line(at) }));
  if (r.problems.length > 0) {
    const [first] = r.problems;
    throw new AlertTestFileError(file, first!.line, first!.reason, r.problems);
  }
  return { ruleFile, ...(alert !== undefined ? { alert } : {}), cases, references: r.references };
}
