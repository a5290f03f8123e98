/**
 * `npm run conformance -- --slo <dir>`: `ServiceLevelObjective` and its OpenSLO reader against the
 * tools people already use (../shared/peer-suites/slo, see its README; nothing of it is committed).
 *
 * - Sloth: every page and ticket alert Sloth generated (`sloth/test/out-*.yaml.tpl`,
 *   `sloth/examples-gen/*`) is a list of window pairs `short AND long > factor x (1 - objective)`.
 *   A `ServiceLevelObjective` with the same objective and period must alert on the same pairs at the
 *   same factor and threshold: with its default windows where Sloth uses a built-in catalog (30d,
 *   28d), with the custom catalog converted to `budgetConsumed` windows otherwise (the 7d test).
 * - OpenSLO: every `kind: SLO` document of `openslo/*` is either read (objective, period and name as
 *   the document says, and, when it only needs `options.indicator` for a non-SigNoz source, the
 *   default burn-rate alerts) or refused with an `OpenSloError` whose every problem names a field of
 *   that SLO document, never "no SLO found".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TerraformStack, Testing } from '../constructs/engine';
import {
  BUDGET_SHARE_WINDOWS,
  OpenSloError,
  openSloToProps,
  ServiceLevelObjective,
  SloIndicators,
  type BurnRateWindow,
  type BurnTier,
  type ResolvedBurnRateWindow,
} from '../constructs/slo';
import { PropsError } from '../constructs/model/props-error';
import { parseSloDuration } from '../constructs/slo/slo-duration';
import { isPlainObject } from '../constructs/util/json';

type Outcome = { summary: string; failures: string[] };
type Json = Record<string, unknown>;

/** Every value of a YAML stream, a top-level list read as its items (as OpenSLO's tools do). */
function yamlValues(text: string): unknown[] {
  // Sloth's .tpl files hold Go template text in places; yaml's warnings about it are noise here
  return parseAllDocuments(text, { logLevel: 'error' })
    .flatMap((doc) => {
      const value: unknown = doc.toJS();
      return Array.isArray(value) ? (value as unknown[]) : [value];
    })
    .filter((v) => v !== null && v !== undefined);
}

function filesIn(dir: string, pattern: RegExp): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => pattern.test(n))
        .sort()
    : [];
}

/** The same number up to floating-point noise (Sloth prints 5.6000000000000005 for 5.6). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

interface SlothPair {
  readonly tier: BurnTier;
  readonly short: string;
  readonly long: string;
  readonly factor: number;
  readonly budget: number;
}

interface SlothSlo {
  readonly where: string;
  readonly id: string;
  objective?: number;
  days?: number;
  readonly pairs: SlothPair[];
}

const COMPARISON = /ratio_rate(\w+)\{sloth_id="([^"]+)"[^}]*\} > \(([0-9.e+-]+) \* ([0-9.e+-]+)\)/g;

/** The SLOs of one file of Sloth's generated rules, with their alerts' window pairs. */
function slothSlos(file: string, shownAs: string): SlothSlo[] {
  const slos = new Map<string, SlothSlo>();
  const sloOf = (id: string): SlothSlo => {
    if (!slos.has(id)) slos.set(id, { where: shownAs, id, pairs: [] });
    return slos.get(id)!;
  };
  for (const value of yamlValues(fs.readFileSync(file, 'utf8'))) {
    if (!isPlainObject(value)) continue;
    const groups = (value.groups ?? (isPlainObject(value.spec) ? value.spec.groups : undefined)) as Json[] | undefined;
    for (const rule of (groups ?? []).flatMap((g) => (g.rules ?? []) as Json[])) {
      const labels = (rule.labels ?? {}) as Record<string, string>;
      const expr = String(rule.expr ?? '');
      const scalar = /^vector\(([0-9.e+-]+)\)$/.exec(expr.trim());
      if (rule.record === 'slo:objective:ratio' && scalar) sloOf(labels.sloth_id!).objective = Number(scalar[1]);
      if (rule.record === 'slo:time_period:days' && scalar) sloOf(labels.sloth_id!).days = Number(scalar[1]);
      if (rule.alert === undefined) continue;
      const tier = labels.sloth_severity as BurnTier;
      // each OR-ed block is one pair: the short window's comparison, then the long one's
      for (const block of expr.split(/\n\s*or\s*\n/)) {
        const [short, long] = [...block.matchAll(COMPARISON)];
        if (!short || !long) continue;
        sloOf(short[2]!).pairs.push({ tier, short: short[1]!, long: long[1]!, factor: Number(long[3]), budget: Number(long[4]) });
      }
    }
  }
  return [...slos.values()].filter((s) => s.pairs.length > 0);
}

