/**
 * The whole pull-request check, as the workflow runs it and as a developer runs it locally
 * (`npm run pr-check -- --base origin/main`): synthesize base and head, run the registered checks,
 * plan each changed stack with its committed lock file, and write the comment markdown (sized for
 * GitHub), the job-summary markdown and one fingerprint per plan. A stack that cannot be planned
 * here (no Terraform, providers not downloadable) is reported in the comment, not silently dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planFingerprint, type FingerprintRecord } from '../apply-safety/plan-fingerprint';
import { readCdktfProject } from '../changes/cdktf-project';
import { detectChangedStacks } from '../changes/changed-stacks';
import { listSynthStacks, stacksToPlan } from '../changes/compare-synth-dirs';
import { readStackConfig, stackConfigHash } from '../changes/stack-config';
import { SynthFailedError } from '../changes/synth-app';
import type { PipelineConfig } from '../config/pipeline-config';
import { PipelineInputError } from '../errors';
import { writeFileAtomic } from '../../constructs/util/write-file-atomic';
import { readPlanFile } from '../plan/plan-file';
import type { TerraformPlan } from '../plan/plan-json';
import { markdownFormat, SUMMARY_COMMENT_MARKER } from '../render/markdown-format';
import { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT, renderSummary } from '../render/render-summary';
import { summarizePlans, type StackPlan } from '../summary/plan-summary';
import { stackConfigDiff } from '../summary/config-diff';
import { erroredStacks, hasPlannedChanges, type StackConfigDiff, type UnplannedStack } from '../summary/summary-model';
import { installLockFile, stackNeedsProviders, committedLockFile } from '../terraform/provider-locks';
import { TerraformCli } from '../terraform/terraform-cli';
import { readManifest, readSynthOutput, SynthOutputError, type SynthesizedStack } from '../../constructs/codecs/synth-output';
import { routingChangeNotes } from '../../constructs/notify';
import { resolveReferenceDate } from '../../policies/suppressions/reference-date';
import { policyHook, policyPackHook, ruleValidationHook } from './default-hooks';
import type { RunnablePack } from '../../policies';
import { secretsFromEnvironment, sensitiveVariablesOf } from '../masking/env-secrets';
import { Redactor } from '../masking/redactor';
import { neutralizeMarkers } from '../masking/scrub-summary';
import { cleanUpOnInterrupt } from '../process/interrupt-cleanup';
import { PR_CHECK_HOOKS, registerDefaultHooks, type PrCheckHook } from './pr-check-hooks';

export interface PrCheckOptions {
  readonly appDir: string;
  readonly base: string;
  /** Where results go (comment.md, summary.md, plans/). */
  readonly outDir: string;
  /** Where the code under review is synthesized (default: the app's cdktf.json `output`). */
  readonly headOutdir?: string;
  /** Folder of the base synth cache (a later check against the same base reuses its synth). @default - no cache */
  readonly synthCache?: string;
  readonly config: PipelineConfig;
  readonly salt: string | undefined;
  readonly maxCommentBytes?: number;
  readonly overflowNote?: string;
  readonly failOnRefactor?: boolean;
  /** Keep the plan files (they hold every value in clear text, secrets included). */
  readonly keepPlans?: boolean;
  readonly hooks?: readonly PrCheckHook[];
  /** The app's own checks (`signozAlerts.hooks` in cdktf.json), run after `hooks`. @default - none */
  readonly appHooks?: readonly PrCheckHook[];
  /** The app's policy pack, run in place of the default pack by the policies hook. @default - the default pack */
  readonly policyPack?: RunnablePack;
  /** The date suppressions expire against, `YYYY-MM-DD` or an ISO date-time. @default - SOURCE_DATE_EPOCH when set, else today (UTC) */
  readonly today?: string;
  readonly terraform?: TerraformCli;
  readonly log?: (line: string) => void;
  /**
   * The environment Terraform runs with: its secret values (`TF_VAR_*` of sensitive or credential
   * variables, `*_TOKEN`, `*_SECRET`, ...) are masked out of notes and error tails. @default - none known
   */
  readonly secretEnv?: Readonly<Record<string, string | undefined>>;
}

