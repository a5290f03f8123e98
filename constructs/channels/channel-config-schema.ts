import { z } from 'zod';
import type { SameShape } from '../model/type-equality';
import { Token } from '../engine';
import { secretSchema } from '../secrets/secret-schema';
import { CHANNEL_KINDS, type ChannelKind } from '../model/channel-ref';
import { Secret } from '../secrets/secret';
import type { ChannelConfig, ReceiverConfig } from './channel-config';
import { closestName } from '../validation/did-you-mean';
import { EMAIL_TRANSPORT_FIELDS, RECEIVER_FIELDS, type FieldSpec } from './receiver-catalog';

/** A Go template (or plain text): non-empty, `{{` and `}}` balanced. */
const template = z
  .string()
  .min(1, 'must not be empty; omit the field to use the default')
  .refine((t) => !Token.isUnresolved(t), 'must be literal text, not a Terraform token')
  .refine((t) => balancedDelimiters(t), 'unbalanced template delimiters: every "{{" needs a matching "}}"');

function balancedDelimiters(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '{{') {
      if (depth > 0) return false;
      depth++;
      i++;
    } else if (pair === '}}' && depth > 0) {
      depth--;
      i++;
    }
  }
  return depth === 0;
}

const isTemplate = (text: string): boolean => text.includes('{{');

const httpUrl = (schemes: readonly string[]) =>
  z.string().refine(
    (u) => {
      try {
        return schemes.includes(new URL(u).protocol);
      } catch {
        return false;
      }
    },
    `must be an absolute ${schemes.map((s) => s.replace(':', '')).join(' or ')} URL`,
  );

const details = z
  .record(z.string().min(1, 'detail names must not be empty'), template)
  .refine((d) => Object.keys(d).length > 0, 'must not be empty; omit the field to use the default');

const common = { sendResolved: z.boolean().optional() };