interface Catalog {
  readonly file: string;
  readonly builtIn: boolean;
  readonly days: number;
  readonly windows: BurnRateWindow[];
}

/** Sloth's window catalogs (`AlertWindows`) as toolkit windows; google-* are Sloth's built-in ones. */
function catalogs(dir: string): Catalog[] {
  return filesIn(dir, /\.ya?ml$/).map((name) => {
    const spec = (yamlValues(fs.readFileSync(path.join(dir, name), 'utf8'))[0] as { spec: Json }).spec;
    const windows = (['page', 'ticket'] as const).flatMap((tier) =>
      ['quick', 'slow'].map((speed) => {
        const w = (spec[tier] as Record<string, { errorBudgetPercent: number; shortWindow: string; longWindow: string }>)[speed]!;
        return { tier, long: w.longWindow, short: w.shortWindow, budgetConsumed: w.errorBudgetPercent / 100 };
      }),
    );
    return { file: name, builtIn: name.startsWith('google-'), days: parseSloDuration(String(spec.sloPeriod))! / 86_400_000, windows };
  });
}

/** Sloth's page and ticket window pairs against a `ServiceLevelObjective` of the same objective and period. */
export function slothWindowsAgree(dir: string): Outcome {
  const sloth = path.join(dir, 'sloth');
  const failures: string[] = [];
  const known = catalogs(path.join(sloth, 'windows'));
  const files = [
    ...filesIn(path.join(sloth, 'test'), /^out-.*\.yaml\.tpl$/).map((n) => `test/${n}`),
    ...filesIn(path.join(sloth, 'examples-gen'), /\.ya?ml$/).map((n) => `examples-gen/${n}`),
  ];
  const tally = new Map<number, [number, number]>();
  let neverFire = 0;
  for (const file of files) {
    for (const slo of slothSlos(path.join(sloth, file), file)) {
      const where = `${file} ${slo.id}`;
      const days = slo.days ?? 30;
      const count = tally.get(days) ?? [0, 0];
      tally.set(days, count);
      count[1] += slo.pairs.length;
      // Sloth's built-in catalog for the period means the toolkit's defaults; otherwise the custom one
      const custom = known.some((c) => c.builtIn && c.days === days) ? undefined : known.find((c) => c.days === days);
      const given = custom?.windows ?? BUDGET_SHARE_WINDOWS;
      // the defaults are left out, as a user leaves them out
      const build = (windows: readonly BurnRateWindow[] | undefined): readonly ResolvedBurnRateWindow[] =>
        new ServiceLevelObjective(new TerraformStack(Testing.app(), 'slo'), 'Slo', {
          name: slo.id,
          objective: Number(slo.objective!.toPrecision(12)),
          period: `${days}d`,
          indicator: SloIndicators.spanMetricsAvailability({ service: 'svc' }),
          routing: 'policy',
          ...(windows ? { windows } : {}),
        }).windows;
      // A window whose threshold is 100 % or more is refused (it could never fire) where Sloth writes
      // the alert anyway: the same answer when Sloth's threshold is 100 % or more too. The other
      // windows are compared without it, as a user would give them after that error.
      let neverFires: BurnRateWindow[] = [];
      let windows: readonly ResolvedBurnRateWindow[];
      try {
        try {
          windows = build(custom?.windows);
        } catch (err) {
          const refused = err instanceof PropsError ? err.problems.map((p) => (/could never fire/.test(p.message) ? /^windows\[(\d+)\]$/.exec(p.path) : null)) : [null];
          if (!refused.every((m) => m !== null)) throw err;
          neverFires = refused.map((m) => given[Number(m[1])]!);
          windows = build(given.filter((w) => !neverFires.includes(w)));
        }
      } catch (err) {
        failures.push(`${where}: the toolkit refuses the SLO (${err instanceof Error ? err.message.split('\n').join(' ') : String(err)})`);
        continue;
      }
      for (const pair of slo.pairs) {
        const mine = windows.find((w) => w.tier === pair.tier && w.shortMs === parseSloDuration(pair.short) && w.longMs === parseSloDuration(pair.long));
        const label = `${where} ${pair.tier} ${pair.long}/${pair.short}${custom ? ` (windows from ${custom.file})` : ''}`;
        if (neverFires.some((w) => w.tier === pair.tier && w.short === pair.short && w.long === pair.long)) {
          if (pair.factor * pair.budget >= 1) {
            count[0]++;
            neverFire++;
          } else failures.push(`${label}: Sloth alerts above ${pair.factor * pair.budget}, the toolkit refuses the window as one that could never fire`);
        } else if (!mine) failures.push(`${label}: Sloth alerts on this pair at ${pair.factor}x, the toolkit has no such window`);
        else if (!close(mine.factor, pair.factor) || !close(mine.threshold, pair.factor * pair.budget))
          failures.push(`${label}: Sloth ${pair.factor}x (threshold ${pair.factor * pair.budget}), the toolkit ${mine.factor}x (threshold ${mine.threshold})`);
        else count[0]++;
      }
    }
  }
  const per = [...tally.entries()].sort(([a], [b]) => b - a).map(([days, [ok, all]]) => `${days}d ${ok}/${all}`);
  const [ok, all] = [...tally.values()].reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  return {
    summary: `SLO burn-rate windows: ${ok}/${all} of Sloth's window pairs agree in windows, factor and threshold (${per.join(', ')}; ${neverFire} of them with a threshold of 100 % or more, which Sloth writes and the toolkit refuses as never firing)`,
    failures,
  };
}

