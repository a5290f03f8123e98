import type { ChannelBackendRequest, ChannelBackendResult, IChannelBackend } from '../../constructs/channels/channel-backend';
import { addMaskingCheck } from '../../constructs/channels/masking-check';
import { receiverTemplate } from '../../constructs/channels/receiver-document';
import { TerraformStack, TerraformVariable, type Construct } from '../../constructs/engine';
import { TerraformData } from '../../constructs/model/terraform-data';

export const FAKE_SERVER_VARIABLE = 'fake_server_responses';

/**
 * Where the fake keeps the receiver body:
 * - 'input': updated in place, like restapi's `data`, but `terraform_data` also echoes it into the
 *   computed `output` without a sensitive mark, as restapi does with `api_response` when
 *   API_DATA_IS_SENSITIVE is not set;
 * - 'triggers_replace': a configuration-only attribute, so no unmarked copy exists, as with restapi
 *   run with API_DATA_IS_SENSITIVE=true (a change replaces the fake instead of updating it).
 */
export type FakeBodyAttribute = 'input' | 'triggers_replace';

/**
 * A channel backend for offline tests: the receiver goes into a built-in `terraform_data`
 * resource, and "what SigNoz stores" is read from a map variable of raw API responses keyed by
 * channel name, so real `terraform plan` runs can exercise masking, replacement and drift checks.
 */
export class TerraformDataChannelBackend implements IChannelBackend {
  readonly name = 'terraform-data';

  constructor(private readonly bodyAttribute: FakeBodyAttribute = 'input') {}

  manage(scope: Construct, request: ChannelBackendRequest): ChannelBackendResult {
    const stack = TerraformStack.of(scope);
    if (!stack.node.tryFindChild(FAKE_SERVER_VARIABLE)) {
      new TerraformVariable(stack, FAKE_SERVER_VARIABLE, { type: 'map(string)', default: {}, sensitive: true });
    }
    const body = receiverTemplate(request.receiver);
    // The typed config only takes objects; a JSON string is what restapi's `data` holds.
    const resource = new TerraformData(scope, 'channel');
    resource.addOverride(this.bodyAttribute, body);
    if (this.bodyAttribute === 'input') addMaskingCheck(scope, resource, 'output');
    return {
      resource,
      storedReceiverExpression: `jsondecode(jsondecode(var.${FAKE_SERVER_VARIABLE}[${JSON.stringify(request.receiver.name)}]).data.data)`,
    };
  }
}

/** The API response SigNoz gives for a channel whose stored receiver is `receiver`. */
export function fakeChannelResponse(receiver: unknown): string {
  return JSON.stringify({ status: 'success', data: { id: '0190a5c4-0000-7000-8000-000000000001', name: (receiver as { name: string }).name, data: JSON.stringify(receiver) } });
}
