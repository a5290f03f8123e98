/**
 * The JSON Schemas (draft-07) of the SigNoz rule payload, schema version v2alpha1 with v5 queries.
 * They use two annotation keywords, `x-messages` (server wording per failing keyword) and
 * `x-aliases` (which alias table applies to an enum); register them as vocabulary to compile
 * the schemas with another Ajv instance: `ajv.addVocabulary([...RULE_SCHEMA_VOCABULARY])`.
 */
import conditionSchema from './schemas/condition.schema.json';
import evaluationSchema from './schemas/evaluation.schema.json';
import notificationSettingsSchema from './schemas/notification-settings.schema.json';
import querySchema from './schemas/query.schema.json';
import ruleSchema from './schemas/rule.schema.json';
import thresholdsSchema from './schemas/thresholds.schema.json';

/** `$id` of the root schema (the whole rule payload). */
export const RULE_SCHEMA_ID = ruleSchema.$id;

/** Every schema, root first; each references the others by relative `$id`. */
export const RULE_SCHEMAS: readonly object[] = [ruleSchema, conditionSchema, thresholdsSchema, querySchema, evaluationSchema, notificationSettingsSchema];

/** Non-standard annotation keywords the schemas carry; validators ignore them. */
export const RULE_SCHEMA_VOCABULARY = ['x-messages', 'x-aliases'] as const;

/** Schema objects the human-readable checks read key lists from. */
export const SCHEMA_PARTS = {
  rule: ruleSchema,
  condition: conditionSchema,
  compositeQuery: conditionSchema.definitions.compositeQuery,
  thresholds: thresholdsSchema,
  threshold: thresholdsSchema.definitions.basicThreshold,
  evaluation: evaluationSchema,
  rollingWindow: evaluationSchema.definitions.rollingWindow,
  cumulativeWindow: evaluationSchema.definitions.cumulativeWindow,
  schedule: evaluationSchema.definitions.schedule,
  notificationSettings: notificationSettingsSchema,
  renotify: notificationSettingsSchema.properties.renotify,
} as const;
