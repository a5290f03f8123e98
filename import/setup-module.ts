/**
 * The part of the generated module that declares the imported channels, route policies and
 * maintenance windows: one exported function, plus the header lines that list the secret
 * variables to set (names only, never values). Rendered into the module by `renderImportModule`.
 */
import { restapiChannelImportId } from '../constructs/channels/restapi-channel-backend';
import { commentText, literal, object, ref, renderExpr, quoteString, type CodeExpr } from './code-expression';
import { importedSecrets, type SetupImportResult } from './import-setup';
import { isUsableIdentifier } from './typescript-module';

export interface SetupSection {
  /** Library names the section uses. */
  readonly classes: readonly string[];
  /** Header comment lines (not yet commented). */
  readonly header: readonly string[];
  /** The function's text. */
  readonly code: string;
}

function comment(text: string, indent: string): string {
  return `${indent}// ${commentText(text)}`.trimEnd();
}

/** The setup function, or `undefined` when nothing besides rules was imported. */
export function renderSetupSection(
  setup: Pick<SetupImportResult, 'channels' | 'routePolicies' | 'maintenanceWindows'>,
  stackVar: string,
  functionName: string,
): SetupSection | undefined {
  const { channels, routePolicies, maintenanceWindows } = setup;
  if (channels.length + routePolicies.length + maintenanceWindows.length === 0) return undefined;
  const taken = new Set([stackVar, functionName]);
  const variable = (constructId: string): string => {
    const base = constructId[0]!.toLowerCase() + constructId.slice(1);
    let name = isUsableIdentifier(base) ? base : `${base}Construct`;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  const location = (source: string, at: string): string => (at === '' ? source : `${source}#${at}`);
  const blocks: string[] = [];
  const classes = new Set<string>();
  const channelVariables = new Map<string, string>();
  const lists = { channels: [] as string[], routePolicies: [] as string[], maintenanceWindows: [] as string[] };

  for (const channel of channels) {
    classes.add('NotificationChannel');
    if (channel.code.secrets.length > 0) classes.add('Secret');
    const name = variable(channel.constructId);
    channelVariables.set(channel.name, name);
    lists.channels.push(name);
    const lines = [
      comment(
        `${location(channel.source, channel.pointer)}: channel ${JSON.stringify(channel.name)} (${channel.code.kind}${channel.id !== undefined ? `, id ${channel.id}` : ''})`,
        '  ',
      ),
    ];
    lines.push(...channel.notes.map((note) => comment(`note: ${note}`, '  ')));
    lines.push(`  const ${name} = NotificationChannel.${channel.code.factory}(${stackVar}, ${quoteString(channel.constructId)}, ${renderExpr(channel.code.props, '  ')});`);
    if (channel.id !== undefined) lines.push(`  ${name}.resource.importFrom(${quoteString(restapiChannelImportId(channel.id))});`);
    blocks.push(lines.join('\n'));
  }
  for (const policy of routePolicies) {
    classes.add('RoutePolicy');
    const name = variable(policy.constructId);
    lists.routePolicies.push(name);
    const channelsExpr: CodeExpr = { kind: 'array', items: policy.code.channels.map((c) => (channelVariables.has(c) ? ref(channelVariables.get(c)!) : literal(c))) };
    const props = object([...policy.code.entries.slice(0, 2), ['channels', channelsExpr], ...policy.code.entries.slice(2)]);
    const lines = [comment(`${location(policy.source, policy.pointer)}: route policy ${JSON.stringify(policy.name)}${policy.id !== undefined ? ` (id ${policy.id})` : ''}`, '  ')];
    lines.push(`  const ${name} = new RoutePolicy(${stackVar}, ${quoteString(policy.constructId)}, ${renderExpr(props, '  ')});`);
    if (policy.id !== undefined) lines.push(`  ${name}.resource.importFrom(${quoteString(policy.id)});`);
    blocks.push(lines.join('\n'));
  }
  for (const window of maintenanceWindows) {
    classes.add('MaintenanceWindow');
    const name = variable(window.constructId);
    lists.maintenanceWindows.push(name);
    const alerts: [string, CodeExpr][] = window.code.ruleIds.length > 0 ? [['alerts', literal(window.code.ruleIds.map((ruleId) => ({ ruleId })))]] : [];
    const props = object([...window.code.entries.slice(0, 3), ...alerts, ...window.code.entries.slice(3)]);
    const lines = [
      comment(`${location(window.source, window.pointer)}: planned maintenance ${JSON.stringify(window.name)}${window.id !== undefined ? ` (id ${window.id})` : ''}`, '  '),
    ];
    lines.push(...window.notes.map((note) => comment(`note: ${note}`, '  ')));
    if (window.code.ruleIds.length > 0) lines.push(comment('alerts: the rules by SigNoz id (rules imported above keep their ids)', '  '));
    lines.push(`  const ${name} = new MaintenanceWindow(${stackVar}, ${quoteString(window.constructId)}, ${renderExpr(props, '  ')});`);
    if (window.id !== undefined) lines.push(`  ${name}.resource.importFrom(${quoteString(window.id)});`);
    blocks.push(lines.join('\n'));
  }

  const secrets = importedSecrets(channels);
  const header = [
    `Setup: ${channels.length} channel${channels.length === 1 ? '' : 's'}, ${routePolicies.length} route polic${routePolicies.length === 1 ? 'y' : 'ies'}, ` +
      `${maintenanceWindows.length} maintenance window${maintenanceWindows.length === 1 ? '' : 's'} (${functionName}).`,
    ...(secrets.length > 0
      ? [
          'Secrets are not in this file: set each variable before the first plan (TF_VAR_<name>, or a *.tfvars kept out of version control):',
          ...secrets.map((s) => `- ${s.variable}: ${JSON.stringify(s.channel)} ${s.field}`),
        ]
      : []),
    ...(channels.some((c) => c.id !== undefined)
      ? [
          "Channels are restapi_object resources, and restapi 3.0.0's import never matches a configuration: the first plan shows each",
          'channel imported and updated in place, changing data (the import stores the GET answer), debug (the import turns it on),',
          'object_id, force_new and ignore_server_additions. That apply PUTs the same receiver with the secrets from their variables',
          '(set them to the values SigNoz holds); later plans show no change. Keep TF_LOG unset until then: restapi logs those requests.',
        ]
      : []),
  ];
  const type = `{ channels: NotificationChannel[]; routePolicies: RoutePolicy[]; maintenanceWindows: MaintenanceWindow[] }`;
  for (const c of ['NotificationChannel', 'RoutePolicy', 'MaintenanceWindow']) classes.add(c);
  const code = [
    `export function ${functionName}(${stackVar}: Construct): ${type} {`,
    blocks.join('\n\n'),
    '',
    `  return { channels: [${lists.channels.join(', ')}], routePolicies: [${lists.routePolicies.join(', ')}], maintenanceWindows: [${lists.maintenanceWindows.join(', ')}] };`,
    '}',
  ].join('\n');
  return { classes: [...classes], header, code };
}
