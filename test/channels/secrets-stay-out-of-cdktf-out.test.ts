import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { Testing } from '../../constructs/engine';
import { MaintenanceSchedule } from '../../constructs/maintenance/maintenance-schedule';
import { MaintenanceWindow } from '../../constructs/maintenance/maintenance-window';
import { Labels } from '../../constructs/routing/route-expression';
import { RoutePolicy } from '../../constructs/routing/route-policy';
import { Secret } from '../../constructs/secrets/secret';
import { AlertStack } from '../../constructs/stacks/alert-stack';
import { readStackFile } from '../support/synth';

// Fake secret values, seeded the way users provide them: the environment.
const FAKE = {
  SIGNOZ_ACCESS_TOKEN: 'fAkEsEcReT-signoz-token-0001',
  TF_VAR_signoz_access_token: 'fAkEsEcReT-signoz-token-0001',
  TF_VAR_slack_url: 'https://hooks.slack.com/services/T0/B0/fAkEsEcReT0002',
  TF_VAR_hook_url: 'https://hooks.example/fAkEsEcReT0003',
  TF_VAR_hook_password: 'fAkEsEcReT0004',
  TF_VAR_hook_token: 'fAkEsEcReT0005',
  TF_VAR_pd_key: 'fAkEsEcReT0006',
  TF_VAR_og_key: 'fAkEsEcReT0007',
  TF_VAR_teams_url: 'https://acme.webhook.office.com/fAkEsEcReT0008',
  TF_VAR_gchat_url: 'https://chat.googleapis.com/v1/spaces/X/messages?key=fAkEsEcReT0009',
  TF_VAR_tg_token: '123456:fAkEsEcReT0010',
  TF_VAR_jira_token: 'fAkEsEcReT0011',
  TF_VAR_sns_secret: 'fAkEsEcReT0012',
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('synthesized output', () => {
  const saved = { ...process.env };
  beforeAll(() => Object.assign(process.env, FAKE));
  afterAll(() => {
    for (const key of Object.keys(FAKE)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('holds no secret value in any file of cdktf.out, for every channel kind', () => {
    // GIVEN an environment full of secrets and an estate using each kind of channel
    const app = Testing.app();
    for (const env of ['staging', 'prod']) {
      const stack = new AlertStack(app, `payments-${env}`, { environment: { name: env, backend: { type: 's3', bucket: 'acme-tf', region: 'eu-west-1', useLockfile: true } } });
      const slack = NotificationChannel.slack(stack, 'slack', { name: `payments-${env}`, webhookUrl: Secret.fromEnv(stack, 'TF_VAR_slack_url') });
      const pager = NotificationChannel.pagerDuty(stack, 'pager', { name: `pager-${env}`, routingKey: Secret.fromEnv(stack, 'TF_VAR_pd_key') });
      NotificationChannel.webhook(stack, 'basic', {
        name: `hook-basic-${env}`,
        url: Secret.fromEnv(stack, 'TF_VAR_hook_url'),
        auth: { type: 'basic', username: 'alerts', password: Secret.fromEnv(stack, 'TF_VAR_hook_password') },
      });
      NotificationChannel.webhook(stack, 'bearer', {
        name: `hook-bearer-${env}`,
        url: Secret.fromEnv(stack, 'TF_VAR_hook_url'),
        auth: { type: 'bearer', token: Secret.fromEnv(stack, 'TF_VAR_hook_token') },
      });
      NotificationChannel.opsgenie(stack, 'og', { name: `og-${env}`, apiKey: Secret.fromEnv(stack, 'TF_VAR_og_key') });
      NotificationChannel.msTeams(stack, 'teams', { name: `teams-${env}`, webhookUrl: Secret.fromEnv(stack, 'TF_VAR_teams_url') });
      NotificationChannel.googleChat(stack, 'gchat', { name: `gchat-${env}`, webhookUrl: Secret.fromEnv(stack, 'TF_VAR_gchat_url') });
      NotificationChannel.email(stack, 'mail', { name: `mail-${env}`, to: ['sre@example.com'] });
      NotificationChannel.fromReceiverConfigs(stack, 'others', {
        name: `others-${env}`,
        receiverConfigs: [
          { kind: 'telegram', settings: { token: Secret.fromEnv(stack, 'TF_VAR_tg_token'), chat: -100123 } },
          { kind: 'jira', settings: { project: 'OPS', issue_type: 'Bug', http_config: { basic_auth: { username: 'bot', password: Secret.fromEnv(stack, 'TF_VAR_jira_token') } } } },
          {
            kind: 'sns',
            settings: { topic_arn: 'arn:aws:sns:eu-west-1:1:a', sigv4: { Region: 'eu-west-1', AccessKey: 'AKIA', SecretKey: Secret.fromEnv(stack, 'TF_VAR_sns_secret') } },
          },
        ],
      });
      new RoutePolicy(stack, 'critical', { name: 'critical', expression: Labels.severity.eq('critical'), channels: [pager, slack] });
      new MaintenanceWindow(stack, 'weekly', {
        name: 'weekly',
        timezone: 'UTC',
        schedule: MaintenanceSchedule.weekly({ start: '2026-03-01T02:00:00Z', duration: '1h', on: ['sunday'] }),
      });
    }
    // WHEN the whole app is synthesized
    app.synth();
    // THEN no file under cdktf.out contains any secret, while the variables that carry them are there
    const files = filesUnder(app.outdir);
    expect(files.some((f) => f.endsWith('cdk.tf.json'))).toBe(true);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [name, value] of Object.entries(FAKE)) {
        if (text.includes(value)) throw new Error(`${path.relative(app.outdir, file)} contains the value of ${name}`);
      }
    }
    const prod = readStackFile(app, 'payments-prod');
    const sensitive = Object.entries(prod.variable as Record<string, { sensitive?: boolean }>)
      .filter(([, v]) => v.sensitive)
      .map(([k]) => k)
      .sort();
    expect(sensitive).toEqual([
      'gchat_url',
      'hook_password',
      'hook_token',
      'hook_url',
      'jira_token',
      'og_key',
      'pd_key',
      'signoz_access_token',
      'slack_url',
      'sns_secret',
      'teams_url',
      'tg_token',
    ]);
  });

  it('feeds every channel secret to SigNoz only through sensitive variables', () => {
    const app = Testing.app();
    const stack = new AlertStack(app, 'p', { environment: { name: 'prod' } });
    NotificationChannel.webhook(stack, 'hook', {
      name: 'hook',
      url: Secret.fromEnv(stack, 'TF_VAR_hook_url'),
      auth: { type: 'basic', username: 'u', password: Secret.fromEnv(stack, 'TF_VAR_hook_password') },
    });
    const json = JSON.parse(Testing.synth(stack));
    const data: string = (Object.values(json.resource.restapi_object)[0] as any).data;
    const referenced = [...data.matchAll(/var\.([a-z0-9_]+)/g)].map((m) => m[1]!);
    expect(referenced.sort()).toEqual(['hook_password', 'hook_url']);
    for (const name of referenced) expect(json.variable[name].sensitive).toBe(true);
    expect(json.provider.restapi[0].headers['SIGNOZ-API-KEY']).toBe('${var.signoz_access_token}');
    expect(json.variable.signoz_access_token.sensitive).toBe(true);
  });
});
