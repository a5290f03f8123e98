import { ObjectResource } from '../../.gen/providers/restapi/object-resource';
import type { Construct } from '../engine';
import { SignozProviders } from '../providers/signoz-providers';
import type { ChannelBackendRequest, ChannelBackendResult, IChannelBackend } from './channel-backend';
import { addMaskingCheck } from './masking-check';
import { CHANNELS_PATH } from './channel-api-path';
import { receiverTemplate } from './receiver-document';

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
 * - Every path and method is set explicitly so REST_API_* environment defaults cannot redirect it.
 * - SigNoz returns secrets in its responses; restapi marks its copies of them sensitive only with
 *   API_DATA_IS_SENSITIVE=true (see RESTAPI_REQUIRED_ENV); a check warns when that is missing.
 */
export class RestapiChannelBackend implements IChannelBackend {
  readonly name = 'restapi';

  manage(scope: Construct, request: ChannelBackendRequest): ChannelBackendResult {
    const itemPath = `${CHANNELS_PATH}/{id}`;
    const resource = new ObjectResource(scope, 'channel', {
      provider: SignozProviders.of(scope).restapi,
      path: CHANNELS_PATH,
      createPath: CHANNELS_PATH,
      readPath: itemPath,
      updatePath: itemPath,
      destroyPath: itemPath,
      createMethod: 'POST',
      readMethod: 'GET',
      updateMethod: 'PUT',
      destroyMethod: 'DELETE',
      idAttribute: 'data/id',
      data: receiverTemplate(request.receiver),
      ignoreServerAdditions: true,
      debug: false,
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
