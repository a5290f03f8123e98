/**
 * The closing lines of `npm start`: how to deploy what was just synthesized, read from the
 * synthesized stacks themselves (every `variable` they declare, the providers they configure), and
 * what the policy pack suppressed, with the recorded reasons. Values are never printed.
 */
import type { SynthesizedStack } from '../constructs/codecs/synth-output';
import { isPlainObject } from '../constructs/util/json';
import type { Finding, PolicyReport } from '../policies/finding';

/** The variables the provider configuration reads; derived from the SIGNOZ_* variables the signoz provider reads itself. */
const DERIVED: Readonly<Record<string, string>> = { signoz_endpoint: '"$SIGNOZ_ENDPOINT"', signoz_access_token: '"$SIGNOZ_ACCESS_TOKEN"' };

interface DeclaredVariable {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly stacks: string[];
}

/** Every Terraform variable the stacks declare, by name, with the stacks that need it. */
export function declaredVariables(stacks: readonly SynthesizedStack[]): DeclaredVariable[] {
  const byName = new Map<string, DeclaredVariable>();
  for (const stack of stacks) {
    const variables = isPlainObject(stack.document.variable) ? stack.document.variable : {};
    for (const [name, block] of Object.entries(variables)) {
      const spec = isPlainObject(block) ? block : {};
      const known = byName.get(name);
      if (known) {
        known.stacks.push(stack.name);
        continue;
      }
      byName.set(name, { name, description: typeof spec.description === 'string' ? spec.description : '', required: !('default' in spec), stacks: [stack.name] });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function providers(stacks: readonly SynthesizedStack[]): Set<string> {
  return new Set(stacks.flatMap((stack) => (isPlainObject(stack.document.provider) ? Object.keys(stack.document.provider) : [])));
}

/** Shell lines that set everything the stacks need, then the deploy command; placeholders (`...`) where a secret goes. */
export function deployRecipe(stacks: readonly SynthesizedStack[]): string[] {
  const names = stacks.map((s) => s.name);
  const all = (variable: DeclaredVariable): string => (variable.stacks.length === stacks.length ? 'every stack' : variable.stacks.join(', '));
  const used = providers(stacks);
  const variables = declaredVariables(stacks);
  const lines: string[] = [];
  if (used.has('signoz')) lines.push('export SIGNOZ_ENDPOINT=https://signoz.example.com SIGNOZ_ACCESS_TOKEN=...   # the signoz provider reads these itself (an Admin API key)');
  const derived = variables.filter((v) => DERIVED[v.name] !== undefined);
  if (derived.length > 0) {
    lines.push(`export ${derived.map((v) => `TF_VAR_${v.name}=${DERIVED[v.name]}`).join(' ')}   # the same values, for the provider configuration (${all(derived[0]!)})`);
  }
  if (used.has('restapi')) lines.push('export API_DATA_IS_SENSITIVE=true   # required: the restapi provider then masks channel responses (which hold secrets) in plans');
  for (const variable of variables.filter((v) => DERIVED[v.name] === undefined)) {
    const about = [variable.description, variable.required ? '' : 'optional', all(variable)].filter(Boolean).join('; ');
    lines.push(`export TF_VAR_${variable.name}=...   # ${about}`);
  }
  if (names.length > 0) lines.push(`npx cdktf deploy ${names[0]}   # or any of: ${names.join(', ')}`);
  return lines;
}

/** `shop-dev/checkout/cpu/Resource` -> `checkout/cpu` (the stack is named once per group). */
function shortPath(finding: Finding): string {
  const inStack = finding.constructPath.startsWith(`${finding.stack}/`) ? finding.constructPath.slice(finding.stack.length + 1) : finding.constructPath;
  return inStack.replace(/\/Resource$/, '');
}

/**
 * What the pack suppressed, one line per rule, stack and reason, the alerts listed under it; a
 * reader sees why 24 findings did not fail the run without opening a report.
 */
export function suppressionLines(report: PolicyReport): string[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of report.suppressed) {
    const s = finding.suppressedBy!;
    const key = JSON.stringify([finding.ruleId, finding.stack, s.reason, s.owner ?? '', s.expires ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const lines: string[] = [];
  for (const [key, findings] of groups) {
    const [ruleId, stack, reason, owner, expires] = JSON.parse(key) as string[];
    const extra = [owner ? `owner ${owner}` : '', expires ? `until ${expires}` : ''].filter(Boolean).join(', ');
    lines.push(`[${ruleId}] ${stack}, ${findings.length} finding${findings.length === 1 ? '' : 's'}: "${reason}"${extra ? ` (${extra})` : ''}`);
    lines.push(`    ${findings.map(shortPath).join(', ')}`);
  }
  return lines;
}
