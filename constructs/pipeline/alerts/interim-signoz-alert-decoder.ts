/**
 * Interim reader of the legacy `signoz_alert` resource into the canonical `RulePayload`, until the
 * project's codec (`constructs/codecs/signoz-alert-codec.ts`) lands; `rule-payload-adapter.ts` is
 * the one place that chooses which decoder runs. `condition` and `evaluation` are JSON strings in
 * camelCase; everything else is a flat attribute. Rules of schema `v1` carry one threshold at the
 * top of the condition: it becomes a single tier named after `severity`, notifying
 * `preferred_channels`, so both schema versions diff the same way.
 */
import type { RulePayload } from '../../model/rule-payload';
import { camelizeTree, isObject } from './interim-signoz-rule-decoder';

type Json = Record<string, unknown>;

function parseJsonAttribute(value: unknown, name: string): Json | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isObject(value)) return value;
  if (typeof value !== 'string') throw new TypeError(`signoz_alert ${name} must be JSON text`);
  const parsed: unknown = JSON.parse(value);
  if (!isObject(parsed)) throw new TypeError(`signoz_alert ${name} must be a JSON object`);
  return parsed;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export function decodeSignozAlertInterim(attributes: unknown): RulePayload {
  if (!isObject(attributes)) throw new TypeError('signoz_alert attributes must be an object');
  let condition: Json = parseJsonAttribute(attributes.condition, 'condition') ?? {};
  const severity = typeof attributes.severity === 'string' ? attributes.severity : undefined;
  const preferredChannels = stringList(attributes.preferred_channels);

  if (!isObject(condition.thresholds) && (condition.target !== undefined || condition.op !== undefined)) {
    const { op, target, matchType, targetUnit, ...rest } = condition;
    condition = {
      ...rest,
      thresholds: {
        kind: 'basic',
        spec: [{ name: severity ?? 'default', target, op, matchType, targetUnit, channels: preferredChannels ?? [] }],
      },
    };
  }

  const evaluation = parseJsonAttribute(attributes.evaluation, 'evaluation') ?? {
    kind: 'rolling',
    spec: { evalWindow: attributes.eval_window, frequency: attributes.frequency },
  };

  const labels: Record<string, string> = { ...((isObject(attributes.labels) ? attributes.labels : {}) as Record<string, string>) };
  if (severity !== undefined) labels.severity = severity;
  const annotations: Record<string, string> = {};
  if (typeof attributes.description === 'string') annotations.description = attributes.description;
  if (typeof attributes.summary === 'string') annotations.summary = attributes.summary;

  const payload: Json = {
    alert: attributes.alert,
    alertType: attributes.alert_type,
    ruleType: attributes.rule_type,
    schemaVersion: attributes.schema_version ?? 'v1',
    version: attributes.version,
    condition,
    evaluation,
    notificationSettings: camelizeTree(attributes.notification_settings ?? {}),
    labels,
    annotations,
  };
  if (typeof attributes.disabled === 'boolean') payload.disabled = attributes.disabled;
  return payload as unknown as RulePayload;
}
