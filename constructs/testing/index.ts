/** Alert behaviour tests: prove an alert fires (and resolves) when it should, before it ships. */
export { expectAlertBehaviour, resolveRuleSource, AlertBehaviourError } from './expect-alert-behaviour';
export type { RuleSource } from './expect-alert-behaviour';
export type { AlertExpectation, BehaviourTestCase, DurationInput, ExpectedAlert, ResolveExpectation, SeriesSpec } from './behaviour-spec';
export { runBehaviourTest, buildQueryResults, BehaviourSpecError } from './run-behaviour-test';
export type { CaseResult } from './run-behaviour-test';
export { parseSeriesNotation, SeriesNotationError } from './series-notation';
export type { NotationValue } from './series-notation';
export { parseAlertTestFile, AlertTestFileError } from './alert-test-file';
export type { AlertTestFile, AlertTestFileProblem, RuleReference } from './alert-test-file';
export { alertTestCases, runAlertTestFiles, runAlertTestFile, discoverAlertTestFiles, loadRuleForTest, ALERT_TEST_FILE_PATTERN } from './run-alert-test-files';
export type { FileResult } from './run-alert-test-files';
export { junitReport, escapeXml } from './junit-report';
export { collectEstateAlerts, coverageReport, coverageText } from './coverage-report';
export type { CoverageReport, EstateAlert } from './coverage-report';
