import { setStackMetadata, stackMetadataOf } from '../metadata/stack-metadata';
import { z } from 'zod';
import { Construct, Lazy, TerraformStack, Token, type IConstruct, type ITerraformDependable, type TerraformResource } from '../engine';
import { TerraformData } from '../model/terraform-data';
import type { ChannelKind, IChannelRef } from '../model/channel-ref';
import { PropsError } from '../model/props-error';
import { parseProps } from '../model/parse-props';
import { escapeTemplateSequences } from '../model/terraform-literal';
import type { IChannelBackend } from './channel-backend';
import type {
  ChannelConfig,
  EmailChannelConfig,
  GoogleChatChannelConfig,
  MsTeamsChannelConfig,
  OpsgenieChannelConfig,
  PagerDutyChannelConfig,
  ReceiverConfig,
  SlackChannelConfig,
  WebhookChannelConfig,
} from './channel-config';
import { channelConfigSchema, receiverConfigsSchema } from './channel-config-schema';
import { addChannelDriftCheck } from './channel-drift-check';
import { buildReceiver, buildReceiverFromConfigs, redactedReceiver, type ReceiverDocument } from './receiver-document';
import { RestapiChannelBackend } from './restapi-channel-backend';
import { addSecretPreconditions } from './secret-preconditions';
import type { SameShape } from '../model/type-equality';

const CHANNEL_MARKER = Symbol.for('cdktf-signoz-alerts.channel');

/** SigNoz channel names: printable, trimmed, up to 128 characters; `default-receiver` is reserved. */
const channelNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .refine((n) => !Token.isUnresolved(n), 'must be a literal name, not a Terraform token (rules reference channels by name at synth time)')
  .refine((n) => n === n.trim(), 'must not start or end with whitespace')
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'must not contain control characters')
  .refine((n) => n !== 'default-receiver', "'default-receiver' is reserved by SigNoz");

export interface NotificationChannelProps {
  /** Channel name in SigNoz, unique per organisation; rules and route policies use it. Renaming replaces the channel. */
  readonly name: string;
  /**
   * Where the channel delivers and how the message looks, for the kinds with typed settings.
   * Give either this or `receiverConfigs`. @default - none; `receiverConfigs` is required then
   */
  readonly config?: ChannelConfig;
  /**
   * The receiver's configs in Alertmanager's own terms, for any kind SigNoz accepts (Discord,
   * Telegram, Jira, legacy Teams, ...) and for settings the typed `config` has no field for; several
   * configs, also of different kinds, notify together. Give either this or `config`.
   * @default - none; `config` is required then
   */
  readonly receiverConfigs?: readonly ReceiverConfig[];
  /** How the channel reaches SigNoz. @default - RestapiChannelBackend (SigNoz REST API through the restapi provider) */
  readonly backend?: IChannelBackend;
  /** Warn in `terraform plan` when the channel was edited in SigNoz (when the backend supports it). @default true */
  readonly detectDrift?: boolean;
}

const propsSchema = z
  .strictObject({
    name: channelNameSchema,
    config: channelConfigSchema.optional(),
    receiverConfigs: receiverConfigsSchema.optional(),
    backend: z
      .custom<IChannelBackend>((b) => typeof b === 'object' && b !== null && typeof (b as IChannelBackend).manage === 'function', 'must implement IChannelBackend')
      .optional(),
    detectDrift: z.boolean().optional(),
  })
  .superRefine((props, ctx) => {
    if ((props.config === undefined) === (props.receiverConfigs === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [props.config === undefined ? 'config' : 'receiverConfigs'],
        message: 'give exactly one of config (typed settings of one kind) and receiverConfigs (Alertmanager configs of any kind)',
      });
    }
  });
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof propsSchema>, NotificationChannelProps>;

/** Props of the per-kind factories: the kind is implied. */
export type KindProps<C extends ChannelConfig> = Omit<NotificationChannelProps, 'config' | 'receiverConfigs'> & Omit<C, 'kind'>;

/** Props of {@link NotificationChannel.fromReceiverConfigs}: the receiver's configs, of any kind. */
export type ReceiverChannelProps = Omit<NotificationChannelProps, 'config' | 'receiverConfigs'> & { readonly receiverConfigs: readonly ReceiverConfig[] };

/** A channel managed elsewhere (UI, another stack), referenced by name. */
export class ImportedNotificationChannel extends Construct implements IChannelRef {
  readonly channelName: string;
  readonly kind?: ChannelKind;
  readonly dependable = undefined;

  constructor(scope: Construct, id: string, name: string, kind?: ChannelKind) {
    super(scope, id);
    this.channelName = parseProps(z.strictObject({ name: channelNameSchema }), { name }, 'NotificationChannel.fromName', this.node.path).name;
    this.kind = kind;
    Object.defineProperty(this, CHANNEL_MARKER, { value: 'imported' });
    assertUniqueName(this);
    // Recorded in cdk.tf.json, so checks that read the synthesized files know the channel exists.
    const imported = stackMetadataOf(this).importedChannels ?? {};
    imported[this.channelName] = kind ?? '';
    setStackMetadata(this, 'importedChannels', imported);
  }
}

/**
 * A SigNoz notification channel managed as code. Rules and route policies take it as an
 * {@link IChannelRef}: they reference it by name and depend on its resource, so Terraform creates
 * the channel before anything that names it.
 *
 * Secrets (webhook URLs, keys, passwords) are {@link Secret}s only; a literal is rejected.
 * Renaming replaces the channel, because SigNoz cannot rename one.
 */
