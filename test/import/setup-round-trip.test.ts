import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/program';
import { TerraformStack, Testing } from '../../constructs/engine';
import { CHANNEL_KINDS, type ChannelKind } from '../../constructs/model/channel-ref';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { importSetup, importedSecrets, normalizedReceiverConfig, renderImportModule, renderSetupSection, type SetupImportResult } from '../../import';
import { cliRecorder } from '../support/cli-recorder';
import { generatedSetup, importSources, IMPORT_FIXTURES_DIR } from '../support/import-fixtures';

const SETUP_DIR = path.join(IMPORT_FIXTURES_DIR, '..', 'import-setup');
const sources = importSources(SETUP_DIR);
const input = (file: string): any[] => JSON.parse(sources.find((s) => s.name === file)!.text).data;

/** Every secret value of the fixture channels, by the variable the import names for it. */
function secretValues(result: SetupImportResult): Record<string, string> {
  const values: Record<string, string> = {};
  for (const secret of importedSecrets(result.channels)) {
    const channel = input('channels.json').find((c) => c.name === secret.channel);
    let value: any = JSON.parse(channel.data);
    for (const key of secret.field.split('/')) value = value[key];
    values[secret.variable] = value;
  }
  return values;
}

describe('import of channels, route policies and planned maintenance', () => {
  const result = importSetup(sources);

  it('recognises each file by its shape and imports every supported channel kind', () => {
    // GIVEN GET answers of the three APIs WHEN imported THEN every entry is code, SigNoz's own rule-kind policy is left out
    expect(result.problems).toEqual([]);
    expect(result.channels.map((c) => c.code.kind)).toEqual(['slack', 'pagerduty', 'opsgenie', 'email', 'webhook', 'webhook', 'msteamsv2', 'googlechat']);
    expect(result.routePolicies.map((p) => p.name)).toEqual(['payments critical', 'db warnings']);
    expect(result.maintenanceWindows.map((w) => w.name)).toEqual(['Sunday DB patching', 'Datacenter move', 'Nightly batch']);
    expect(result.skipped.map((s) => s.alert)).toEqual(['auto']);
  });

  it('round-trips: the synthesized resources equal the input after SigNoz normalizations, with an import block each', async () => {
    // GIVEN the generated module WHEN run in a stack and synthesized THEN channels, policies and windows are the imported ones
    const setup = await generatedSetup(result);
    const stack = new TerraformStack(Testing.app(), 'imported');
    setup(stack);
    const out = JSON.parse(Testing.synth(stack, true));
    const values = secretValues(result);

    const channels = Object.values(out.resource.restapi_object as Record<string, { data: string }>);
    expect(channels).toHaveLength(8);
    for (const channel of input('channels.json')) {
      const original = JSON.parse(channel.data);
      const key = `${channel.type}_configs`;
      const synthesized = channels
        .map((c) => c.data.replace(/\$\{jsonencode\(var\.([a-z0-9_]+)\)\}/g, (_m, v: string) => JSON.stringify(values[v])))
        .map((d) => JSON.parse(configAttributeValues(d)))
        .find((d) => d.name === channel.name);
      const written = new Set(Object.keys(synthesized[key][0]));
      expect(normalizedReceiverConfig(channel.type, synthesized[key][0], written), channel.name).toEqual(normalizedReceiverConfig(channel.type, original[key][0], written));
    }

    const policies = Object.values(configAttributeValues(out.resource.signoz_route_policy) as Record<string, any>);
    for (const policy of input('route-policies.json').filter((p) => p.kind === 'policy')) {
      const written = policies.find((p) => p.name === policy.name);
      expect({ expression: written.expression, channels: written.channels, kind: written.kind, description: written.description ?? '', tags: written.tags }).toEqual({
        expression: policy.expression,
        channels: policy.channels,
        kind: 'policy',
        description: policy.description,
        tags: policy.tags,
      });
    }

    const windows = Object.values(configAttributeValues(out.resource.signoz_planned_maintenance) as Record<string, any>);
    for (const window of input('maintenance.json')) {
      const written = windows.find((w) => w.name === window.name);
      expect(written.schedule.timezone).toBe(window.schedule.timezone);
      expect(written.schedule.start_time).toBe(window.schedule.startTime);
      expect(written.schedule.end_time).toBe(window.schedule.endTime);
      expect(written.schedule.recurrence?.repeat_type).toBe(window.schedule.recurrence?.repeatType);
      expect(written.alert_ids ?? []).toEqual(window.alertIds ?? []);
      expect(written.scope).toBe(window.scope);
    }

    const imports = (out.import as { id: string; to: string }[]).map((i) => i.id).sort();
    const expected = [
      ...input('channels.json').map((c) => `/api/v1/channels/${c.id}`),
      ...input('route-policies.json')
        .filter((p) => p.kind === 'policy')
        .map((p) => p.id),
      ...input('maintenance.json').map((w) => w.id),
    ].sort();
    expect(imports).toEqual(expected);
  });

  it('keeps every secret out of the code, the report and the synthesized files, and names the variables', async () => {
    // GIVEN channels holding webhook URLs, keys and passwords WHEN imported THEN only variable names appear
    const values = Object.values(secretValues(result));
    expect(values.length).toBe(9);
    const setup = renderSetupSection(result, 'stack', 'importedSetup')!;
    const code = renderImportModule(result.rules, { sources: ['setup/'], setup });
    const stack = new TerraformStack(Testing.app(), 'imported');
    (await generatedSetup(result))(stack);
    const synthesized = Testing.synth(stack, true);
    for (const value of values) {
      expect(code).not.toContain(value);
      expect(synthesized).not.toContain(value);
    }
    for (const variable of Object.keys(secretValues(result))) expect(code).toContain(`// - ${variable}:`);
    expect(code).toContain("webhookUrl: Secret.fromVariable(stack, 'slack_payments_webhook_url')");
  });

  it('refuses a file of unknown shape with one line naming it, and a receiver list SigNoz does not know by field, not value', () => {
    // GIVEN an unknown document and a channel with an unknown list WHEN imported THEN each is a problem, the others still import
    const odd = { name: 'pigeon', carrierpigeon_configs: [{ webhook_url: 'https://pigeon.example.com/PIGEONSECRET' }] };
    const found = importSetup([
      { name: 'odd.json', text: '{"dashboards": []}' },
      { name: 'pigeon.json', text: JSON.stringify([odd]) },
    ]);
    expect(found.problems.map((p) => `${p.source}: ${p.messages.join('; ')}`)).toEqual([
      expect.stringMatching(/^odd\.json: not a SigNoz export this command reads: expected rules .*route policies.*planned maintenance/),
      expect.stringMatching(/^pigeon\.json: carrierpigeon_configs: not a receiver list SigNoz accepts; its lists are googlechat_configs, discord_configs, .*mattermost_configs$/),
    ]);
    expect(JSON.stringify(found.problems)).not.toContain('PIGEONSECRET');
  });
});

