/**
 * Recognizes rule payloads written for older SigNoz versions, so they are reported as legacy with
 * a migration hint instead of drowning in v2alpha1 schema errors or being half accepted.
 */
import { hasOwn, recordAt, type JsonRecord } from './json-value';
import type { ValidationIssue } from './validation-issue';
import { isPlainObject } from '../util/json';

export interface LegacyFindings {
  /** What was found, one issue per legacy construct, each saying how to migrate. */
  readonly issues: ValidationIssue[];
  /** The payload is legacy as a whole (query maps, old query format, schema v1): v2alpha1 checks would only add noise. */
  readonly wholePayload: boolean;
}

const QUERY_MAPS: Readonly<Record<string, string>> = {
  builderQueries: 'builder_query / builder_formula',
  chQueries: 'clickhouse_sql',
  promQueries: 'promql',
};

const QUERY_MAP_FIELDS = Object.keys(QUERY_MAPS);

const V1_CONDITION_FIELDS = ['op', 'target', 'matchType'] as const;

const V2_HINT =
  'rewrite it as schemaVersion "v2alpha1": move condition.op/target/matchType into condition.thresholds ' +
  '({"kind": "basic", "spec": [{"name": "critical", "target": ..., "op": ..., "matchType": ..., "channels": [...]}]}), ' +
  'evalWindow/frequency into evaluation ({"kind": "rolling", "spec": {"evalWindow": "5m", "frequency": "1m"}}), ' +
  "preferredChannels into each threshold's channels, and add notificationSettings (may be {})";

function queryMapFindings(rule: JsonRecord): ValidationIssue[] {
  const compositeQuery = recordAt(recordAt(rule, 'condition'), 'compositeQuery');
  if (!compositeQuery || !QUERY_MAP_FIELDS.some((field) => compositeQuery[field] !== undefined && compositeQuery[field] !== null)) return [];
  return Object.entries(QUERY_MAPS)
    .filter(([field]) => hasOwn(compositeQuery, field) && compositeQuery[field] !== null)
    .map(([field, envelopeType]) => ({
      path: `/condition/compositeQuery/${field}`,
      message:
        `legacy v3/v4 query map "${field}": SigNoz >= v0.118.0 no longer reads it (the rule is rejected with ` +
        `"condition.compositeQuery.queries: must have at least one query"); move each entry into compositeQuery.queries ` +
        `as {"type": "${envelopeType.split(' / ')[0]}", "spec": {"name": "<map key>", ...}} (types: ${envelopeType})`,
    }));
}

function versionFinding(rule: JsonRecord): ValidationIssue[] {
  const version = rule.version;
  if (typeof version !== 'string' || !/^v[0-4]$/.test(version.trim())) return [];
  return [
    {
      path: '/version',
      message:
        `legacy query format version ${JSON.stringify(version)}: SigNoz >= v0.113.0 accepts only "v5"; set "version": "v5" ` +
        'and write the queries as compositeQuery.queries [{"type": ..., "spec": ...}]',
    },
  ];
}

function schemaVersionFinding(rule: JsonRecord): ValidationIssue[] {
  const condition = recordAt(rule, 'condition');
  const v1Fields = condition ? V1_CONDITION_FIELDS.filter((f) => hasOwn(condition, f)) : [];
  if (rule.schemaVersion === 'v1') {
    return [{ path: '/schemaVersion', message: `legacy schemaVersion "v1" rule: this toolkit and the signoz_rule Terraform resource accept only "v2alpha1"; ${V2_HINT}` }];
  }
  if (!hasOwn(rule, 'schemaVersion') && v1Fields.length > 0) {
    return [
      {
        path: '/schemaVersion',
        message: `schemaVersion is missing and condition has ${v1Fields.join('/')}: SigNoz reads this as a legacy schemaVersion "v1" rule; ${V2_HINT}`,
      },
    ];
  }
  return [];
}

const V1_TOP_LEVEL: Readonly<Record<string, string>> = {
  preferredChannels: 'set the channel names on each threshold (condition.thresholds.spec[].channels)',
  evalWindow: 'set it as evaluation.spec.evalWindow with evaluation.kind "rolling"',
  frequency: 'set it as evaluation.spec.frequency',
};

const V1_TOP_LEVEL_FIELDS = Object.keys(V1_TOP_LEVEL);

function topLevelFindings(rule: JsonRecord): ValidationIssue[] {
  if (!V1_TOP_LEVEL_FIELDS.some((field) => rule[field] !== undefined && rule[field] !== null)) return [];
  return Object.entries(V1_TOP_LEVEL)
    .filter(([field]) => hasOwn(rule, field) && rule[field] !== null)
    .map(([field, hint]) => ({
      path: `/${field}`,
      message: `legacy schemaVersion "v1" field "${field}": SigNoz ignores it for v2alpha1 rules; ${hint}`,
    }));
}

/** Legacy constructs in `rule`; empty `issues` when there are none (or `rule` is not an object). */
export function detectLegacyRule(rule: unknown): LegacyFindings {
  if (!isPlainObject(rule)) return { issues: [], wholePayload: false };
  const schemaV1 = schemaVersionFinding(rule);
  const version = versionFinding(rule);
  const queryMaps = queryMapFindings(rule);
  const structural = version.length + schemaV1.length + queryMaps.length === 0 ? [] : [...version, ...schemaV1, ...queryMaps];
  // a schema v1 finding already explains where the v1 top-level fields go
  const topLevel = schemaV1.length > 0 ? [] : topLevelFindings(rule);
  const issues = topLevel.length === 0 ? structural : [...structural, ...topLevel];
  return { issues, wholePayload: structural.length > 0 };
}
