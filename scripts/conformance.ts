/**
 * Checks the toolkit against real SigNoz payloads: `npm run conformance -- <corpus-dir>`.
 * The corpus (e.g. ../shared/signoz-corpus) is optional: when the folder does not exist the run
 * says so in one line and exits 0. Each check is a function of the corpus folder; add more to
 * CHECKS. Exit 1 when any check fails, 2 when called without a folder.
 *
 * `npm run conformance -- --peer-suites <dir>` instead scores the toolkit's re-implementations of
 * Go syntax against the upstream test tables with the real implementations' answers (e.g.
 * ../shared/peer-suites/go-semantics, see its README); PEER_CHECKS, same conventions.
 * `--terraform-plans <dir>` reads Terraform's own plan JSON (conformance-terraform-plans.ts).
 * `--slo <dir>` compares SLOs with Sloth's rules and OpenSLO's documents (conformance-slo.ts).
 * `--provider-head <dir>` runs the provider's newest `signoz_rule` test cases (e.g.
 * ../shared/peer-suites/provider-head): validate and the import round trip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { SignozProvider } from '../.gen/providers/signoz/provider';
import { Rule, type RuleConfig } from '../.gen/providers/signoz/rule';
import { decodeRule, decodeSignozRule, validateRuleFileText } from '../constructs/codecs';
import { toBindingConfig } from '../constructs/codecs/binding-config';
import { checkProviderAcceptance } from '../constructs/codecs/provider-acceptance';
import { TerraformStack, Testing } from '../constructs/engine';

import { addImportedRules, firstDifference, importedChannelNames, importRules } from '../import';
import { NotificationChannel } from '../constructs';
import { normalizeImportedRule, rulesIn } from '../constructs/codecs';
import { configAttributeValues } from '../constructs/model/terraform-literal';
import { isDeepStrictEqual } from 'node:util';
import { regexProblem } from '../constructs/routing/re2-pattern';
import { parseSeriesNotation, type NotationValue } from '../constructs/testing/series-notation';
import { formatGoDurationNanos, parseGoDurationNanos, parseGoDurationOrError, parsePrometheusDuration } from '../constructs/model/duration';
import { templatesAgreeWithGo } from './conformance-templates';
import { routesAgreeWithExpr } from './conformance-routes';
import { SLO_CHECKS } from './conformance-slo';
import { plansAgreeWithTerraform } from './conformance-terraform-plans';

interface CheckOutcome {
  /** One line: what was checked and the count. */
  readonly summary: string;
  /** One line per failure, empty when the check passed. */
  readonly failures: string[];
  /** Disagreements reported but not failing the check, with the reason in the summary. */
  readonly notes?: string[];
}

type ConformanceCheck = (corpusDir: string) => CheckOutcome | Promise<CheckOutcome>;

/** Validator errors of each `*.json` rule file of `dir`, one line each, named `<label>/<file>`. */
function validationFailures(dir: string, label: string): { failures: string[]; count: number } {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const failures = files.flatMap((name) => {
    const result = validateRuleFileText(fs.readFileSync(path.join(dir, name), 'utf8'));
    return result.errors.map((issue) => `${label}/${name}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`);
  });
  return { failures, count: files.length };
}

/** Every rule payload SigNoz's own tests send (rules/*.json) must pass the validator. */
const rulePayloadsAreAccepted: ConformanceCheck = (corpusDir) => {
  const rulesDir = path.join(corpusDir, 'rules');
  if (!fs.existsSync(rulesDir)) return { summary: 'rule payloads: no rules/ folder', failures: [`${rulesDir} does not exist`] };
  const { failures, count } = validationFailures(rulesDir, 'rules');
  return { summary: `rule payloads: ${count - failedSources(failures)}/${count} accepted by validate (decodeRule, legacy refused)`, failures };
};

/** The `signoz_rule` resources of one `.tf` (HCL) or `.tf.json` file, by resource name. */
async function signozRules(file: string): Promise<[string, Record<string, unknown>][]> {
  const text = fs.readFileSync(file, 'utf8');
  const doc = (file.endsWith('.json') ? JSON.parse(text) : await parseHcl(path.basename(file), text)) as { resource?: { signoz_rule?: Record<string, unknown> } };
  // hcl2json writes each block as a one-element list; Terraform JSON writes the object itself.
  return Object.entries(doc.resource?.signoz_rule ?? {}).map(([name, body]) => [name, (Array.isArray(body) ? body[0] : body) as Record<string, unknown>]);
}

