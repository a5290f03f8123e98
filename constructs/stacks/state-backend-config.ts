import { z } from 'zod';
import type { SameShape } from '../model/type-equality';
import { isPlainObject } from '../util/json';

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

const CREDENTIAL_FIELDS = [
  'accessKey',
  'secretKey',
  'token',
  'sessionToken',
  'credentials',
  'accessToken',
  'encryptionKey',
  'sasToken',
  'clientSecret',
  'clientCertificatePassword',
  'oidcToken',
  'oidcRequestToken',
  'password',
  'sseCustomerKey',
];

const name = (what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .refine((v) => v === v.trim(), `${what} must not have surrounding spaces`);

const hostname = z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as app.terraform.io');

const schemas = [
  z.strictObject({ type: z.literal('local'), path: name('path').optional() }),
  z
    .strictObject({
      type: z.literal('s3'),
      bucket: name('bucket'),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1'),
      key: name('key').optional(),
      useLockfile: z.boolean().optional(),
      dynamodbTable: name('dynamodbTable').optional(),
      encrypt: z.boolean().optional(),
      kmsKeyId: name('kmsKeyId').optional(),
      roleArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN')
        .optional(),
      profile: name('profile').optional(),
    })
    .superRefine((b, ctx) => {
      if (b.useLockfile !== true && b.dynamodbTable === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['useLockfile'],
          message: "state locking is required: set useLockfile: true (S3-native locking, Terraform >= 1.10) or dynamodbTable: '<table>'",
        });
      }
    }),
  z.strictObject({
    type: z.literal('gcs'),
    bucket: name('bucket'),
    prefix: name('prefix').optional(),
    impersonateServiceAccount: z.email('must be a service-account e-mail').optional(),
  }),
  z.strictObject({
    type: z.literal('azurerm'),
    resourceGroupName: name('resourceGroupName'),
    storageAccountName: z.string().regex(/^[a-z0-9]{3,24}$/, 'must be 3-24 lower-case letters and digits'),
    containerName: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a valid blob container name (3-63 lower-case letters, digits, hyphens)'),
    key: name('key').optional(),
    useAzureadAuth: z.boolean().optional(),
    useOidc: z.boolean().optional(),
    subscriptionId: z.uuid('must be a subscription id (UUID)').optional(),
    tenantId: z.uuid('must be a tenant id (UUID)').optional(),
  }),
  z.strictObject({
    type: z.literal('cloud'),
    organization: name('organization'),
    workspace: name('workspace'),
    hostname: hostname.optional(),
    project: name('project').optional(),
  }),
  z.strictObject({ type: z.literal('remote'), organization: name('organization'), workspace: name('workspace'), hostname: hostname.optional() }),
] as const;

const backendUnion = z.discriminatedUnion('type', [...schemas], {
  error: (issue) => (issue.code === 'invalid_union' ? 'type must be one of local, s3, gcs, azurerm, cloud, remote' : undefined),
});
// The backend types and this schema are written twice; this fails to compile when they drift apart.
// (The preprocess step below takes `unknown`, so the check is on the union itself.)
true satisfies SameShape<z.input<typeof backendUnion>, StateBackendConfig>;

/** Schema of {@link StateBackendConfig}: refuses credentials and a backend without locking. */
export const stateBackendConfigSchema = z.preprocess(
  (value, ctx) => {
    if (isPlainObject(value)) {
      const found = CREDENTIAL_FIELDS.filter((f) => f in value);
      for (const field of found) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message:
            'credentials must not be written into the stack (they would be stored in cdktf.out); the backend reads them from the ' +
            'environment: AWS_ACCESS_KEY_ID/AWS_PROFILE, GOOGLE_APPLICATION_CREDENTIALS, ARM_CLIENT_ID/ARM_USE_OIDC, TF_TOKEN_<host>',
        });
      }
      // Reported above; drop them so they are not reported again as unknown fields.
      if (found.length > 0) return Object.fromEntries(Object.entries(value).filter(([k]) => !found.includes(k)));
    }
    return value;
  },
  backendUnion,
  // preprocess takes `unknown`; the props declare the union's input, which is what users must pass.
) as z.ZodType<z.output<typeof backendUnion>, z.input<typeof backendUnion>>;
