/**
 * The machine-readable plan that `terraform show -json <planfile>` prints (format 1.x). Only the
 * fields this toolkit reads are typed; unknown properties are kept and ignored, as the format's
 * compatibility promise asks (a minor version bump only adds properties). Files are read by
 * `readPlanFile` (plan-file.ts), which streams them.
 */
import { parseJsonInput } from '../../constructs/util/parse-input';
import { z } from 'zod';
import type { SameShape } from '../../constructs/model/type-equality';
import { PipelineInputError } from '../errors';

/** The major format version this toolkit reads. A new major version is incompatible by definition. */
export const SUPPORTED_PLAN_FORMAT_MAJOR = 1;

const changeSchema = z.looseObject({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.looseObject({ id: z.string().optional() }).nullable().optional(),
});

const resourceChangeSchema = z.looseObject({
  address: z.string().min(1),
  previous_address: z.string().optional(),
  module_address: z.string().optional(),
  mode: z.string().optional(),
  type: z.string().min(1),
  name: z.string().optional(),
  index: z.unknown().optional(),
  provider_name: z.string().optional(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change: changeSchema,
});

const planSchema = z.looseObject({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  variables: z.record(z.string(), z.looseObject({ value: z.unknown().optional() })).optional(),
  resource_changes: z.array(resourceChangeSchema).nullable().optional(),
  resource_drift: z.array(resourceChangeSchema).nullable().optional(),
  output_changes: z.record(z.string(), changeSchema).nullable().optional(),
  configuration: z.unknown().optional(),
  applyable: z.boolean().optional(),
  complete: z.boolean().optional(),
  errored: z.boolean().optional(),
});

/** One change of a plan (`change` of a resource change, or an output change); properties not listed are kept. */
export interface PlanChange {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: (string | number)[][] | undefined;
  importing?: { id?: string | undefined; [key: string]: unknown } | null | undefined;
  [key: string]: unknown;
}

/** One entry of `resource_changes` / `resource_drift`; properties not listed are kept. */
export interface ResourceChange {
  address: string;
  previous_address?: string | undefined;
  module_address?: string | undefined;
  mode?: string | undefined;
  type: string;
  name?: string | undefined;
  index?: unknown;
  provider_name?: string | undefined;
  deposed?: string | undefined;
  action_reason?: string | undefined;
  change: PlanChange;
  [key: string]: unknown;
}

// The plain types are written twice (the public declarations carry no zod types); these fail to compile when they drift apart.
true satisfies SameShape<z.infer<typeof changeSchema>, PlanChange>;
true satisfies SameShape<z.infer<typeof resourceChangeSchema>, ResourceChange>;

/** A parsed plan with the optional arrays defaulted to empty, ready for the summary and the guards. */
export interface TerraformPlan {
  readonly formatVersion: string;
  readonly terraformVersion: string | undefined;
  readonly resourceChanges: readonly ResourceChange[];
  readonly resourceDrift: readonly ResourceChange[];
  readonly outputChanges: Readonly<Record<string, PlanChange>>;
  /** Input variable values as Terraform recorded them (sensitive ones in clear text). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Names of the root module's variables declared `sensitive = true`. */
  readonly sensitiveVariables: ReadonlySet<string>;
  readonly applyable: boolean | undefined;
  readonly complete: boolean | undefined;
  readonly errored: boolean | undefined;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function sensitiveVariableNames(configuration: unknown): Set<string> {
  const names = new Set<string>();
  const variables = (configuration as { root_module?: { variables?: Record<string, { sensitive?: unknown }> } } | undefined)?.root_module?.variables;
  if (variables && typeof variables === 'object') {
    for (const [name, declaration] of Object.entries(variables)) {
      if (declaration && declaration.sensitive === true) names.add(name);
    }
  }
  return names;
}

/** Checks `format_version`: 1.x is read; an older or newer major is refused, saying which and what to do. */
function checkFormatVersion(raw: Record<string, unknown>, source: string): void {
  const version = raw.format_version;
  if (version === undefined) {
    const hint =
      'resource_changes' in raw || 'planned_values' in raw
        ? 'it looks like a plan but carries no format_version'
        : 'values' in raw
          ? 'it looks like a state file (`terraform show -json` without a plan file)'
          : 'it is not a plan document';
    throw new PipelineInputError(
      `missing "format_version" (${hint}). Expected the output of \`terraform show -json <planfile>\` (plan format 1.x).`,
      { file: source },
      'plan JSON',
    );
  }
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!match) {
    throw new PipelineInputError(`must look like "1.2", got ${JSON.stringify(version)}.`, { file: source }, 'plan JSON', 'format_version');
  }
  if (Number(match[1]) < SUPPORTED_PLAN_FORMAT_MAJOR) {
    throw new PipelineInputError(
      `plan format_version ${String(version)} is older than this tool reads (format ${SUPPORTED_PLAN_FORMAT_MAJOR}.x, written by Terraform 1.0 and later; ` +
        `0.x came from Terraform 0.12 to 0.15). Make the plan again with Terraform 1.x.`,
      { file: source },
      'plan JSON',
    );
  }
  if (Number(match[1]) !== SUPPORTED_PLAN_FORMAT_MAJOR) {
    throw new PipelineInputError(
      `plan format_version ${String(version)} is not supported; this tool reads format ${SUPPORTED_PLAN_FORMAT_MAJOR}.x ` +
        `(Terraform 1.x \`terraform show -json\`). A new major format version is incompatible by design: upgrade signoz-alerts.`,
      { file: source },
      'plan JSON',
    );
  }
}

/** Parses the text of a `terraform show -json` plan; `source` names the input in error messages. */
export function parsePlanJson(text: string, source: string): TerraformPlan {
  const read = parseJsonInput(text);
  if ('error' in read) throw notJsonError(read.error, text.trimStart().split('\n', 1)[0] ?? '', source);
  return planFromObject(read.value, source);
}

/**
 * The error for input that is not JSON: `reason` says where (never quoting the input, which may
 * hold a secret); `firstLine` gives a hint when it is Terraform's log stream.
 */
export function notJsonError(reason: string, firstLine: string, source: string): PipelineInputError {
  const streamHint = /^\{"@level"/.test(firstLine.trimStart())
    ? ' It looks like the log stream of `terraform plan -json`; save the plan with `-out` and run `terraform show -json <planfile>` instead.'
    : '';
  return new PipelineInputError(`${reason}.${streamHint}`, { file: source }, 'plan JSON');
}

/** Checks a parsed plan document (format version, shape) and reads the fields this toolkit uses. */
export function planFromObject(raw: unknown, source: string): TerraformPlan {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PipelineInputError('expected a JSON object from `terraform show -json <planfile>`.', { file: source }, 'plan JSON');
  }
  checkFormatVersion(raw as Record<string, unknown>, source);
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineInputError(`${issue.message}.`, { file: source }, 'plan JSON', formatIssuePath(issue.path));
  }
  const plan = parsed.data;
  const variables: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(plan.variables ?? {})) variables[name] = entry.value;
  return {
    formatVersion: plan.format_version,
    terraformVersion: plan.terraform_version,
    resourceChanges: plan.resource_changes ?? [],
    resourceDrift: plan.resource_drift ?? [],
    outputChanges: plan.output_changes ?? {},
    variables,
    sensitiveVariables: sensitiveVariableNames(plan.configuration),
    applyable: plan.applyable,
    complete: plan.complete,
    errored: plan.errored,
  };
}