export interface PrCheckResult {
  /** 0 when every check passed (changes are not failures), 1 otherwise. */
  readonly exitCode: number;
  readonly commentFile: string;
  readonly summaryFile: string;
  readonly plannedStacks: readonly string[];
  readonly fingerprints: Readonly<Record<string, FingerprintRecord>>;
  readonly notes: readonly string[];
  /** True when a planned stack changes something. Meaningless when `unplannedStacks` or `erroredStacks` is not empty. */
  readonly hasChanges: boolean;
  /** Changed stacks that could not be planned (each fails the check). @default - none */
  readonly unplannedStacks?: readonly string[];
  /** Planned stacks whose plan errored (each fails the check). @default - none */
  readonly erroredStacks?: readonly string[];
  /** Set when the code under review could not be synthesized (the comment says so; the check fails). @default - synthesized */
  readonly headSynthError?: string;
}

/** Hidden line in the comment that records a stack's reviewed fingerprint for the apply job. */
export function fingerprintMarker(stack: string, fingerprint: string): string {
  return `<!-- signoz-alerts:fingerprint stack=${stack} ${fingerprint} -->`;
}

function tryReadSynthOutput(outdir: string, cwd: string): SynthesizedStack[] | undefined {
  try {
    return readSynthOutput(outdir, cwd);
  } catch (err) {
    if (err instanceof SynthOutputError) return undefined;
    throw err;
  }
}

/** Lets pending I/O callbacks run (a finished child process, and the next command it leads to). */
function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Stacks in an order that respects manifest dependencies (a stack after the ones it depends on). */
function dependencyOrder(outdir: string, stacks: readonly string[]): string[] {
  const deps = new Map<string, readonly string[]>((readManifest(outdir) ?? []).map((entry) => [entry.name, entry.dependencies]));
  const wanted = new Set(stacks);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (stack: string): void => {
    if (seen.has(stack)) return;
    seen.add(stack);
    for (const dep of deps.get(stack) ?? []) visit(dep);
    if (wanted.has(stack)) ordered.push(stack);
  };
  [...stacks].sort().forEach(visit);
  return ordered;
}

