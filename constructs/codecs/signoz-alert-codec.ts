/**
 * Codec between the canonical rule payload and the legacy `signoz_alert` resource (provider signoz
 * <= 0.0.17, deprecated since 0.0.16): `condition` and `evaluation` as JSON strings written exactly
 * as the provider re-serializes them (Go `encoding/json`: sorted keys, HTML-escaped), severity as
 * an attribute, description and summary as attributes, and `version = "v5"`.
 *
 * The legacy resource cannot carry everything: anomaly rules (the provider's `rule_type` validator
 * rejects `anomaly_rule`), annotations other than description and summary, the top-level rule
 * description, and `newGroupEvalDelay`. Encoding such a rule throws a `CodecError` naming the field.
 */
import { SEVERITIES, type Severity } from '../model/enums';
import type { NotificationSettings, RuleJson, RulePayload } from '../model/rule-payload';
import { compact, goJsonStringify, isPlainObject } from '../util/json';
import { CodecError } from './codec-error';
import { MAX_RULE_NESTING_DEPTH, parseJsonInput } from '../util/parse-input';

export type SignozAlertAttributes = Record<string, unknown> & {
  alert: string;
  alert_type: string;
  severity: string;
  condition: string;
  evaluation: string;
  version: string;
  schema_version: string;
};

/** Annotations the legacy resource carries, each through an attribute of its own. */
const LEGACY_ANNOTATIONS = ['description', 'summary'] as const;

/** Labels the provider adds on write and strips on read. */
const PROVIDER_LABELS = new Set(['severity', 'managedBy']);

/**
 * The severity the legacy resource requires: the `severity` label, else the name of the rule's only
 * tier. The provider writes it into the rule's labels, where SigNoz lets it override the severity
 * of every tier, so a rule with several tiers cannot be carried faithfully.
 */
function legacySeverity(payload: RulePayload): Severity {
  const label = payload.labels?.severity?.toLowerCase();
  if (label && (SEVERITIES as readonly string[]).includes(label)) return label as Severity;
  if (label) {
    throw new CodecError('/labels/severity', `signoz_alert needs severity to be one of ${SEVERITIES.join(', ')}, got "${payload.labels?.severity}"`);
  }
  const tiers = [...new Set(payload.condition.thresholds.spec.map((t) => t.name.toLowerCase()))];
  if (tiers.length > 1) {
    throw new CodecError(
      '/condition/thresholds/spec',
      `signoz_alert writes one severity into the rule's labels, which SigNoz applies to every tier, so tiers ${tiers.join(', ')} would all notify as ${tiers[0]}; use the signoz_rule target, or one tier per legacy alert`,
    );
  }
  if (!tiers[0] || !(SEVERITIES as readonly string[]).includes(tiers[0])) {
    throw new CodecError('/labels/severity', `signoz_alert needs a severity: name the tier one of ${SEVERITIES.join(', ')}, or set the "severity" label`);
  }
  return tiers[0] as Severity;
}

function encodeNotificationSettings(settings: NotificationSettings): Record<string, unknown> {
  if (settings.newGroupEvalDelay !== undefined) {
    throw new CodecError('/notificationSettings/newGroupEvalDelay', 'signoz_alert cannot carry newGroupEvalDelay; remove it or use the signoz_rule target');
  }
  const renotify = settings.renotify;
  if (renotify && (renotify.interval === undefined || renotify.alertStates === undefined)) {
    throw new CodecError('/notificationSettings/renotify', 'signoz_alert needs renotify.interval and renotify.alertStates whenever renotify is set');
  }
  return compact({
    group_by: settings.groupBy,
    use_policy: settings.usePolicy,
    renotify: renotify ? { enabled: renotify.enabled, interval: renotify.interval, alert_states: renotify.alertStates } : undefined,
  });
}

