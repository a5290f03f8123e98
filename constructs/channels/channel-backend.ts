import type { Construct, TerraformResource } from '../engine';
import type { ReceiverDocument } from './receiver-document';

/** What a backend manages: one SigNoz notification channel. */
export interface ChannelBackendRequest {
  /** The receiver to create (its `name` is the channel name), secrets still as {@link Secret} leaves. */
  readonly receiver: ReceiverDocument;
}

/** What a backend created for one channel. */
export interface ChannelBackendResult {
  /** The resource that creates the channel; rules and route policies that use it depend on it. */
  readonly resource: TerraformResource;
  /**
   * Terraform expression (without `${}`) of the receiver as SigNoz stores it, decoded to an object,
   * when the backend can read it but cannot itself report edits made in SigNoz. The channel then
   * adds a drift check comparing it with the definition. Omit it when the backend detects drift.
   */
  readonly storedReceiverExpression?: string;
}

/**
 * How notification channels reach SigNoz. Today: {@link RestapiChannelBackend} (SigNoz's REST API
 * through Mastercard's restapi provider). When the SigNoz provider ships a channel resource, a
 * backend for it replaces this one without changing `NotificationChannel`'s props.
 */
export interface IChannelBackend {
  /** Short name for reports, e.g. 'restapi'. */
  readonly name: string;
  /** Creates, under `scope`, the resources that manage the channel. */
  manage(scope: Construct, request: ChannelBackendRequest): ChannelBackendResult;
}