export async function runPrCheck(options: PrCheckOptions): Promise<PrCheckResult> {
  const log = options.log ?? (() => undefined);
  const outDir = path.resolve(options.outDir);
  const plansDir = path.join(outDir, 'plans');
  const notes: string[] = [];
  let failed = false;

  log(`synthesizing ${options.base} and the working tree...`);
  const headOutdir = options.headOutdir ?? readCdktfProject(options.appDir).outdir;
  let detection: Awaited<ReturnType<typeof detectChangedStacks>>;
  try {
    detection = await detectChangedStacks({
      appDir: options.appDir,
      base: options.base,
      locksDir: options.config.locksDir,
      headOutdir,
      // the app's own synth-time checks expire suppressions against the same date as this check
      ...(options.today !== undefined ? { today: options.today } : {}),
      ...(options.synthCache !== undefined ? { synthCache: options.synthCache } : {}),
      log,
    });
  } catch (err) {
    if (!(err instanceof SynthFailedError) || err.label !== 'head') throw err;
    // The code under review does not synthesize: say so in the comment, so an older comment
    // (with its fingerprint) does not stay up as if it still described this change.
    return headSynthFailed(options, outDir, err, log);
  }
  // Only now, with the arguments checked and both synths done, is anything in the output folder touched.
  preparePlansDir(plansDir);
  if (detection.baseSynthError) notes.push(`The base (${options.base}) could not be synthesized, so every stack is planned.`);
  for (const c of detection.comparisons) {
    if (c.status === 'removed') notes.push(`Stack ${c.stack} was removed from the app: its alerts are not destroyed by this change; destroy the stack before merging.`);
  }
  const changed = stacksToPlan(detection.comparisons);
  const allStacks = [...listSynthStacks(detection.headOutdir).keys()];
  if (changed.length === 0) notes.push(`No stack's synthesized configuration differs from ${options.base}: nothing to plan.`);
  log(`stacks to plan: ${changed.length > 0 ? changed.join(', ') : 'none'}`);

  const terraform = options.terraform ?? new TerraformCli();
  const unplanned: UnplannedStack[] = [];
  /** The planning's notes, which the comment lists after the checks' (kept apart while both run). */
  const planNotes: string[] = [];
  /** A changed stack that could not be planned: reported as such, and it fails the check. */
  const notPlanned = (stack: string, reason: string): void => {
    unplanned.push({ stack, reason });
    failed = true;
  };
  const plans: StackPlan[] = [];
  const planErrored: string[] = [];
  const fingerprints: Record<string, FingerprintRecord> = {};
  const stackDirs = listSynthStacks(detection.headOutdir);
  // Saved plans hold secrets in clear text: an interrupted run removes them too (finally does not run then).
  const removeSavedPlans = (): void => {
    if (options.keepPlans) return;
    for (const name of fs.readdirSync(plansDir)) if (/\.(tfplan|plan\.json)$/.test(name)) fs.rmSync(path.join(plansDir, name), { force: true });
  };
  // Terraform plans the changed stacks while the checks run (its processes and the checks use
  // different cores); the notes keep their order: the checks', then the planning's.
  const terraformVersion = changed.length > 0 ? await terraform.version() : undefined;
  const planning = cleanUpOnInterrupt(removeSavedPlans, async () => {
    if (changed.length > 0 && !terraformVersion) {
      planNotes.push(`${terraform.binary} is not on PATH: no stack was planned (changed: ${changed.join(', ')}).`);
      for (const stack of changed) notPlanned(stack, `${terraform.binary} is not on PATH`);
    }
    for (const stack of terraformVersion ? dependencyOrder(detection.headOutdir, changed) : []) {
      const stackDir = stackDirs.get(stack)!;
      const hasLock = installLockFile(options.config.locksDir, stack, stackDir);
      if (!hasLock && stackNeedsProviders(stackDir)) {
        planNotes.push(
          `Stack ${stack} was not planned: no committed lock file at ${path.relative(options.appDir, committedLockFile(options.config.locksDir, stack))}; run \`npm run lock\` and commit it.`,
        );
        notPlanned(stack, 'no committed lock file');
        continue;
      }
      log(`${stack}: terraform init`);
      const init = await terraform.init(stackDir, hasLock);
      if (!init.ok) {
        if (init.providersUnavailable) {
          planNotes.push(`Stack ${stack} was not planned: its providers could not be downloaded here (registry unreachable). The workflow plans it in CI.`);
          notPlanned(stack, 'providers could not be downloaded');
        } else {
          planNotes.push(`Stack ${stack}: terraform init failed: ${lastLines(init.output)}`);
          notPlanned(stack, 'terraform init failed');
        }
        continue;
      }
      const validation = await terraform.validate(stackDir);
      if (!validation.ok) {
        planNotes.push(`Stack ${stack}: terraform validate failed: ${lastLines(validation.output)}`);
        notPlanned(stack, 'terraform validate failed');
        continue;
      }
      log(`${stack}: terraform plan`);
      const planFile = path.join(plansDir, `${stack}.tfplan`);
      const jsonFile = path.join(plansDir, `${stack}.plan.json`);
      // The saved plan and its JSON hold every value in clear text: removed on every way out of this
      // block (failed plan, failed show, unreadable JSON, an exception), unless asked to keep them.
      try {
        const plan = await terraform.plan(stackDir, planFile);
        if (!plan.ok) {
          planNotes.push(`Stack ${stack}: terraform plan failed: ${lastLines(plan.output)}`);
          notPlanned(stack, 'terraform plan failed');
          continue;
        }
        let parsed: TerraformPlan;
        try {
          await terraform.showJsonToFile(stackDir, planFile, jsonFile);
          parsed = await readPlanFile(jsonFile, `${stack} plan`);
        } catch (err) {
          planNotes.push(`Stack ${stack}: the saved plan could not be read: ${lastLines(err instanceof Error ? err.message : String(err))}`);
          notPlanned(stack, 'the saved plan could not be read as JSON');
          continue;
        }
        if (parsed.errored === true) {
          planErrored.push(stack);
          planNotes.push(`Stack ${stack}: the plan errored (\`errored: true\`): it cannot be applied and what it would change is unknown.`);
          failed = true;
        } else {
          const record = planFingerprint(parsed, options.salt, stackConfigHash(readStackConfig(stackDir), { appDir: options.appDir }));
          fingerprints[stack] = record;
          writeFileAtomic(path.join(plansDir, `${stack}.fingerprint.json`), `${JSON.stringify(record, null, 2)}\n`);
        }
        plans.push({ stack, plan: parsed });
      } finally {
        if (!options.keepPlans) {
          fs.rmSync(planFile, { force: true });
          fs.rmSync(jsonFile, { force: true });
        }
      }
    }
  });
  // Settled below in every case; marked handled so a failure while the checks run is not an unhandled rejection.
  planning.catch(() => undefined);

  registerDefaultHooks(PR_CHECK_HOOKS, [ruleValidationHook, policyHook]);
  let synthesized: SynthesizedStack[] | undefined;
  try {
    // Read once for every hook; a folder that cannot be read is left to each hook to report.
    await turnEventLoop();
    synthesized = tryReadSynthOutput(detection.headOutdir, options.appDir);
    const policies = options.policyPack ? policyPackHook(options.policyPack) : policyHook;
    for (const hook of [...(options.hooks ?? PR_CHECK_HOOKS).map((h) => (h === policyHook ? policies : h)), ...(options.appHooks ?? [])]) {
      // the checks run on this thread: between two, the planning moves on to its next Terraform command
      await turnEventLoop();
      const result = await hook.run({
        appDir: options.appDir,
        synthDir: detection.headOutdir,
        stacks: allStacks,
        changedStacks: changed,
        ...(synthesized ? { synthesized } : {}),
        ...(options.today !== undefined ? { today: options.today } : {}),
      });
      log(`${hook.name}: ${result.ok ? 'passed' : 'FAILED'}`);
      if (!result.ok) failed = true;
      notes.push(`${hook.name}: ${result.ok ? 'passed' : 'FAILED'}`, ...result.lines.map((line) => `${hook.name}: ${line}`));
    }
    notes.push(...routingNotes(detection, synthesized, changed, options.today));
  } finally {
    // a check that throws still waits for the planning, which removes its saved plans
    await planning.catch(() => undefined);
  }
  await planning;
  notes.push(...planNotes);
  const redactor = redactorFor(options.secretEnv, [...stackDirs.entries()], synthesized);

  const configDiffs = unplannedConfigDiffs(detection, [...unplanned.map((u) => u.stack), ...planErrored], stackDirs, options.appDir, redactor);
  const { summary } = summarizePlans(plans, {
    redactor,
    notes,
    unplanned,
    configDiffs,
    channels: { pagingChannels: options.config.pagingChannels, nonPagingChannels: options.config.nonPagingChannels },
    destroyBudgets: options.config.destroyBudgets,
  });
  const markers = Object.entries(fingerprints)
    .map(([stack, record]) => `${fingerprintMarker(stack, record.fingerprint)}\n`)
    .join('');
  const maxComment = (options.maxCommentBytes ?? GITHUB_COMMENT_LIMIT) - Buffer.byteLength(markers, 'utf8');
  const comment = renderSummary(summary, markdownFormat, { maxBytes: maxComment, redactor, ...(options.overflowNote ? { overflowNote: options.overflowNote } : {}) });
  const full = renderSummary(summary, markdownFormat, { maxBytes: JOB_SUMMARY_LIMIT - Buffer.byteLength(markers, 'utf8'), redactor });
  const withMarkers = (text: string): string => text.replace(`${SUMMARY_COMMENT_MARKER}\n`, `${SUMMARY_COMMENT_MARKER}\n${markers}`);
  const commentFile = path.join(outDir, 'comment.md');
  const summaryFile = path.join(outDir, 'summary.md');
  writeFileAtomic(commentFile, withMarkers(comment.text));
  writeFileAtomic(summaryFile, withMarkers(full.text));
  writeFileAtomic(path.join(outDir, 'fingerprints.json'), `${JSON.stringify(Object.fromEntries(Object.entries(fingerprints).map(([s, r]) => [s, r.fingerprint])), null, 2)}\n`);

  const refactors = summary.stacks.reduce((n, s) => n + s.refactorMoves.length, 0);
  if (refactors > 0 && options.failOnRefactor) {
    failed = true;
    log(`${refactors} delete/create pair(s) look like moved constructs; see the comment for the moved blocks.`);
  }
  return {
    exitCode: failed ? 1 : 0,
    commentFile,
    summaryFile,
    plannedStacks: plans.map((p) => p.stack),
    fingerprints,
    notes: notes.map((note) => scrubNote(redactor, note)),
    hasChanges: hasPlannedChanges(summary),
    unplannedStacks: unplanned.map((u) => u.stack),
    erroredStacks: erroredStacks(summary),
  };
}