/** Whether a dotted field of an error (`spec.timeWindow[0].duration`) starts at something the document has. */
function namesAFieldOf(doc: Json, field: string): boolean {
  const head = /^[A-Za-z]+/.exec(field)?.[0];
  if (field.startsWith('SLI ')) return typeof (doc.spec as Json | undefined)?.indicatorRef === 'string';
  // 'kind' and 'metadata.name' are where the reader says it found no such SLO: a wrong answer here
  return head !== undefined && head in doc && field !== 'kind' && field !== 'metadata.name';
}

const STAND_IN = SloIndicators.spanMetricsAvailability({ service: 'stand-in' });

/** Every OpenSLO SLO document: read as the document says, or refused naming its fields. */
export function openSloDocumentsBehave(dir: string): Outcome {
  const folder = path.join(dir, 'openslo');
  const failures: string[] = [];
  let documents = 0;
  let read = 0;
  let refused = 0;
  for (const file of filesIn(folder, /\.ya?ml$/)) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const doc of yamlValues(text).filter((v): v is Json => isPlainObject(v) && v.kind === 'SLO')) {
      documents++;
      const name = String((doc.metadata as Json | undefined)?.name);
      const where = `${file} SLO '${name}'`;
      const attempt = (indicator: boolean): { props?: ReturnType<typeof openSloToProps>; error?: OpenSloError; crash?: string } => {
        try {
          return { props: openSloToProps(text, { sloName: name, routing: 'policy', ...(indicator ? { indicator: STAND_IN } : {}) }) };
        } catch (err) {
          return err instanceof OpenSloError ? { error: err } : { crash: err instanceof Error ? err.message : String(err) };
        }
      };
      let outcome = attempt(false);
      // a refusal only for the metric source type is lifted by options.indicator, as docs/slo.md says
      if (outcome.error && outcome.error.problems.every((p) => p.path.endsWith('.metricSource.type'))) outcome = attempt(true);
      if (outcome.crash !== undefined) {
        failures.push(`${where}: not an OpenSloError: ${outcome.crash}`);
      } else if (outcome.error) {
        const stray = outcome.error.problems.filter((p) => p.path === '' || !namesAFieldOf(doc, p.path));
        if (stray.length > 0) failures.push(`${where}: refused without naming a field of the document: ${stray.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; ')}`);
        else refused++;
      } else {
        const spec = doc.spec as Json;
        const objective = ((spec.objectives as Json[])[0] ?? {}) as Json;
        const want = typeof objective.target === 'number' ? objective.target : Number(objective.targetPercent) / 100;
        const period = ((spec.timeWindow as Json[] | undefined)?.[0]?.duration as string | undefined) ?? '30d';
        const props = outcome.props!;
        const problems: string[] = [];
        if (!close(props.objective, want)) problems.push(`objective ${props.objective}, the document ${want}`);
        if ((props.period ?? '30d') !== period) problems.push(`period ${props.period}, the document ${period}`);
        if (props.sloId !== name) problems.push(`slo id ${props.sloId}`);
        try {
          const slo = new ServiceLevelObjective(new TerraformStack(Testing.app(), 'slo'), 'Slo', props);
          if (slo.alerts.length !== 4) problems.push(`${slo.alerts.length} burn-rate alerts, not the 4 default ones`);
        } catch (err) {
          problems.push(`read, but the SLO is refused: ${err instanceof Error ? err.message.split('\n').join(' ') : String(err)}`);
        }
        if (problems.length > 0) failures.push(`${where}: ${problems.join('; ')}`);
        else read++;
      }
    }
  }
  return {
    summary: `OpenSLO documents: ${read + refused}/${documents} read as documented (${read}) or refused naming the unsupported field (${refused})`,
    failures,
  };
}

export const SLO_CHECKS: readonly ((dir: string) => Outcome)[] = [slothWindowsAgree, openSloDocumentsBehave];