describe('import of channels of every kind SigNoz accepts', () => {
  const ALL_KINDS_DIR = path.join(IMPORT_FIXTURES_DIR, '..', 'import-setup-all-kinds');
  const allSources = importSources(ALL_KINDS_DIR);
  const exported: any[] = JSON.parse(allSources[0]!.text).data;
  const result = importSetup(allSources);
  const secretsOf = (): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const secret of importedSecrets(result.channels)) {
      let value: any = JSON.parse(exported.find((c) => c.name === secret.channel).data);
      for (const key of secret.field.split('/')) value = value[key];
      values[secret.variable] = value;
    }
    return values;
  };

  it('turns a channel of each of the 19 kinds, and one with configs of two kinds, into code: typed factories where they fit, receiver configs otherwise', () => {
    // GIVEN an export with one channel per *_configs list and a Discord + Slack channel WHEN imported THEN every one is code, named by SigNoz's type
    expect(result.problems).toEqual([]);
    expect(new Set(exported.map((c) => c.type))).toEqual(new Set(CHANNEL_KINDS));
    expect(result.channels.map((c) => c.code.kind)).toEqual(exported.map((c) => c.type));
    const factoryOf = Object.fromEntries(result.channels.map((c) => [c.name, c.code.factory]));
    expect(factoryOf).toMatchObject({
      'gchat-all': 'googleChat',
      'email-all': 'email',
      'teams-v2-all': 'msTeams',
      'discord-ops': 'fromReceiverConfigs',
      'ops-multi': 'fromReceiverConfigs',
    });
    // a typed kind with a field its factory cannot write falls back to receiver configs, and says why
    const slack = result.channels.find((c) => c.name === 'slack-buttons')!;
    expect(slack.code.factory).toBe('fromReceiverConfigs');
    expect(slack.notes).toEqual([expect.stringContaining('slack_configs/0/actions')]);
  });

  it('round-trips: every config of every channel synthesizes to the exported one after SigNoz normalizations', async () => {
    // GIVEN the generated module WHEN run in a stack and synthesized THEN each receiver holds the same lists and configs as the export
    const setup = await generatedSetup(result);
    const stack = new TerraformStack(Testing.app(), 'imported');
    setup(stack);
    const out = JSON.parse(Testing.synth(stack, true));
    const values = secretsOf();
    const bodies = Object.values(out.resource.restapi_object as Record<string, { data: string }>).map((c) =>
      JSON.parse(configAttributeValues(c.data.replace(/\$\{jsonencode\(var\.([a-z0-9_]+)\)\}/g, (_m, v: string) => JSON.stringify(values[v])))),
    );
    expect(bodies).toHaveLength(exported.length);
    for (const channel of exported) {
      const original = JSON.parse(channel.data);
      const synthesized = bodies.find((d) => d.name === channel.name);
      const lists = Object.keys(original).filter((k) => k.endsWith('_configs'));
      expect(
        Object.keys(synthesized)
          .filter((k) => k !== 'name')
          .sort(),
        channel.name,
      ).toEqual(lists.sort());
      for (const key of lists) {
        const kind = key.slice(0, -'_configs'.length) as ChannelKind;
        expect(synthesized[key], `${channel.name} ${key}`).toHaveLength(original[key].length);
        original[key].forEach((config: Record<string, unknown>, i: number) => {
          const written = new Set(Object.keys(synthesized[key][i]));
          expect(normalizedReceiverConfig(kind, synthesized[key][i], written), `${channel.name} ${key}/${i}`).toEqual(normalizedReceiverConfig(kind, config, written));
        });
      }
    }
    expect((out.import as { id: string }[]).map((i) => i.id).sort()).toEqual(exported.map((c) => `/api/v1/channels/${c.id}`).sort());
  });

  it('keeps every secret Alertmanager types as one (URLs, keys, tokens, passwords, OAuth and SigV4 secrets) out of the code, the synthesized files and the CLI output', async () => {
    // GIVEN channels whose secrets sit at the top, under http_config and under sigv4 WHEN imported by the CLI THEN only variable names appear
    const values = secretsOf();
    const fields = importedSecrets(result.channels).map((s) => s.field.replace(/^[a-z0-9]+_configs\/\d+\//, ''));
    expect(new Set(fields)).toEqual(
      new Set([
        'webhook_url',
        'alert_source_token',
        'service_key',
        'api_url',
        'url',
        'http_config/oauth2/client_secret',
        'api_key',
        'api_secret',
        'user_key',
        'token',
        'sigv4/SecretKey',
        'http_config/authorization/credentials',
        'http_config/basic_auth/password',
        'token_id',
      ]),
    );
    expect(Object.values(values).every((v) => typeof v === 'string' && /SECRET/.test(v))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'all-kinds-'));
    try {
      fs.writeFileSync(path.join(dir, 'channels.json'), allSources[0]!.text);
      const outputs: string[] = [];
      for (const format of ['text', 'json']) {
        const io = cliRecorder(dir);
        expect(await main(['import', 'channels.json', '--format', format], io)).toBe(0);
        outputs.push(io.stdout.join('\n'), io.stderr.join('\n'));
      }
      const stack = new TerraformStack(Testing.app(), 'imported');
      (await generatedSetup(result))(stack);
      outputs.push(Testing.synth(stack, true));
      for (const text of outputs) for (const value of Object.values(values)) expect(text).not.toContain(value);
      expect(outputs[0]).toContain("token: Secret.fromVariable(stack, 'telegram_sre_token')");
      expect(outputs[1]).toContain('sns_alerts_sigv4_secretkey');
      expect(JSON.parse(outputs[2]!).secretVariables).toEqual(Object.keys(values));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
