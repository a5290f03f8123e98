/**
 * The workflows' own steps, run as GitHub would run them (test/support/workflow-sandbox.ts): a tiny
 * cdktf app in a git repository, real Terraform planning `terraform_data` stand-ins with the variables
 * the workflows provide, a stand-in `gh` recording comments and issues. What a team relies on: the PR
 * check writes one comment, rendered by the base toolkit even when the PR's own toolkit lies; apply
 * applies the reviewed plan and refuses anything else; only the workflow's own record is read.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithTerraform } from '../support/terraform';
import { tempDir } from '../support/temp-dir';
import { WorkflowSandbox, type JobRun } from '../support/workflow-sandbox';
import { HONEST_LAUNCHER, LYING_LAUNCHER, WorkflowAppRepo } from '../support/workflow-app-repo';

const root = tempDir('workflow-steps-');
const stateDir = path.join(root, 'tfstate');
fs.mkdirSync(stateDir);

const SECRETS = {
  'vars.SIGNOZ_ENDPOINT': 'https://signoz.example.test',
  'secrets.SIGNOZ_READONLY_TOKEN': 'ro-token-1234',
  'secrets.SIGNOZ_ACCESS_TOKEN': 'rw-token-5678',
  'secrets.SHOP_SLACK_WEBHOOK_URL': 'https://hooks.slack.test/T0/B0/wf-secret-hook',
  'secrets.SIGNOZ_ALERTS_FINGERPRINT_SALT': 'workflow-salt',
};
const COMMON = { ...SECRETS, 'github.repository': 'acme/alerts', 'github.token': 'ghs_stand_in', 'github.run_id': '4242', 'github.server_url': 'https://github.test' };

function expectOk(run: JobRun): void {
  if (process.env.SANDBOX_DEBUG) console.log(run.log);
  expect(run.ok, run.log).toBe(true);
}

/** The PR workflow's three jobs, in order, for PR `pr` from `base` to `head`. */
function runPrWorkflow(sandbox: WorkflowSandbox, repo: WorkflowAppRepo, pr: number, base: string, head: string, labels: string[] = []): JobRun[] {
  sandbox.newRun();
  const values = {
    ...COMMON,
    'github.event.pull_request.number': String(pr),
    'github.event.pull_request.base.sha': base,
    'github.event.pull_request.head.sha': head,
    "contains(github.event.pull_request.labels.*.name, 'allow-destroy')": String(labels.includes('allow-destroy')),
  };
  const checkout = (workspace: string, ref: string | undefined): void => repo.checkout(workspace, ref ?? head);
  return ['checks', 'review', 'comment'].map((job) => sandbox.runJob({ workflow: 'pr-plan.yml', job, values, checkout }));
}

/** The apply workflow for a push of `sha` on top of `before`, for stack `stack`. */
function runApplyWorkflow(sandbox: WorkflowSandbox, repo: WorkflowAppRepo, before: string, sha: string, stack = 'prod'): { detect: JobRun; apply: JobRun } {
  sandbox.newRun();
  const values = {
    ...COMMON,
    'github.event_name': 'push',
    'github.event.before': before,
    'github.sha': sha,
    'inputs.stack': '',
    'inputs.approved-fingerprint': '',
    'inputs.allow-destroy': '',
    'matrix.stack': stack,
  };
  const checkout = (workspace: string, ref: string | undefined): void => repo.checkout(workspace, ref ?? sha);
  const detect = sandbox.runJob({ workflow: 'apply.yml', job: 'detect', values, checkout });
  return { detect, apply: runApplyJob(sandbox, repo, before, sha, stack) };
}

function runApplyJob(sandbox: WorkflowSandbox, repo: WorkflowAppRepo, before: string, sha: string, stack = 'prod'): JobRun {
  const values = {
    ...COMMON,
    'github.event_name': 'push',
    'github.event.before': before,
    'github.sha': sha,
    'inputs.approved-fingerprint': '',
    'inputs.allow-destroy': '',
    'matrix.stack': stack,
  };
  return sandbox.runJob({ workflow: 'apply.yml', job: 'apply', values, checkout: (workspace, ref) => repo.checkout(workspace, ref ?? sha) });
}

function comments(sandbox: WorkflowSandbox, pr: number): { login: string; body: string }[] {
  return (sandbox.gh().comments[String(pr)] ?? []).map((c) => ({ login: c.user.login, body: c.body }));
}

function reviewRecord(body: string): { head: string; allowDestroy: boolean; stacks: Record<string, string> } {
  const line = body.split('\n')[1]!;
  const match = /^<!-- signoz-alerts:review (\{.*\}) -->$/.exec(line);
  expect(match, `second line of the comment: ${line}`).not.toBeNull();
  return JSON.parse(match![1]!) as { head: string; allowDestroy: boolean; stacks: Record<string, string> };
}

