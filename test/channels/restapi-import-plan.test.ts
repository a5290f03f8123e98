/**
 * What the first `terraform plan` after importing a channel shows, worked out from restapi 3.0.0's
 * behaviour (no registry here, so no real import can run). The model below is that behaviour,
 * read from the provider's source at v3.0.0 and summarised in our words:
 *
 * - `ImportState` (internal/provider/resource_api_object.go) trims one leading and trailing `/`
 *   from the import id and cuts it at the last `/`: `path` is `/` + the part before, `object_id`
 *   the part after. It sets `debug = true`, reads the object and stores the raw GET answer as both
 *   `data` and `api_response`; `id` is the object id (apiclient `updateInternalState` keeps an id
 *   that is already set). Every other configurable attribute stays null.
 * - The refresh that follows (`Read`) replaces `data` with the GET answer unless the *state's*
 *   `ignore_server_additions` is true; after an import it is null.
 * - No configurable attribute of `restapi_object` is also computed (provider-schema), so the plan
 *   takes each from the configuration, null when unset. `data` is a `jsontypes.Normalized`
 *   string: equal when the JSON is equal. `ModifyPlan` changes none of them: with
 *   `ignore_server_additions` it only keeps `api_data`/`api_response` when `data` is equal, and
 *   `force_new` compares top-level keys of the two `data` values (the envelope has no `name`).
 * - `makeAPIObject` / apiclient `NewAPIObject`: an unset method or `id_attribute` comes from the
 *   provider block (whose unset values come from REST_API_* variables, then POST/GET/PUT/DELETE and
 *   `id`); unset create path is `path`, unset read/update/destroy paths are `path/{id}`; the
 *   resource's `debug` only adds to the provider's.
 * - `Update` stores the plan as the new state (then re-reads `api_response`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { NotificationChannel } from '../../constructs/channels/notification-channel';
import { TerraformStack, Testing } from '../../constructs/engine';
import { Secret } from '../../constructs/secrets/secret';
import { importSetup, renderImportModule, renderSetupSection } from '../../import';
import { generatedSetup, IMPORT_FIXTURES_DIR } from '../support/import-fixtures';
import { decodeReceiverTemplate, newStack, onlyResource, synth } from '../support/synth';

type Attrs = Record<string, any>;

const SCHEMA: Record<string, { optional?: boolean; required?: boolean; computed?: boolean }> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'provider-schema', 'restapi@3.0.0.json'), 'utf8'),
).provider_schemas['registry.terraform.io/mastercard/restapi'].resource_schemas.restapi_object.block.attributes;
const CONFIGURABLE = Object.keys(SCHEMA).filter((name) => SCHEMA[name]!.optional === true || SCHEMA[name]!.required === true);

const CHANNELS_FILE = path.join(IMPORT_FIXTURES_DIR, '..', 'import-setup', 'channels.json');
const exported: Attrs[] = JSON.parse(fs.readFileSync(CHANNELS_FILE, 'utf8')).data;
/** SigNoz's answer to GET /api/v1/channels/{id}. */
const getAnswer = (channel: Attrs): string => JSON.stringify({ status: 'success', data: channel });

/** The refresh: `data` becomes the GET answer unless the state says ignore_server_additions. */
function refresh(state: Attrs, answer: string): Attrs {
  return { ...state, data: state.ignore_server_additions === true ? state.data : answer, api_response: answer };
}

