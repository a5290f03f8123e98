import { ObjectResource } from '../../.gen/providers/restapi/object-resource';
import type { Construct } from '../engine';
import { SignozProviders } from '../providers/signoz-providers';
import type { ChannelBackendRequest, ChannelBackendResult, IChannelBackend } from './channel-backend';
import { addMaskingCheck } from './masking-check';
import { CHANNELS_PATH } from './channel-api-path';
import { receiverTemplate } from './receiver-document';

/**
 * The id `terraform import` (or an import block) takes for the channel with SigNoz id `channelId`.
 * restapi 3.0.0 splits it at the last `/`: the part before becomes the object's `path`, the rest
 * its `object_id` (and `id`), so the path part must equal the `path` this backend configures.
 */
export function restapiChannelImportId(channelId: string): string {
  return `${CHANNELS_PATH}/${channelId}`;
}

/**
 * Manages a channel through SigNoz's `/api/v1/channels` API with a `restapi_object`.
 *
 * - Create: POST the receiver; SigNoz answers 201 `{status, data: {id, ...}}`, the id is read from
 *   `data/id` (the provider is configured with `create_returns_object`).
 * - Read: GET `/api/v1/channels/{id}` (same envelope); a 404 drops the channel from state, so a
 *   channel deleted in the UI is created again on the next apply.
 * - Update: PUT the full receiver (204, then a read). Delete: DELETE (204; 404 counts as done).
 * - Drift: SigNoz returns the receiver as a JSON *string* inside the envelope, with defaults filled
 *   in, so no restapi setting can compare it with `data`. `ignore_server_additions` keeps `data` as
 *   last applied (no perpetual diff); edits made in SigNoz are reported by the channel's drift check,
 *   which decodes `api_response` (see {@link ChannelBackendResult.storedReceiverExpression}).
 * - The resource sets only `path`, `data` and the two settings restapi has no provider-level form
 *   of (`ignore_server_additions`, `force_new`). Everything else is left unset, as an imported
 *   object has it: the item paths default to `path/{id}`, and the methods, `id_attribute` and
 *   `debug` come from the provider block, which sets them explicitly so REST_API_* environment
 *   defaults cannot redirect requests or print bodies. A channel adopted with
 *   `restapiChannelImportId` therefore differs from the code on its first plan only where
 *   restapi's import cannot match any configuration: `data` (the import stores the whole GET
 *   answer), `debug` (the import turns it on; the code leaves it off), `object_id` (set by the
 *   import only) and the two settings above (unset by the import). That is one in-place update,
 *   which PUTs the same receiver; docs/import.md explains it.
 * - SigNoz returns secrets in its responses; restapi marks its copies of them sensitive only with
 *   API_DATA_IS_SENSITIVE=true (see RESTAPI_REQUIRED_ENV); a check warns when that is missing.
 */
export class RestapiChannelBackend implements IChannelBackend {
  readonly name = 'restapi';

  manage(scope: Construct, request: ChannelBackendRequest): ChannelBackendResult {
    const resource = new ObjectResource(scope, 'channel', {
      provider: SignozProviders.of(scope).restapi,
      path: CHANNELS_PATH,
      data: receiverTemplate(request.receiver),
      ignoreServerAdditions: true,
      // SigNoz refuses to rename a channel ("cannot update channel name"): a new name is a new channel.
      forceNew: ['name'],
    });
    // create_response keeps its prior value in update plans, so this check has a known answer exactly when a leak could happen.
    addMaskingCheck(scope, resource, 'create_response');
    return {
      resource,
      storedReceiverExpression: `jsondecode(jsondecode(sensitive(${resource.terraformResourceType}.${resource.friendlyUniqueId}.api_response)).data.data)`,
    };
  }
}