/**
 * Each `signoz_rule` configuration of the `.tf` / `.tf.json` files of `dir` survives the generated
 * L1 binding attribute for attribute, passes the provider-schema check, and decodes to a canonical
 * rule the validator accepts. Failure lines are named `<label>/<file>#<resource>`.
 */
async function bindingFailures(dir: string, label: string): Promise<{ failures: string[]; count: number }> {
  const failures: string[] = [];
  let count = 0;
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))
    .sort()) {
    for (const [resource, attrs] of await signozRules(path.join(dir, name))) {
      count++;
      const where = `${label}/${name}#${resource}`;
      const stack = new TerraformStack(Testing.app(), 'conformance');
      new SignozProvider(stack, 'signoz');
      new Rule(stack, 'Rule', toBindingConfig(attrs) as RuleConfig);
      const synthesized = Object.values((JSON.parse(Testing.synth(stack)) as { resource: { signoz_rule: Record<string, Record<string, unknown>> } }).resource.signoz_rule)[0]!;
      const { '//': _meta, ...written } = synthesized;
      if (!isDeepStrictEqual(written, attrs)) failures.push(`${where}: the L1 binding does not write the configuration back unchanged`);
      for (const issue of checkProviderAcceptance('signoz_rule', attrs)) failures.push(`${where}: ${issue.path}: ${issue.message}`);
      for (const issue of decodeRule(attrs, { resourceType: 'signoz_rule' }).errors) failures.push(`${where}: payload ${issue.path}: ${issue.message}`);
    }
  }
  return { failures, count };
}

/** The provider's own `signoz_rule` test configurations (provider-rule-configs/) fit the bindings. */
const providerConfigsFitTheBindings: ConformanceCheck = async (corpusDir) => {
  const dir = path.join(corpusDir, 'provider-rule-configs');
  if (!fs.existsSync(dir)) return { summary: 'provider configs: no provider-rule-configs/ folder', failures: [`${dir} does not exist`] };
  const { failures, count } = await bindingFailures(dir, 'provider-rule-configs');
  return {
    summary: `provider configs: ${count - new Set(failures.map((line) => line.split(':')[0])).size}/${count} signoz_rule configurations fit the bindings, the provider schema and the validator`,
    failures,
  };
};

/** One rule file to import: its name in failure lines and its text. */
interface RuleSource {
  readonly name: string;
  readonly text: string;
}

/**
 * The import round trip: every source imports (`signoz-alerts import`), and the imported
 * constructs synthesize a signoz_rule that decodes back to the rule, modulo the documented
 * normalizations. One failure line per source that differs or does not import.
 */
