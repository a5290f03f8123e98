import * as path from 'node:path';
import { TerraformStack, Testing } from '../../constructs/engine';
import { configAttributeValues } from '../../constructs/model/terraform-literal';
import { importSetup, importedSecrets, normalizedReceiverConfig, renderImportModule, renderSetupSection, type SetupImportResult } from '../../import';
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

  it('refuses a file of unknown shape with one line naming it, and a channel kind it cannot manage by field, not value', () => {
    // GIVEN an unknown document and a legacy Teams channel WHEN imported THEN each is a problem, the others still import
    const legacy = { name: 'teams-legacy', msteams_configs: [{ webhook_url: 'https://outlook.office.com/webhook/LEGACYSECRET' }] };
    const found = importSetup([
      { name: 'odd.json', text: '{"dashboards": []}' },
      { name: 'legacy.json', text: JSON.stringify([legacy]) },
    ]);
    expect(found.problems.map((p) => `${p.source}: ${p.messages.join('; ')}`)).toEqual([
      expect.stringMatching(/^odd\.json: not a SigNoz export this command reads: expected rules .*route policies.*planned maintenance/),
      expect.stringMatching(/^legacy\.json: msteams_configs: NotificationChannel manages slack, .*NotificationChannel\.fromName$/),
    ]);
    expect(JSON.stringify(found.problems)).not.toContain('LEGACYSECRET');
  });
});
