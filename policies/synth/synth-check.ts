/**
 * Runs policy packs at synth time. cdktf invokes Aspects per stack (never on the App), and one
 * stack's aspects run before the next stack is synthesized, so a check that spans stacks cannot run
 * inside an Aspect. Instead the pack registers an App validation: cdktf runs it after every stack
 * has been written, the pack reads the written files (exactly what the `policy` command reads),
 * annotates the constructs, adds the findings to the manifest, and returns the errors, which fail
 * `app.synth()`.
 */
import { Annotations, App, TerraformStack, type IConstruct } from '../../constructs/engine';
import type { SynthesizedStack } from '../stack-reading/read-stack';
import type { Finding, PolicyReport } from '../finding';
import { synthesizedStacksOf } from './synthesized-stacks';

/** What the synth check needs of a pack. */
export interface RunnablePack {
  readonly name: string;
  run(stacks: readonly SynthesizedStack[], options?: { readonly today?: string }): PolicyReport;
  lastReport?: PolicyReport;
}

export interface SynthCheckOptions {
  /** Date suppressions expire against, `YYYY-MM-DD` (or an ISO date-time). @default - SOURCE_DATE_EPOCH when set, else today (UTC) */
  readonly today?: string;
}

interface Registration {
  /** Stack paths the pack judges, or every stack of the app. */
  scope: Set<string> | 'all';
  options: SynthCheckOptions;
}

const registrations = new WeakMap<App, Map<RunnablePack, Registration>>();

function nearestConstruct(byPath: ReadonlyMap<string, IConstruct>, constructPath: string, fallback: IConstruct): IConstruct {
  for (let p = constructPath; p.length > 0; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
    const found = byPath.get(p);
    if (found) return found;
  }
  return fallback;
}

/** One line per finding, as annotations and synth errors show it. */
export function describeFinding(finding: Finding): string {
  return `[${finding.ruleId}] ${finding.message}`;
}

function runAtSynth(app: App, pack: RunnablePack, registration: Registration): string[] {
  const stacks = app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const report = pack.run(synthesizedStacksOf(app, stacks), registration.options);
  pack.lastReport = report;
  const judged = (f: Finding): boolean => registration.scope === 'all' || registration.scope.has(f.stack);
  const byPath = new Map(app.node.findAll().map((c) => [c.node.path, c] as const));
  const stackByName = new Map(stacks.map((s) => [app.manifest.forStack(s).name, s] as const));
  const errors: string[] = [];
  for (const finding of report.findings.filter(judged)) {
    const stack = stackByName.get(finding.stack);
    const construct = nearestConstruct(byPath, finding.constructPath, stack ?? app);
    const text = describeFinding(finding);
    if (finding.level === 'error') {
      Annotations.of(construct).addError(text);
      errors.push(`[${finding.constructPath}] ${text}`);
    } else {
      Annotations.of(construct).addWarning(text);
    }
    // cdktf collected each stack's annotations when it wrote the stack; add ours so `cdktf synth` prints them.
    if (stack) {
      app.manifest.forStack(stack).annotations.push({
        constructPath: construct.node.path,
        level: finding.level === 'error' ? '@cdktf/error' : '@cdktf/warn',
        message: text,
      } as (typeof app.manifest.stacks)[string]['annotations'][number]);
    }
  }
  return errors;
}

/** Makes `app.synth()` run `pack` over the given stacks (or all of them) once every stack is written. */
export function registerPolicyCheck(scope: App | TerraformStack, pack: RunnablePack, options: SynthCheckOptions = {}): void {
  const app = App.isApp(scope) ? scope : App.of(scope);
  let packs = registrations.get(app);
  if (!packs) {
    packs = new Map();
    registrations.set(app, packs);
  }
  const existing = packs.get(pack);
  if (existing) {
    if (App.isApp(scope)) existing.scope = 'all';
    else if (existing.scope !== 'all') existing.scope.add(scope.node.id);
    if (options.today !== undefined) existing.options = options;
    return;
  }
  const registration: Registration = { scope: App.isApp(scope) ? 'all' : new Set([scope.node.id]), options };
  packs.set(pack, registration);
  app.node.addValidation({ validate: () => runAtSynth(app, pack, registration) });
}
