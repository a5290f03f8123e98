/** Importing exported SigNoz rules as TypeScript that uses the construct library. */
export { importRules, constructIdFor, sameImportedRule, type ImportSource, type ImportedRule, type ImportProblem, type ImportResult } from './import-rules';
export { renderImportModule, isUsableIdentifier, type ModuleOptions } from './typescript-module';
export { addImportedRules } from './imported-rule-constructs';
export { normalizeImportedRule, SERVER_SET_FIELDS } from './import-normalization';
export { ruleToCode, firstDifference, type RuleCode } from './rule-to-code';
export { exportedRules, type ExportedRuleEntry } from './exported-rules';
export { hasLegacyQueries, migrateLegacyQueries, type QueryMigration } from './legacy-query-migration';
export { isSchemaV1, migrateSchemaV1 } from './legacy-schema-migration';