function importRoundTripFailures(sources: readonly RuleSource[]): { failures: string[]; asProps: number; imported: number } {
  const { rules, problems } = importRules(sources);
  const failures = problems.flatMap((p) => p.messages.map((m) => `${p.source}${p.pointer === '' ? '' : `#${p.pointer}`}: not imported: ${m}`));
  const stack = new TerraformStack(Testing.app(), 'imported');
  for (const name of importedChannelNames(rules)) NotificationChannel.fromName(stack, `channel-${name}`, name);
  addImportedRules(stack, rules);
  const resources = (JSON.parse(Testing.synth(stack, true)) as { resource?: { signoz_rule?: Record<string, Record<string, unknown>> } }).resource?.signoz_rule ?? {};
  for (const rule of rules) {
    const key = Object.keys(resources).find((k) => k.startsWith(`${rule.constructId}_`));
    const exported = rulesIn(JSON.parse(sources.find((s) => s.name === rule.source)!.text)).find((e) => e.pointer === rule.pointer)!.json;
    // a converted legacy rule is compared with its conversion, every other rule with the export itself
    const expected = rule.notes.length > 0 ? rule.payload : normalizeImportedRule(exported);
    const decoded = key === undefined ? undefined : normalizeImportedRule(decodeSignozRule(configAttributeValues(resources[key]!)));
    const difference = firstDifference(decoded, expected);
    if (difference !== undefined) failures.push(`${rule.source}${rule.pointer === '' ? '' : `#${rule.pointer}`}: the synthesized rule differs at ${difference}`);
  }
  return { failures, asProps: rules.filter((r) => r.code.mode === 'props').length, imported: rules.length };
}

/** The `*.json` files of a folder, sorted, as import sources named `<label>/<file>`. */
function jsonSources(dir: string, label: string): RuleSource[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `${label}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** How many distinct sources (the text before the first ':') the failure lines name. */
function failedSources(failures: readonly string[]): number {
  return new Set(failures.map((line) => line.split(':')[0]!.split('#')[0])).size;
}

/** Every rule of rules/*.json imports back unchanged (importRoundTripFailures). */
const importedRulesRoundTrip: ConformanceCheck = (corpusDir) => {
  const rulesDir = path.join(corpusDir, 'rules');
  if (!fs.existsSync(rulesDir)) return { summary: 'import round trip: no rules/ folder', failures: [`${rulesDir} does not exist`] };
  const sources = jsonSources(rulesDir, 'rules');
  const { failures, asProps, imported } = importRoundTripFailures(sources);
  return {
    summary: `import round trip: ${sources.length - failedSources(failures)}/${sources.length} rule files import and synthesize back unchanged (${asProps} as props, ${imported - asProps} as payloads)`,
    failures,
  };
};

const CHECKS: readonly ConformanceCheck[] = [rulePayloadsAreAccepted, providerConfigsFitTheBindings, importedRulesRoundTrip];

/** One case of a provider-head suite's cases.json (see its README). */
interface ProviderHeadCase {
  readonly id: string;
  readonly payload: string;
  readonly config: string;
  readonly signozAccepts: boolean;
}

function providerHeadCases(dir: string, failures: string[]): ProviderHeadCase[] {
  return peerTable<ProviderHeadCase[]>(dir, 'cases.json', failures) ?? [];
}

/** Each payload the provider sends: validate accepts it exactly when SigNoz does (cases.json). */
const providerHeadPayloadsValidate: ConformanceCheck = (dir) => {
  const failures: string[] = [];
  const cases = providerHeadCases(dir, failures);
  for (const c of cases) {
    const errors = validateRuleFileText(fs.readFileSync(path.join(dir, c.payload), 'utf8')).errors;
    if (c.signozAccepts) failures.push(...errors.map((issue) => `${c.payload}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`));
    else if (errors.length === 0) failures.push(`${c.payload}: SigNoz refuses it, validate accepts it`);
  }
  return { summary: `provider HEAD payloads: ${cases.length - failedSources(failures)}/${cases.length} validated as SigNoz does`, failures };
};

/**
 * Each accepted payload imports back unchanged: the same round trip as the corpus's rules/, one
 * stack per case (the edits are later states of the same rule and share its name).
 */
const providerHeadPayloadsImportBack: ConformanceCheck = (dir) => {
  const failures: string[] = [];
  const accepted = providerHeadCases(dir, failures).filter((c) => c.signozAccepts);
  let asProps = 0;
  for (const c of accepted) {
    const roundTrip = importRoundTripFailures([{ name: c.payload, text: fs.readFileSync(path.join(dir, c.payload), 'utf8') }]);
    failures.push(...roundTrip.failures);
    asProps += roundTrip.asProps;
  }
  return {
    summary: `provider HEAD import back: ${accepted.length - failedSources(failures)}/${accepted.length} payloads import and synthesize back unchanged (${asProps} as props)`,
    failures,
  };
};

/** `--provider-head <dir>`: the provider's newest signoz_rule test cases (../shared/peer-suites/provider-head). */
const PROVIDER_HEAD_CHECKS: readonly ConformanceCheck[] = [providerHeadPayloadsValidate, providerHeadPayloadsImportBack];

/** One JSON table of a peer suite, or undefined (and a failure line) when it is missing. */
function peerTable<T>(dir: string, file: string, failures: string[]): T | undefined {
  const where = path.join(dir, file);
  if (!fs.existsSync(where)) {
    failures.push(`${where} does not exist`);
    return undefined;
  }
  return JSON.parse(fs.readFileSync(where, 'utf8')) as T;
}

/** `matches` patterns: accepted exactly when Go 1.23's `regexp.Compile` compiles them (regex.json). */
const regexesAgreeWithGo: ConformanceCheck = (dir) => {
  const failures: string[] = [];
  const cases = peerTable<{ pattern: string; ok: boolean; err?: string; src: string }[]>(dir, 'regex.json', failures) ?? [];
  for (const c of cases) {
    const problem = regexProblem(c.pattern);
    if ((problem === undefined) !== c.ok)
      failures.push(
        `regex ${JSON.stringify(c.pattern)} (${c.src}): Go ${c.ok ? 'compiles it' : `refuses it (${c.err})`}, the toolkit ${problem === undefined ? 'accepts it' : `refuses it (${problem})`}`,
      );
  }
  return { summary: `RE2 regexes: ${cases.length - failures.length}/${cases.length} agree with Go's regexp.Compile`, failures };
};

type PeerNumber = number | 'NaN' | '+Inf' | '-Inf' | 'stale' | null;

/** A peer-table value (`null` and `stale`: no sample) against one the toolkit expanded. */
function sameSample(expected: PeerNumber | undefined, actual: NotationValue): boolean {
  if (expected === null || expected === undefined || expected === 'stale') return actual === undefined;
  if (actual === undefined) return false;
  const want = expected === 'NaN' ? Number.NaN : expected === '+Inf' ? Infinity : expected === '-Inf' ? -Infinity : expected;
  return Number.isNaN(want) ? Number.isNaN(actual) : want === actual;
}

/**
 * Behaviour-test series values: refused exactly where promtool (or Prometheus's own tables) refuse
 * them, and expanded to the same samples (series.json: `expected` is the table's full expansion,
 * `present` promtool's sample at each of its points).
 */
const seriesAgreeWithPromtool: ConformanceCheck = (dir) => {
  const failures: string[] = [];
  const cases = peerTable<{ values: string; ok: boolean; err?: string; expected?: PeerNumber[]; present?: PeerNumber[]; src: string }[]>(dir, 'series.json', failures) ?? [];
  for (const c of cases) {
    let values: NotationValue[] | undefined;
    let problem = '';
    try {
      values = parseSeriesNotation(c.values);
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    const where = `series ${JSON.stringify(c.values)} (${c.src})`;
    if (!c.ok) {
      if (values !== undefined) failures.push(`${where}: promtool refuses it (${c.err}), the toolkit expands it to ${JSON.stringify(values)}`);
    } else if (values === undefined) {
      failures.push(`${where}: promtool accepts it, the toolkit refuses it (${problem})`);
    } else {
      const want = c.expected ?? c.present ?? [];
      const length = c.expected ? Math.max(want.length, values.length) : want.length;
      const differs = Array.from({ length }, (_, i) => i).find((i) => !sameSample(want[i], values[i]));
      if (differs !== undefined) failures.push(`${where}: point ${differs} is ${JSON.stringify(want[differs] ?? null)} for promtool, ${String(values[differs])} for the toolkit`);
    }
  }
  return { summary: `series notation: ${cases.length - failures.length}/${cases.length} agree with promtool and Prometheus's tables`, failures };
};

/**
 * Durations (durations.json): time.ParseDuration's verdict and value, exact in nanoseconds for the
 * validator's reader and within 1 ns + 1e-12 relative for the evaluator's (milliseconds in a
 * double); Duration.String() exactly over the whole int64 range; and prometheus/common's
 * model.ParseDuration, the form of behaviour-test durations.
 */
const durationsAgreeWithGo: ConformanceCheck = (dir) => {
  const failures: string[] = [];
  type Tables = {
    parse: { in: string; ok: boolean; ns?: string; err?: string; src: string }[];
    format: { ns: string; go: string; src: string }[];
    promModel?: { in: string; ok: boolean; ms?: number; src: string }[];
  };
  const { parse = [], format = [], promModel = [] } = peerTable<Tables>(dir, 'durations.json', failures) ?? {};
  let agreed = 0;
  for (const c of parse) {
    const where = `duration ${JSON.stringify(c.in)} (${c.src})`;
    const before = failures.length;
    const nanos = parseGoDurationNanos(c.in);
    const evaluated = parseGoDurationOrError(c.in);
    const millis = typeof evaluated === 'number' ? evaluated : undefined;
    if (!c.ok) {
      if (nanos !== undefined) failures.push(`${where}: Go refuses it (${c.err}), the validator reads ${nanos} ns`);
      if (millis !== undefined) failures.push(`${where}: Go refuses it (${c.err}), the evaluator reads ${millis} ms`);
    } else {
      if (nanos?.toString() !== c.ns) failures.push(`${where}: Go reads ${c.ns} ns, the validator ${nanos === undefined ? 'refuses it' : `${nanos} ns`}`);
      const want = Number(c.ns);
      if (millis === undefined || Math.abs(millis * 1e6 - want) > 1 + 1e-12 * Math.abs(want)) {
        failures.push(`${where}: Go reads ${c.ns} ns, the evaluator ${millis === undefined ? 'refuses it' : `${millis * 1e6} ns`}`);
      }
    }
    if (failures.length === before) agreed++;
  }
  let formatted = 0;
  for (const c of format) {
    const text = formatGoDurationNanos(BigInt(c.ns));
    if (text === c.go) formatted++;
    else failures.push(`format ${c.ns} ns (${c.src}): Go prints ${c.go}, the toolkit ${text}`);
  }
  let prometheus = 0;
  for (const c of promModel) {
    const read = parsePrometheusDuration(c.in);
    const same = c.ok ? read === c.ms : typeof read !== 'number';
    if (same) prometheus++;
    else
      failures.push(
        `Prometheus duration ${JSON.stringify(c.in)} (${c.src}): model.ParseDuration ${c.ok ? `reads ${c.ms} ms` : 'refuses it'}, the toolkit ${typeof read === 'number' ? `reads ${read} ms` : `refuses it (${read.error})`}`,
      );
  }
  return {
    summary:
      `durations: ${agreed}/${parse.length} parsed as time.ParseDuration parses them (validator exact, evaluator), ` +
      `${formatted}/${format.length} printed as Duration.String() prints them, ${prometheus}/${promModel.length} read as Prometheus's model.ParseDuration reads them (behaviour tests)`,
    failures,
  };
};

const PEER_CHECKS: readonly ConformanceCheck[] = [regexesAgreeWithGo, seriesAgreeWithPromtool, durationsAgreeWithGo, templatesAgreeWithGo, routesAgreeWithExpr];
/** `--terraform-plans <dir>`: Terraform's own plan JSON (../shared/peer-suites/terraform-plans). */
const PLAN_CHECKS: readonly ConformanceCheck[] = [plansAgreeWithTerraform];
/** Each option and its checks; `--slo <dir>`: Sloth's generated rules and OpenSLO documents (../shared/peer-suites/slo). */
const MODES: Readonly<Record<string, readonly ConformanceCheck[]>> = {
  '--peer-suites': PEER_CHECKS,
  '--terraform-plans': PLAN_CHECKS,
  '--provider-head': PROVIDER_HEAD_CHECKS,
  '--slo': SLO_CHECKS,
};

async function main(args: readonly string[]): Promise<number> {
  const mode = MODES[args[0] ?? ''] ?? CHECKS;
  const corpusDir = mode === CHECKS ? args[0] : args[1];
  if (!corpusDir) {
    process.stderr.write('usage: npm run conformance -- <corpus-dir> | --peer-suites <dir> | --terraform-plans <dir> | --provider-head <dir> | --slo <dir>\n');
    return 2;
  }
  if (!fs.existsSync(corpusDir)) {
    process.stdout.write(`conformance: ${corpusDir} not found; nothing to check\n`);
    return 0;
  }
  let failed = false;
  for (const check of mode) {
    const outcome = await check(corpusDir);
    process.stdout.write(`conformance: ${outcome.summary}\n`);
    for (const failure of outcome.failures) process.stdout.write(`  ${failure}\n`);
    for (const note of outcome.notes ?? []) process.stdout.write(`  (not gated) ${note}\n`);
    failed ||= outcome.failures.length > 0;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`conformance: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