/** The state after `terraform import restapi_object.x <importId>` and the refresh before the plan. */
function stateAfterImport(importId: string, answer: string): Attrs {
  const trimmed = importId.replace(/^\//, '').replace(/\/$/, '');
  const cut = trimmed.lastIndexOf('/');
  const imported: Attrs = Object.fromEntries(CONFIGURABLE.map((name) => [name, null]));
  Object.assign(imported, { path: `/${trimmed.slice(0, cut)}`, object_id: trimmed.slice(cut + 1), debug: true, data: answer });
  Object.assign(imported, { id: trimmed.slice(cut + 1), api_response: answer, create_response: null });
  return refresh(imported, answer);
}

/** The JSON a `data` value stands for (our template's secrets read as their variable names). */
function dataJson(value: string): unknown {
  return value.includes('${') ? decodeReceiverTemplate(value) : JSON.parse(value);
}

/** The configurable attributes the plan shows changed, sorted. */
function planChanges(config: Attrs, state: Attrs): string[] {
  return CONFIGURABLE.filter((name) => {
    const planned = config[name] ?? null;
    const prior = state[name] ?? null;
    if (name === 'data') return !isDeepStrictEqual(dataJson(planned), dataJson(prior));
    return !isDeepStrictEqual(planned, prior);
  }).sort();
}

/** The state after applying a plan (Update writes the planned values), then refreshed. */
function stateAfterApply(config: Attrs, state: Attrs, answer: string): Attrs {
  const planned = Object.fromEntries(CONFIGURABLE.map((name) => [name, config[name] ?? null]));
  return refresh({ ...planned, id: state.id, create_response: state.create_response }, answer);
}

/** How restapi resolves each request of an object from its own and its provider's settings. */
function requests(config: Attrs, provider: Attrs): Attrs {
  const method = (op: string, fallback: string): string => config[`${op}_method`] ?? provider[`${op}_method`] ?? `$REST_API_${op.toUpperCase()}_METHOD or ${fallback}`;
  const item = (op: string): string => config[`${op}_path`] ?? `${config.path}/{id}`;
  return {
    create: `${method('create', 'POST')} ${config.create_path ?? config.path}`,
    read: `${method('read', 'GET')} ${item('read')}`,
    update: `${method('update', 'PUT')} ${item('update')}`,
    destroy: `${method('destroy', 'DELETE')} ${item('destroy')}`,
    idAttribute: config.id_attribute ?? provider.id_attribute ?? '$REST_API_ID_ATTRIBUTE or id',
    debug: config.debug === true || (provider.debug ?? '$REST_API_DEBUG'),
  };
}

describe('restapi_object channels and `terraform import` (restapi 3.0.0)', () => {
  const result = importSetup([{ name: 'channels.json', text: fs.readFileSync(CHANNELS_FILE, 'utf8') }]);

  async function importedStack(): Promise<Attrs> {
    const stack = new TerraformStack(Testing.app(), 'imported');
    (await generatedSetup(result))(stack);
    return JSON.parse(Testing.synth(stack, true));
  }

  it('model premise: no configurable attribute is also computed, so the plan takes each from the configuration', () => {
    expect(CONFIGURABLE.filter((name) => SCHEMA[name]!.computed === true)).toEqual([]);
    expect(CONFIGURABLE).toEqual(expect.arrayContaining(['path', 'data', 'debug', 'object_id', 'create_method', 'read_path', 'id_attribute']));
  });

  it('an imported, unchanged channel differs from its code only where no configuration can match the import', async () => {
    // GIVEN the generated code for SigNoz's channels, synthesized, and each channel's GET answer
    const out = await importedStack();
    const provider = out.provider.restapi[0];
    expect(result.problems).toEqual([]);
    expect(out.import).toHaveLength(exported.length);
    for (const block of out.import as { id: string; to: string }[]) {
      const config = out.resource.restapi_object[block.to.replace(/^restapi_object\./, '')];
      const channel = exported.find((c) => block.id.endsWith(`/${c.id}`))!;
      // WHEN restapi imports it (reading GET /api/v1/channels/<id>) and Terraform plans
      const state = stateAfterImport(block.id, getAnswer(channel));
      expect(requests(state, provider).read.replace('{id}', state.object_id), channel.name).toBe(`GET /api/v1/channels/${channel.id}`);
      // THEN one in-place update, of exactly these attributes:
      // data: the import stores the whole GET answer {status, data: {..., data: "<receiver>"}}, the code the receiver;
      // debug: the import turns it on, the code must not (it dumps requests and answers, secrets included);
      // object_id: only the import sets it; force_new and ignore_server_additions: only the code sets them.
      expect(planChanges(config, state), channel.name).toEqual(['data', 'debug', 'force_new', 'ignore_server_additions', 'object_id']);
      expect(config.debug, channel.name).not.toBe(true);
    }
  });

  it('the apply of that plan leaves nothing to change, because ignore_server_additions keeps data as applied', async () => {
    // GIVEN an imported channel and its first apply
    const out = await importedStack();
    const [name, config] = Object.entries(out.resource.restapi_object as Record<string, Attrs>)[0]!;
    const block = (out.import as { id: string; to: string }[]).find((b) => b.to === `restapi_object.${name}`)!;
    const answer = getAnswer(exported.find((c) => block.id.endsWith(`/${c.id}`))!);
    const imported = stateAfterImport(block.id, answer);
    // WHEN planned again THEN no change; without ignore_server_additions every plan would rewrite data
    expect(planChanges(config, stateAfterApply(config, imported, answer))).toEqual([]);
    const without = { ...config, ignore_server_additions: undefined };
    expect(planChanges(without, stateAfterApply(without, imported, answer))).toEqual(['data']);
    // and no lifecycle rule hides data (or anything else) from updates and drift detection
    expect(config.lifecycle.ignore_changes).toBeUndefined();
    // replacement is keyed on the definition's name only; the first plan creates that terraform_data,
    // and Terraform does not count a create as a trigger (EvaluateReplaceTriggeredBy: update or replace only)
    expect(config.lifecycle.replace_triggered_by).toEqual([expect.stringMatching(/^terraform_data\.\w+_definition_\w+\.input\.name$/)]);
    expect(out.import.map((b: { to: string }) => b.to.split('.')[0])).not.toContain('terraform_data');
  });

  it('leaves methods, item paths, id attribute and debug to the provider block, which sets each explicitly', () => {
    // GIVEN a channel made in code WHEN synthesized
    const { stack } = newStack();
    NotificationChannel.slack(stack, 'ops', { name: 'ops-slack', webhookUrl: Secret.fromVariable(stack, 'ops_slack_url') });
    const json = synth(stack);
    const config = onlyResource(json, 'restapi_object');
    // THEN the resource sets what an import cannot set plus path and data, nothing else
    expect(
      Object.keys(config)
        .filter((k) => CONFIGURABLE.includes(k))
        .sort(),
    ).toEqual(['data', 'force_new', 'ignore_server_additions', 'path']);
    // and every request resolves without consulting REST_API_* variables
    expect(requests(config, json.provider.restapi[0])).toEqual({
      create: 'POST /api/v1/channels',
      read: 'GET /api/v1/channels/{id}',
      update: 'PUT /api/v1/channels/{id}',
      destroy: 'DELETE /api/v1/channels/{id}',
      idAttribute: 'data/id',
      debug: false,
    });
  });

  it('the generated code says what that first plan shows', () => {
    const setup = renderSetupSection(result, 'stack', 'importedSetup')!;
    const header = renderImportModule(result.rules, { sources: ['setup/'], setup })
      .split('\n')
      .filter((line) => line.startsWith('//'))
      .join(' ');
    for (const attribute of ['data', 'debug', 'object_id', 'force_new', 'ignore_server_additions']) expect(header).toContain(` ${attribute}`);
    expect(header).toMatch(/updated in place/);
  });
});
