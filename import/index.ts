/** Importing exported SigNoz rules as TypeScript that uses the construct library. */
export { importRules, constructIdFor, sameImportedRule, type ImportSource, type ImportedRule, type ImportProblem, type ImportResult } from './import-rules';
export { renderImportModule, isUsableIdentifier, type ModuleOptions } from './typescript-module';
export { addImportedRules, importedChannelNames } from './imported-rule-constructs';
export { ruleToCode, firstDifference, type RuleCode } from './rule-to-code';
