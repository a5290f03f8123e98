/**
 * Runs one job of a workflow in .github/workflows/ as a GitHub runner would, in a temporary folder:
 * each `run:` step in order with `bash --noprofile --norc -eo pipefail` (what `shell: bash` means),
 * the GITHUB_* files (output, env, step summary), `${{ }}` values from the test, and stand-ins on PATH:
 * `gh` (test/support/stand-in-gh.sh, recording comments and issues in a JSON file) and `npm` (`npm ci`
 * is a no-op: the project's node_modules are linked in). `node`, `jq`, `git` and `terraform` are real.
 * `uses:` steps are emulated: checkout (by the test), artifacts (a folder per name, names immutable as
 * in upload-artifact v4+), setup-node and setup-terraform (nothing to do), cache (always a miss).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');

interface WorkflowStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

interface WorkflowFile {
  readonly env?: Record<string, unknown>;
  readonly jobs: Record<string, { readonly env?: Record<string, unknown>; readonly steps: readonly WorkflowStep[]; readonly outputs?: Record<string, string> }>;
}

export interface StepRun {
  readonly name: string;
  readonly code: number;
  readonly output: string;
  readonly seconds?: number;
}

export interface JobRun {
  readonly ok: boolean;
  readonly steps: readonly StepRun[];
  /** The job's `outputs:`, evaluated. */
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** All step output (stdout and stderr) in order, for failure messages. */
  readonly log: string;
}

export interface JobOptions {
  readonly workflow: string;
  readonly job: string;
  /** Values of `${{ }}` expressions by their text (e.g. `github.event.pull_request.base.sha`); `env.*`, `steps.*` and `secrets.*` unknown here are looked up or fail. */
  readonly values: Readonly<Record<string, string>>;
  /** Fills the workspace for `actions/checkout` with the evaluated `ref` (undefined: the event's commit). */
  readonly checkout: (workspace: string, ref: string | undefined) => void;
}

/** A sandbox shared by the jobs of one scenario: artifacts and the GitHub state carry across jobs. */
export class WorkflowSandbox {
  /** Artifacts of the current workflow run (see {@link newRun}). */
  artifacts: string;
  readonly ghState: string;
  private readonly bin: string;
  private runs = 0;
  private workflowRuns = 0;

