/**
 * One benchmark case in a fresh process, printing one JSON line: `{ ms, maxRssMb, resources }`.
 *   node dist/bench/case.js toolkit <size> <outdir>   toolkit synth + validation (3 environments)
 *   node dist/bench/case.js raw <size> <outdir> <toolkit-outdir>   same resources as raw L1
 *   node dist/bench/case.js floor <size> <outdir> <toolkit-outdir>  JSON.stringify to disk
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Rule, type RuleConfig } from '../.gen/providers/signoz/rule';
import { SignozProvider } from '../.gen/providers/signoz/provider';
import { AlertRule } from '../constructs/alerts';
import { toBindingConfig } from '../constructs/codecs/binding-config';
import { App, LocalBackend, TerraformStack } from '../constructs/engine';
import { setEnvironment } from '../constructs';
import { decodeSignozRule } from '../constructs/codecs';
import { configAttributeValues } from '../constructs/model/terraform-literal';
import { compareSynthDirs } from '../pipeline/changes/compare-synth-dirs';
import { PolicyPack, readCdktfOut } from '../policies';
import { planText } from './plan-summary-bench';
import { syntheticEstate } from './synthetic-estate';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

function stackFiles(outdir: string): { env: string; file: string }[] {
  return ENVIRONMENTS.map((env) => ({ env, file: path.join(outdir, 'stacks', env, 'cdk.tf.json') }));
}

function toolkit(size: number, outdir: string): number {
  const alerts = syntheticEstate(size);
  const started = performance.now();
  const app = new App({ outdir, skipValidation: false });
  for (const env of ENVIRONMENTS) {
    const stack = new TerraformStack(app, env);
    new LocalBackend(stack, { path: `../../../${env}.tfstate` });
    setEnvironment(stack, { name: env });
    for (const alert of alerts) new AlertRule(stack, alert.id, alert.props());
  }
  app.synth();
  return performance.now() - started;
}

function raw(outdir: string, toolkitOut: string): number {
  // Untimed: read the attributes the toolkit wrote, as a raw-L1 author would have them in code.
  const configs = stackFiles(toolkitOut).map(({ env, file }) => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource: { signoz_rule: Record<string, Record<string, unknown>> } };
    return {
      env,
      rules: Object.entries(doc.resource.signoz_rule).map(([id, attrs]) => {
        const { '//': _meta, ...rest } = attrs;
        return { id: id.replace(/_[A-F0-9]{8}$/, ''), config: toBindingConfig(rest) as RuleConfig };
      }),
    };
  });
  const started = performance.now();
  const app = new App({ outdir });
  for (const { env, rules } of configs) {
    const stack = new TerraformStack(app, env);
    new LocalBackend(stack, { path: `../../../${env}.tfstate` });
    new SignozProvider(stack, 'signoz', {});
    for (const { id, config } of rules) new Rule(stack, id, config);
  }
  app.synth();
  return performance.now() - started;
}

function floor(outdir: string, toolkitOut: string): number {
  const docs = stackFiles(toolkitOut).map(({ env, file }) => ({ env, doc: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown }));
  const started = performance.now();
  for (const { env, doc } of docs) {
    const dir = path.join(outdir, 'stacks', env);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  }
  return performance.now() - started;
}

/** Untimed set-up of the CLI cases: N rule files, a plan with N changes, a head synth with one alert changed. */
function prepare(size: number, outdir: string, toolkitOut: string): number {
  const prod = JSON.parse(fs.readFileSync(path.join(toolkitOut, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')) as {
    resource: { signoz_rule: Record<string, Record<string, unknown>> };
  };
  const rulesDir = path.join(outdir, 'rules');
  fs.mkdirSync(rulesDir, { recursive: true });
  let i = 0;
  for (const attrs of Object.values(prod.resource.signoz_rule)) {
    const { '//': _meta, ...config } = attrs;
    fs.writeFileSync(path.join(rulesDir, `rule-${String(i++).padStart(5, '0')}.json`), JSON.stringify(decodeSignozRule(configAttributeValues(config)), null, 2));
  }
  fs.writeFileSync(path.join(outdir, 'plan.json'), planText(size));
  const head = path.join(outdir, 'head');
  fs.cpSync(toolkitOut, head, { recursive: true });
  const file = path.join(head, 'stacks', 'prod', 'cdk.tf.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource: { signoz_rule: Record<string, { condition: { thresholds: { basic: { spec: { target: number }[] } } } }> } };
  const first = Object.values(doc.resource.signoz_rule)[0]!;
  first.condition.thresholds.basic.spec[0]!.target += 1;
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return i;
}

/** The default policy pack over the synthesized stacks (`prod` only, or all of them). */
function policy(toolkitOut: string, which: 'prod' | 'all'): number {
  const started = performance.now();
  const stacks = readCdktfOut(toolkitOut, toolkitOut).filter((s) => which === 'all' || s.name === 'prod');
  PolicyPack.default().run(stacks);
  return performance.now() - started;
}

/** changed-stacks' comparison of base and head synth output (the command also runs both synths). */
function compare(outdir: string, toolkitOut: string): number {
  const started = performance.now();
  const changed = compareSynthDirs(toolkitOut, path.join(outdir, 'head'))
    .filter((c) => c.status !== 'unchanged')
    .map((c) => c.stack);
  const ms = performance.now() - started;
  if (changed.join() !== 'prod') throw new Error(`expected only prod to change, got ${changed.join(', ')}`);
  return ms;
}

function countResources(outdir: string): number {
  return stackFiles(outdir).reduce((n, { file }) => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: { signoz_rule?: object } };
    return n + Object.keys(doc.resource?.signoz_rule ?? {}).length;
  }, 0);
}

function main(): void {
  const [kind, sizeText, outdir, toolkitOut] = process.argv.slice(2);
  const size = Number(sizeText);
  if (!kind || !outdir || !Number.isInteger(size)) throw new Error('usage: case <toolkit|raw|floor> <size> <outdir> [toolkit-outdir]');
  let ms: number;
  if (kind === 'prepare') {
    process.stdout.write(`${JSON.stringify({ ms: 0, maxRssMb: 0, resources: prepare(size, outdir, toolkitOut!) })}\n`);
    return;
  }
  if (kind === 'policy-prod' || kind === 'policy-all' || kind === 'compare') {
    ms = kind === 'compare' ? compare(outdir, toolkitOut!) : policy(toolkitOut!, kind === 'policy-prod' ? 'prod' : 'all');
    process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, resources: 0 })}\n`);
    return;
  }
  if (kind === 'toolkit') ms = toolkit(size, outdir);
  else if (kind === 'raw') ms = raw(outdir, toolkitOut!);
  else if (kind === 'floor') ms = floor(outdir, toolkitOut!);
  else throw new Error(`unknown case ${kind}`);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb, resources: countResources(outdir) })}\n`);
}

main();