/**
 * What the change does to who is notified, over the week from the reference date (UTC), in the
 * environments of the changed stacks: `Routing: prod "Payments errors" critical, ...: paged (...)
 * before, slack-payments only after`. None when the base was not synthesized or nothing changes.
 */
function routingNotes(
  detection: Awaited<ReturnType<typeof detectChangedStacks>>,
  head: readonly SynthesizedStack[] | undefined,
  changed: readonly string[],
  today: string | undefined,
): string[] {
  if (!detection.baseSynthesized || !head || changed.length === 0) return [];
  try {
    const from = Date.parse(`${resolveReferenceDate(today, process.env, undefined, 'today')}T00:00:00Z`);
    // the base of an unchanged stack is the head's (only differing base stacks were kept)
    const unchanged = new Set(detection.comparisons.filter((c) => c.status === 'unchanged').map((c) => c.stack));
    const base = [...detection.baseSynthesized, ...head.filter((stack) => unchanged.has(stack.name))];
    return routingChangeNotes(base, head, from, changed).map((line) => `Routing: ${line}`);
  } catch (err) {
    return [`Routing changes could not be worked out: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/**
 * For each stack without a usable plan, what its configuration changes (base and head synth
 * compared), so the comment still says what changed. None when the base could not be synthesized.
 */
function unplannedConfigDiffs(
  detection: Awaited<ReturnType<typeof detectChangedStacks>>,
  stacks: readonly string[],
  stackDirs: ReadonlyMap<string, string>,
  appDir: string,
  redactor: Redactor,
): StackConfigDiff[] {
  if (detection.baseSynthError !== undefined) return [];
  const diffs: StackConfigDiff[] = [];
  for (const stack of [...new Set(stacks)].sort()) {
    const dir = stackDirs.get(stack);
    if (!dir) continue;
    let head: unknown;
    try {
      head = readStackConfig(dir);
    } catch {
      continue; // an unreadable stack is already reported where it was planned
    }
    diffs.push(stackConfigDiff(stack, detection.baseConfigs?.get(stack), head, redactor, { head: { appDir } }));
  }
  return diffs;
}

/** Marks a plans folder as made by pr-check, so a later run may clear what an earlier one left. */
const PLANS_DIR_MARK = '.made-by-signoz-alerts-pr-check';
/** Files pr-check writes into its plans folder. */
const PLAN_OUTPUT_FILE = /\.(tfplan|plan\.json|fingerprint\.json)$/;

/**
 * Makes `<out-dir>/plans`, or clears what an earlier pr-check left in it. A folder of that name that
 * pr-check did not make (with `--out-dir .`, the user's own `plans/`) is never touched: exit 2.
 */
function preparePlansDir(plansDir: string): void {
  const mark = path.join(plansDir, PLANS_DIR_MARK);
  if (fs.existsSync(plansDir)) {
    const entries = fs.readdirSync(plansDir);
    if (entries.length > 0 && !fs.existsSync(mark)) {
      throw new PipelineInputError(
        `${plansDir} exists and was not made by pr-check; nothing in it was touched. Give an --out-dir whose plans/ folder is free (the default is .pr-check).`,
        {},
        'pr-check --out-dir',
      );
    }
    for (const name of entries) if (PLAN_OUTPUT_FILE.test(name)) fs.rmSync(path.join(plansDir, name), { force: true });
  }
  fs.mkdirSync(plansDir, { recursive: true });
  fs.writeFileSync(mark, 'Made by signoz-alerts pr-check: its plan, JSON and fingerprint files here are replaced on each run.\n');
}

/**
 * A redactor that already knows the secrets of the environment Terraform runs with. A stack's
 * sensitive variables come from its document when the checks read it already (`synthesized`).
 */
function redactorFor(
  secretEnv: Readonly<Record<string, string | undefined>> | undefined,
  stackDirs: readonly (readonly [string, string])[],
  synthesized?: readonly SynthesizedStack[],
): Redactor {
  const redactor = new Redactor();
  if (!secretEnv) return redactor;
  const sensitive = new Set<string>();
  const documents = new Map((synthesized ?? []).map((stack) => [stack.name, stack.document]));
  for (const [stack, dir] of stackDirs) {
    try {
      for (const name of sensitiveVariablesOf(documents.get(stack) ?? readStackConfig(dir))) sensitive.add(name);
    } catch {
      // an unreadable stack is reported where it is planned; its variables still match by name
    }
  }
  for (const value of secretsFromEnvironment(secretEnv, sensitive)) redactor.registerSecret(value);
  return redactor;
}

/** A note as printed outside the comment (the log): secrets masked, no markers. */
function scrubNote(redactor: Redactor, note: string): string {
  return neutralizeMarkers(redactor.scrub(redactor.maskText(note, { denySecretFields: false })));
}

/** The last lines of a tool's output, on one line, for a note. */
function lastLines(output: string, count = 3): string {
  return output.split('\n').filter(Boolean).slice(-count).join(' ');
}

/** Writes the comment and job summary of a check whose head could not be synthesized. */
function headSynthFailed(options: PrCheckOptions, outDir: string, err: SynthFailedError, log: (line: string) => void): PrCheckResult {
  const detail = err.problems.map((p) => p.message).join(' ');
  log(`the code under review could not be synthesized`);
  const notes = [`The code under review could not be synthesized, so nothing was checked or planned: ${lastLines(detail, 6)}`];
  const { summary, redactor } = summarizePlans([], {
    redactor: redactorFor(options.secretEnv, []),
    notes,
    unplanned: [{ stack: '(all stacks)', reason: 'the head synth failed' }],
  });
  const commentFile = path.join(outDir, 'comment.md');
  const summaryFile = path.join(outDir, 'summary.md');
  const maxBytes = options.maxCommentBytes ?? GITHUB_COMMENT_LIMIT;
  writeFileAtomic(commentFile, renderSummary(summary, markdownFormat, { maxBytes, redactor }).text);
  writeFileAtomic(summaryFile, renderSummary(summary, markdownFormat, { maxBytes: JOB_SUMMARY_LIMIT, redactor }).text);
  writeFileAtomic(path.join(outDir, 'fingerprints.json'), '{}\n');
  return {
    exitCode: 1,
    commentFile,
    summaryFile,
    plannedStacks: [],
    fingerprints: {},
    notes: notes.map((note) => scrubNote(redactor, note)),
    hasChanges: false,
    headSynthError: scrubNote(redactor, detail),
  };
}
