import { RestapiProvider } from '../../.gen/providers/restapi/provider';
import { SignozProvider } from '../../.gen/providers/signoz/provider';
import { Construct, TerraformStack, TerraformVariable, type IConstruct } from '../engine';
import { Secret } from '../secrets/secret';
import { streamStackOutput } from '../stacks/streaming-synth';
import { RESTAPI_PROVIDER, SIGNOZ_PROVIDER, exactly } from './versions';

const PROVIDERS_ID = 'signoz-providers';

/** Name of the sensitive variable that carries the SigNoz API key for the restapi provider. */
export const ACCESS_TOKEN_VARIABLE = 'signoz_access_token';
/** Name of the variable that carries the SigNoz base URL for the restapi provider. */
export const ENDPOINT_VARIABLE = 'signoz_endpoint';

/**
 * The providers a stack talks to SigNoz through, one set per stack.
 *
 * - `signoz` (pinned exactly) with no credentials in the configuration: it reads SIGNOZ_ENDPOINT and
 *   SIGNOZ_ACCESS_TOKEN from the environment.
 * - `restapi` (pinned exactly), created only when a channel needs it: its base URL and its
 *   `SIGNOZ-API-KEY` header come from the variables `signoz_endpoint` and (sensitive)
 *   `signoz_access_token`, i.e. TF_VAR_signoz_endpoint / TF_VAR_signoz_access_token, because
 *   Terraform cannot hand the provider an arbitrary environment variable. See
 *   {@link terraformEnvironment} for deriving them from SIGNOZ_*.
 */
export class SignozProviders extends Construct {
  /** The providers of the stack that holds `scope`, created on first use. */
  static of(scope: IConstruct): SignozProviders {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(PROVIDERS_ID);
    if (existing instanceof SignozProviders) return existing;
    return new SignozProviders(stack);
  }

  /** The `signoz` provider (credentials from SIGNOZ_ENDPOINT / SIGNOZ_ACCESS_TOKEN). */
  readonly signoz: SignozProvider;
  private restapiProvider?: RestapiProvider;
  private readonly stack: TerraformStack;

  private constructor(stack: TerraformStack) {
    super(stack, PROVIDERS_ID);
    this.stack = stack;
    // Every stack with toolkit resources has these providers: its file is written in chunks, not as one string.
    streamStackOutput(stack);
    this.signoz = new SignozProvider(this, 'signoz', {});
    pinProvider(stack, SIGNOZ_PROVIDER);
  }

  /** The `restapi` provider configured for SigNoz's REST API, created on first use. */
  get restapi(): RestapiProvider {
    if (this.restapiProvider) return this.restapiProvider;
    const token = Secret.fromVariable(this.stack, ACCESS_TOKEN_VARIABLE, {
      description: 'SigNoz API key (Admin role) used to manage notification channels. Set TF_VAR_signoz_access_token.',
    });
    const endpoint = new TerraformVariable(this.stack, `var-${ENDPOINT_VARIABLE}`, {
      type: 'string',
      nullable: false,
      description: 'SigNoz base URL, e.g. https://signoz.example.com. Set TF_VAR_signoz_endpoint (same value as SIGNOZ_ENDPOINT).',
      validation: [
        {
          condition: `\${can(regex("^https?://[^/]", var.${ENDPOINT_VARIABLE}))}`,
          errorMessage: `Variable ${ENDPOINT_VARIABLE} must be an http(s) URL such as https://signoz.example.com.`,
        },
      ],
    });
    endpoint.overrideLogicalId(ENDPOINT_VARIABLE);
    this.restapiProvider = new RestapiProvider(this, 'restapi', {
      uri: `\${trimsuffix(var.${ENDPOINT_VARIABLE}, "/")}`,
      // SigNoz answers POST /api/v1/channels with the created channel; its id is read from it.
      createReturnsObject: true,
      // PUT answers 204 without a body; the object is read back instead.
      writeReturnsObject: false,
      idAttribute: 'data/id',
      // The channel resources leave methods, id attribute and debug unset (an imported restapi_object
      // has them unset too, see RestapiChannelBackend): they come from here. Explicit, so
      // REST_API_*_METHOD, REST_API_ID_ATTRIBUTE, REST_API_DEBUG or REST_API_INSECURE in the environment
      // cannot redirect requests, print bodies (secrets) or skip TLS checks.
      createMethod: 'POST',
      readMethod: 'GET',
      updateMethod: 'PUT',
      destroyMethod: 'DELETE',
      debug: false,
      insecure: false,
    });
    // Set through an override: cdktf would snake_case the header name inside the typed map.
    this.restapiProvider.addOverride('headers', { 'SIGNOZ-API-KEY': token.value });
    pinProvider(this.stack, RESTAPI_PROVIDER);
    return this.restapiProvider;
  }

  /** Whether a channel in this stack created the restapi provider. */
  get hasRestapi(): boolean {
    return this.restapiProvider !== undefined;
  }
}

function pinProvider(stack: TerraformStack, provider: { name: string; source: string; version: string }): void {
  stack.addOverride(`terraform.required_providers.${provider.name}`, { source: provider.source, version: exactly(provider.version) });
}

/**
 * Environment additions for running `terraform`/`cdktf deploy` on stacks with restapi-managed
 * channels, derived from the SIGNOZ_* variables a user already sets. Existing TF_VAR_* values win.
 * Callers merge it into the child process environment; it holds the token, so never print it.
 */
export function terraformEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = { API_DATA_IS_SENSITIVE: 'true' };
  const endpoint = env[`TF_VAR_${ENDPOINT_VARIABLE}`] ?? env.SIGNOZ_ENDPOINT;
  const token = env[`TF_VAR_${ACCESS_TOKEN_VARIABLE}`] ?? env.SIGNOZ_ACCESS_TOKEN;
  if (endpoint !== undefined) out[`TF_VAR_${ENDPOINT_VARIABLE}`] = endpoint;
  if (token !== undefined) out[`TF_VAR_${ACCESS_TOKEN_VARIABLE}`] = token;
  return out;
}
