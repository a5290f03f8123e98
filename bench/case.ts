/**
 * One benchmark case in a fresh process, printing one JSON line (`{ ms, maxRssMb, ... }`).
 *   toolkit <size> <outdir>                  toolkit synth (3 environments, one stack each)
 *   raw <size> <outdir> <toolkit-outdir>     the same resources through the generated L1 class
 *   floor <size> <outdir> <toolkit-outdir>   JSON.stringify of the same documents to disk
 *   prepare <size> <outdir> <toolkit-outdir> untimed inputs of the command cases
 *   policy <size> <outdir> <toolkit-outdir>  default pack on prod (read + check), and its floor: parsing the same file
 *   evaluate <points>                        one rule evaluated over that many points
 *   estate <size> <outdir> [changed]         the estate sharded by team (30 stacks), optionally one alert changed
 *   pr-rest <size> <work> <base> <head> [cache]  what pr-check does after both synths: compare, checks, plan, summary;
 *                                            with a cache folder, the base comes from its entry (looked up and verified)
 *   cache-store <size> <cache> <base>        stores a base synth in the base synth cache (untimed set-up of the warm case)
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Rule, type RuleConfig } from '../.gen/providers/signoz/rule';
import { SignozProvider } from '../.gen/providers/signoz/provider';
import { AlertRule } from '../constructs/alerts';
import { toBindingConfig } from '../constructs/codecs/binding-config';
import { App, LocalBackend, TerraformStack, Testing } from '../constructs/engine';
import { decodeSignozRule } from '../constructs/codecs';
import { readSynthOutput } from '../constructs/codecs/synth-output';
import { evaluateRule, loadEvaluableRule } from '../constructs/evaluation';
import { configAttributeValues } from '../constructs/model/terraform-literal';
import { compareSynthDirs, listSynthStacks, stacksToPlan } from '../pipeline/changes/compare-synth-dirs';
import { SynthCache, synthCacheKey } from '../pipeline/changes/synth-cache';
import { readPlanFile } from '../pipeline/plan/plan-file';
import { terraformRuntimeEnv } from '../pipeline/terraform/terraform-cli';
import { policyHook, ruleValidationHook } from '../pipeline/pr-check/default-hooks';
import { markdownFormat } from '../pipeline/render/markdown-format';
import { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT, renderSummary } from '../pipeline/render/render-summary';
import { summarizePlans } from '../pipeline/summary/plan-summary';
import { PolicyPack, readCdktfOut } from '../policies';
import { planText } from './plan-summary-bench';
import { ENVIRONMENTS, synthSyntheticEstate, syntheticEstate } from './synthetic-estate';

type RuleDocument = { resource: { signoz_rule: Record<string, Record<string, unknown>> } };

function stackFiles(outdir: string): { env: string; file: string }[] {
  return ENVIRONMENTS.map((env) => ({ env, file: path.join(outdir, 'stacks', env, 'cdk.tf.json') }));
}

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function raw(outdir: string, toolkitOut: string): number {
  // Untimed: read the attributes the toolkit wrote, as a raw-L1 author would have them in code.
  const configs = stackFiles(toolkitOut).map(({ env, file }) => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as RuleDocument;
    return {
      env,
      rules: Object.entries(doc.resource.signoz_rule).map(([id, attrs]) => {
        const { '//': _meta, ...rest } = attrs;
        return { id: id.replace(/_[A-F0-9]{8}$/, ''), config: toBindingConfig(rest) as RuleConfig };
      }),
    };
  });
  return timed(() => {
    const app = new App({ outdir });
    for (const { env, rules } of configs) {
      const stack = new TerraformStack(app, env);
      new LocalBackend(stack, { path: `../../../${env}.tfstate` });
      new SignozProvider(stack, 'signoz', {});
      for (const { id, config } of rules) new Rule(stack, id, config);
    }
    app.synth();
  });
}

function floor(outdir: string, toolkitOut: string): number {
  const docs = stackFiles(toolkitOut).map(({ env, file }) => ({ env, doc: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown }));
  return timed(() => {
    for (const { env, doc } of docs) {
      const dir = path.join(outdir, 'stacks', env);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
    }
  });
}

/** Untimed set-up of the command cases: N rule files and a plan with N changes. */
function prepare(size: number, outdir: string, toolkitOut: string): number {
  const prod = JSON.parse(fs.readFileSync(path.join(toolkitOut, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')) as RuleDocument;
  const rulesDir = path.join(outdir, 'rules');
  fs.mkdirSync(rulesDir, { recursive: true });
  let i = 0;
  for (const attrs of Object.values(prod.resource.signoz_rule)) {
    const { '//': _meta, ...config } = attrs;
    fs.writeFileSync(path.join(rulesDir, `rule-${String(i++).padStart(5, '0')}.json`), JSON.stringify(decodeSignozRule(configAttributeValues(config)), null, 2));
  }
  fs.writeFileSync(path.join(outdir, 'plan.json'), planText(size));
  return i;
}

/** The default policy pack over the prod stack (read + check), and the floor: reading and parsing the same file. */
function policy(toolkitOut: string): { ms: number; floorMs: number } {
  const file = path.join(toolkitOut, 'stacks', 'prod', 'cdk.tf.json');
  const floorMs = timed(() => void JSON.parse(fs.readFileSync(file, 'utf8')));
  const ms = timed(() => {
    const stacks = readCdktfOut(toolkitOut, toolkitOut, { stacks: ['prod'] });
    PolicyPack.default().run(stacks);
  });
  return { ms, floorMs };
}

/** One CPU rule over `points` points (10 series, one point a minute), evaluated at every minute. */
function evaluate(points: number): { ms: number; perPointUs: number } {
  const app = Testing.app();
  const alert = syntheticEstate(1)[0]!;
  const payload = new AlertRule(new TerraformStack(app, 'evaluate'), alert.id, alert.props()).payload;
  const rule = loadEvaluableRule(payload);
  const perSeries = Math.floor(points / 10);
  const minute = 60_000;
  const series = Array.from({ length: 10 }, (_v, s) => ({
    labels: { 'host.name': `host-${s}` },
    points: Array.from({ length: perSeries }, (_p, i) => [i * minute, 50 + ((i * 7 + s * 13) % 50)] as const),
  }));
  const ms = timed(() => void evaluateRule(rule, { A: series }, { from: minute, to: perSeries * minute, evalDelayMs: 0 }));
  return { ms, perPointUs: (ms * 1000) / (perSeries * 10) };
}

const TERRAFORM_ENV = { ...terraformRuntimeEnv(process.env), ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

/**
 * What pr-check does once base and head are synthesized: compare the outputs, run its checks (rule
 * validation and the default pack over every head stack, as pr-check does), plan the changed stack
 * with `terraform_data` stand-ins (the registry is unreachable here), and render the comment and
 * job summary.
 */
/** The key the bench stores and looks up its base under (no git here: the parts are fixed). */
const BENCH_CACHE_KEY = synthCacheKey({ tree: 'bench', appPath: '', toolkit: 'bench', lockfiles: {}, links: {}, node: process.version, platform: process.platform, env: {} });

function cacheStore(cacheDir: string, base: string): void {
  if (!new SynthCache(cacheDir).store(BENCH_CACHE_KEY, base, base)) throw new Error('the bench base synth could not be stored in the cache');
}

async function prRest(work: string, base: string, head: string, cacheDir?: string): Promise<{ changed: string[] }> {
  if (cacheDir) {
    const found = new SynthCache(cacheDir).lookup(BENCH_CACHE_KEY.key);
    if (!('hit' in found)) throw new Error(`the bench base synth is not in the cache: ${'detail' in found ? found.detail : found.miss}`);
    base = found.hit.outdir;
  }
  const changed = stacksToPlan(compareSynthDirs(base, head));
  const stackDirs = listSynthStacks(head);
  // As pr-check: Terraform plans the changed stacks while the checks run, which yield between checks.
  const planning = (async () => {
    const plans: { stack: string; plan: Awaited<ReturnType<typeof readPlanFile>> }[] = [];
    for (const stack of changed) {
      const doc = JSON.parse(fs.readFileSync(path.join(stackDirs.get(stack)!, 'cdk.tf.json'), 'utf8')) as RuleDocument;
      const dir = path.join(work, 'plan', stack);
      fs.mkdirSync(dir, { recursive: true });
      const standIns = Object.fromEntries(Object.entries(doc.resource.signoz_rule).map(([id, { '//': _meta, ...attrs }]) => [id, { input: attrs }]));
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: standIns } }));
      const tf = async (...args: string[]): Promise<string> =>
        (await promisify(execFile)('terraform', args, { cwd: dir, env: TERRAFORM_ENV, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })).stdout;
      await tf('init', '-input=false', '-no-color');
      await tf('plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan');
      fs.writeFileSync(path.join(dir, 'plan.json'), await tf('show', '-json', 'plan.tfplan'));
      plans.push({ stack, plan: await readPlanFile(path.join(dir, 'plan.json'), `${stack} plan`) });
    }
    return plans;
  })();
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  await turn();
  const synthesized = readSynthOutput(head, head);
  const context = { appDir: head, synthDir: head, stacks: synthesized.map((s) => s.name), changedStacks: changed, synthesized };
  for (const hook of [ruleValidationHook, policyHook]) {
    await turn();
    await hook.run(context);
  }
  const plans = await planning;
  const { summary, redactor } = summarizePlans(plans);
  fs.writeFileSync(path.join(work, 'comment.md'), renderSummary(summary, markdownFormat, { maxBytes: GITHUB_COMMENT_LIMIT, redactor }).text);
  fs.writeFileSync(path.join(work, 'summary.md'), renderSummary(summary, markdownFormat, { maxBytes: JOB_SUMMARY_LIMIT, redactor }).text);
  return { changed };
}

