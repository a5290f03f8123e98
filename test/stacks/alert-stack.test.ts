import { AlertRule, MetricsQuery } from '../../constructs/alerts';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { Testing } from '../../constructs/engine';
import { Secret } from '../../constructs/secrets/secret';
import { AlertStack } from '../../constructs/stacks/alert-stack';
import type { EnvironmentSettings } from '../../constructs/stacks/environment-settings';
import { synth, withoutMetadata } from '../support/synth';

/**
 * cdktf's cloud block adds a synth-time check that runs the `terraform` binary (HCP Terraform users
 * always have it); these stacks are synthesized without construct validations so the test also runs
 * where Terraform is not installed.
 */
const synthCloud = (stack: AlertStack) => JSON.parse(Testing.synth(stack, false));

function stackFor(environment: EnvironmentSettings, id = 'payments-prod'): AlertStack {
  return new AlertStack(Testing.app(), id, { environment });
}

function errorFor(environment: unknown): string {
  try {
    stackFor(environment as EnvironmentSettings);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('AlertStack', () => {
  it('pins Terraform and the signoz provider exactly, with no credentials in the file', () => {
    const json = synth(stackFor({ name: 'prod' }));
    expect(json.terraform.required_version).toBe('= 1.11.4');
    expect(json.terraform.required_providers).toEqual({ signoz: { source: 'signoz/signoz', version: '= 0.0.17' } });
    expect(json.provider).toEqual({ signoz: [{}] });
  });

  it('pins and configures restapi once a channel needs it, reading the token from a sensitive variable', () => {
    const stack = stackFor({ name: 'prod' });
    NotificationChannel.slack(stack, 'ops', { name: 'ops', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url') });
    NotificationChannel.email(stack, 'mail', { name: 'mail', to: ['sre@example.com'] });
    const json = synth(stack);
    expect(json.terraform.required_providers.restapi).toEqual({ source: 'Mastercard/restapi', version: '= 3.0.0' });
    expect(json.provider.restapi).toEqual([
      {
        uri: '${trimsuffix(var.signoz_endpoint, "/")}',
        headers: { 'SIGNOZ-API-KEY': '${var.signoz_access_token}' },
        create_returns_object: true,
        write_returns_object: false,
        id_attribute: 'data/id',
        create_method: 'POST',
        read_method: 'GET',
        update_method: 'PUT',
        destroy_method: 'DELETE',
        debug: false,
        insecure: false,
      },
    ]);
    expect(json.variable.signoz_access_token).toMatchObject({ sensitive: true, type: 'string', nullable: false });
    expect(json.variable.signoz_endpoint.sensitive).toBeUndefined();
    expect(json.provider.signoz).toEqual([{}]);
  });

  it('takes an exact Terraform version from the environment settings', () => {
    expect(synth(stackFor({ name: 'dev', terraformVersion: '1.13.3' })).terraform.required_version).toBe('= 1.13.3');
  });

  describe('state backends (all locking)', () => {
    it('local by default, relative to the stack directory (no absolute paths)', () => {
      expect(synth(stackFor({ name: 'dev' })).terraform.backend).toEqual({ local: { path: '../../../terraform.payments-prod.tfstate' } });
      expect(synth(stackFor({ name: 'dev', backend: { type: 'local', path: 'state/dev.tfstate' } })).terraform.backend).toEqual({
        local: { path: 'state/dev.tfstate' },
      });
    });

    it('s3 with S3-native lock files, encrypted, one key per environment and stack', () => {
      const json = synth(stackFor({ name: 'prod', backend: { type: 's3', bucket: 'acme-tfstate', region: 'eu-west-1', useLockfile: true } }));
      expect(json.terraform.backend).toEqual({
        s3: { bucket: 'acme-tfstate', region: 'eu-west-1', key: 'signoz-alerts/prod/payments-prod.tfstate', encrypt: true, use_lockfile: true },
      });
    });

    it('s3 with a DynamoDB lock table and an assumed role', () => {
      const json = synth(
        stackFor({
          name: 'prod',
          backend: { type: 's3', bucket: 'b', region: 'us-east-1', key: 'custom.tfstate', dynamodbTable: 'tf-locks', roleArn: 'arn:aws:iam::123456789012:role/tf' },
        }),
      );
      expect(json.terraform.backend).toEqual({
        s3: { bucket: 'b', region: 'us-east-1', key: 'custom.tfstate', encrypt: true, dynamodb_table: 'tf-locks', assume_role: { role_arn: 'arn:aws:iam::123456789012:role/tf' } },
      });
    });

    it('gcs', () => {
      expect(synth(stackFor({ name: 'staging', backend: { type: 'gcs', bucket: 'acme-tf' } })).terraform.backend).toEqual({
        gcs: { bucket: 'acme-tf', prefix: 'signoz-alerts/staging/payments-prod' },
      });
    });

    it('azurerm with Entra ID auth by default', () => {
      expect(
        synth(stackFor({ name: 'prod', backend: { type: 'azurerm', resourceGroupName: 'rg-tf', storageAccountName: 'acmetfstate', containerName: 'tfstate' } })).terraform.backend,
      ).toEqual({
        azurerm: {
          resource_group_name: 'rg-tf',
          storage_account_name: 'acmetfstate',
          container_name: 'tfstate',
          key: 'signoz-alerts/prod/payments-prod.tfstate',
          use_azuread_auth: true,
        },
      });
    });

    it('HCP Terraform through the cloud block, and through the remote backend', () => {
      expect(synthCloud(stackFor({ name: 'prod', backend: { type: 'cloud', organization: 'acme', workspace: 'signoz-prod', project: 'observability' } })).terraform.cloud).toEqual({
        organization: 'acme',
        workspaces: { name: 'signoz-prod', project: 'observability' },
      });
      expect(synth(stackFor({ name: 'prod', backend: { type: 'remote', organization: 'acme', workspace: 'signoz-prod', hostname: 'tfe.acme.io' } })).terraform.backend).toEqual({
        remote: { organization: 'acme', hostname: 'tfe.acme.io', workspaces: { name: 'signoz-prod' } },
      });
    });

    it('synthesizes the reviewed snapshot for every backend', () => {
      const backends: EnvironmentSettings['backend'][] = [
        undefined,
        { type: 's3', bucket: 'b', region: 'eu-west-1', useLockfile: true },
        { type: 'gcs', bucket: 'b' },
        { type: 'azurerm', resourceGroupName: 'rg', storageAccountName: 'acct', containerName: 'state' },
        { type: 'cloud', organization: 'acme', workspace: 'w' },
        { type: 'remote', organization: 'acme', workspace: 'w' },
      ];
      expect(backends.map((backend) => withoutMetadata((backend?.type === 'cloud' ? synthCloud : synth)(stackFor({ name: 'prod', backend })).terraform))).toMatchSnapshot();
    });
  });

  describe('settings errors', () => {
    it.each([
      [{ name: 'Prod' }, "environment.name: must be lower-case letters, digits and '-', starting with a letter (at most 32), e.g. 'prod'"],
      [{ name: 'prod', terraformVersion: '~> 1.11' }, "environment.terraformVersion: must be an exact version such as '1.11.4' (every stack pins Terraform exactly)"],
      [
        { name: 'prod', bakend: { type: 's3' } },
        'environment: unknown option "bakend" (allowed: name, backend, terraformVersion, labels, channelOverrides, disabledAlerts, alertOverrides, onCall; did you mean "backend"?)',
      ],
      [{ name: 'prod', backend: { type: 'consul' } }, 'environment.backend.type: type must be one of local, s3, gcs, azurerm, cloud, remote'],
      [
        { name: 'prod', backend: { type: 's3', bucket: 'b', region: 'eu-west-1' } },
        "environment.backend.useLockfile: state locking is required: set useLockfile: true (S3-native locking, Terraform >= 1.10) or dynamodbTable: '<table>'",
      ],
      [{ name: 'prod', backend: { type: 's3', bucket: 'b', region: 'Ireland', useLockfile: true } }, 'environment.backend.region: must be an AWS region such as eu-west-1'],
      [
        { name: 'prod', terraformVersion: '1.9.8', backend: { type: 's3', bucket: 'b', region: 'eu-west-1', useLockfile: true } },
        'environment.backend.useLockfile: S3-native locking needs Terraform >= 1.10 (terraformVersion is 1.9.8); use dynamodbTable instead',
      ],
      [
        { name: 'prod', backend: { type: 'azurerm', resourceGroupName: 'rg', storageAccountName: 'Acme-State', containerName: 'state' } },
        'environment.backend.storageAccountName: must be 3-24 lower-case letters and digits',
      ],
      [{ name: 'prod', backend: { type: 'cloud', organization: 'acme' } }, 'environment.backend.workspace: is required'],
      [{ name: 'prod', labels: { '1team': 'x' } }, 'environment.labels["1team"]: label names are letters, digits, _ and . (not starting with a digit)'],
    ])('%#: %j', (environment, message) => {
      const text = errorFor(environment);
      expect(text.startsWith("Invalid AlertStack at 'payments-prod':\n  - ")).toBe(true);
      expect(text).toContain(message);
    });

    it('refuses credentials in backend settings and says where they come from instead', () => {
      const text = errorFor({ name: 'prod', backend: { type: 's3', bucket: 'b', region: 'eu-west-1', useLockfile: true, secretKey: 'AKIA-not-real-1234' } });
      expect(text).toBe(
        "Invalid AlertStack at 'payments-prod':\n" +
          '  - environment.backend.secretKey: credentials must not be written into the stack (they would be stored in cdktf.out); the backend reads ' +
          'them from the environment: AWS_ACCESS_KEY_ID/AWS_PROFILE, GOOGLE_APPLICATION_CREDENTIALS, ARM_CLIENT_ID/ARM_USE_OIDC, TF_TOKEN_<host>',
      );
      expect(text).not.toContain('AKIA-not-real-1234');
    });
  });

  it('applies its environment to the alerts it holds: channel overrides, labels', () => {
    const app = Testing.app();
    const dev = new AlertStack(app, 'dev', { environment: { name: 'dev', channelOverrides: { 'payments-pager': 'dev-alerts-slack' }, labels: { region: 'eu' } } });
    const prod = new AlertStack(app, 'prod', { environment: { name: 'prod' } });
    const rule = (stack: AlertStack) =>
      new AlertRule(stack, 'Cpu', {
        name: 'CPU',
        queries: [new MetricsQuery('A', 'system.cpu.utilization')],
        tiers: { critical: { target: 90 } },
        channels: [NotificationChannel.fromName(stack, 'pager', 'payments-pager', 'pagerduty'), 'constructor'],
      });
    const inDev = rule(dev);
    const inProd = rule(prod);
    expect(inDev.payload.condition.thresholds.spec[0]!.channels).toEqual(['dev-alerts-slack', 'constructor']);
    expect(inDev.payload.labels).toMatchObject({ env: 'dev', region: 'eu' });
    expect(inProd.payload.condition.thresholds.spec[0]!.channels).toEqual(['payments-pager', 'constructor']);
    expect(AlertStack.find(inProd)).toBe(prod);
  });
});