function merged(sandbox: WorkflowSandbox, pr: number, head: string, files: string[]): void {
  const state = sandbox.gh();
  state.pulls.push({ number: pr, merged_at: '2026-12-07T12:00:00Z', merge_commit_sha: head, head: { sha: head } });
  state.files[String(pr)] = files;
  sandbox.setGh(state);
}

const stateFile = (stack: string): string => path.join(stateDir, `${stack}.tfstate`);

/** The workflows' scripts call jq, as GitHub's runners provide it; without it the suite says so and skips. */
const hasJq = spawnSync('jq', ['--version']).status === 0;
const describeWithTools = hasJq
  ? describeWithTerraform
  : (name: string, suite: () => void): void => {
      console.log(`skipping "${name}": jq is not on PATH`);
      describe.skip(`${name} [skipped: jq is not on PATH]`, suite);
    };

describeWithTools('the workflows, step by step', () => {
  const sandbox = new WorkflowSandbox(path.join(root, 'sandbox'));
  const repo = WorkflowAppRepo.create(path.join(root, 'repo'), stateDir, { prod: { cpu: 80 } });
  const base = repo.git('rev-parse', 'HEAD');
  repo.writeStacks({ prod: { cpu: 75, disk: 90 } });
  const head = repo.commit('tighten cpu, add disk');

  it('PR check: one comment, rendered by the base toolkit, recording what was reviewed on its second line', { timeout: 300_000 }, () => {
    const [checks, review, comment] = runPrWorkflow(sandbox, repo, 7, base, head);
    expectOk(checks!);
    expectOk(review!);
    expectOk(comment!);
    const posted = comments(sandbox, 7);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.login).toBe('github-actions[bot]');
    const body = posted[0]!.body;
    expect(body.split('\n')[0]).toBe('<!-- signoz-alerts:plan-summary -->');
    const record = reviewRecord(body);
    expect(record).toMatchObject({ head, allowDestroy: false });
    expect(record.stacks.prod).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(body).toContain('### prod: ');
    expect(body).toContain('terraform_data.disk');
    // The channel secret reaches Terraform (the plan needs it) but never the comment.
    expect(body).not.toContain('wf-secret-hook');
    expect(body).not.toContain('ro-token-1234');

    // A second run (a new push, a label) updates the same comment.
    const again = sandbox.runJob({
      workflow: 'pr-plan.yml',
      job: 'comment',
      values: { ...COMMON, 'github.event.pull_request.number': '7' },
      checkout: () => undefined,
    });
    expectOk(again);
    expect(comments(sandbox, 7)).toHaveLength(1);
  });

  it('apply: plans the merged code, finds the reviewed fingerprint and applies exactly that plan', { timeout: 300_000 }, () => {
    merged(sandbox, 7, head, ['stacks.ts']);
    const { detect, apply } = runApplyWorkflow(sandbox, repo, base, head);
    expectOk(detect);
    expect(JSON.parse(detect.outputs.matrix!)).toEqual({ include: [{ stack: 'prod' }] });
    expectOk(apply);
    expect(apply.log).toContain('ok: the plan matches the reviewed fingerprint');
    expect(apply.log).toMatch(/Apply complete! Resources: 3 added, 0 changed, 0 destroyed/);
    const state = JSON.parse(fs.readFileSync(stateFile('prod'), 'utf8')) as { resources: { name: string }[] };
    expect(state.resources.map((r) => r.name).sort()).toEqual(['cpu', 'disk', 'slack_channel']);
    expect(apply.summary).toContain(reviewRecord(comments(sandbox, 7)[0]!.body).stacks.prod);
  });

  it('a PR whose own toolkit lies still gets the true summary; apply refuses a plan that is not the reviewed one', { timeout: 300_000 }, () => {
    repo.writeStacks({ prod: { cpu: 60 } });
    repo.write('bin/signoz-alerts.js', LYING_LAUNCHER);
    const evil = repo.commit('quietly delete the disk alert');
    const [checks, review, comment] = runPrWorkflow(sandbox, repo, 8, head, evil);
    expectOk(checks!);
    expectOk(review!);
    expectOk(comment!);
    const body = comments(sandbox, 8)[0]!.body;
    expect(body).not.toContain('Nothing to see here');
    expect(body).toMatch(/delete/i);
    expect(body).toContain('terraform_data.disk');
    const reviewed = reviewRecord(body).stacks.prod!;
    expect(reviewed).not.toBe(`sha256:${'0'.repeat(64)}`);

    // Between review and apply the state changes (someone removed the stack's objects): the plan
    // made at apply time is not the reviewed one, so nothing is applied.
    const before = fs.readFileSync(stateFile('prod'), 'utf8');
    fs.rmSync(stateFile('prod'));
    merged(sandbox, 8, evil, ['stacks.ts', 'bin/signoz-alerts.js']);
    // The detect job ran in the previous test; its artifact is the merged commit's synth, which the
    // PR check already produced for this very commit.
    const prSynth = sandbox.artifacts;
    sandbox.newRun();
    fs.cpSync(path.join(prSynth, 'pr-synth'), path.join(sandbox.artifacts, 'merged-synth'), { recursive: true });
    const apply = runApplyJob(sandbox, repo, head, evil);
    expect(apply.ok).toBe(false);
    expect(apply.log).toContain(`REFUSED: this plan is not the reviewed one (reviewed ${reviewed}`);
    expect(apply.log).not.toContain('Apply complete');
    expect(fs.existsSync(stateFile('prod'))).toBe(false);
    fs.writeFileSync(stateFile('prod'), before);
  });

  it('drift: one issue for a stack that differs from main, and still one when listing the issues fails', { timeout: 300_000 }, () => {
    repo.write('bin/signoz-alerts.js', HONEST_LAUNCHER);
    repo.writeStacks({ prod: { cpu: 70, disk: 90 } });
    const unapplied = repo.commit('merged, never applied');
    const values = { ...COMMON, 'matrix.stack': 'prod' };
    const drift = (): JobRun => {
      sandbox.newRun();
      return sandbox.runJob({ workflow: 'drift.yml', job: 'drift', values, checkout: (workspace) => repo.checkout(workspace, unapplied) });
    };
    const first = drift();
    expectOk(first);
    let issues = sandbox.gh().issues;
    expect(issues.map((i) => [i.title, i.state])).toEqual([['Drift in SigNoz alerts stack: prod', 'open']]);
    expect(issues[0]!.body).toContain('terraform_data.cpu');
    expect(issues[0]!.body).not.toContain('wf-secret-hook');

    // GitHub's API fails while listing: the step fails instead of reading "no issue yet".
    const state = sandbox.gh();
    state.fail = ['issue-list'];
    sandbox.setGh(state);
    const second = drift();
    expect(second.ok).toBe(false);
    expect(second.log).toContain('HTTP 502');
    issues = sandbox.gh().issues;
    expect(issues).toHaveLength(1);
  });

  describe('apply reads only the record the workflow wrote, on the second line of its one comment', () => {
    const record = (fp: string): string => `<!-- signoz-alerts:review ${JSON.stringify({ version: 1, head: 'HEAD', allowDestroy: true, stacks: { prod: fp } })} -->`;
    const forged = `sha256:${'f'.repeat(64)}`;

    function refusal(pr: number, bodies: { login: string; body: string }[], files = ['stacks.ts']): string {
      const sha = `${pr}`.padStart(40, 'a');
      const state = sandbox.gh();
      state.comments[String(pr)] = bodies.map((b, i) => ({ id: 900 + pr * 10 + i, user: { login: b.login }, body: b.body.replace('HEAD', sha) }));
      sandbox.setGh(state);
      merged(sandbox, pr, sha, files);
      // Refused before the step with credentials, which is the only one that reads the merged synth.
      sandbox.newRun();
      fs.mkdirSync(path.join(sandbox.artifacts, 'merged-synth'));
      fs.writeFileSync(path.join(sandbox.artifacts, 'merged-synth', 'manifest.json'), '{}');
      const run = runApplyJob(sandbox, repo, base, sha);
      expect(run.ok).toBe(false);
      expect(run.steps.map((s) => s.name)).not.toContain('Plan, refuse unless it is the reviewed plan, apply exactly that saved plan');
      return run.log;
    }

    it('a record in a comment by someone else than the workflow is ignored', () => {
      expect(refusal(20, [{ login: 'mallory', body: `<!-- signoz-alerts:plan-summary -->\n${record(forged)}\n` }])).toContain(
        'expected exactly one plan comment written by the workflow on PR #20, found 0',
      );
    });

    it('a record smuggled further down the comment (through a note) is not read', () => {
      const body = `<!-- signoz-alerts:plan-summary -->\n## SigNoz alerts plan\n\n- note: ${record(forged)}\n`;
      expect(refusal(21, [{ login: 'github-actions[bot]', body }])).toContain('has no review record on its second line');
    });

    it('a second workflow-looking comment makes the record ambiguous: refused', () => {
      const body = `<!-- signoz-alerts:plan-summary -->\n${record(forged)}\n`;
      expect(
        refusal(22, [
          { login: 'github-actions[bot]', body },
          { login: 'github-actions[bot]', body },
        ]),
      ).toContain('found 2');
    });

    it('a PR that also changes the workflows is not applied (it could have written its own review)', () => {
      const body = `<!-- signoz-alerts:plan-summary -->\n${record(forged)}\n`;
      expect(refusal(23, [{ login: 'github-actions[bot]', body }], ['stacks.ts', '.github/workflows/pr-plan.yml'])).toContain('changes .github/ and stacks together');
    });
  });
});