/** The process's peak resident memory so far, in MB. */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function countResources(outdir: string): number {
  return stackFiles(outdir).reduce((n, { file }) => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: { signoz_rule?: object } };
    return n + Object.keys(doc.resource?.signoz_rule ?? {}).length;
  }, 0);
}

async function main(): Promise<Record<string, unknown>> {
  const [kind, arg, outdir, extra, extra2, extra3] = process.argv.slice(2);
  const size = Number(arg);
  if (outdir) fs.mkdirSync(outdir, { recursive: true });
  switch (kind) {
    case 'toolkit': {
      const ms = timed(() => synthSyntheticEstate(size, outdir!));
      // The synth's peak: reading the output back to count resources (a check of the bench, not what users run) comes after.
      const maxRssMb = peakRssMb();
      return { ms, maxRssMb, resources: countResources(outdir!) };
    }
    case 'raw':
      return { ms: raw(outdir!, extra!), resources: countResources(outdir!) };
    case 'floor':
      return { ms: floor(outdir!, extra!), resources: countResources(outdir!) };
    case 'prepare':
      return { ms: 0, resources: prepare(size, outdir!, extra!) };
    case 'policy':
      return policy(extra!);
    case 'evaluate':
      return evaluate(size);
    case 'estate':
      return { ms: timed(() => synthSyntheticEstate(size, outdir!, { shardByTeam: true, ...(extra ? { changedAlert: Number(extra) } : {}) })) };
    case 'pr-rest':
      return await prRest(outdir!, extra!, extra2!, extra3);
    case 'cache-store':
      cacheStore(outdir!, extra!);
      return { ms: 0 };
    default:
      throw new Error('usage: case <toolkit|raw|floor|prepare|policy|evaluate|estate|pr-rest|cache-store> <size> [outdir] [...]');
  }
}

void main().then((result) => process.stdout.write(`${JSON.stringify({ ms: 0, maxRssMb: peakRssMb(), ...result })}\n`));
