/**
 * The policy engine: reads synthesized stacks into subjects, runs every rule of a pack over them,
 * locates each finding (construct path, synthesized file and line, TypeScript source) and applies
 * suppressions. The synth-time check and the `policy` command both call it, on the same JSON.
 */
import { createPolicyContext } from './context';
import { ENGINE_CHECKS } from './engine-checks';
import { jsonLineIndex, lineOf, pointerOf } from './stack-reading/json-lines';
import { readStack, type ReadStack, type SynthesizedStack } from './stack-reading/read-stack';
import { compareFindings, type Finding, type PolicyReport, type RuleDescriptor } from './finding';
import type { ResolvedPolicyOptions } from './options';
import { violationsOf, type PolicyRule, type Violation } from './rule';
import type { EnvironmentSubject, ResourceRef } from './subjects';
import { applySuppressions, type DeclaredSuppression } from './suppressions/apply-suppressions';
import type { PathSuppression } from './suppressions/suppression';

/** What the engine needs of a pack. */
export interface PolicyPackDefinition {
  readonly name: string;
  readonly rules: readonly PolicyRule[];
  readonly options: ResolvedPolicyOptions;
  readonly suppressions: readonly PathSuppression[];
}

export interface RunPoliciesOptions {
  /** The date suppressions expire against, `YYYY-MM-DD`. */
  readonly today: string;
}

/** Where findings of one stack point. */
class StackLocator {
  private lines?: Map<string, number>;

  constructor(
    readonly read: ReadStack,
    private readonly text: string | undefined,
  ) {}

  private lineOf(pointer: string): number | undefined {
    if (this.text === undefined) return undefined;
    this.lines ??= jsonLineIndex(this.text);
    return lineOf(this.lines, pointer);
  }

  private sourceOf(constructPath: string): Finding['source'] {
    const sources = this.read.metadata.sources;
    for (let p = constructPath; p.length > 0; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      const location = sources[p];
      const match = typeof location === 'string' ? /^(.*):(\d+)$/.exec(location) : null;
      if (match) return { file: match[1]!, line: Number(match[2]) };
    }
    return undefined;
  }

  locate(resource: ResourceRef | undefined, pointer: string | undefined, constructPath?: string): Omit<Finding, 'ruleId' | 'level' | 'message'> {
    const stack = this.read.subject.stack;
    const path = constructPath ?? resource?.constructPath ?? stack.constructPath;
    const line = this.lineOf(pointer ?? (resource ? pointerOf('resource', resource.type, resource.name) : '/terraform'));
    const source = this.sourceOf(path);
    return {
      environment: stack.environment,
      stack: stack.name,
      constructPath: path,
      ...(resource ? { address: resource.address } : {}),
      file: stack.file,
      ...(line !== undefined ? { line } : {}),
      ...(source ? { source } : {}),
    };
  }
}

function environmentsOf(reads: readonly ReadStack[]): Map<string, EnvironmentSubject> {
  const byName = new Map<string, ReadStack[]>();
  for (const read of reads) {
    const list = byName.get(read.subject.environment);
    if (list) list.push(read);
    else byName.set(read.subject.environment, [read]);
  }
  const out = new Map<string, EnvironmentSubject>();
  for (const name of [...byName.keys()].sort()) {
    const stacks = byName
      .get(name)!
      .map((r) => r.subject)
      .sort((a, b) => a.stack.name.localeCompare(b.stack.name));
    out.set(name, {
      name,
      stacks,
      alerts: stacks.flatMap((s) => s.alerts),
      channels: stacks.flatMap((s) => s.channels),
      routePolicies: stacks.flatMap((s) => s.routePolicies),
    });
  }
  return out;
}

function descriptorOf(rule: RuleDescriptor): RuleDescriptor {
  return { id: rule.id, level: rule.level, description: rule.description, explanation: rule.explanation };
}