/** The `signoz_alert` attributes for a canonical rule payload. */
export function encodeSignozAlert(payload: RulePayload): SignozAlertAttributes {
  if (payload.ruleType === 'anomaly_rule') {
    throw new CodecError('/ruleType', 'anomaly rules cannot be expressed with signoz_alert (provider 0.0.17 rejects rule_type "anomaly_rule"); use the signoz_rule target');
  }
  if (payload.description !== undefined) {
    throw new CodecError('/description', 'signoz_alert has no top-level rule description; put the text in the "description" annotation or use the signoz_rule target');
  }
  const extra = Object.keys(payload.annotations ?? {}).filter((k) => !(LEGACY_ANNOTATIONS as readonly string[]).includes(k));
  if (extra.length > 0) {
    throw new CodecError(
      `/annotations/${extra[0]}`,
      `signoz_alert carries only the description and summary annotations, not ${extra.map((k) => `"${k}"`).join(', ')}; use the signoz_rule target`,
    );
  }
  const labels = Object.fromEntries(Object.entries(payload.labels ?? {}).filter(([k]) => !PROVIDER_LABELS.has(k)));
  return compact({
    alert: payload.alert,
    alert_type: payload.alertType,
    rule_type: payload.ruleType,
    severity: legacySeverity(payload),
    condition: goJsonStringify(payload.condition),
    evaluation: goJsonStringify(payload.evaluation),
    version: payload.version,
    schema_version: payload.schemaVersion,
    labels: Object.keys(labels).length > 0 ? labels : undefined,
    description: payload.annotations?.description,
    summary: payload.annotations?.summary,
    disabled: payload.disabled,
    notification_settings: encodeNotificationSettings(payload.notificationSettings),
  }) as SignozAlertAttributes;
}

function parseJsonAttribute(attributes: Record<string, unknown>, name: 'condition' | 'evaluation'): unknown {
  const text = attributes[name];
  if (typeof text !== 'string') throw new CodecError(`/${name}`, `signoz_alert ${name} must be a JSON string`);
  const parsed = parseJsonInput(text, MAX_RULE_NESTING_DEPTH);
  if ('error' in parsed) throw new CodecError(`/${name}`, `signoz_alert ${name} is not valid JSON text: ${parsed.error}`);
  return parsed.value;
}

/** The canonical rule payload for `signoz_alert` attributes (config, plan or state). */
export function decodeSignozAlert(attributes: Record<string, unknown>): RuleJson {
  const ns = isPlainObject(attributes.notification_settings) ? attributes.notification_settings : {};
  const renotify = isPlainObject(ns.renotify) ? ns.renotify : undefined;
  const annotations = compact({ description: attributes.description, summary: attributes.summary });
  const userLabels = isPlainObject(attributes.labels) ? (attributes.labels as Record<string, string>) : {};
  const condition = parseJsonAttribute(attributes, 'condition') as RulePayload['condition'];
  // A severity equal to the only tier's name adds nothing (SigNoz labels that tier's alerts with it anyway).
  const tierNames = new Set((condition?.thresholds?.spec ?? []).map((t) => String(t?.name).toLowerCase()));
  const impliedSeverity = typeof attributes.severity === 'string' && tierNames.size === 1 && tierNames.has(attributes.severity.toLowerCase());
  const labels = {
    ...Object.fromEntries(Object.entries(userLabels).filter(([k]) => !PROVIDER_LABELS.has(k))),
    ...(typeof attributes.severity === 'string' && !impliedSeverity ? { severity: attributes.severity } : {}),
  };
  return compact({
    alert: attributes.alert,
    alertType: attributes.alert_type,
    ruleType: attributes.rule_type,
    condition,
    labels,
    annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    disabled: attributes.disabled,
    version: 'v5',
    schemaVersion: attributes.schema_version ?? 'v2alpha1',
    evaluation: parseJsonAttribute(attributes, 'evaluation'),
    notificationSettings: compact({
      groupBy: ns.group_by ?? undefined,
      usePolicy: ns.use_policy ?? undefined,
      renotify: renotify ? compact({ enabled: renotify.enabled, interval: renotify.interval, alertStates: renotify.alert_states }) : undefined,
    }),
  });
}
