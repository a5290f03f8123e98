/** Where a stack keeps its state, as a user writes it (the zod schema is in state-backend-config-schema.ts). */

/**
 * Where a stack keeps its Terraform state. Every option locks the state while Terraform runs.
 * Credentials never go here: each backend reads them from the environment (AWS_*, GOOGLE_*,
 * ARM_*, TF_TOKEN_<host>), so they never reach the synthesized files.
 */
export type StateBackendConfig = LocalStateBackend | S3StateBackend | GcsStateBackend | AzureStateBackend | CloudStateBackend | RemoteStateBackend;

/** A file next to the project (locked with a file lock). For development only. */
export interface LocalStateBackend {
  readonly type: 'local';
  /** State file path, relative to the stack's working directory (`cdktf.out/stacks/<stack>`). @default - `terraform.<stack>.tfstate` in the project root */
  readonly path?: string;
}

/** Amazon S3. Locking is required: S3-native lock files or a DynamoDB table. */
export interface S3StateBackend {
  readonly type: 's3';
  readonly bucket: string;
  readonly region: string;
  /** Object key. @default `signoz-alerts/<environment>/<stack>.tfstate` */
  readonly key?: string;
  /** S3-native locking (`use_lockfile`, Terraform >= 1.10). Set this or `dynamodbTable`. */
  readonly useLockfile?: boolean;
  /** DynamoDB table for locking (deprecated by Terraform in favour of `useLockfile`). */
  readonly dynamodbTable?: string;
  /** Server-side encryption. @default true */
  readonly encrypt?: boolean;
  /** KMS key for encryption. @default - the bucket's default */
  readonly kmsKeyId?: string;
  /** Role to assume for state access. @default - the ambient AWS identity */
  readonly roleArn?: string;
  /** Named AWS profile. @default - the ambient AWS configuration */
  readonly profile?: string;
}

/** Google Cloud Storage (locks natively). */
export interface GcsStateBackend {
  readonly type: 'gcs';
  readonly bucket: string;
  /** Object prefix. @default `signoz-alerts/<environment>/<stack>` */
  readonly prefix?: string;
  /** Service account to impersonate. @default - the ambient Google identity */
  readonly impersonateServiceAccount?: string;
}

/** Azure Blob Storage (locks with blob leases). */
export interface AzureStateBackend {
  readonly type: 'azurerm';
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** Blob name. @default `signoz-alerts/<environment>/<stack>.tfstate` */
  readonly key?: string;
  /** Authenticate to storage with Entra ID instead of account keys. @default true */
  readonly useAzureadAuth?: boolean;
  /** Use OIDC (e.g. GitHub Actions federation). @default false */
  readonly useOidc?: boolean;
  readonly subscriptionId?: string;
  readonly tenantId?: string;
}

/** HCP Terraform / Terraform Enterprise through the `cloud` block (locks natively). */
export interface CloudStateBackend {
  readonly type: 'cloud';
  readonly organization: string;
  /** Workspace name (one per stack). */
  readonly workspace: string;
  /** @default 'app.terraform.io' */
  readonly hostname?: string;
  /** HCP Terraform project of the workspace. @default - the organisation's default project */
  readonly project?: string;
}

/** HCP Terraform / Terraform Enterprise through the older `remote` backend (locks natively). */
export interface RemoteStateBackend {
  readonly type: 'remote';
  readonly organization: string;
  /** Workspace name (one per stack). */
  readonly workspace: string;
  /** @default 'app.terraform.io' */
  readonly hostname?: string;
}