/** Runs a pack over synthesized stacks. Never throws for content it cannot judge: that is a finding. */
export function runPolicies(inputs: readonly SynthesizedStack[], pack: PolicyPackDefinition, run: RunPoliciesOptions): PolicyReport {
  const reads = [...inputs].sort((a, b) => a.name.localeCompare(b.name)).map((input) => ({ input, read: readStack(input, pack.options) }));
  const locators = new Map<string, StackLocator>(reads.map(({ input, read }) => [input.name, new StackLocator(read, input.text)]));
  const environments = environmentsOf(reads.map((r) => r.read));
  const context = createPolicyContext(pack.options, run.today, environments);
  const findings: Finding[] = [];

  for (const { read } of reads) {
    const locator = locators.get(read.subject.stack.name)!;
    for (const bad of read.unreadable) {
      findings.push({
        ruleId: ENGINE_CHECKS.unreadableResource.id,
        level: 'error',
        message: `${bad.ref.address} cannot be read as an alert rule: ${bad.message}`,
        ...locator.locate(bad.ref, undefined),
      });
    }
  }

  const record = (rule: PolicyRule, violations: readonly Violation[], stackName: string, subjectResource: ResourceRef | undefined): void => {
    for (const v of violations) {
      const locator = locators.get(v.resource?.stack ?? v.stack ?? stackName) ?? locators.get(stackName)!;
      const resource = v.resource ?? (v.stack !== undefined ? undefined : subjectResource);
      findings.push({
        ruleId: rule.id,
        level: v.uncertain ? 'warning' : rule.level,
        message: v.message,
        ...(v.key !== undefined ? { key: v.key } : {}),
        ...(v.uncertain ? { uncertain: true } : {}),
        ...locator.locate(resource, v.pointer),
      });
    }
  };
  // `what` names the subject for a failure only (a run asks every rule about every alert)
  const attempt = (rule: PolicyRule, what: () => string, stackName: string, resource: ResourceRef | undefined, fn: () => ReturnType<PolicyRule['check']>): void => {
    try {
      record(rule, violationsOf(fn()), stackName, resource);
    } catch (err) {
      const message = `rule "${rule.id}" failed on ${what()}: ${err instanceof Error ? err.message : String(err)}`;
      findings.push({ ruleId: ENGINE_CHECKS.ruleFailed.id, level: 'error', message, key: rule.id, ...locators.get(stackName)!.locate(resource, undefined) });
    }
  };

  for (const rule of pack.rules) {
    if (rule.scope === 'alert') {
      for (const { read } of reads) {
        for (const alert of read.subject.alerts) {
          attempt(
            rule,
            () => `alert "${alert.payload.alert}"`,
            alert.stack.name,
            alert.resource,
            () => rule.check(alert, context),
          );
        }
      }
    } else if (rule.scope === 'stack') {
      for (const { read } of reads)
        attempt(
          rule,
          () => `stack "${read.subject.stack.name}"`,
          read.subject.stack.name,
          undefined,
          () => rule.check(read.subject, context),
        );
    } else {
      for (const environment of environments.values()) {
        const first = environment.stacks[0]!.stack.name;
        attempt(
          rule,
          () => `environment "${environment.name}"`,
          first,
          undefined,
          () => rule.check(environment, context),
        );
      }
    }
  }

  const declared: DeclaredSuppression[] = [
    ...reads.flatMap(({ read }) => read.metadata.suppressions.map((value) => ({ value, origin: 'construct' as const, stack: read.subject.stack.name }))),
    ...pack.suppressions.map((value) => ({ value, origin: 'pack' as const })),
  ];
  const suppressionsPointer = pointerOf('//', 'signoz-alerts', 'suppressions');
  const fallbackStack = reads[0]?.input.name;
  const { active, suppressed } = applySuppressions(
    findings.sort(compareFindings),
    declared,
    run.today,
    new Set(pack.rules.map((r) => r.id)),
    pack.name,
    (check, d, path, message) => {
      const stackName = d.stack ?? reads.find(({ input }) => path === input.name || path.startsWith(`${input.name}/`))?.input.name ?? fallbackStack;
      const locator = stackName !== undefined ? locators.get(stackName) : undefined;
      const location = locator
        ? locator.locate(undefined, d.origin === 'construct' ? suppressionsPointer : undefined, path || undefined)
        : { environment: '', stack: '', constructPath: path, file: '' };
      return { ruleId: check.id, level: check.level, message, ...location };
    },
  );

  const sortedActive = active.sort(compareFindings);
  return {
    pack: pack.name,
    today: run.today,
    rules: [...pack.rules.map(descriptorOf), ...Object.values(ENGINE_CHECKS).map(descriptorOf)],
    findings: sortedActive,
    suppressed: suppressed.sort(compareFindings),
    summary: {
      stacks: reads.length,
      alerts: reads.reduce((n, { read }) => n + read.subject.alerts.length, 0),
      errors: sortedActive.filter((f) => f.level === 'error').length,
      warnings: sortedActive.filter((f) => f.level === 'warning').length,
      suppressed: suppressed.length,
    },
  };
}
