import { Lazy, TerraformStack, type Construct, type TerraformResource } from '../engine';

/**
 * Adds a `check` that warns when `attribute` of `resource`, a computed copy of the channel body,
 * is not marked sensitive. restapi marks its copies (`api_response`, `create_response`, ...) only
 * when API_DATA_IS_SENSITIVE=true is in its environment; without it, update plans print secrets.
 * The condition reads the whole resource object so a failure never prints the attribute's value.
 */
export function addMaskingCheck(scope: Construct, resource: TerraformResource, attribute: string): void {
  const address = Lazy.stringValue({ produce: () => `${resource.terraformResourceType}.${resource.friendlyUniqueId}` });
  TerraformStack.of(scope).addOverride(`check.${resource.friendlyUniqueId}_masked`, {
    assert: [
      {
        condition: `\${issensitive(lookup(${address}, "${attribute}", null))}`,
        error_message:
          'The restapi provider runs without API_DATA_IS_SENSITIVE=true, so plans can print notification-channel secrets ' +
          '(webhook URLs, keys) in clear text. Set API_DATA_IS_SENSITIVE=true for every terraform/cdktf run and rotate any secret a plan printed.',
      },
    ],
  });
}
