/**
 * The GitHub workflows are code that runs with credentials: validated against GitHub's own workflow
 * schema (@actions/workflow-parser, the parser behind the Actions language service) and held to the
 * pinning and least-privilege rules of docs/pipeline.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { App } from '../../constructs/engine';
import { defineEstate } from '../../stacks/estate';
import { tempDir } from '../support/temp-dir';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW_DIR = path.join(ROOT, '.github', 'workflows');
const WORKFLOWS = fs
  .readdirSync(WORKFLOW_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; shell?: string };
type Job = { permissions?: unknown; steps?: Step[]; environment?: unknown; concurrency?: unknown; env?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; env?: Record<string, string>; defaults?: { run?: { shell?: string } }; jobs: Record<string, Job> };

function load(file: string): { text: string; doc: Workflow } {
  const text = fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8');
  return { text, doc: parse(text) as Workflow };
}

/** Jobs allowed a write permission, and which one. */
const ALLOWED_WRITES: Readonly<Record<string, Record<string, string>>> = {
  'pr-plan.yml': { comment: 'pull-requests' },
  'drift.yml': { drift: 'issues' },
};

describe('GitHub workflows', () => {
  it('has the PR plan, apply and drift workflows', () => {
    expect(WORKFLOWS).toEqual(['apply.yml', 'drift.yml', 'pr-plan.yml']);
  });

  it.each(WORKFLOWS)("%s is valid against GitHub's workflow schema", async (file) => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const parsed = parseWorkflow({ name: file, content: load(file).text }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    expect(Object.keys(template.jobs ?? {}).length).toBeGreaterThan(0);
  });

  it('the schema validation rejects a broken workflow (the check has teeth)', async () => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const broken = 'on: pull_requestt\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions: { contents: reed }\n    stepz: []\n';
    const parsed = parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter());
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it.each(WORKFLOWS)('%s pins every action to a full commit SHA with its version in a comment', (file) => {
    const uses = load(file)
      .text.split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('pins each action to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of WORKFLOWS) {
      for (const match of load(file).text.matchAll(/uses: ([\w.-]+\/[\w./-]+)@([0-9a-f]{40}) # (v[\d.]+)/g)) {
        const set = pins.get(match[1]!) ?? new Set();
        set.add(`${match[2]} ${match[3]}`);
        pins.set(match[1]!, set);
      }
    }
    for (const [action, versions] of pins) expect([action, [...versions]]).toEqual([action, [[...versions][0]]]);
  });

  it.each(WORKFLOWS)('%s never runs on pull_request_target or workflow_run', (file) => {
    const { doc, text } = load(file);
    expect(Object.keys(doc.on)).not.toContain('pull_request_target');
    expect(Object.keys(doc.on)).not.toContain('workflow_run');
    const code = text
      .split('\n')
      .filter((line) => !/^\s*#/.test(line))
      .join('\n');
    expect(code).not.toMatch(/pull_request_target|workflow_run/);
  });

  it.each(WORKFLOWS)('%s grants no permission at the top and least privilege per job', (file) => {
    const { doc } = load(file);
    expect(doc.permissions).toEqual({});
    for (const [name, job] of Object.entries(doc.jobs)) {
      expect(job.permissions, `${file} job ${name} must declare permissions`).toBeDefined();
      const writes = Object.entries(job.permissions as Record<string, string>)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope);
      const allowed = ALLOWED_WRITES[file]?.[name];
      expect(writes, `${file} job ${name}`).toEqual(allowed ? [allowed] : []);
    }
  });

  it.each(WORKFLOWS)('%s checks out without persisting credentials and installs with npm ci only', (file) => {
    const { doc } = load(file);
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        if (step.run) expect(step.run).not.toMatch(/\bnpm (install|i)\b|\bnpx --yes\b|curl [^|]*\|\s*(ba)?sh/);
      }
    }
  });

  it.each(WORKFLOWS)('%s uses exact Terraform and Node versions, with the Terraform wrapper off', (file) => {
    const { doc } = load(file);
    expect(doc.env?.TERRAFORM_VERSION).toBe('1.11.4');
    expect(doc.env?.NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('hashicorp/setup-terraform@')) {
          expect(step.with).toEqual({ terraform_version: '${{ env.TERRAFORM_VERSION }}', terraform_wrapper: false });
        }
        if (step.uses?.startsWith('actions/setup-node@')) expect(step.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
      }
    }
  });

  it('applies only in the protected environment, each merge in turn, after the apply guard, with the write token in that one step', () => {
    const { doc, text } = load('apply.yml');
    const apply = doc.jobs.apply!;
    expect(apply.environment).toEqual({ name: 'signoz-production' });
    // `queue: max`: a newer pending apply waits behind an older one instead of cancelling it.
    expect(apply.concurrency).toEqual({ group: 'signoz-apply-${{ matrix.stack }}', 'cancel-in-progress': false, queue: 'max' });
    const steps = apply.steps ?? [];
    const withToken = steps.filter((s) => Object.values(s.env ?? {}).some((v) => v.includes('secrets.SIGNOZ_ACCESS_TOKEN')));
    expect(withToken).toHaveLength(1);
    const run = withToken[0]!.run!;
    const guard = run.indexOf('apply-guard "${guard[@]}"');
    const applyCall = run.search(/terraform -chdir=\S+ apply -input=false tfplan/);
    expect(guard).toBeGreaterThan(-1);
    expect(applyCall).toBeGreaterThan(guard);
    expect(text.match(/secrets\.SIGNOZ_ACCESS_TOKEN/g)).toHaveLength(2);
    for (const file of ['pr-plan.yml', 'drift.yml']) expect(load(file).text).not.toContain('secrets.SIGNOZ_ACCESS_TOKEN');
  });

  it('allows destroying only as recorded at review time, never from the label or the environment at apply time', () => {
    const { text } = load('apply.yml');
    expect(text).not.toMatch(/labels|GITHUB_ENV/);
    expect(text).toContain('allow=$(jq -r \'.allowDestroy == true\' <<< "$record")');
    expect(text).toContain('env -u SIGNOZ_ALERTS_ALLOW_DESTROY node bin/signoz-alerts.js apply-guard "${guard[@]}"');
    expect(load('pr-plan.yml').text).toContain("ALLOW_DESTROY: ${{ contains(github.event.pull_request.labels.*.name, 'allow-destroy') }}");
  });

  it.each(WORKFLOWS)('%s keeps every secret in the env of the one step that needs it, never at job or workflow level', (file) => {
    const { doc } = load(file);
    expect(JSON.stringify(doc.env ?? {})).not.toContain('secrets.');
    for (const [name, job] of Object.entries(doc.jobs)) {
      expect(JSON.stringify(job.env ?? {}), `${file} job ${name}`).not.toContain('secrets.');
      for (const step of job.steps ?? []) {
        if (step.uses) expect(JSON.stringify(step.with ?? {}), `${file} ${name} ${step.uses}`).not.toContain('secrets.');
        // Secrets reach scripts through env only, never spliced into the script text.
        expect(step.run ?? '').not.toContain('${{');
      }
    }
  });

  it.each(WORKFLOWS)('%s runs every step with bash -eo pipefail and no pipe into head', (file) => {
    const { doc } = load(file);
    expect(doc.defaults?.run?.shell).toBe('bash');
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps ?? []) {
        if (!step.run) continue;
        expect(step.shell ?? 'bash').toBe('bash');
        // `x | head` turns a failing x into success without pipefail, and with it a closed pipe into a failure.
        expect(step.run).not.toMatch(/\|\s*head\b/);
      }
    }
  });

  it.each(WORKFLOWS)('%s runs Terraform with restapi masking on and inits read-only against the committed lock file', (file) => {
    const { doc, text } = load(file);
    expect(doc.env?.API_DATA_IS_SENSITIVE).toBe('true');
    const inits = text.match(/terraform -chdir=\S+ init[^\n]*/g) ?? [];
    if (file !== 'pr-plan.yml' || text.includes('terraform')) expect(inits.length).toBeGreaterThan(0);
    for (const init of inits) expect(init).toContain('-lockfile=readonly');
    expect(text).toMatch(/locks\/\$STACK\/\.terraform\.lock\.hcl|locks\/\$stack\/\.terraform\.lock\.hcl/);
  });

  it('provides every variable a stack of the example estate declares to every step that plans', () => {
    const root = tempDir('workflow-estate-');
    const app = new App({ outdir: path.join(root, 'cdktf.out') });
    defineEstate(app);
    app.synth();
    const required = new Set<string>();
    for (const stack of fs.readdirSync(path.join(root, 'cdktf.out', 'stacks'))) {
      const config = JSON.parse(fs.readFileSync(path.join(root, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
        variable?: Record<string, { default?: unknown }>;
      };
      for (const [name, variable] of Object.entries(config.variable ?? {})) if (variable.default === undefined) required.add(name);
    }
    expect([...required]).toEqual(expect.arrayContaining(['signoz_endpoint', 'signoz_access_token']));
    const planning = WORKFLOWS.flatMap((file) =>
      Object.values(load(file).doc.jobs).flatMap((job) => (job.steps ?? []).filter((s) => /terraform -chdir=\S+ plan /.test(s.run ?? '')).map((s) => ({ file, step: s }))),
    );
    expect(planning.map((p) => p.file).sort()).toEqual(['apply.yml', 'drift.yml', 'pr-plan.yml']);
    for (const { file, step } of planning) {
      const provided = Object.entries(step.env ?? {})
        .filter(([name, value]) => name.startsWith('TF_VAR_') && /^\$\{\{ (secrets|vars)\.[A-Z0-9_]+ \}\}$/.test(value))
        .map(([name]) => name.slice('TF_VAR_'.length));
      const missing = [...required].filter((name) => !provided.includes(name));
      expect(missing, `${file} "${step.name}" does not provide TF_VAR_ for`).toEqual([]);
    }
  });

  it('keeps dependabot on the actions pins and on npm', () => {
    const config = parse(fs.readFileSync(path.join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