export class NotificationChannel extends Construct implements IChannelRef {
  /** References a channel managed outside this app by its SigNoz name (nothing is created). */
  static fromName(scope: Construct, id: string, name: string, kind?: ChannelKind): ImportedNotificationChannel {
    return new ImportedNotificationChannel(scope, id, name, kind);
  }

  static slack(scope: Construct, id: string, props: KindProps<SlackChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'slack', props);
  }

  static webhook(scope: Construct, id: string, props: KindProps<WebhookChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'webhook', props);
  }

  static pagerDuty(scope: Construct, id: string, props: KindProps<PagerDutyChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'pagerduty', props);
  }

  static email(scope: Construct, id: string, props: KindProps<EmailChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'email', props);
  }

  static opsgenie(scope: Construct, id: string, props: KindProps<OpsgenieChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'opsgenie', props);
  }

  static msTeams(scope: Construct, id: string, props: KindProps<MsTeamsChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'msteamsv2', props);
  }

  static googleChat(scope: Construct, id: string, props: KindProps<GoogleChatChannelConfig>): NotificationChannel {
    return NotificationChannel.ofKind(scope, id, 'googlechat', props);
  }

  /**
   * A channel of any kind SigNoz accepts, given as Alertmanager receiver configs (snake_case fields
   * as SigNoz's channel API names them). Secret fields take {@link Secret}s only; unknown kinds and
   * fields are refused at synth.
   */
  static fromReceiverConfigs(scope: Construct, id: string, props: ReceiverChannelProps): NotificationChannel {
    return new NotificationChannel(scope, id, props);
  }

  private static ofKind(scope: Construct, id: string, kind: ChannelKind, props: KindProps<ChannelConfig>): NotificationChannel {
    const { name, backend, detectDrift, ...settings } = props;
    return new NotificationChannel(scope, id, { name, backend, detectDrift, config: { ...settings, kind } as ChannelConfig });
  }

  /** Whether `x` is a channel construct (managed or referenced by name). */
  static isChannel(x: unknown): x is NotificationChannel | ImportedNotificationChannel {
    return typeof x === 'object' && x !== null && CHANNEL_MARKER in x;
  }

  readonly channelName: string;
  readonly kind: ChannelKind;
  /** The resource that creates the channel. */
  readonly resource: TerraformResource;
  readonly dependable: ITerraformDependable;
  /** The receiver as sent to SigNoz, secrets as {@link Secret} leaves. */
  readonly receiver: ReceiverDocument;
  /** The backend that manages the channel. */
  readonly backendName: string;

  constructor(scope: Construct, id: string, props: NotificationChannelProps) {
    super(scope, id);
    const valid = parseProps(propsSchema, props, 'NotificationChannel', this.node.path);
    this.channelName = valid.name;
    this.receiver = valid.config !== undefined ? buildReceiver(valid.name, valid.config) : buildReceiverFromConfigs(valid.name, valid.receiverConfigs!);
    this.kind = this.receiver.kind;
    Object.defineProperty(this, CHANNEL_MARKER, { value: 'managed' });
    assertUniqueName(this);

    const backend = valid.backend ?? new RestapiChannelBackend();
    this.backendName = backend.name;
    const managed = backend.manage(this, { receiver: this.receiver });
    this.resource = managed.resource;
    this.dependable = managed.resource;

    // What a reviewer sees in the plan: the definition without secrets. Its name also keys replacement.
    const definition = new TerraformData(this, 'definition', {
      input: { kind: this.kind, name: escapeTemplateSequences(valid.name), settings: escapeDeep(redactedReceiver(this.receiver.body)) },
    });
    this.resource.addOverride('lifecycle.replace_triggered_by', [
      Lazy.stringValue({ produce: () => `${definition.terraformResourceType}.${definition.friendlyUniqueId}.input.name` }),
    ]);
    if (valid.config !== undefined) addSecretPreconditions(this.resource, valid.config);
    if ((valid.detectDrift ?? true) && managed.storedReceiverExpression !== undefined) {
      addChannelDriftCheck(this, { receiver: this.receiver, storedReceiverExpression: managed.storedReceiverExpression, resource: this.resource });
    }
  }
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplateSequences(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  }
  return value;
}

/** A managed channel's name is unique in its stack; referencing an external channel twice is fine. */
function assertUniqueName(channel: NotificationChannel | ImportedNotificationChannel): void {
  const managed = channel instanceof NotificationChannel;
  const clash = channelsIn(TerraformStack.of(channel)).find(
    (other) => other !== channel && other.channelName === channel.channelName && (managed || other instanceof NotificationChannel),
  );
  if (clash) {
    throw new PropsError(managed ? 'NotificationChannel' : 'NotificationChannel.fromName', channel.node.path, [
      {
        field: 'name',
        message: `'${channel.channelName}' is already used by the channel at '${clash.node.path}'; SigNoz channel names are unique per organisation`,
      },
    ]);
  }
}

/** Every channel construct (managed and referenced by name) under `scope`, in tree order. */
export function channelsIn(scope: IConstruct): (NotificationChannel | ImportedNotificationChannel)[] {
  return scope.node.findAll().filter(NotificationChannel.isChannel);
}
