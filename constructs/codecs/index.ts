import type { RulePayload } from '../model/rule-payload';
import { encodeSignozAlert } from './signoz-alert-codec';
import { encodeSignozRule } from './signoz-rule-codec';

export { CodecError } from './codec-error';
export { decodeSignozAlert, encodeSignozAlert, type SignozAlertAttributes } from './signoz-alert-codec';
export { decodeSignozRule, encodeSignozRule, type SignozRuleAttributes } from './signoz-rule-codec';

import type { RuleResourceType } from './rules-in';

export { decodeRule, describeIssues, type DecodedRule, type DecodeRuleOptions, type RuleShape } from './decode-rule';
export { rulesIn, readRulesIn, terraformRulesIn, holdsRules, isRuleResourceType, RULE_RESOURCE_TYPES, type RuleEntry, type ReadRule, type RuleResourceType } from './rules-in';

/** Encodes a canonical payload for the given resource type. */
export function encodeRuleResource(type: RuleResourceType, payload: RulePayload): Record<string, unknown> {
  return type === 'signoz_rule' ? encodeSignozRule(payload) : encodeSignozAlert(payload);
}

export { normalizeImportedRule, SERVER_SET_FIELDS } from './import-normalization';
export { validateRuleFileText, type RuleFileValidation } from './validate-rule-file';
export { stripServerFields, SERVER_READ_ONLY_FIELDS } from './server-fields';
export { hasLegacyQueries, migrateLegacyQueries, type QueryMigration } from './legacy-query-migration';
export { isSchemaV1, migrateSchemaV1 } from './legacy-schema-migration';
export { readSynthOutput, readManifest, rulesOfStack, SynthOutputError, type ReadSynthOutputOptions, type SynthesizedStack, type ManifestStack } from './synth-output';
