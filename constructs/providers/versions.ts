/**
 * Exact versions every stack pins. Bump them together with `provider-schema/` (and the generated
 * bindings) and re-run the tests; nothing else in the project names a version.
 */
export const TERRAFORM_VERSION = '1.11.4';

export const SIGNOZ_PROVIDER = { name: 'signoz', source: 'signoz/signoz', version: '0.0.17' } as const;

/** Mastercard's generic REST provider, used for notification channels until SigNoz's provider manages them. */
export const RESTAPI_PROVIDER = { name: 'restapi', source: 'Mastercard/restapi', version: '3.0.0' } as const;

/**
 * Environment that every `terraform plan`/`apply` of a stack with restapi-managed channels needs.
 * restapi 3.0.0 marks `api_response`, `api_data`, `create_response` and `data` sensitive only when
 * this is set; SigNoz returns channel secrets in its responses, so without it a plan can print them.
 */
export const RESTAPI_REQUIRED_ENV: Readonly<Record<string, string>> = { API_DATA_IS_SENSITIVE: 'true' };

/** A Terraform version constraint that admits exactly `version`. */
export function exactly(version: string): string {
  return `= ${version}`;
}
