import { AzurermBackend, CloudBackend, GcsBackend, LocalBackend, NamedCloudWorkspace, RemoteBackend, S3Backend, type TerraformBackend, type TerraformStack } from '../engine';
import type { StateBackendConfig } from './state-backend-config';

/** Where the state of `stackName` in `environment` goes by default: one object per stack. */
export function defaultStateKey(environment: string, stackName: string): string {
  return `signoz-alerts/${environment}/${stackName}.tfstate`;
}

/**
 * Configures `stack`'s state backend from a validated config. Every option locks: local (file
 * lock), S3 (lock file or DynamoDB), GCS and Azure (native), HCP Terraform (native).
 */
export function addStateBackend(stack: TerraformStack, config: StateBackendConfig, environment: string): TerraformBackend {
  const stackName = stack.node.id;
  switch (config.type) {
    case 'local':
      // Relative to cdktf.out/stacks/<stack>: the project root, where cdktf keeps local state, without an absolute path.
      return new LocalBackend(stack, { path: config.path ?? `../../../terraform.${stackName}.tfstate` });
    case 's3': {
      const backend = new S3Backend(stack, {
        bucket: config.bucket,
        region: config.region,
        key: config.key ?? defaultStateKey(environment, stackName),
        encrypt: config.encrypt ?? true,
        kmsKeyId: config.kmsKeyId,
        dynamodbTable: config.dynamodbTable,
        profile: config.profile,
        assumeRole: config.roleArn === undefined ? undefined : { roleArn: config.roleArn },
      });
      // cdktf 0.21 predates S3-native locking; the attribute is set directly.
      if (config.useLockfile === true) backend.addOverride('use_lockfile', true);
      return backend;
    }
    case 'gcs':
      return new GcsBackend(stack, {
        bucket: config.bucket,
        prefix: config.prefix ?? defaultStateKey(environment, stackName).replace(/\.tfstate$/, ''),
        impersonateServiceAccount: config.impersonateServiceAccount,
      });
    case 'azurerm':
      return new AzurermBackend(stack, {
        resourceGroupName: config.resourceGroupName,
        storageAccountName: config.storageAccountName,
        containerName: config.containerName,
        key: config.key ?? defaultStateKey(environment, stackName),
        useAzureadAuth: config.useAzureadAuth ?? true,
        useOidc: config.useOidc,
        subscriptionId: config.subscriptionId,
        tenantId: config.tenantId,
      });
    case 'cloud':
      return new CloudBackend(stack, {
        organization: config.organization,
        hostname: config.hostname,
        workspaces: new NamedCloudWorkspace(config.workspace, config.project),
      });
    case 'remote':
      return new RemoteBackend(stack, {
        organization: config.organization,
        hostname: config.hostname,
        workspaces: { name: config.workspace },
      });
  }
}
