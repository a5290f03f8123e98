/**
 * Keys SigNoz silently ignores (it reads the rule, condition, thresholds, evaluation and
 * notification settings leniently): usually typos, so they are reported as warnings.
 */
import { unknownFieldMessage } from './did-you-mean';
import { arrayAt, recordAt } from './json-value';
import { pointer } from './json-pointer';
import { SCHEMA_PARTS } from './rule-schemas';
import type { IssueCollector } from './issue-collector';
import { isPlainObject } from '../util/json';

/** Keys reported elsewhere with a better message: legacy top-level fields and v1-only condition fields. */
const LEGACY_RULE_FIELDS = ['preferredChannels', 'evalWindow', 'frequency'];
const V1_CONDITION_FIELDS = ['op', 'target', 'matchType', 'targetUnit'];

function keysOf(schema: { properties?: object }): ReadonlySet<string> {
  return new Set(Object.keys(schema.properties ?? {}));
}

const KNOWN = {
  rule: keysOf(SCHEMA_PARTS.rule),
  condition: keysOf(SCHEMA_PARTS.condition),
  compositeQuery: keysOf(SCHEMA_PARTS.compositeQuery),
  thresholds: keysOf(SCHEMA_PARTS.thresholds),
  threshold: keysOf(SCHEMA_PARTS.threshold),
  evaluation: keysOf(SCHEMA_PARTS.evaluation),
  rollingWindow: keysOf(SCHEMA_PARTS.rollingWindow),
  cumulativeWindow: keysOf(SCHEMA_PARTS.cumulativeWindow),
  schedule: keysOf(SCHEMA_PARTS.schedule),
  notificationSettings: keysOf(SCHEMA_PARTS.notificationSettings),
  renotify: keysOf(SCHEMA_PARTS.renotify),
};

function warnUnknown(object: unknown, known: ReadonlySet<string>, path: string, out: IssueCollector, reportedElsewhere: readonly string[] = []): void {
  if (!isPlainObject(object)) return;
  for (const key of Object.keys(object)) {
    if (known.has(key) || reportedElsewhere.includes(key)) continue;
    out.warn(pointer(path, key), unknownFieldMessage(key, known, '; SigNoz ignores it'));
  }
}

export function warnUnknownFields(payload: unknown, out: IssueCollector): void {
  warnUnknown(payload, KNOWN.rule, '', out, LEGACY_RULE_FIELDS);
  const condition = recordAt(payload, 'condition');
  warnUnknown(condition, KNOWN.condition, '/condition', out, V1_CONDITION_FIELDS);
  warnUnknown(recordAt(condition, 'compositeQuery'), KNOWN.compositeQuery, '/condition/compositeQuery', out);
  const thresholds = recordAt(condition, 'thresholds');
  warnUnknown(thresholds, KNOWN.thresholds, '/condition/thresholds', out);
  (arrayAt(thresholds, 'spec') ?? []).forEach((threshold, index) => warnUnknown(threshold, KNOWN.threshold, pointer('/condition/thresholds/spec', index), out));
  const evaluation = recordAt(payload, 'evaluation');
  warnUnknown(evaluation, KNOWN.evaluation, '/evaluation', out);
  const spec = recordAt(evaluation, 'spec');
  if (evaluation?.kind === 'rolling') warnUnknown(spec, KNOWN.rollingWindow, '/evaluation/spec', out);
  if (evaluation?.kind === 'cumulative') {
    warnUnknown(spec, KNOWN.cumulativeWindow, '/evaluation/spec', out);
    warnUnknown(recordAt(spec, 'schedule'), KNOWN.schedule, '/evaluation/spec/schedule', out);
  }
  const settings = recordAt(payload, 'notificationSettings');
  warnUnknown(settings, KNOWN.notificationSettings, '/notificationSettings', out);
  warnUnknown(recordAt(settings, 'renotify'), KNOWN.renotify, '/notificationSettings/renotify', out);
}