  constructor(readonly dir: string) {
    this.artifacts = path.join(dir, 'artifacts');
    this.bin = path.join(dir, 'bin');
    this.ghState = path.join(dir, 'gh-state.json');
    fs.mkdirSync(this.artifacts, { recursive: true });
    fs.mkdirSync(this.bin, { recursive: true });
    fs.copyFileSync(path.join(__dirname, 'stand-in-gh.sh'), path.join(this.bin, 'gh'));
    fs.chmodSync(path.join(this.bin, 'gh'), 0o755);
    fs.writeFileSync(
      path.join(this.bin, 'npm'),
      '#!/usr/bin/env bash\n[ "$1" = ci ] && { echo "stand-in npm ci: node_modules are linked from the project"; exit 0; }\necho "stand-in npm: unsupported: npm $*" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    this.setGh({ comments: {}, pulls: [], files: {}, issues: [], nextId: 100, fail: [] });
  }

  /** Starts another workflow run: its artifacts are its own, as on GitHub. */
  newRun(): void {
    this.artifacts = path.join(this.dir, `artifacts-${++this.workflowRuns}`);
    fs.mkdirSync(this.artifacts, { recursive: true });
  }

  gh(): GhState {
    return JSON.parse(fs.readFileSync(this.ghState, 'utf8')) as GhState;
  }

  setGh(state: GhState): void {
    fs.writeFileSync(this.ghState, JSON.stringify(state, null, 2));
  }

  /** Runs one job; a fresh workspace each time, as on a fresh runner. */
  runJob(options: JobOptions): JobRun {
    const workflow = parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', options.workflow), 'utf8')) as WorkflowFile;
    const job = workflow.jobs[options.job];
    if (!job) throw new Error(`${options.workflow} has no job ${options.job}`);
    const run = path.join(this.dir, `run-${++this.runs}-${options.job}`);
    const workspace = path.join(run, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const summaryFile = path.join(run, 'step-summary.md');
    fs.writeFileSync(summaryFile, '');
    const stepOutputs = new Map<string, Record<string, string>>();
    const addedEnv: Record<string, string> = {};
    const evaluate = (text: unknown, env: Record<string, string>): string =>
      String(text).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expr: string) => {
        if (expr in options.values) return options.values[expr]!;
        const envRef = /^env\.(\w+)$/.exec(expr);
        if (envRef) return env[envRef[1]!] ?? '';
        const stepRef = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
        if (stepRef) return stepOutputs.get(stepRef[1]!)?.[stepRef[2]!] ?? '';
        if (/^(secrets|vars)\.\w+$/.test(expr)) return '';
        throw new Error(`${options.workflow} job ${options.job}: the test gives no value for \${{ ${expr} }}`);
      });
    const evalMap = (map: Record<string, unknown> | undefined, env: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, evaluate(v, env)]));

    const workflowEnv = evalMap(workflow.env, {});
    const jobEnv = { ...workflowEnv, ...evalMap(job.env, workflowEnv) };
    const steps: StepRun[] = [];
    const log: string[] = [];
    let failed = false;
    for (const [index, step] of job.steps.entries()) {
      const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
      if (failed && !(step.if ?? '').includes('always()')) continue;
      const env = { ...jobEnv, ...addedEnv, ...evalMap(step.env, { ...jobEnv, ...addedEnv }) };
      let result: StepRun;
      if (step.uses) {
        result = this.emulateAction(step, name, workspace, (v) => evaluate(v, env), options);
      } else {
        const outputFile = path.join(run, `output-${index}`);
        const envFile = path.join(run, `env-${index}`);
        fs.writeFileSync(outputFile, '');
        fs.writeFileSync(envFile, '');
        const script = path.join(run, `step-${index}.sh`);
        fs.writeFileSync(script, step.run ?? '');
        const started = Date.now();
        const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
          cwd: workspace,
          encoding: 'utf8',
          env: {
            PATH: `${this.bin}:${process.env.PATH ?? ''}`,
            HOME: process.env.HOME ?? run,
            TMPDIR: process.env.TMPDIR ?? '/tmp',
            TF_CLI_CONFIG_FILE: '/dev/null',
            CI: 'true',
            GITHUB_ACTIONS: 'true',
            GITHUB_WORKSPACE: workspace,
            GITHUB_OUTPUT: outputFile,
            GITHUB_ENV: envFile,
            GITHUB_STEP_SUMMARY: summaryFile,
            GH_STATE: this.ghState,
            ...env,
          },
        });
        result = { name, code: child.status ?? 1, output: `${child.stdout}${child.stderr}`, seconds: (Date.now() - started) / 1000 };
        if (step.id) stepOutputs.set(step.id, parseKeyValues(fs.readFileSync(outputFile, 'utf8')));
        Object.assign(addedEnv, parseKeyValues(fs.readFileSync(envFile, 'utf8')));
      }
      steps.push(result);
      log.push(`--- ${name} (exit ${result.code}${result.seconds !== undefined ? `, ${result.seconds.toFixed(1)} s` : ''})\n${result.output}`);
      if (result.code !== 0) failed = true;
    }
    const outputs = evalMap(job.outputs, jobEnv);
    return { ok: !failed, steps, outputs, summary: fs.readFileSync(summaryFile, 'utf8'), log: log.join('\n') };
  }

  private emulateAction(step: WorkflowStep, name: string, workspace: string, evaluate: (v: unknown) => string, options: JobOptions): StepRun {
    const action = step.uses!.split('@')[0]!;
    const input = (key: string): string | undefined => (step.with?.[key] === undefined ? undefined : evaluate(step.with[key]));
    try {
      switch (action) {
        case 'actions/checkout':
          options.checkout(workspace, input('ref'));
          break;
        case 'actions/setup-node':
        case 'hashicorp/setup-terraform':
        case 'actions/cache': // always a miss: the job must work without it
        case 'actions/cache/save': // nothing restores it here
          break;
        case 'actions/upload-artifact': {
          const target = path.join(this.artifacts, input('name')!);
          if (fs.existsSync(target)) throw new Error(`an artifact named ${input('name')} already exists in this run`);
          const paths = input('path')!
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean);
          for (const p of paths) {
            const from = path.join(workspace, p);
            if (!fs.existsSync(from)) continue;
            // A single folder uploads its contents; files keep their path relative to their common folder.
            const to = paths.length === 1 && fs.statSync(from).isDirectory() ? target : path.join(target, path.basename(p));
            fs.cpSync(from, to, { recursive: true });
          }
          if (!fs.existsSync(target)) throw new Error(`no files were found for artifact ${input('name')}`);
          break;
        }
        case 'actions/download-artifact': {
          const from = path.join(this.artifacts, input('name')!);
          if (!fs.existsSync(from)) throw new Error(`artifact ${input('name')} not found`);
          fs.cpSync(from, path.join(workspace, input('path') ?? '.'), { recursive: true });
          break;
        }
        default:
          throw new Error(`the sandbox does not emulate ${action}`);
      }
      return { name, code: 0, output: '' };
    } catch (err) {
      return { name, code: 1, output: err instanceof Error ? err.message : String(err) };
    }
  }
}

export interface GhComment {
  readonly id: number;
  readonly user: { readonly login: string };
  readonly body: string;
}

export interface GhState {
  comments: Record<string, GhComment[]>;
  pulls: { number: number; merged_at: string | null; merge_commit_sha: string; head: { sha: string } }[];
  files: Record<string, string[]>;
  issues: { number: number; title: string; labels: string[]; body: string; state: string }[];
  nextId: number;
  fail: string[];
}

/** `key=value` lines and `key<<DELIM` blocks, as GitHub reads GITHUB_OUTPUT and GITHUB_ENV. */
function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      out[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
