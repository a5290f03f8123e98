/**
 * The GitHub workflows are code that runs with credentials: validated against GitHub's own workflow
 * schema (@actions/workflow-parser, the parser behind the Actions language service) and held to the
 * pinning and least-privilege rules of docs/pipeline.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW_DIR = path.join(ROOT, '.github', 'workflows');
const WORKFLOWS = fs
  .readdirSync(WORKFLOW_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

type Job = { permissions?: unknown; steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[]; environment?: unknown; concurrency?: unknown };
type Workflow = { on: Record<string, unknown>; permissions?: unknown; env?: Record<string, string>; jobs: Record<string, Job> };

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

  it('applies only in the protected environment, one run per stack at a time, after the apply guard', () => {
    const { doc } = load('apply.yml');
    const apply = doc.jobs.apply!;
    expect(apply.environment).toEqual({ name: 'signoz-production' });
    expect(apply.concurrency).toEqual({ group: 'signoz-apply-${{ matrix.stack }}', 'cancel-in-progress': false });
    const runs = (apply.steps ?? []).map((s) => s.run ?? '');
    const guard = runs.findIndex((r) => r.includes('apply-guard --plan plan.json'));
    const applyStep = runs.findIndex((r) => /terraform -chdir=\S+ apply -input=false tfplan/.test(r));
    expect(guard).toBeGreaterThan(-1);
    expect(applyStep).toBeGreaterThan(guard);
    expect(load('apply.yml').text.match(/secrets\.SIGNOZ_ACCESS_TOKEN/g)).toHaveLength(1);
    for (const file of ['pr-plan.yml', 'drift.yml']) expect(load(file).text).not.toContain('secrets.SIGNOZ_ACCESS_TOKEN');
  });

  it("uses each stack's committed lock file read-only", () => {
    for (const file of ['apply.yml', 'drift.yml']) {
      const text = load(file).text;
      expect(text).toContain('lock="stacks/locks/$STACK/.terraform.lock.hcl"');
      expect(text).toContain('lockflag=-lockfile=readonly');
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
