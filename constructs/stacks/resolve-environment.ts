/**
 * Which environment a synthesized stack deploys to, decided from the synthesized file alone so the
 * synth-time check, the `policy` command and `route` agree. In order:
 * 1. the pack option `environments` (stack name -> environment);
 * 2. the stack metadata `//.signoz-alerts.environment` (written by `setEnvironment(stack, ...)`);
 * 3. the `env` label when every alert of the stack carries the same one;
 * 4. a word of the stack name that names an environment (`alerts-prod` -> `prod`);
 * 5. otherwise the stack name itself (judged as neither production nor development).
 */
/** How stack names map to environments: the policy options of the same names. */
export interface EnvironmentNaming {
  /** Stack name -> environment, set explicitly. */
  readonly environments: Readonly<Record<string, string>>;
  readonly productionEnvironments: readonly string[];
  readonly developmentEnvironments: readonly string[];
}

/** The environment names the policy pack knows by default. */
export const DEFAULT_ENVIRONMENT_NAMING = {
  environments: {},
  productionEnvironments: ['prod', 'production', 'prd'],
  developmentEnvironments: ['dev', 'development', 'local', 'sandbox'],
} as const satisfies EnvironmentNaming;

export type EnvironmentBasis = 'pack option' | 'stack metadata' | 'env label' | 'stack name' | 'default';

export interface ResolvedEnvironment {
  readonly name: string;
  readonly basis: EnvironmentBasis;
}

const OTHER_ENVIRONMENT_WORDS = ['staging', 'stage', 'stg', 'qa', 'test', 'uat', 'preprod'];

function words(stackName: string): string[] {
  return stackName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function resolveEnvironment(
  stackName: string,
  metadataEnvironment: unknown,
  alertEnvLabels: readonly (string | undefined)[],
  options: EnvironmentNaming = DEFAULT_ENVIRONMENT_NAMING,
): ResolvedEnvironment {
  const configured = options.environments[stackName];
  if (configured) return { name: configured, basis: 'pack option' };
  if (typeof metadataEnvironment === 'string' && metadataEnvironment !== '') return { name: metadataEnvironment, basis: 'stack metadata' };
  const labels = new Set(alertEnvLabels);
  if (alertEnvLabels.length > 0 && labels.size === 1) {
    const [only] = labels;
    if (only) return { name: only, basis: 'env label' };
  }
  const known = new Set([...options.productionEnvironments, ...options.developmentEnvironments, ...OTHER_ENVIRONMENT_WORDS]);
  const word = words(stackName).find((w) => known.has(w));
  if (word) return { name: word, basis: 'stack name' };
  return { name: stackName, basis: 'default' };
}
