/**
 * Secrets the pipeline knows before any plan exists: the values Terraform gets from the environment.
 * A failed `terraform plan` or `init` can echo them in its error text, and there is no plan JSON then
 * to say which values are sensitive, so these are registered with the redactor up front.
 */
import { isCredentialFieldName, isSecretFieldName } from '../../constructs/model/secret-patterns';

const TF_VAR = 'TF_VAR_';

/**
 * Values to mask: `TF_VAR_<name>` for every variable a stack declares `sensitive` or whose name says
 * credential or URL (`*_token`, `*_key`, `*_url`), and any other variable whose name says credential
 * (`SIGNOZ_ACCESS_TOKEN`, `*_PASSWORD`, `*_SECRET`). Empty values are skipped.
 */
export function secretsFromEnvironment(env: Readonly<Record<string, string | undefined>>, sensitiveVariables: ReadonlySet<string> = new Set()): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (name.startsWith(TF_VAR)) {
      const variable = name.slice(TF_VAR.length);
      if (sensitiveVariables.has(variable) || isSecretFieldName(variable)) values.add(value);
    } else if (isCredentialFieldName(name)) {
      values.add(value);
    }
  }
  return [...values].sort();
}

/** Names of the variables a synthesized stack config declares `sensitive = true`. */
export function sensitiveVariablesOf(config: unknown): Set<string> {
  const names = new Set<string>();
  const variables = (config as { variable?: unknown } | null)?.variable;
  if (variables !== null && typeof variables === 'object') {
    for (const [name, declaration] of Object.entries(variables as Record<string, unknown>)) {
      if ((declaration as { sensitive?: unknown } | null)?.sensitive === true) names.add(name);
    }
  }
  return names;
}
