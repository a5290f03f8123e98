/**
 * The zod schema of `StateBackendConfig`. Internal: the types in state-backend-config.ts are the
 * public truth, and this schema is held to them at compile time.
 */
import { z } from 'zod';
import type { SameShape } from '../model/type-equality';
import { isPlainObject } from '../util/json';
import type { StateBackendConfig } from './state-backend-config';

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