const slack = z.strictObject({
  kind: z.literal('slack'),
  webhookUrl: secretSchema('the Slack incoming-webhook URL', 'slack_webhook_url'),
  channel: z
    .string()
    .regex(/^[#@]?[A-Za-z0-9._-]{1,80}$/, "must be '#channel', '@user' or a channel id, without spaces")
    .optional(),
  title: template.optional(),
  text: template.optional(),
  username: z.string().min(1).max(80).optional(),
  iconEmoji: z
    .string()
    .regex(/^:[a-z0-9_+-]+:$/, "must look like ':rotating_light:'")
    .optional(),
  ...common,
});

const webhook = z.strictObject({
  kind: z.literal('webhook'),
  url: secretSchema('the webhook URL', 'alert_webhook_url'),
  auth: z
    .discriminatedUnion(
      'type',
      [
        z.strictObject({
          type: z.literal('basic'),
          username: z.string().min(1, 'must not be empty'),
          password: secretSchema('the webhook basic-auth password', 'alert_webhook_password'),
        }),
        z.strictObject({ type: z.literal('bearer'), token: secretSchema('the webhook bearer token', 'alert_webhook_token') }),
      ],
      { error: (issue) => (issue.code === 'invalid_union' ? "type must be 'basic' or 'bearer'" : undefined) },
    )
    .optional(),
  maxAlerts: z.number().int('must be a whole number').min(0, 'must be 0 (all) or more').optional(),
  ...common,
});

const pagerduty = z.strictObject({
  kind: z.literal('pagerduty'),
  routingKey: secretSchema('the PagerDuty integration (routing) key', 'pagerduty_routing_key'),
  description: template.optional(),
  severity: template
    .refine((s) => isTemplate(s) || ['critical', 'error', 'warning', 'info'].includes(s), {
      message: "must be one of critical, error, warning, info, or a template such as '{{ .CommonLabels.severity }}'",
    })
    .optional(),
  client: template.optional(),
  clientUrl: z.union([httpUrl(['https:', 'http:']), template.refine(isTemplate)], { error: 'must be an absolute http(s) URL or a template' }).optional(),
  class: template.optional(),
  component: template.optional(),
  group: template.optional(),
  details: details.optional(),
  ...common,
});

const emailAddress = z.string().regex(/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/, 'must be a plain e-mail address such as oncall@example.com');

const email = z.strictObject({
  kind: z.literal('email'),
  to: z
    .array(emailAddress)
    .min(1, 'needs at least one recipient')
    .refine((to) => new Set(to.map((a) => a.toLowerCase())).size === to.length, 'lists the same recipient twice'),
  subject: template.optional(),
  html: template.optional(),
  ...common,
});

const opsgenie = z.strictObject({
  kind: z.literal('opsgenie'),
  apiKey: secretSchema('the Opsgenie API key', 'opsgenie_api_key'),
  apiUrl: httpUrl(['https:']).optional(),
  message: template.optional(),
  description: template.optional(),
  priority: template.refine((p) => isTemplate(p) || /^P[1-5]$/.test(p), { message: 'must be P1..P5 or a template' }).optional(),
  details: details.optional(),
  tags: template.optional(),
  ...common,
});

const msteams = z.strictObject({
  kind: z.literal('msteamsv2'),
  webhookUrl: secretSchema('the Microsoft Teams workflow webhook URL', 'msteams_webhook_url'),
  title: template.optional(),
  text: template.optional(),
  ...common,
});

const googlechat = z.strictObject({
  kind: z.literal('googlechat'),
  webhookUrl: secretSchema('the Google Chat space webhook URL', 'googlechat_webhook_url'),
  title: template.optional(),
  text: template.optional(),
  ...common,
});

/** Schema of {@link ChannelConfig}: one object per kind, unknown fields rejected. */
export const channelConfigSchema = z.discriminatedUnion('kind', [slack, webhook, pagerduty, email, opsgenie, msteams, googlechat], {
  error: (issue) => (issue.code === 'invalid_union' ? 'kind must be one of slack, webhook, pagerduty, email, opsgenie, msteamsv2, googlechat' : undefined),
});
// The config types and this schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof channelConfigSchema>, ChannelConfig>;

interface SettingsProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Problems of one value at `path` (below the config) against its field spec. Secrets are allowed anywhere; secret fields take nothing else. */
function settingsProblems(spec: FieldSpec, value: unknown, path: (string | number)[], kind: ChannelKind, problems: SettingsProblem[]): void {
  if (Secret.isSecret(value)) return;
  const where = path.join('.');
  if (spec === 'secret') {
    const checked = secretSchema(`the ${kind} ${where}`, `${kind}_${path.filter((p) => typeof p === 'string').join('_')}`.toLowerCase()).safeParse(value);
    if (!checked.success) problems.push({ path, message: checked.error.issues[0]!.message });
    return;
  }
  if (typeof value === 'string') {
    if (Token.isUnresolved(value)) problems.push({ path, message: 'must be literal text, not a Terraform token (use a Secret for values Terraform fills in)' });
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push({ path, message: 'must be a finite number' });
    return;
  }
  if (typeof value === 'boolean') return;
  if (value === null || typeof value !== 'object') {
    problems.push({ path, message: `must be a string, number, boolean, list, object or Secret, not ${describeValue(value)}; omit the field to leave it unset` });
    return;
  }
  if (Array.isArray(value)) {
    if (spec !== 'value' && !('items' in spec)) problems.push({ path, message: `must be an object, not a list` });
    else value.forEach((item, i) => settingsProblems(spec === 'value' ? spec : spec.items, item, [...path, i], kind, problems));
    return;
  }
  if (spec !== 'value' && 'items' in spec) {
    problems.push({ path, message: 'must be a list, not an object' });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) continue;
    if (spec === 'value' || 'entries' in spec) {
      settingsProblems(spec === 'value' ? spec : spec.entries, record[key], [...path, key], kind, problems);
      continue;
    }
    const inner = spec.fields[key];
    if (inner !== undefined) {
      settingsProblems(inner, record[key], [...path, key], kind, problems);
      continue;
    }
    const known = Object.keys(spec.fields).sort();
    const stripped = path.length === 0 && kind === 'email' && EMAIL_TRANSPORT_FIELDS.includes(key);
    const suggestion = closestName(key, known);
    problems.push({
      path: [...path, key],
      message: stripped
        ? `SigNoz drops the SMTP transport fields of e-mail channels (${EMAIL_TRANSPORT_FIELDS.join(', ')}); its server configuration sets them`
        : `unknown option "${key}" (allowed for ${kind}${path.length === 0 ? '' : ` ${path.join('.')}`}: ${known.join(', ')}${suggestion !== undefined ? `; did you mean "${suggestion}"?` : ''})`,
    });
  }
}

const receiverConfig = z.strictObject({
  kind: z.string(),
  settings: z.record(z.string(), z.unknown()),
});

/** Schema of a list of {@link ReceiverConfig}s: known kinds, known fields, secrets as Secrets. */
export const receiverConfigsSchema = z
  .array(receiverConfig)
  .min(1, 'needs at least one receiver config')
  .superRefine((configs, ctx) => {
    configs.forEach((config, index) => {
      if (!(CHANNEL_KINDS as readonly string[]).includes(config.kind)) {
        const suggestion = closestName(config.kind, CHANNEL_KINDS);
        const got = `got ${JSON.stringify(config.kind)}${suggestion !== undefined ? `; did you mean "${suggestion}"?` : ''}`;
        ctx.addIssue({ code: 'custom', path: [index, 'kind'], message: `must be one of the receiver kinds SigNoz accepts: ${CHANNEL_KINDS.join(', ')} (${got})` });
        return;
      }
      const kind = config.kind as ChannelKind;
      const problems: SettingsProblem[] = [];
      settingsProblems({ fields: RECEIVER_FIELDS[kind] }, config.settings, [], kind, problems);
      for (const problem of problems) ctx.addIssue({ code: 'custom', path: [index, 'settings', ...problem.path], message: problem.message });
    });
  }) as unknown as z.ZodType<readonly ReceiverConfig[], readonly ReceiverConfig[]>;
